package org.runbookunit.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.runbookunit.Outcome;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.Durations;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.gate.Gate;
import org.runbookunit.internal.engine.FacadeRegistry;
import org.runbookunit.internal.engine.SharedResources;
import org.runbookunit.internal.ledger.LedgerRecorder;
import org.runbookunit.ledger.RunLedgers;
import org.runbookunit.model.RunInfo;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.model.StepResult;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.report.ReportWriter;
import org.runbookunit.model.Attestation;
import org.runbookunit.signoff.Signoffs;
import org.runbookunit.spi.RunResources;
import org.runbookunit.model.Waiver;

/**
 * Run a runbook's steps in order from plain Java: block later steps after a CRITICAL failure, print progress, and at
 * the end evaluate the gate and write the report.
 *
 * <pre>{@code
 * RunbookRun run = RunbookRun.start(plan, environment, settings, RunInfo.of("local", "inline", ""),
 *         new ConsoleProgress(System.out, environment.secrets()));
 * for (StepDefinition step : plan.steps()) {
 *     if (run.rollbackNotNeeded(step).isPresent()) { run.skip(step, RunbookRun.NO_FAILURE); continue; }
 *     if (run.blocker(step).isPresent()) { run.block(step); continue; }
 *     StepExecution execution = run.begin(step);
 *     try { check(execution.facade(Http.class)); execution.verifyPendingChecks(); execution.passed(); }
 *     catch (AssertionError | RuntimeException failure) { execution.failed(failure); }
 * }
 * RunbookResult result = run.finish();
 * }</pre>
 */
public final class RunbookRun {

    /** Why a rollback step is SKIPPED when nothing failed. */
    public static final String NO_FAILURE = "no failure to roll back";

    private final RunbookPlan plan;
    private final RunbookEnvironment environment;
    private final RunbookSettings settings;
    private final RunInfo info;
    private final ConsoleProgress console;
    private final Path reportDir;
    private final Clock clock;
    private final Instant startedAt;
    private final Signoffs signoffs;
    private final Evidence runEvidence;
    private final WaiverPolicy waivers;
    private final FacadeRegistry facades;
    private final RunResources shared;
    private final Optional<SharedResources> ownResources;
    private final List<StepResult> results = new ArrayList<>();
    private StepResult blocker;
    private StepResult rollbackBlocker;

    private RunbookRun(RunbookPlan plan, RunbookEnvironment environment, RunbookSettings settings, RunInfo info,
            Signoffs signoffs, ConsoleProgress console, Clock clock, Facades facadesOfRun) {
        this.facades = facadesOfRun.registry();
        this.shared = facadesOfRun.shared();
        this.ownResources = facadesOfRun.owned();
        this.signoffs = signoffs;
        this.waivers = new WaiverPolicy(signoffs, LocalDate.now(clock));
        this.plan = plan;
        this.environment = environment;
        this.settings = settings;
        this.info = info;
        this.console = console;
        this.clock = clock;
        this.reportDir = settings.reportsDir().resolve(plan.id()).toAbsolutePath();
        this.startedAt = clock.instant();
        this.runEvidence = new Evidence(reportDir, "run", environment.secrets());
    }

    /**
     * Start a run: empty the runbook's report folder of an earlier run's files and print the header.
     *
     * @param info what is validated and who runs it, stated in the report
     */
    public static RunbookRun start(RunbookPlan plan, RunbookEnvironment environment, RunbookSettings settings,
            RunInfo info, ConsoleProgress console) {
        return start(plan, environment, settings, info, Signoffs.none(), console);
    }

    /**
     * Start a run with the attestations of its manual steps and the waivers of known failures.
     *
     * @param signoffs attestations and waivers, e.g. read by {@link org.runbookunit.signoff.SignoffLoader}
     */
    public static RunbookRun start(RunbookPlan plan, RunbookEnvironment environment, RunbookSettings settings,
            RunInfo info, Signoffs signoffs, ConsoleProgress console) {
        return start(plan, environment, settings, info, signoffs, console, Facades.loadedFor(Thread.currentThread()));
    }

