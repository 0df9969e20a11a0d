package org.runbookunit.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.runbookunit.Outcome;
import org.runbookunit.db.Schema;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.evidence.Warnings;
import org.runbookunit.ledger.LedgerEntry;
import org.runbookunit.ledger.MeasurementEvidence;
import org.runbookunit.ledger.RunLedger;

/**
 * Judge a step by the runs recorded in the run ledger ({@code runbook.ledger}): consecutive days, passing runs in a
 * period, and this run's measurements against the previous run's.
 *
 * <pre>{@code
 * @Step(order = 3, value = "Seven consecutive daily GO runs, 14 scrapes")
 * void week(History history) {
 *     history.expectGoOnConsecutiveDays(7);
 *     history.expectPassingRuns("7.2", 14, Duration.ofDays(7));
 * }
 *
 * @Step(order = 1, value = "Roles not shrunk, p95 not 1.5× slower")
 * void roles(Database db, History history) {
 *     history.compare("roles", db.count("roles")).expectNotShrunk();
 *     history.compare("p95_ms", db.queryLatency("SELECT …", 50).p95().toMillis()).expectNotSlowerThan(1.5);
 *     history.compareSchema(db.schema()).expectUnchanged();
 * }
 * }</pre>
 *
 * <p>By default it reads the runs of this runbook in this environment; {@link #of(String)} and {@link #in(String)}
 * read another's. The run in progress is recorded when it finishes, so it is never among the runs read. Days are
 * calendar days of the clock's time zone (UTC for a run).
 */
public final class History {

    private final HistoryScope scope;

    /**
     * Create the facade of one step.
     *
     * @param ledger where runs are recorded
     * @param clock what "today" and "now" are
     * @param runbookId the runbook whose runs are read
     * @param environment the environment whose runs are read
     * @param stepId the step whose measurements are recorded and compared, e.g. {@code 2.1}
     * @param evidence where measurements and comparisons are saved
     * @param warnings where a comparison without an earlier value is noted (the step is WARNED)
     */
    public History(RunLedger ledger, Clock clock, String runbookId, String environment, String stepId,
            Evidence evidence, Warnings warnings) {
        this(new HistoryScope(ledger, clock, runbookId, environment, stepId, evidence, warnings));
    }

    private History(HistoryScope scope) {
        this.scope = scope;
    }

    /** Return a history of another runbook (by its id), e.g. the daily health runbook judged by a sign-off runbook. */
    public History of(String runbookId) {
        return new History(scope.withRunbook(runbookId));
    }

    /** Return the history of the same runbook in another environment. */
    public History in(String environment) {
        return new History(scope.withEnvironment(environment));
    }

    /** Return the recorded runs, oldest first. */
    public List<LedgerEntry> runs() {
        return scope.runs();
    }

    /** Return the most recent recorded run, if any. */
    public Optional<LedgerEntry> previousRun() {
        List<LedgerEntry> runs = runs();
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    }

    /** Record a number this step measured (rows counted, p95 in ms, requests per second) in the run's ledger entry. */
    public History record(String measurement, double value) {
        MeasurementEvidence.save(scope.evidence(), measurement, value);
        return this;
    }

    /** Record a set of names this step found (tables, indexes, routes) in the run's ledger entry. */
    public History record(String inventory, Collection<String> names) {
        MeasurementEvidence.save(scope.evidence(), inventory, List.copyOf(names));
        return this;
    }

    /** Record a measurement and compare it with the previous run's value of the same step. */
    public MeasurementComparison compare(String measurement, double value) {
        record(measurement, value);
        return new MeasurementComparison(scope, measurement, value, latestWith(step -> step.measurement(measurement)
                .isPresent()));
    }

    /** Record a set of names and compare it with the previous run's set of the same step. */
    public InventoryComparison compare(String inventory, Collection<String> names) {
        record(inventory, names);
        return new InventoryComparison(scope, inventory, List.copyOf(names), latestWith(step -> step.inventory(inventory)
                .isPresent()));
    }

    /** Record a schema's tables and indexes as inventory {@code schema} and compare them with the previous run's. */
    public InventoryComparison compareSchema(Schema schema) {
        return compare("schema", schemaNames(schema));
    }

    /**
     * Fail unless step {@code stepId} passed ({@link org.runbookunit.ledger.LedgerStep#passed()}) on {@code days}
     * consecutive days up to today (or yesterday, while today has no run yet); a day on which it FAILED in any run
     * breaks the streak.
     */
    public History expectPassedOnConsecutiveDays(String stepId, int days) {
        return streak("step " + stepId + " passed", days, run -> passed(run, stepId),
                run -> outcome(run, stepId) == Outcome.FAILED);
    }

    /** Fail unless the runbook's verdict was GO on {@code days} consecutive days up to today (or yesterday). */
    public History expectGoOnConsecutiveDays(int days) {
        return streak("verdict GO", days, LedgerEntry::isGo, run -> "NO-GO".equals(run.verdict()));
    }

