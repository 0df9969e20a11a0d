package org.runbookunit.junit;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;
import org.opentest4j.TestAbortedException;
import org.runbookunit.NotApplicableException;
import org.runbookunit.Severity;
import org.runbookunit.Verdict;
import org.runbookunit.launch.VerdictMessage;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.internal.launch.PlanPrinter;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.run.StepExecution;
import org.runbookunit.model.Waiver;

/**
 * Adapt JUnit's lifecycle to a {@link org.runbookunit.run.RunbookRun}: start it before the runbook class, block steps
 * after a CRITICAL failure, map each test's end to a step outcome, and evaluate the gate after the class.
 */
class RunbookExtension implements BeforeAllCallback, AfterAllCallback, ExecutionCondition, BeforeTestExecutionCallback,
        InvocationInterceptor, TestExecutionExceptionHandler, TestWatcher {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (isRunbookClass(context)) {
            RunbookStarter.start(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!isRunbookClass(context)) {
            return;
        }
        Optional<RunbookState> started = RunbookState.find(context);
        if (started.isEmpty() || started.get().planOnly()) {
            return; // the runbook never started (a configuration error, already reported) or only printed its plan
        }
        RunbookState state = started.get();
        RunbookResult result = state.finish();
        Verdict verdict = result.decision().verdict();
        if (verdict == Verdict.NO_GO || verdict == Verdict.HOLD && !state.settings().allowPending()) {
            throw new RunbookVerdictError(VerdictMessage.of(result));
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isEmpty()) {
            return ConditionEvaluationResult.enabled("runbook classes and phases always start");
        }
        RunbookState state = RunbookState.require(context);
        StepDefinition step = state.step(method.get());
        if (state.planOnly()) {
            return ConditionEvaluationResult.disabled("plan only: " + PlanPrinter.line(step, state.environment(),
                    state.settings().allowDestructive()));
        }
        Optional<String> refusal = step.rules().refusal(state.environment(), state.settings().allowDestructive());
        if (refusal.isPresent()) {
            state.run().skip(step, refusal.get());
            return ConditionEvaluationResult.disabled(refusal.get());
        }
        Optional<String> noFailure = state.run().rollbackNotNeeded(step);
        if (noFailure.isPresent()) {
            state.run().skip(step, noFailure.get());
            return ConditionEvaluationResult.disabled(noFailure.get());
        }
        if (state.blockedBy(step).isPresent()) {
            return ConditionEvaluationResult.disabled(state.run().block(step));
        }
        if (step.isManual() && state.run().attestation(step).isEmpty()) {
            return ConditionEvaluationResult.disabled("PENDING: " + state.run().pending(step));
        }
        return ConditionEvaluationResult.enabled("no earlier CRITICAL step failed");
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        RunbookState.require(context).execution(context);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) throws Throwable {
        RunbookState state = RunbookState.require(context);
        StepExecution execution = state.execution(context);
        Optional<Optional<Throwable>> ranInParallel = state.parallelPhase(invocationContext.getExecutable(),
                invocationContext.getTarget().orElseThrow()).flatMap(phase -> phase.outcome(invocationContext.getExecutable()));
        if (ranInParallel.isPresent()) {
            invocation.skip();
            if (ranInParallel.get().isPresent()) {
                throw ranInParallel.get().get();
            }
            finishPassedBody(execution);
            return;
        }
        Optional<String> exhausted = execution.step().rollback() ? Optional.empty() : state.run().budgetExhausted();
        if (exhausted.isPresent()) {
            invocation.skip();
            throw new BudgetExhausted(exhausted.get());
        }
        try {
            invocation.proceed();
        } catch (Throwable failure) {
            keepPendingChecks(execution, failure);
            throw failure; // the step's resources close when its result is recorded, after a failed browser is captured
        }
        finishPassedBody(execution);
    }

    /** Verify what the step's facades collected and close them; a degraded check makes the step WARNED. */
    private static void finishPassedBody(StepExecution execution) {
        execution.verifyPendingChecks();
        execution.close(); // a failure to close (e.g. a rehearsal copy that cannot be dropped) fails the step
        if (!execution.degradations().isEmpty()) {
            throw new StepWarning("WARNED " + execution.step().label() + ": " + String.join("; ", execution.degradations()), null);
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        RunbookState state = RunbookState.require(context);
        StepDefinition step = state.step(context.getRequiredTestMethod());
        throw RedactedFailure.of(reported(state, step, failure), state.environment().secrets());
    }

    /** Report a failure as JUnit should see it: a failure, or an abort for a waived or non-critical one. */
    private static Throwable reported(RunbookState state, StepDefinition step, Throwable failure) {
        if (failure instanceof NotApplicableException) {
            return new TestAbortedException(failure.getMessage(), failure);
        }
        if (failure instanceof TestAbortedException || failure instanceof BudgetExhausted) {
            return failure;
        }
        Optional<Waiver> waiver = state.run().validWaiver(step);
        if (waiver.isPresent()) {
            return new StepWarning("WAIVED " + step.label() + " (" + waiver.get().describe() + "): "
                    + StepExecution.describe(failure), failure);
        }
        return step.severity() == Severity.CRITICAL ? failure
                : new StepWarning("WARNED (" + step.severity() + ") " + step.label() + ": " + StepExecution.describe(failure),
                        failure);
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        finished(context).ifPresent(StepExecution::passed);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        finished(context).ifPresent(execution -> {
            if (cause instanceof BudgetExhausted exhausted) {
                execution.exhausted(exhausted.getMessage());
            } else {
                execution.failed(cause);
            }
        });
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        finished(context).ifPresent(execution -> {
            if (cause instanceof StepWarning warning) {
                if (warning.getCause() == null) {
                    execution.passed();
                } else {
                    execution.failed(warning.getCause());
                }
            } else {
                execution.skipped(StepExecution.describe(cause));
            }
        });
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        RunbookState.find(context).filter(state -> !state.planOnly()).ifPresent(state -> {
            StepDefinition step = state.step(context.getRequiredTestMethod());
            if (!state.run().recorded(step)) {
                state.run().skip(step, reason.orElse("disabled"));
            }
        });
    }

    private static Optional<StepExecution> finished(ExtensionContext context) {
        return RunbookState.find(context).filter(state -> !state.planOnly()).flatMap(state -> state.takeExecution(context)
                .or(() -> Optional.of(state.execution(context))));
    }

    /** Close the step's connections now, so a failure to close (or to drop a rehearsal copy) fails the step. */
    private static void keepPendingChecks(StepExecution execution, Throwable failure) {
        try {
            execution.verifyPendingChecks();
        } catch (AssertionError pending) {
            failure.addSuppressed(pending);
        }
    }

    private static boolean isRunbookClass(ExtensionContext context) {
        return context.getTestClass().map(type -> type.isAnnotationPresent(Runbook.class)).orElse(false);
    }
}
