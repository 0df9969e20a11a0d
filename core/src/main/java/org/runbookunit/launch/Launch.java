package org.runbookunit.launch;

import java.util.Optional;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.internal.launch.RedactedConsole;
import org.runbookunit.internal.launch.RehearsalStacks;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.StepResult;
import org.runbookunit.run.RunbookRun;
import org.runbookunit.run.StepExecution;

/**
 * Run one runbook that a {@link RunbookLauncher} started: each step through {@link #execute}, then {@link #finish()}
 * for the gate and the report; closing gives {@code System.out} and {@code System.err} back. In plan mode nothing runs.
 */
public final class Launch implements AutoCloseable {

    private final Optional<RunbookRun> run;
    private final RunbookEnvironment environment;
    private final RunbookSettings settings;
    private final Optional<RehearsalStacks.Started> stack;
    private final Optional<RedactedConsole> console;

    private Launch(Optional<RunbookRun> run, RunbookEnvironment environment, RunbookSettings settings,
            Optional<RehearsalStacks.Started> stack, Optional<RedactedConsole> console) {
        this.run = run;
        this.environment = environment;
        this.settings = settings;
        this.stack = stack;
        this.console = console;
    }

    static Launch planned(RunbookEnvironment environment, RunbookSettings settings) {
        return new Launch(Optional.empty(), environment, settings, Optional.empty(), Optional.empty());
    }

    static Launch started(RunbookRun run, Optional<RehearsalStacks.Started> stack, RedactedConsole console) {
        return new Launch(Optional.of(run), run.environment(), run.settings(), stack, Optional.of(console));
    }

    /** Tell whether this is a plan-only launch: the plan was printed and nothing runs. */
    public boolean planOnly() {
        return run.isEmpty();
    }

    /** Return the run; there is none in plan mode. */
    public RunbookRun run() {
        return run.orElseThrow(() -> new IllegalStateException("plan mode runs no step"));
    }

    /** Return the environment, bound to the rehearsal stack when one was started. */
    public RunbookEnvironment environment() {
        return environment;
    }

    /** Return the run's settings. */
    public RunbookSettings settings() {
        return settings;
    }

    /**
     * Run one step as the JUnit adapter would: SKIPPED where its rules refuse it, BLOCKED after a CRITICAL failure,
     * PENDING when manual and not attested, FAILED when the budget is spent, else its body with the facades it opens.
     *
     * @return the step's result; empty in plan mode
     */
    public Optional<StepResult> execute(StepDefinition step, StepBody body) {
        if (planOnly()) {
            return Optional.empty();
        }
        RunbookRun current = run();
        Optional<String> refusal = step.rules().refusal(environment, settings.allowDestructive());
        if (refusal.isPresent()) {
            return Optional.of(current.skip(step, refusal.get()));
        }
        Optional<String> noFailure = current.rollbackNotNeeded(step);
        if (noFailure.isPresent()) {
            return Optional.of(current.skip(step, noFailure.get()));
        }
        if (current.blocker(step).isPresent()) {
            current.block(step);
            return current.result(step);
        }
        if (step.isManual() && current.attestation(step).isEmpty()) {
            current.pending(step);
            return current.result(step);
        }
        StepExecution execution = current.begin(step);
        Optional<String> exhausted = step.rollback() ? Optional.empty() : current.budgetExhausted();
        if (exhausted.isPresent()) {
            return Optional.of(execution.exhausted(exhausted.get()));
        }
        return Optional.of(runBody(execution, body));
    }

    private static StepResult runBody(StepExecution execution, StepBody body) {
        try {
            body.run(execution);
        } catch (Throwable failure) {
            keepPendingChecks(execution, failure);
            return execution.failed(failure);
        }
        try {
            execution.verifyPendingChecks();
        } catch (AssertionError failed) {
            return execution.failed(failed);
        }
        return execution.passed();
    }

    private static void keepPendingChecks(StepExecution execution, Throwable failure) {
        try {
            execution.verifyPendingChecks();
        } catch (AssertionError pending) {
            failure.addSuppressed(pending);
        }
    }

    /**
     * Keep the rehearsal stack's logs as run evidence, evaluate the gate, write the report and give the console back.
     *
     * @return the result; empty in plan mode
     */
    public Optional<RunbookResult> finish() {
        if (planOnly()) {
            return Optional.empty();
        }
        try {
            stack.ifPresent(started -> {
                if (!started.engines().isEmpty()) {
                    run().attach("stack engine", "the rehearsal stack ran on " + String.join("\n and ", started.engines())
                            + "\n");
                }
                started.logs().forEach((service, text) -> run().attach("stack " + service + " logs", text));
            });
            return Optional.of(run().finish());
        } finally {
            close();
        }
    }

    /** Give {@code System.out} and {@code System.err} back. */
    @Override
    public void close() {
        console.ifPresent(RedactedConsole::close);
    }
}
