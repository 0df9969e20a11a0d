package org.runbookunit.windows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.runbookunit.config.Durations;

/**
 * Say how many failures a {@link Windows#watch} tolerates: consecutive failures, an error rate, failures within any
 * sliding interval. Immutable; every limit left out is unlimited.
 *
 * <pre>{@code
 * FailureBudget redFlags = FailureBudget.maxConsecutiveFailures(2).andMaxFailuresWithin(10, Duration.ofHours(1));
 * }</pre>
 *
 * @param consecutive the most failures in a row, or -1 for no limit
 * @param errorRate the highest share of failed samples over the whole window, or -1 for no limit
 * @param failuresWithin the most failures inside any {@code interval}-long stretch, or -1 for no limit
 * @param interval the length of that sliding stretch
 */
public record FailureBudget(int consecutive, double errorRate, int failuresWithin, Duration interval) {

    /** Tolerate nothing: the first failed sample breaks the budget. */
    public static FailureBudget none() {
        return maxConsecutiveFailures(0);
    }

    /** Tolerate at most {@code n} failed samples in a row. */
    public static FailureBudget maxConsecutiveFailures(int n) {
        return new FailureBudget(n, -1, -1, Duration.ZERO);
    }

    /** Tolerate at most this share of failed samples (0.1 = 10 %) over the whole window. */
    public static FailureBudget maxErrorRate(double rate) {
        return new FailureBudget(-1, rate, -1, Duration.ZERO);
    }

    /** Tolerate at most {@code failures} failed samples inside any {@code interval}-long stretch of the window. */
    public static FailureBudget maxFailuresWithin(int failures, Duration interval) {
        return new FailureBudget(-1, -1, failures, interval);
    }

    /** Add a limit on failures in a row. */
    public FailureBudget andMaxConsecutiveFailures(int n) {
        return new FailureBudget(n, errorRate, failuresWithin, interval);
    }

    /** Add a limit on the error rate. */
    public FailureBudget andMaxErrorRate(double rate) {
        return new FailureBudget(consecutive, rate, failuresWithin, interval);
    }

    /** Add a limit on failures inside any sliding stretch. */
    public FailureBudget andMaxFailuresWithin(int failures, Duration stretch) {
        return new FailureBudget(consecutive, errorRate, failures, stretch);
    }

    /** Return the first limit the samples so far break, if any; the error rate is judged only when the window is over. */
    Optional<String> broken(List<Sample> samples, Duration scaledInterval, boolean windowOver) {
        int streak = Timeline.trailingFailures(samples);
        if (consecutive >= 0 && streak > consecutive) {
            return Optional.of(streak + " failures in a row (budget: at most " + consecutive + ")");
        }
        if (failuresWithin >= 0) {
            int recent = failuresInLast(samples, scaledInterval);
            if (recent > failuresWithin) {
                return Optional.of(recent + " failures within " + scaledInterval.toMillis() + " ms (budget: at most "
                        + failuresWithin + ")");
            }
        }
        if (windowOver && errorRate >= 0 && !samples.isEmpty()) {
            double rate = (double) Timeline.failures(samples) / samples.size();
            if (rate > errorRate) {
                return Optional.of(String.format(Locale.ROOT, "error rate %.1f%% (budget: at most %.1f%%)", rate * 100,
                        errorRate * 100));
            }
        }
        return Optional.empty();
    }

    private static int failuresInLast(List<Sample> samples, Duration interval) {
        if (samples.isEmpty()) {
            return 0;
        }
        Duration end = samples.get(samples.size() - 1).offset();
        return (int) samples.stream().filter(sample -> !sample.passed())
                .filter(sample -> end.minus(sample.offset()).compareTo(interval) < 0).count();
    }

    @Override
    public String toString() {
        List<String> limits = new ArrayList<>();
        if (consecutive >= 0) {
            limits.add("at most " + consecutive + " failures in a row");
        }
        if (errorRate >= 0) {
            limits.add(String.format(Locale.ROOT, "error rate at most %.1f%%", errorRate * 100));
        }
        if (failuresWithin >= 0) {
            limits.add("at most " + failuresWithin + " failures within any " + Durations.format(interval));
        }
        return limits.isEmpty() ? "no limit" : String.join(", ", limits);
    }
}
