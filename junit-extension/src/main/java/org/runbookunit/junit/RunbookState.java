package org.runbookunit.junit;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.launch.Launch;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.StepResult;
import org.runbookunit.run.RunbookRun;
import org.runbookunit.run.StepExecution;

/**
 * Hold one runbook's launch (a plan only, or a run) in the JUnit store of its class, and the executions of its steps
 * by JUnit unique id.
 */
final class RunbookState {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunbookExtension.class);

    private final Launch launch;
    private final RunbookStructure structure;
    private final Map<Method, StepExecution> executions = new ConcurrentHashMap<>();
    private final Map<Class<?>, ParallelPhase> parallelPhases = new ConcurrentHashMap<>();

    private RunbookState(Launch launch, RunbookStructure structure) {
        this.launch = launch;
        this.structure = structure;
    }

    static void store(ExtensionContext runbookContext, Launch launch, RunbookStructure structure) {
        runbookContext.getStore(NAMESPACE).put(RunbookState.class, new RunbookState(launch, structure));
    }

    /** Find the state of the runbook enclosing a context; stores are searched up the context hierarchy. */
    static Optional<RunbookState> find(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(RunbookState.class, RunbookState.class));
    }

    /** Find the state for a step method, failing clearly when the method is not inside a {@link Runbook}. */
    static RunbookState require(ExtensionContext context) {
        return find(context).orElseThrow(() -> new RunbookConfigurationException("@Step is on "
                + context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName()
                + "() but " + context.getRequiredTestClass().getSimpleName() + " is not a @Runbook nor a @Nested @Phase "
                + "inside one; annotate the class with @Runbook(\"…\")"));
    }

    /** Tell whether this is a plan-only run: nothing executes. */
    boolean planOnly() {
        return launch.planOnly();
    }

    RunbookRun run() {
        return launch.run();
    }

    RunbookEnvironment environment() {
        return launch.environment();
    }

    RunbookSettings settings() {
        return launch.settings();
    }

    /** Evaluate the gate, write the report and give the console back. */
    RunbookResult finish() {
        return launch.finish().orElseThrow(() -> new IllegalStateException("plan mode has no result"));
    }

    StepDefinition step(Method method) {
        return structure.step(method).orElseThrow(() -> new IllegalStateException(method + " is not a step of " + structure.plan().title()));
    }

    /** Begin the step of a test method once; later calls return the same execution. */
    StepExecution execution(ExtensionContext methodContext) {
        return execution(methodContext.getRequiredTestMethod());
    }

    /** Begin the step of a method once; later calls return the same execution. */
    StepExecution execution(Method method) {
        return executions.computeIfAbsent(method, key -> run().begin(step(key)));
    }

    Optional<StepExecution> takeExecution(ExtensionContext methodContext) {
        return Optional.ofNullable(executions.remove(methodContext.getRequiredTestMethod()));
    }

    /**
     * Return the run of the parallel phase a step belongs to, started (every eligible step at once) when its first
     * step is invoked; empty for a step of a sequential phase.
     */
    Optional<ParallelPhase> parallelPhase(Method method, Object phaseInstance) {
        List<Method> siblings = structure.parallelSiblings(method);
        if (siblings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parallelPhases.computeIfAbsent(method.getDeclaringClass(),
                phase -> ParallelPhase.start(this, phaseInstance, siblings, settings().parallelism())));
    }

    /** Tell why a step cannot run now, if it cannot: refused here, blocked by an earlier phase, or pending. */
    Optional<String> cannotRun(StepDefinition step) {
        Optional<String> refusal = step.rules().refusal(environment(), settings().allowDestructive());
        if (refusal.isPresent()) {
            return refusal;
        }
        if (blockedBy(step).isPresent()) {
            return blockedBy(step).map(failed -> "blocked by " + failed.label());
        }
        return step.isManual() && run().attestation(step).isEmpty() ? Optional.of("pending") : Optional.empty();
    }

    /** Return the CRITICAL step that blocks this one: the first that failed, unless it is a sibling in a parallel phase. */
    Optional<StepDefinition> blockedBy(StepDefinition step) {
        return run().blocker(step).map(StepResult::step).filter(failed -> !(failed.id().phase() == step.id().phase()
                && structure.isParallel(step)));
    }

}
