package org.runbookunit.http;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.http.client.methods.HttpUriRequest;

/**
 * Bound one HTTP call as a whole: when the deadline passes, the request is aborted (its socket closed) wherever it is —
 * connecting, waiting for headers that arrive one byte a second, or reading a body that never ends.
 */
final class CallDeadline implements AutoCloseable {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final Duration timeout;
    private volatile long startNanos;
    private volatile boolean expired;
    private ScheduledFuture<?> abort;

    CallDeadline(Duration timeout) {
        this.timeout = timeout;
    }

    /** Start the clock as the client begins the call, and abort the request when the timeout has passed. */
    synchronized void start(HttpUriRequest request) {
        startNanos = System.nanoTime();
        abort = TIMER.schedule(() -> {
            expired = true;
            request.abort();
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Tell whether the client reached the network at all. */
    boolean started() {
        return startNanos != 0;
    }

    /** Tell whether the deadline passed and the request was aborted. */
    boolean expired() {
        return expired || started() && elapsed().compareTo(timeout) >= 0;
    }

    /** Return the time since the client began the call, zero when it never did. */
    Duration elapsed() {
        return started() ? Duration.ofNanos(System.nanoTime() - startNanos) : Duration.ZERO;
    }

    Duration timeout() {
        return timeout;
    }

    /** Stop the clock: a call that finished is not aborted any more. */
    @Override
    public synchronized void close() {
        if (abort != null) {
            abort.cancel(false);
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "runbookunit-http-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
