package org.runbookunit.junit;

import java.lang.reflect.Method;
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
    private final Map<String, StepExecution> executions = new ConcurrentHashMap<>();

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
        return executions.computeIfAbsent(methodContext.getUniqueId(),
                id -> run().begin(step(methodContext.getRequiredTestMethod())));
    }

    Optional<StepExecution> takeExecution(ExtensionContext methodContext) {
        return Optional.ofNullable(executions.remove(methodContext.getUniqueId()));
    }

}
