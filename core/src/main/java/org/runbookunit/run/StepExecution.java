package org.runbookunit.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runbookunit.NotApplicableException;
import org.runbookunit.Outcome;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.evidence.Warnings;
import org.runbookunit.internal.engine.Closer;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.StepResult;
import org.runbookunit.model.Attestation;
import org.runbookunit.internal.engine.Preparations;
import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.RunResources;
import org.runbookunit.spi.StepContext;

/**
 * Track one running step: its clock, its evidence and the facades opened for it; finishing it records the result and
 * closes what the step opened (database connections, rehearsal copies, its browser context), last opened first.
 */
public final class StepExecution implements StepContext, AutoCloseable {

    private final RunbookRun run;
    private final StepDefinition step;
    private final Instant startedAt;
    private final long startNanos = System.nanoTime();
    private final Evidence evidence;
    private final Warnings warnings = new Warnings();
    private final Optional<Attestation> attestation;
    private final Map<Class<?>, OpenFacade<?>> facades = new LinkedHashMap<>();

    StepExecution(RunbookRun run, StepDefinition step, Instant startedAt, Evidence evidence,
            Optional<Attestation> attestation) {
        this.run = run;
        this.step = step;
        this.startedAt = startedAt;
        this.evidence = evidence;
        this.attestation = attestation;
    }

    @Override
    public StepDefinition step() {
        return step;
    }

    @Override
    public java.time.Clock clock() {
        return run.clock();
    }

    @Override
    public String runbookId() {
        return run.reportDir().getFileName().toString();
    }

    @Override
    public Evidence evidence() {
        return evidence;
    }

    @Override
    public RunbookEnvironment environment() {
        return run.environment();
    }

    @Override
    public RunbookSettings settings() {
        return run.settings();
    }

    @Override
    public Warnings warnings() {
        return warnings;
    }

    @Override
    public boolean mayWrite() {
        return !run.environment().readOnly() || step.rules().destructive() && run.settings().allowDestructive();
    }

    @Override
    public java.time.Instant runStartedAt() {
        return run.startedAt();
    }

    @Override
    public RunResources shared() {
        return run.shared();
    }

    /**
     * Return the step's facade of a type, opened by its registered provider on first use and closed when the step
     * ends; a type no provider offers fails naming the types that can be injected.
     */
    @Override
    public <F> F facade(Class<F> type) {
        FacadeProvider<F> provider = run.facades().require(type, "step " + step.label());
        synchronized (this) {
            OpenFacade<?> open = facades.get(type);
            if (open == null) {
                Preparations.of(shared()).awaitPrepared(type);
                open = OpenFacade.open(provider, this);
                facades.put(type, open);
            }
            return type.cast(open.facade());
        }
    }

    /** Throw what the step's facades collected and did not report yet (e.g. failed HTTP expectations). */
    @Override
    public void verifyPendingChecks() {
        AssertionError first = null;
        for (OpenFacade<?> open : opened()) {
            try {
                open.verify();
            } catch (AssertionError failed) {
                if (first == null) {
                    first = failed;
                } else {
                    first.addSuppressed(failed);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private synchronized List<OpenFacade<?>> opened() {
        return new ArrayList<>(facades.values());
    }

    /** Return what made the step less than clean so far (retried calls, degraded latency). */
    public List<String> degradations() {
        return warnings.all();
    }

    /** Record that every check held: PASSED, or WARNED when a check was degraded or passed only after a retry. */
    public StepResult passed() {
        List<String> degraded = warnings.all();
        String attested = attestation.map(Attestation::describe).orElse("");
        return degraded.isEmpty() ? finish(Outcome.PASSED, attested)
                : finish(Outcome.WARNED, String.join("\n", degraded));
    }

    /**
     * Record a failure: FAILED for a CRITICAL step, WARNED for MAJOR and MINOR; a {@link NotApplicableException} is
     * no failure and records SKIPPED with its reason.
     */
    public StepResult failed(Throwable cause) {
        if (cause instanceof NotApplicableException notApplicable) {
            return skipped(describe(notApplicable));
        }
        captureFailure(cause);
        Outcome outcome = step.severity().blocksOnFailure() ? Outcome.FAILED : Outcome.WARNED;
        return finish(outcome, describe(cause));
    }

    /** Record that the step could not start because the runbook's time budget is spent: FAILED whatever its severity. */
    public StepResult exhausted(String reason) {
        return finish(Outcome.FAILED, reason);
    }

    /** Record that the step did not apply after all (e.g. an assumption did not hold). */
    public StepResult skipped(String reason) {
        return finish(Outcome.SKIPPED, reason);
    }

    /** Let every facade keep what it saw when the step failed (the browser's screenshot and trace). */
    private void captureFailure(Throwable cause) {
        for (OpenFacade<?> open : opened()) {
            try {
                open.captureFailure(this);
            } catch (RuntimeException | AssertionError cannotCapture) {
                cause.addSuppressed(cannotCapture);
            }
        }
    }

    /** Close what the step opened, last opened first; throw the first failure with the others suppressed. */
    @Override
    public void close() {
        List<OpenFacade<?>> opened = opened();
        synchronized (this) {
            facades.clear();
        }
        Closer closer = new Closer();
        for (int i = opened.size() - 1; i >= 0; i--) {
            closer.close(opened.get(i)::close);
        }
        closer.rethrow();
    }

    private StepResult finish(Outcome outcome, String outcomeMessage) {
        String message = outcomeMessage;
        try {
            close();
        } catch (RuntimeException closeFailure) {
            if (outcome == Outcome.PASSED) {
                return finish(step.severity().blocksOnFailure() ? Outcome.FAILED : Outcome.WARNED, describe(closeFailure));
            }
            message = message + "\nclosing the step's resources failed too: " + describe(closeFailure);
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
        return run.record(new StepResult(step, outcome, startedAt, duration, message, evidence.items(), attestation,
                Optional.empty()));
    }

    /** Describe a failure by its message, or its type when it has none. */
    public static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getName() : message;
    }
}
