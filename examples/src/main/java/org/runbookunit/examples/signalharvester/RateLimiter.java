package org.runbookunit.examples.signalharvester;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Allow each client a number of requests per fixed window, answering the {@code X-RateLimit-*} headers of seed 003. */
final class RateLimiter {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Count one request of a client and return the headers to send; {@code allowed} is false once over the limit. */
    Decision take(String client) {
        long now = clock.millis();
        Window current = windows.compute(client, (key, old) -> old == null || now >= old.resetAtMillis
                ? new Window(now + window.toMillis(), 1) : new Window(old.resetAtMillis, old.used + 1));
        int remaining = Math.max(0, limit - current.used);
        return new Decision(current.used <= limit, Map.of("X-RateLimit-Limit", String.valueOf(limit),
                "X-RateLimit-Remaining", String.valueOf(remaining),
                "X-RateLimit-Reset", String.valueOf(current.resetAtMillis / 1000)));
    }

    record Decision(boolean allowed, Map<String, String> headers) {
    }

    private record Window(long resetAtMillis, int used) {
    }
}
