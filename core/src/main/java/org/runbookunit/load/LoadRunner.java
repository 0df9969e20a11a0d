package org.runbookunit.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Send a plan's requests with one thread and one kept-alive connection per virtual user ({@link PooledSender}): in
 * the closed model each user sends its next request when the last one ended; in the open model a scheduler issues
 * arrivals at a constant rate to the users, and each request's duration is measured from when it was due, so a slow
 * server neither slows the arrivals nor hides its queueing (no coordinated omission).
 *
 * <p>Each request is sent and read on its user's thread. The JDK {@code HttpClient} this replaced reads every
 * connection on a selector thread and hands each response to the user's thread; on loopback that hand-off cost about
 * half the requests per second ({@code bench/load-vs-wrk.sh}).
 */
final class LoadRunner {

    private static final long NO_MORE = Long.MIN_VALUE;

    private final Plan plan;
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean stopped;
    private long startNanos;
    private long holdEndNanos;
    private long deadlineNanos;
    private Measurements measurements;

    LoadRunner(Plan plan) {
        this.plan = plan;
    }

    /** Run the plan and return what it measured with the per-second timeline. */
    Measured run() {
        startNanos = System.nanoTime();
        holdEndNanos = startNanos + plan.rampUp().plus(plan.duration()).toNanos();
        deadlineNanos = startNanos + plan.maxTime().toNanos();
        measurements = new Measurements(startNanos);
        BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
        List<Thread> users = new ArrayList<>();
        PooledSender sender = new PooledSender(plan);
        try {
            for (int user = 0; user < plan.virtualUsers(); user++) {
                long begin = plan.open() ? startNanos
                        : startNanos + plan.rampUp().toNanos() * user / plan.virtualUsers();
                Runnable work = plan.open() ? () -> takeArrivals(sender, arrivals) : () -> sendUntilDone(sender, begin);
                users.add(start(work, user));
            }
            long notSent = plan.open() ? scheduleArrivals(arrivals) : 0;
            join(users);
            stopped = true;
            measurements.close();
            Duration elapsed = Duration.ofNanos(Math.min(System.nanoTime(), deadlineNanos) - startNanos);
            long waiting = arrivals.stream().filter(due -> due != NO_MORE).count();
            return new Measured(measurements.result(plan.name(), elapsed, notSent + waiting),
                    measurements.timeline(), sent.get() >= plan.maxRequests());
        } finally {
            stopped = true;
            users.forEach(Thread::interrupt);
            measurements.close();
            sender.close();
        }
    }

    private void sendUntilDone(PooledSender sender, long begin) {
        if (!parkUntil(begin)) {
            return;
        }
        while (!stopped && System.nanoTime() < holdEndNanos && sent.incrementAndGet() <= plan.maxRequests()) {
            send(sender, System.nanoTime());
        }
    }

    private void takeArrivals(PooledSender sender, BlockingQueue<Long> arrivals) {
        try {
            for (long due = arrivals.take(); due != NO_MORE && !stopped; due = arrivals.take()) {
                send(sender, due);
            }
            arrivals.offer(NO_MORE);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Issue the open model's arrivals on time whatever the users are doing; return how many were never issued. */
    private long scheduleArrivals(BlockingQueue<Long> arrivals) {
        long intended = plan.intendedArrivals();
        long index = 0;
        for (; index < intended && index < plan.maxRequests(); index++) {
            long due = startNanos + plan.arrivalNanos(index);
            if (!parkUntil(due) || !arrivals.offer(due)) {
                break;
            }
            sent.incrementAndGet();
        }
        arrivals.offer(NO_MORE);
        return intended - index;
    }

    private void send(PooledSender sender, long due) {
        int status = -1;
        Throwable error = null;
        try {
            status = sender.send();
        } catch (IOException failed) {
            error = failed;
        }
        measurements.record(due, System.nanoTime(), status, error);
    }

    /** Wait until a moment; return false when the probe's deadline or its end comes first. */
    private boolean parkUntil(long due) {
        if (due >= deadlineNanos) {
            return false;
        }
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
            if (stopped || Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return true;
    }

    private void join(List<Thread> users) {
        try {
            for (Thread user : users) {
                TimeUnit.NANOSECONDS.timedJoin(user, Math.max(1, deadlineNanos - System.nanoTime()));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Thread start(Runnable work, int user) {
        Thread thread = new Thread(work, "runbook-load-" + (user + 1) + " " + plan.name());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Hold a probe's result and timeline.
     *
     * @param result what was measured
     * @param timeline one row per second
     * @param reachedMaxRequests whether the probe stopped at its request bound
     */
    record Measured(LoadResult result, List<Map<String, Object>> timeline, boolean reachedMaxRequests) {
    }
}
