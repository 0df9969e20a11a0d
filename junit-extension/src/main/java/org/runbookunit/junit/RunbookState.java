package org.runbookunit.junit;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.run.RunbookRun;
import org.runbookunit.run.StepExecution;

/** Hold one runbook's run in the JUnit store of its class, and the executions of its steps by JUnit unique id. */
final class RunbookState {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunbookExtension.class);

    private final RunbookRun run;
    private final RunbookStructure structure;
    private final Map<String, StepExecution> executions = new ConcurrentHashMap<>();

    private RunbookState(RunbookRun run, RunbookStructure structure) {
        this.run = run;
        this.structure = structure;
    }

    static void store(ExtensionContext runbookContext, RunbookRun run, RunbookStructure structure) {
        runbookContext.getStore(NAMESPACE).put(RunbookState.class, new RunbookState(run, structure));
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

    RunbookRun run() {
        return run;
    }

    StepDefinition step(Method method) {
        return structure.step(method).orElseThrow(() -> new IllegalStateException(method + " is not a step of " + run));
    }

    /** Begin the step of a test method once; later calls return the same execution. */
    StepExecution execution(ExtensionContext methodContext) {
        return executions.computeIfAbsent(methodContext.getUniqueId(),
                id -> run.begin(step(methodContext.getRequiredTestMethod())));
    }

    Optional<StepExecution> takeExecution(ExtensionContext methodContext) {
        return Optional.ofNullable(executions.remove(methodContext.getUniqueId()));
    }
}
