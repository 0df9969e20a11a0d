package org.runbookunit.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.runbookunit.config.Durations;

/**
 * Hold a load probe's pass criteria in k6's terms: {@code p(95)<500ms}, {@code p(99)<1s}, {@code rate<0.01} on failed
 * requests, and a lowest throughput, fixed or the previous run's from the run ledger. Each method returns a new value.
 *
 * <pre>{@code
 * Thresholds slo = Thresholds.none().p95Below(Duration.ofMillis(500)).errorRateBelow(0.01).throughputAtLeast(100);
 * Thresholds baseline = Thresholds.none().errorRateBelow(0.01).throughputAtLeastPreviousRun(0.9);
 * }</pre>
 */
public final class Thresholds {

    private final Optional<Duration> p95;
    private final Optional<Duration> p99;
    private final Optional<Double> errorRate;
    private final Optional<Double> throughput;
    private final Optional<Double> previousRunFraction;

    private Thresholds(Optional<Duration> p95, Optional<Duration> p99, Optional<Double> errorRate,
            Optional<Double> throughput, Optional<Double> previousRunFraction) {
        this.p95 = p95;
        this.p99 = p99;
        this.errorRate = errorRate;
        this.throughput = throughput;
        this.previousRunFraction = previousRunFraction;
    }

    /** Return thresholds that pass any result. */
    public static Thresholds none() {
        return new Thresholds(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Require the 95th percentile of request durations below a budget (k6 {@code p(95)<500}). */
    public Thresholds p95Below(Duration budget) {
        return new Thresholds(Optional.of(positive("p95Below", budget)), p99, errorRate, throughput, previousRunFraction);
    }

    /** Require the 99th percentile of request durations below a budget (k6 {@code p(99)<1000}). */
    public Thresholds p99Below(Duration budget) {
        return new Thresholds(p95, Optional.of(positive("p99Below", budget)), errorRate, throughput, previousRunFraction);
    }

    /** Require the share of failed requests below a rate in [0, 1] (k6 {@code http_req_failed: rate<0.01}). */
    public Thresholds errorRateBelow(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("errorRateBelow must be a rate between 0 and 1 but was [" + rate
                    + "]; write 0.01 for 1 %");
        }
        return new Thresholds(p95, p99, Optional.of(rate), throughput, previousRunFraction);
    }

    /** Require at least this many requests per second over the probe (k6 {@code http_reqs: rate>=100}). */
    public Thresholds throughputAtLeast(double requestsPerSecond) {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("throughputAtLeast must be a positive number of requests per second but was ["
                    + requestsPerSecond + "]");
        }
        return new Thresholds(p95, p99, errorRate, Optional.of(requestsPerSecond), previousRunFraction);
    }

    /**
     * Require at least the throughput the same probe reached in the previous run of this runbook and environment, read
     * from the run ledger ({@code runbook.ledger}); k6's "throughput > baseline". The first run has nothing to compare
     * with: it records its throughput and the step is WARNED.
     */
    public Thresholds throughputAtLeastPreviousRun() {
        return throughputAtLeastPreviousRun(1.0);
    }

    /** Require at least {@code fraction} (e.g. 0.9) of the previous run's throughput; see {@link #throughputAtLeastPreviousRun()}. */
    public Thresholds throughputAtLeastPreviousRun(double fraction) {
        if (!(fraction > 0) || fraction > 10) {
            throw new IllegalArgumentException("throughputAtLeastPreviousRun takes a fraction of the previous run's "
                    + "throughput between 0 and 10 but was [" + fraction + "]; write 0.9 for 90 %");
        }
        return new Thresholds(p95, p99, errorRate, throughput, Optional.of(fraction));
    }

    /** Tell whether no threshold is set. */
    public boolean isEmpty() {
        return p95.isEmpty() && p99.isEmpty() && errorRate.isEmpty() && throughput.isEmpty()
                && previousRunFraction.isEmpty();
    }

    /** Return the fraction of the previous run's throughput required, if that threshold is set. */
    Optional<Double> previousRunFraction() {
        return previousRunFraction;
    }

    /** Return one line per threshold the result broke, naming the threshold, its budget and the measured value. */
    public List<String> broken(LoadResult result) {
        List<String> broken = new ArrayList<>();
        p95.ifPresent(budget -> below(broken, "p(95)", budget, result.p95(), result));
        p99.ifPresent(budget -> below(broken, "p(99)", budget, result.p99(), result));
        errorRate.filter(rate -> !(result.errorRate() < rate)).ifPresent(rate -> broken.add(String.format(Locale.ROOT,
                "error rate: budget < %s, measured %s (%d of %d requests failed)", percent(rate),
                percent(result.errorRate()), result.failed(), result.requests())));
        throughput.filter(rate -> result.throughput() < rate).ifPresent(rate -> broken.add(String.format(Locale.ROOT,
                "throughput: budget >= %.1f req/s, measured %.1f req/s (%d requests)", rate, result.throughput(),
                result.requests())));
        return broken;
    }

    private static void below(List<String> broken, String name, Duration budget, Optional<Duration> measured,
            LoadResult result) {
        if (measured.isEmpty()) {
            broken.add(name + ": budget < " + Durations.format(budget) + ", not measured" + (result.source().startsWith("k6")
                    ? " (run k6 with --summary-trend-stats=\"avg,min,med,max,p(90),p(95),p(99)\")" : " (no request completed)"));
        } else if (measured.get().compareTo(budget) >= 0) {
            broken.add(name + ": budget < " + Durations.format(budget) + ", measured " + millis(measured.get()));
        }
    }

    static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.1f ms", duration.toNanos() / 1e6);
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.2f %%", rate * 100);
    }

    private static Duration positive(String name, Duration budget) {
        if (budget == null || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration but was [" + budget + "]");
        }
        return budget;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        p95.ifPresent(budget -> parts.add("p(95)<" + Durations.format(budget)));
        p99.ifPresent(budget -> parts.add("p(99)<" + Durations.format(budget)));
        errorRate.ifPresent(rate -> parts.add("error rate<" + percent(rate)));
        throughput.ifPresent(rate -> parts.add(String.format(Locale.ROOT, "throughput>=%.1f/s", rate)));
        previousRunFraction.ifPresent(fraction -> parts.add(String.format(Locale.ROOT,
                "throughput>=%s× the previous run's", Baseline.number(fraction))));
        return parts.isEmpty() ? "no thresholds" : String.join(", ", parts);
    }
}
