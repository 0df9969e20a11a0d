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
import java.util.concurrent.atomic.AtomicBoolean;
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
import org.runbookunit.internal.ledger.RunLedgers;
import org.runbookunit.model.RunInfo;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.model.StepResult;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.report.ReportWriter;
import org.runbookunit.model.Attestation;
import org.runbookunit.internal.signoff.Signoffs;
import org.runbookunit.spi.RunResources;
import org.runbookunit.model.Waiver;
import org.runbookunit.internal.run.ConsoleProgress;

/**
 * Record a runbook's steps in order: block later steps after a CRITICAL failure, print progress, and at the end
 * evaluate the gate and write the report. {@link org.runbookunit.launch.RunbookLauncher} starts one from plain Java
 * exactly as the JUnit adapter does; this is the engine underneath:
 *
 * <pre>{@code
 * RunbookRun run = RunbookRun.start(plan, environment, settings, RunInfo.of("local", "inline", ""),
 *         new ConsoleProgress(System.out, environment.secrets()));
 * for (StepDefinition step : plan.steps()) {
 *     if (run.rollbackNotNeeded(step).isPresent()) { run.skip(step, RunbookRun.NO_FAILURE); continue; }
 *     if (run.blocker(step).isPresent()) { run.block(step); continue; }
 *     StepExecution execution = run.begin(step);
 *     try {
 *         execution.facade(Http.class).get("api", "/health").expectStatus(200);
 *         execution.verifyPendingChecks();
 *         execution.passed();
 *     }
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
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Thread stoppedHook = new Thread(this::stoppedBeforeFinishing, "runbook-incomplete-report");
    private Journal journal;
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
     * Start a run: keep the earlier report in {@code previous/} (reported INCOMPLETE first if that run never finished),
     * start {@code journal.jsonl} and print the header. Should the JVM stop before {@link #finish()} (SIGTERM, Ctrl-C,
     * a fork timeout), the reports are written from the journal, marked INCOMPLETE.
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
     * @param signoffs attestations and waivers, e.g. read by {@link org.runbookunit.internal.signoff.SignoffLoader}
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
        ReportFolder.prepare(run.reportDir, environment.secrets(), run.startedAt);
        run.journal = Journal.start(run.reportDir, plan, info, run.startedAt, environment.secrets());
        Runtime.getRuntime().addShutdownHook(run.stoppedHook);
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

    /** Return when the run started. */
    public Instant startedAt() {
        return startedAt;
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

    /** Return a step's result once it was recorded. */
    public synchronized Optional<StepResult> result(StepDefinition step) {
        return results.stream().filter(result -> result.step().equals(step)).findFirst();
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
        Instant now = clock.instant();
        journal.began(step, now);
        return new StepExecution(this, step, now, new Evidence(reportDir, step.id().toString(), environment.secrets()),
                attestation(step));
    }

    /** Return the attestation of a manual step, if someone gave one; automated steps have none. */
    public Optional<Attestation> attestation(StepDefinition step) {
        return step.isManual() ? signoffs.attestation(plan.id(), step, clock.instant()) : Optional.empty();
    }

    /** Return the waiver that would accept a failure of this step today, if any. */
    public Optional<Waiver> validWaiver(StepDefinition step) {
        return waivers.validWaiver(step);
    }

    /** Record a manual step nobody attested as PENDING and return the reason, which tells how to attest it. */
    public String pending(StepDefinition step) {
        String expired = signoffs.expiredAttestation(plan.id(), step, clock.instant()).map(text -> "\n" + text).orElse("");
        String reason = step.approvers().isEmpty() ? "manual step waits for attestation: " + step.manual() + expired
                + "\nwhen done, attest it with -D" + Signoffs.parameter(plan.id(), step) + "=\"Your Name: what you saw\" "
                + "or under " + plan.id() + ": \"" + step.id() + "\" in the " + ConfigKeys.ATTESTATIONS
                + " file, and run again" : Approvals.pending(plan.id(), step, signoffs, clock.instant()) + expired;
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
        journal.finished(result);
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
        if (!ended.compareAndSet(false, true)) {
            throw new IllegalStateException("the run of " + plan.id() + " already finished");
        }
        List<StepResult> finished;
        synchronized (this) {
            finished = results.stream().sorted(Comparator.comparing(result -> result.step().id())).toList();
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
        journal.ended(result.decision().verdict(), finishedAt);
        journal.close();
        Path markdown = writer.seal(result); // the manifest covers the journal's last line too
        removeStoppedHook();
        console.finished(result, markdown.toString());
        ownResources.ifPresent(SharedResources::close);
        return result;
    }

    /** Write the reports from the journal, marked INCOMPLETE: the JVM is stopping before the run finished. */
    private void stoppedBeforeFinishing() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        JournalReader.read(reportDir).ifPresent(journaled -> {
            RunbookResult incomplete = ReportFolder.reportIncomplete(reportDir, journaled, "the JVM was stopped before "
                    + "the run finished (SIGTERM, Ctrl-C or a Surefire fork timeout)", environment.secrets(),
                    clock.instant());
            console.finished(incomplete, reportDir.resolve("report.md").toString());
        });
    }

    private void removeStoppedHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(stoppedHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping: the hook sees the run ended and writes nothing
        }
    }

    private RunbookResult result(List<StepResult> finished, Instant finishedAt, List<String> leaks) {
        List<String> reasons = new ArrayList<>(waivers.expiredReasons());
        reasons.addAll(leaks);
        return new RunbookResult(plan, info, reportDir, startedAt, finishedAt, finished,
                new Gate(settings.minPassRate()).evaluate(finished, reasons, signoffs.unmatched(plan, finishedAt)), runEvidence.items());
    }

    private static Optional<Path> stepSummary() {
        return Optional.ofNullable(System.getenv("GITHUB_STEP_SUMMARY")).filter(path -> !path.isBlank()).map(Path::of);
    }
}
