package org.runbookunit.history;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.runbookunit.ledger.LedgerEntry;
import org.runbookunit.ledger.MeasurementEvidence;

/**
 * Compare a measurement of this run with the same step's measurement in the previous run that recorded it; each check
 * saves both values as evidence. Without an earlier value the check cannot judge: the step is WARNED, not failed.
 *
 * <pre>{@code
 * history.compare("roles", db.count("roles")).expectNotShrunk();
 * history.compare("p95_ms", latency.p95().toMillis()).expectNotSlowerThan(1.5);
 * }</pre>
 */
public final class MeasurementComparison {

    private final HistoryScope scope;
    private final String name;
    private final double current;
    private final Optional<LedgerEntry> previousRun;
    private final Optional<Double> previous;

    MeasurementComparison(HistoryScope scope, String name, double current, Optional<LedgerEntry> previousRun) {
        this.scope = scope;
        this.name = name;
        this.current = current;
        this.previousRun = previousRun;
        this.previous = previousRun.flatMap(run -> run.step(scope.stepId())).flatMap(step -> step.measurement(name));
    }

    /** Return this run's value. */
    public double current() {
        return current;
    }

    /** Return the previous run's value, if a previous run recorded one. */
    public Optional<Double> previous() {
        return previous;
    }

    /** Fail unless this run's value is within {@code percent} % of the previous one, either way. */
    public MeasurementComparison expectWithinPercent(double percent) {
        return check("within ±" + number(percent) + " % of the previous run", was -> was == 0 ? current == 0
                : Math.abs(current - was) / Math.abs(was) * 100 <= percent);
    }

    /** Fail when this run's value (a latency, a duration) is more than {@code factor} times the previous one. */
    public MeasurementComparison expectNotSlowerThan(double factor) {
        return check("not slower than " + number(factor) + "× the previous run", was -> current <= was * factor);
    }

    /** Fail when this run's value (a throughput) is under {@code fraction} of the previous one, e.g. 0.5. */
    public MeasurementComparison expectNotLowerThan(double fraction) {
        return check("at least " + number(fraction) + "× the previous run", was -> current >= was * fraction);
    }

    /** Fail when this run's value (a row count) is smaller than the previous one. */
    public MeasurementComparison expectNotShrunk() {
        return check("not smaller than in the previous run", was -> current >= was);
    }

    private MeasurementComparison check(String rule, java.util.function.DoublePredicate test) {
        String label = "[" + name + "] of step " + scope.stepId() + " in " + scope.describe();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("measurement", name);
        content.put("rule", rule);
        content.put("current", current);
        content.put("previous", previous.orElse(null));
        previousRun.ifPresent(run -> content.put("previousRun", Map.of("runId", run.runId(), "startedAt",
                run.startedAt().toString(), "commit", run.commit(), "verdict", run.verdict())));
        if (previous.isEmpty()) {
            content.put("holds", null);
            scope.evidence().json("history " + name, content, "history: " + name + " " + number(current)
                    + ", no earlier value");
            scope.warnings().add("no earlier run recorded " + label + " (now " + number(current) + "): nothing to "
                    + "compare with yet");
            return this;
        }
        boolean holds = test.test(previous.get());
        content.put("holds", holds);
        scope.evidence().json("history " + name, content, "history: " + name + " " + number(current) + " vs "
                + number(previous.get()) + " (" + rule + ")");
        if (!holds) {
            throw new HistoryExpectationError(label + " is " + number(current) + " but expected " + rule + ": "
                    + number(previous.get()) + " at " + previousRun.get().startedAt() + " (commit "
                    + previousRun.get().commit() + ", run " + previousRun.get().runId() + ")");
        }
        return this;
    }

    static String number(double value) {
        return value == Math.rint(value) ? MeasurementEvidence.format(value) : java.math.BigDecimal.valueOf(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
