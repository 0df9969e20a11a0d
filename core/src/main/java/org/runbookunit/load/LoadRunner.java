package org.runbookunit.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Send a plan's requests with the JDK's asynchronous HTTP/1.1 client: a closed model of virtual users that each send
 * the next request when the last one ended, or an open model of arrivals at a constant rate whose durations are
 * measured from when each request was due (a slow server does not slow the arrivals or hide its queueing).
 */
final class LoadRunner {

    private static final HttpResponse.BodyHandler<Void> DISCARD = HttpResponse.BodyHandlers.discarding();

    private final Plan plan;
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean stopped;
    private long startNanos;
    private long holdEndNanos;
    private long deadlineNanos;
    private HttpClient client;
    private HttpRequest request;
    private Measurements measurements;

    LoadRunner(Plan plan) {
        this.plan = plan;
    }

    /** Run the plan and return what it measured with the per-second timeline. */
    Measured run() {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                daemon(plan.name()));
        try {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(plan.requestTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER).executor(pool).build();
            HttpRequest.Builder builder = HttpRequest.newBuilder(plan.uri()).timeout(plan.requestTimeout()).GET();
            plan.headers().forEach(builder::header);
            request = builder.build();
            startNanos = System.nanoTime();
            holdEndNanos = startNanos + plan.rampUp().plus(plan.duration()).toNanos();
            deadlineNanos = startNanos + plan.maxTime().toNanos();
            measurements = new Measurements(startNanos, plan.maxTime());
            long notSent = plan.open() ? runOpen() : runClosed();
            stopped = true;
            measurements.close();
            Duration elapsed = Duration.ofNanos(Math.min(System.nanoTime(), deadlineNanos) - startNanos);
            return new Measured(measurements.result(plan.name(), elapsed, notSent), measurements.timeline(),
                    sent.get() >= plan.maxRequests());
        } finally {
            stopped = true;
            pool.shutdownNow();
        }
    }

    private long runClosed() {
        CountDownLatch finished = new CountDownLatch(plan.virtualUsers());
        AtomicInteger inFlight = new AtomicInteger();
        for (int user = 0; user < plan.virtualUsers(); user++) {
            long due = startNanos + plan.rampUp().toNanos() * user / plan.virtualUsers();
            if (!parkUntil(due)) {
                finished.countDown();
                continue;
            }
            next(finished, inFlight);
        }
        awaitQuietly(finished);
        return 0;
    }

    /** Send a virtual user's next request, or finish the user when the probe is over or its bounds are reached. */
    private void next(CountDownLatch finished, AtomicInteger inFlight) {
        if (stopped || System.nanoTime() >= holdEndNanos || sent.incrementAndGet() > plan.maxRequests()) {
            finished.countDown();
            return;
        }
        long begin = System.nanoTime();
        inFlight.incrementAndGet();
        client.sendAsync(request, DISCARD).whenComplete((response, error) -> {
            inFlight.decrementAndGet();
            measurements.record(begin, System.nanoTime(), response == null ? -1 : response.statusCode(), error);
            next(finished, inFlight);
        });
    }

    private long runOpen() {
        Semaphore slots = new Semaphore(plan.virtualUsers());
        long intended = plan.intendedArrivals();
        long index = 0;
        for (; index < intended && index < plan.maxRequests(); index++) {
            long due = startNanos + plan.arrivalNanos(index);
            if (!parkUntil(due) || !acquire(slots, 1)) {
                break;
            }
            sent.incrementAndGet();
            client.sendAsync(request, DISCARD).whenComplete((response, error) -> {
                measurements.record(due, System.nanoTime(), response == null ? -1 : response.statusCode(), error);
                slots.release();
            });
        }
        acquire(slots, plan.virtualUsers());
        return intended - index;
    }

    /** Wait until a moment; return false when the probe's deadline comes first. */
    private boolean parkUntil(long due) {
        if (due >= deadlineNanos) {
            return false;
        }
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return true;
    }

    private boolean acquire(Semaphore slots, int permits) {
        try {
            return slots.tryAcquire(permits, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitQuietly(CountDownLatch finished) {
        try {
            finished.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "runbook-load-" + count.incrementAndGet() + " " + name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Hold a probe's result and timeline.
     *
     * @param result what was measured
     * @param timeline one row per second
     * @param reachedMaxRequests whether the probe stopped at its request bound
     */
    record Measured(LoadResult result, java.util.List<java.util.Map<String, Object>> timeline, boolean reachedMaxRequests) {
    }
}
