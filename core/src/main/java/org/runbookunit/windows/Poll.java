package org.runbookunit.windows;

import java.time.Duration;
import org.awaitility.pollinterval.FixedPollInterval;
import org.awaitility.pollinterval.IterativePollInterval;
import org.awaitility.pollinterval.PollInterval;

/**
 * Say how often {@link Windows#eventually} tries again: at a fixed interval, or backing off up to a cap.
 *
 * <pre>{@code
 * windows.eventually("api ready", Duration.ofMinutes(5), Poll.backoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(10)),
 *     () -> http.get("api", "/health/ready").expectStatus(200));
 * }</pre>
 *
 * @param first the first interval
 * @param factor what each interval is multiplied by to get the next; 1 for a fixed poll
 * @param max the longest interval
 */
public record Poll(Duration first, double factor, Duration max) {

    /** Validate the parts. */
    public Poll {
        if (first.isNegative() || first.isZero() || factor < 1 || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("Poll needs first > 0, factor >= 1 and max >= first but was [" + first
                    + ", " + factor + ", " + max + "]");
        }
    }

    /** Poll at a fixed interval. */
    public static Poll every(Duration interval) {
        return new Poll(interval, 1, interval);
    }

    /** Poll at growing intervals: {@code first}, {@code first × factor}, … never longer than {@code max}. */
    public static Poll backoff(Duration first, double factor, Duration max) {
        return new Poll(first, factor, max);
    }

    PollInterval scaled(double scale) {
        Duration start = Scale.apply(first, scale);
        Duration cap = Scale.apply(max, scale);
        if (factor == 1) {
            return new FixedPollInterval(start);
        }
        return new IterativePollInterval(previous -> min(Duration.ofNanos((long) (previous.toNanos() * factor)), cap), start);
    }

    private static Duration min(Duration left, Duration right) {
        return left.compareTo(right) <= 0 ? left : right;
    }

    @Override
    public String toString() {
        return factor == 1 ? "every " + first.toMillis() + " ms"
                : "backoff from " + first.toMillis() + " ms ×" + factor + " up to " + max.toMillis() + " ms";
    }
}