    /**
     * Start a run whose steps get their facades from the given registry and share the given run-wide resources.
     *
     * @param facades the facade providers and the resources shared by every runbook of the test run
     */
    public static RunbookRun start(RunbookPlan plan, RunbookEnvironment environment, RunbookSettings settings,
            RunInfo info, Signoffs signoffs, ConsoleProgress console, Facades facades) {
        return start(plan, environment, settings, info, signoffs, console, facades, RunClock.of(settings, environment));
    }

    /**
     * Start a run that takes its times from a clock, e.g. one set to each day of a week of monitoring runs.
     *
     * @param clock gives the run's start, each step's start and the run's end, as recorded in the report and ledger
     */
    public static RunbookRun start(RunbookPlan plan, RunbookEnvironment environment, RunbookSettings settings,
            RunInfo info, Signoffs signoffs, ConsoleProgress console, Facades facades, Clock clock) {
        settings.validate();
        RunLedgers.open(settings, environment.secrets()); // a bad runbook.ledger fails now; its password is a secret
        RunbookRun run = new RunbookRun(plan, environment, settings, info, signoffs, console, clock, facades);
        run.clearReportDir();
        console.started(plan, environment.name());
        return run;
    }

    /** Return the environment the run is against. */
    public RunbookEnvironment environment() {
        return environment;
    }

    /** Return the clock the run takes its times from. */
    Clock clock() {
        return clock;
    }

    /** Return the run's settings. */
    public RunbookSettings settings() {
        return settings;
    }

    /** Return the providers of the facades steps may ask for. */
    public FacadeRegistry facades() {
        return facades;
    }

    /** Return the resources shared by every step of the test run. */
    public RunResources shared() {
        return shared;
    }

    /** Return the runbook's report folder. */
    public Path reportDir() {
        return reportDir;
    }

    /** Save a run-level file (e.g. a rehearsal stack's logs) as evidence of the run, outside any step. */
    public void attach(String name, String text) {
        runEvidence.text(name, text);
    }

    /** Return the first CRITICAL step that failed outside the rollback: every later step but the rollback is blocked. */
    public synchronized Optional<StepResult> blocker() {
        return Optional.ofNullable(blocker);
    }

    /**
     * Return the failed step that blocks this one: for a rollback step, the first failed CRITICAL rollback step; for any
     * other step, the first failed CRITICAL step.
     */
    public synchronized Optional<StepResult> blocker(StepDefinition step) {
        return Optional.ofNullable(step.rollback() ? rollbackBlocker : blocker != null ? blocker : rollbackBlocker);
    }

    /** Return why a rollback step does not run ({@code "no failure to roll back"}) when no CRITICAL step failed. */
    public synchronized Optional<String> rollbackNotNeeded(StepDefinition step) {
        return step.rollback() && blocker == null ? Optional.of(NO_FAILURE) : Optional.empty();
    }

    /** Tell whether a step already has its result. */
    public synchronized boolean recorded(StepDefinition step) {
        return results.stream().anyMatch(result -> result.step().equals(step));
    }

    /** Begin running a step; a manual step carries its attestation into the result. */
    public StepExecution begin(StepDefinition step) {
        return new StepExecution(this, step, clock.instant(),
                new Evidence(reportDir, step.id().toString(), environment.secrets()), attestation(step));
    }

    /** Return the attestation of a manual step, if someone gave one; automated steps have none. */
    public Optional<Attestation> attestation(StepDefinition step) {
        return step.isManual() ? signoffs.attestation(step, clock.instant().toString()) : Optional.empty();
    }

    /** Return the waiver that would accept a failure of this step today, if any. */
    public Optional<Waiver> validWaiver(StepDefinition step) {
        return waivers.validWaiver(step);
    }

    /** Record a manual step nobody attested as PENDING and return the reason, which tells how to attest it. */
    public String pending(StepDefinition step) {
        String reason = step.approvers().isEmpty() ? "manual step waits for attestation: " + step.manual()
                + "\nwhen done, attest it with -D" + ConfigKeys.ATTEST_PREFIX + step.id() + "=\"Your Name: what you saw\" "
                + "or in the " + ConfigKeys.ATTESTATIONS + " file, and run again" : Approvals.pending(step, signoffs,
                        clock.instant().toString());
        record(new StepResult(step, Outcome.PENDING, clock.instant(), Duration.ZERO, reason, List.of()));
        return reason;
    }

