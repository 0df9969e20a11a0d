package org.runbookunit.windows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.runbookunit.internal.Texts;

/** Run a check as one sample of a window, recording when it ran, how long it took and why it failed. */
final class Recorder {

    private final long startNanos = System.nanoTime();
    private final Runnable afterEachSample;
    private final List<Sample> samples = new ArrayList<>();
    private Throwable lastCause;

    Recorder(Runnable afterEachSample) {
        this.afterEachSample = afterEachSample;
    }

    /** Run the check; return whether it passed. */
    boolean sample(Check check) {
        long start = System.nanoTime();
        Throwable failure = null;
        try {
            check.run();
            afterEachSample.run();
        } catch (Exception | AssertionError thrown) {
            failure = thrown;
        }
        Duration offset = Duration.ofNanos(start - startNanos);
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        String message = failure == null ? "" : Texts.firstLine(describe(failure));
        samples.add(new Sample(offset, failure == null, latency, message));
        if (failure != null) {
            lastCause = failure;
        }
        return failure == null;
    }

    /** Run the check and rethrow its failure, for Awaitility to retry. */
    void sampleOrThrow(Check check) {
        if (!sample(check)) {
            throw new AssertionError(samples.get(samples.size() - 1).message(), lastCause);
        }
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    Throwable lastCause() {
        return lastCause;
    }

    String lastMessage() {
        return lastCause == null ? "no sample failed" : Texts.snippet(describe(lastCause), 600);
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
    }
}