    /** Fail unless step {@code stepId} passed ({@link org.runbookunit.ledger.LedgerStep#passed()}) in at least {@code count} runs that started within {@code period} of now. */
    public History expectPassingRuns(String stepId, int count, Duration period) {
        requirePositive(count, "count");
        Instant shown = scope.clock().instant().minus(period).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<LedgerEntry> inPeriod = runsWithin(period);
        List<LedgerEntry> passing = inPeriod.stream().filter(run -> passed(run, stepId)).toList();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("rule", "step " + stepId + " passed in at least " + count + " runs since " + shown);
        content.put("runsInPeriod", inPeriod.size());
        content.put("passing", passing.size());
        content.put("passingRuns", passing.stream().map(run -> run.startedAt().toString()).toList());
        scope.evidence().json("history passing runs " + stepId, content, "history: step " + stepId + " passed in "
                + passing.size() + " of " + inPeriod.size() + " runs since " + shown);
        if (passing.size() < count) {
            throw new HistoryExpectationError("step " + stepId + " of " + scope.describe()  + " passed in "
                    + passing.size() + " runs since " + shown + " but needs at least " + count + " (" + inPeriod.size()
                    + " runs in that period)");
        }
        return this;
    }

    /**
     * Fail when step {@code stepId} ran and did not pass (FAILED, or WARNED because a MAJOR/MINOR check failed) in any
     * run that started within {@code period} of now, naming those runs: "no errors in the 24-48 h monitoring period".
     */
    public History expectNoFailuresWithin(String stepId, Duration period) {
        Instant shown = scope.clock().instant().minus(period).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<LedgerEntry> inPeriod = runsWithin(period);
        List<String> failed = inPeriod.stream().filter(run -> run.step(stepId).filter(step -> step.outcome().ran()
                && !step.passed()).isPresent()).map(run -> run.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + " " + outcome(run, stepId)).toList();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("rule", "step " + stepId + " did not fail in any run since " + shown);
        content.put("runsInPeriod", inPeriod.size());
        content.put("failedRuns", failed);
        scope.evidence().json("history no failures " + stepId, content, "history: step " + stepId + " failed in "
                + failed.size() + " of " + inPeriod.size() + " runs since " + shown);
        if (!failed.isEmpty()) {
            throw new HistoryExpectationError("step " + stepId + " of " + scope.describe() + " failed in " + failed.size()
                    + " of " + inPeriod.size() + " runs since " + shown + ": " + String.join(", ", failed));
        }
        return this;
    }

    private History streak(String what, int days, Predicate<LedgerEntry> passed, Predicate<LedgerEntry> failed) {
        requirePositive(days, "days");
        LocalDate today = LocalDate.now(scope.clock());
        DayStreak streak = DayStreak.of(runs(), scope.clock().getZone(), today, passed, failed);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("rule", what + " on " + days + " consecutive days");
        content.put("today", today.toString());
        content.put("streak", streak.length());
        content.put("days", streak.lastDays(Math.max(days, streak.length() + 1)));
        scope.evidence().json("history consecutive days", content, "history: " + what + " on " + streak.length()
                + " consecutive days up to " + streak.end());
        if (streak.length() < days) {
            throw new HistoryExpectationError(what + " on " + streak.length() + " consecutive days up to "
                    + streak.end() + " in " + scope.describe() + " but needs " + days + ": " + streak.breaker()
                    + "\nby day: " + streak.render(days));
        }
        return this;
    }

    /** Return the runs that started within {@code period} before now, oldest first. */
    private List<LedgerEntry> runsWithin(Duration period) {
        Instant now = scope.clock().instant();
        Instant since = now.minus(period);
        return runs().stream().filter(run -> !run.startedAt().isBefore(since) && !run.startedAt().isAfter(now)).toList();
    }

    private Optional<LedgerEntry> latestWith(Predicate<org.runbookunit.ledger.LedgerStep> has) {
        List<LedgerEntry> runs = new ArrayList<>(runs());
        for (int i = runs.size() - 1; i >= 0; i--) {
            if (runs.get(i).step(scope.stepId()).filter(has).isPresent()) {
                return Optional.of(runs.get(i));
            }
        }
        return Optional.empty();
    }

    private static boolean passed(LedgerEntry run, String stepId) {
        return run.step(stepId).filter(org.runbookunit.ledger.LedgerStep::passed).isPresent();
    }

    private static Outcome outcome(LedgerEntry run, String stepId) {
        return run.step(stepId).map(org.runbookunit.ledger.LedgerStep::outcome).orElse(Outcome.SKIPPED);
    }

    private static List<String> schemaNames(Schema schema) {
        List<String> names = new ArrayList<>();
        schema.tables().forEach((table, definition) -> {
            names.add("table " + table);
            definition.indexes().forEach(index -> names.add("index " + table + "." + index));
        });
        schema.views().forEach(view -> names.add("view " + view));
        return names;
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException("History " + name + " must be >= 1 but was [" + value + "]");
        }
    }
}