    /** Return why no further step may start because the runbook's time budget is spent, if it is. */
    public Optional<String> budgetExhausted() {
        return plan.budget().filter(budget -> Duration.between(startedAt, clock.instant()).compareTo(budget) >= 0)
                .map(budget -> "runbook budget of " + Durations.format(budget) + " exhausted");
    }

    /** Record a step as BLOCKED by the first failed CRITICAL step, and return the reason. */
    public String block(StepDefinition step) {
        String reason = blocker(step).map(failed -> "blocked by " + failed.step().label())
                .orElseThrow(() -> new IllegalStateException("no failed CRITICAL step blocks " + step.label()));
        record(new StepResult(step, Outcome.BLOCKED, clock.instant(), Duration.ZERO, reason, List.of()));
        return reason;
    }

    /** Record a step that was not run, with the reason shown in the report. */
    public StepResult skip(StepDefinition step, String reason) {
        return record(new StepResult(step, Outcome.SKIPPED, clock.instant(), Duration.ZERO, reason, List.of()));
    }

    synchronized StepResult record(StepResult unredacted) {
        StepResult result = waivers.apply(unredacted.with(unredacted.outcome(),
                environment.secrets().redact(unredacted.message()), unredacted.attestation(), unredacted.waiver()));
        results.add(result);
        if (result.outcome() == Outcome.FAILED && result.step().rollback() && rollbackBlocker == null) {
            rollbackBlocker = result;
        } else if (result.outcome() == Outcome.FAILED && !result.step().rollback() && blocker == null) {
            blocker = result;
        }
        console.stepFinished(result, budgetNote());
        return result;
    }

    private String budgetNote() {
        return plan.budget().map(budget -> {
            Duration elapsed = Duration.between(startedAt, clock.instant());
            Duration left = budget.minus(elapsed).isNegative() ? Duration.ZERO : budget.minus(elapsed);
            return ConsoleProgress.human(elapsed) + " of " + Durations.format(budget) + " used, "
                    + ConsoleProgress.human(left) + " left";
        }).orElse("");
    }

    /**
     * Evaluate the gate, write the report, scan every file written for leaked secrets (a leak is NO-GO) and print the
     * verdict; call once, after the last step.
     */
    public RunbookResult finish() {
        List<StepResult> finished;
        synchronized (this) {
            finished = List.copyOf(results);
        }
        Instant finishedAt = clock.instant();
        ReportWriter writer = new ReportWriter(stepSummary(), environment.secrets());
        RunbookResult result = result(finished, finishedAt, List.of());
        writer.writeDocuments(result);
        List<String> leaks = LeakCheck.scan(reportDir, environment.secrets());
        if (!leaks.isEmpty()) {
            result = result(finished, finishedAt, leaks);
            writer.writeDocuments(result);
        }
        RunbookResult recorded = LedgerRecorder.record(result, settings, environment.secrets()); // the run ledger
        if (recorded != result) { // the ledger could not take the run: its warning goes into the report
            result = recorded;
            writer.writeDocuments(result);
        }
        Path markdown = writer.seal(result);
        console.finished(result, markdown.toString());
        ownResources.ifPresent(SharedResources::close);
        return result;
    }

    private RunbookResult result(List<StepResult> finished, Instant finishedAt, List<String> leaks) {
        List<String> reasons = new ArrayList<>(waivers.expiredReasons());
        reasons.addAll(leaks);
        return new RunbookResult(plan, info, reportDir, startedAt, finishedAt, finished,
                new Gate(settings.minPassRate()).evaluate(finished, reasons, signoffs.unmatched(plan)), runEvidence.items());
    }

    private static Optional<Path> stepSummary() {
        return Optional.ofNullable(System.getenv("GITHUB_STEP_SUMMARY")).filter(path -> !path.isBlank()).map(Path::of);
    }

    private void clearReportDir() {
        if (!Files.isDirectory(reportDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(reportDir)) {
            files.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(reportDir)).forEach(RunbookRun::delete);
        } catch (IOException cannotList) {
            throw new UncheckedIOException("cannot clear the earlier report in " + reportDir, cannotList);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException cannotDelete) {
            throw new UncheckedIOException("cannot delete " + path + " from an earlier report", cannotDelete);
        }
    }
}
