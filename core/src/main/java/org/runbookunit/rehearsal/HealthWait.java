package org.runbookunit.rehearsal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** Poll an HTTP health URL until it answers 200, the service gives up, or the time is spent. */
final class HealthWait {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);

    private HealthWait() {
    }

    /**
     * Wait for {@code health} to answer 200.
     *
     * @param gaveUp says why the service cannot become healthy any more (e.g. its process exited), or null
     */
    static void until200(URI health, Duration timeout, Supplier<String> gaveUp) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String reason = gaveUp.get();
            if (reason != null) {
                throw new IllegalStateException(reason + " before " + health + " answered 200");
            }
            if (answers200(client, health)) {
                return;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException(health + " did not answer 200 within " + timeout.toMillis() + " ms");
    }

    private static boolean answers200(HttpClient client, URI health) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(health).timeout(REQUEST_TIMEOUT).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }
}
