package org.runbookunit.internal.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stop a process and every process it started: politely first, forcibly after a grace period. */
public final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * Send every process of the tree a termination request, wait up to {@code grace} for them to go, then kill what is
     * left. Returns once the root process has ended, or after a further short wait.
     */
    public static void stop(Process process, Duration grace) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException stillAlive) {
                break;
            }
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        tree.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(grace.toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    /** Stop the tree like {@link #stop}, keeping the caller's interrupt status and killing forcibly when interrupted. */
    public static void stopQuietly(Process process, Duration grace) {
        try {
            stop(process, grace);
        } catch (InterruptedException interrupted) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
