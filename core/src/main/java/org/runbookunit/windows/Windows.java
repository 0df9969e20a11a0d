package org.runbookunit.windows;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.runbookunit.config.Durations;
import org.runbookunit.evidence.Evidence;

/**
 * Check a system over time: wait until it is healthy, require it to stay healthy, or watch it within a failure budget.
 * Every window saves its samples as a JSON and CSV timeline the report links to.
 *
 * <pre>{@code
 * @Step(order = 1, value = "API and scheduler healthy for 30 minutes")
 * void stable(Http http, Windows windows) {
 *     windows.sustain("healthy 30m", Duration.ofMinutes(30), Duration.ofMinutes(1),
 *         () -> http.get("api", "/health").expectStatus(200));
 * }
 * }</pre>
 *
 * <p>In an environment with {@code windows-scale: 0.01} every duration and interval is a hundredth as long, so the
 * rehearsal of a 30-minute window takes 18 s.
 */
public final class Windows {

    /** The poll of {@link #eventually(String, Duration, Check)}: once a second (scaled). */
    public static final Poll DEFAULT_POLL = Poll.every(Duration.ofSeconds(1));

    private final Evidence evidence;
    private final double scale;
    private final Runnable afterEachSample;

    /**
     * Create the facade for one step.
     *
     * @param evidence where timelines are saved
     * @param scale the environment's {@code windows-scale}, 1 for real time
     * @param afterEachSample run after every check, e.g. to report the failed HTTP expectations the check collected
     */
    public Windows(Evidence evidence, double scale, Runnable afterEachSample) {
        this.evidence = evidence;
        this.scale = scale;
        this.afterEachSample = afterEachSample;
    }

    /** Wait until the check passes, trying once a second (scaled); fail after {@code atMost}. */
    public WindowResult eventually(String name, Duration atMost, Check check) {
        return eventually(name, atMost, DEFAULT_POLL, check);
    }

    /** Wait until the check passes, trying at the given poll; fail after {@code atMost} naming the last cause. */
    public WindowResult eventually(String name, Duration atMost, Poll poll, Check check) {
        Duration budget = Scale.apply(atMost, scale);
        Recorder recorder = new Recorder(afterEachSample);
        Map<String, Object> window = describe(name, "eventually", atMost, budget);
        window.put("poll", poll.toString());
        try {
            Awaitility.await(name).atMost(budget).pollDelay(Duration.ZERO).pollInterval(poll.scaled(scale))
                    .pollInSameThread().untilAsserted(() -> recorder.sampleOrThrow(check));
        } catch (ConditionTimeoutException timeout) {
            throw fail(window, recorder, "did not pass within " + length(atMost, budget));
        }
        return held(window, recorder);
    }

    /** Require every check, one every {@code every}, to pass for the whole {@code duration}; fail at the first failure. */
    public WindowResult sustain(String name, Duration duration, Duration every, Check check) {
        return sample(name, "sustain", duration, every, FailureBudget.none(), check);
    }

    /** Check every {@code every} for {@code duration}; pass if the failures stayed within the budget. */
    public WindowResult watch(String name, Duration duration, Duration every, FailureBudget budget, Check check) {
        return sample(name, "watch", duration, every, budget, check);
    }

    private WindowResult sample(String name, String kind, Duration duration, Duration every, FailureBudget budget, Check check) {
        Duration length = Scale.apply(duration, scale);
        Duration interval = Scale.apply(every, scale);
        Duration stretch = Scale.apply(budget.interval(), scale);
        Map<String, Object> window = describe(name, kind, duration, length);
        window.put("every", Durations.format(every));
        window.put("budget", budget.toString());
        Recorder recorder = new Recorder(afterEachSample);
        for (long index = 0; interval.multipliedBy(index).compareTo(length) <= 0; index++) {
            waitUntil(recorder, interval.multipliedBy(index), window);
            recorder.sample(check);
            breakIfBroken(budget.broken(recorder.samples(), stretch, false), window, recorder, length(duration, length));
        }
        breakIfBroken(budget.broken(recorder.samples(), stretch, true), window, recorder, length(duration, length));
        return held(window, recorder);
    }

    private void breakIfBroken(Optional<String> broken, Map<String, Object> window, Recorder recorder, String length) {
        if (broken.isPresent()) {
            throw fail(window, recorder, "broke its budget after " + recorder.elapsed().toMillis() + " ms of " + length
                    + ": " + broken.get());
        }
    }

    private void waitUntil(Recorder recorder, Duration due, Map<String, Object> window) {
        long wait = due.minus(recorder.elapsed()).toMillis();
        if (wait <= 0) {
            return;
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw fail(window, recorder, "was interrupted");
        }
    }

    private WindowResult held(Map<String, Object> window, Recorder recorder) {
        window.put("result", "held");
        String path = Timeline.save(evidence, window, recorder.samples()).path();
        return new WindowResult((String) window.get("name"), recorder.samples(), path);
    }

    private WindowExpectationError fail(Map<String, Object> window, Recorder recorder, String what) {
        window.put("result", what);
        window.put("lastCause", recorder.lastMessage());
        String path = Timeline.save(evidence, window, recorder.samples()).path();
        List<Sample> samples = recorder.samples();
        return new WindowExpectationError("window [" + window.get("name") + "] " + what + " (" + Timeline.summary(samples)
                + "); last cause: " + recorder.lastMessage() + "\n  timeline: " + path, recorder.lastCause());
    }

    private Map<String, Object> describe(String name, String kind, Duration duration, Duration scaled) {
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("name", name);
        window.put("kind", kind);
        window.put("duration", Durations.format(duration));
        window.put("scale", scale);
        window.put("scaledMs", scaled.toMillis());
        return window;
    }

    private String length(Duration written, Duration scaled) {
        return scale == 1 ? Durations.format(written)
                : Durations.format(written) + " (" + scaled.toMillis() + " ms at windows-scale " + scale + ")";
    }
}
