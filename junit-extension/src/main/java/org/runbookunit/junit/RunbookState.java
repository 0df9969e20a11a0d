package org.runbookunit.junit;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.run.RunbookRun;
import org.runbookunit.run.StepExecution;

/**
 * Hold one runbook's run (absent in plan mode) in the JUnit store of its class, and the executions of its steps by
 * JUnit unique id.
 */
final class RunbookState {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunbookExtension.class);

    private final Optional<RunbookRun> run;
    private final RunbookStructure structure;
    private final RunbookEnvironment environment;
    private final RunbookSettings settings;
    private final Optional<RedactedConsole> console;
    private final Map<String, StepExecution> executions = new ConcurrentHashMap<>();

    private RunbookState(Optional<RunbookRun> run, RunbookStructure structure, RunbookEnvironment environment,
            RunbookSettings settings, Optional<RedactedConsole> console) {
        this.run = run;
        this.structure = structure;
        this.environment = environment;
        this.settings = settings;
        this.console = console;
    }

    static void store(ExtensionContext runbookContext, RunbookRun run, RunbookStructure structure, RedactedConsole console) {
        runbookContext.getStore(NAMESPACE).put(RunbookState.class,
                new RunbookState(Optional.of(run), structure, run.environment(), run.settings(), Optional.of(console)));
    }

    static void storePlan(ExtensionContext runbookContext, RunbookStructure structure, RunbookEnvironment environment,
            RunbookSettings settings) {
        runbookContext.getStore(NAMESPACE).put(RunbookState.class,
                new RunbookState(Optional.empty(), structure, environment, settings, Optional.empty()));
    }

    /** Remember the rehearsal stack a runbook runs against, so its logs become run evidence at the end. */
    static void rememberStack(ExtensionContext runbookContext, RehearsalStacks.Started stack) {
        runbookContext.getStore(NAMESPACE).put(RehearsalStacks.Started.class.getName(), new StackLogs(stack));
    }

    /** Save the logs of the runbook's rehearsal stack, if it has one, as run evidence. */
    static void attachStackLogs(ExtensionContext runbookContext, RunbookRun run) {
        StackLogs logs = runbookContext.getStore(NAMESPACE).get(RehearsalStacks.Started.class.getName(), StackLogs.class);
        if (logs != null) {
            logs.stack().logs().forEach((service, text) -> run.attach("stack " + service + " logs", text));
        }
    }

    /** Wrap a stack so the runbook's store does not close it: the root store owns it. */
    private record StackLogs(RehearsalStacks.Started stack) {
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
        return run.isEmpty();
    }

    RunbookRun run() {
        return run.orElseThrow(() -> new IllegalStateException("plan mode runs no step"));
    }

    RunbookEnvironment environment() {
        return environment;
    }

    RunbookSettings settings() {
        return settings;
    }

    StepDefinition step(Method method) {
        return structure.step(method).orElseThrow(() -> new IllegalStateException(method + " is not a step of " + run));
    }

    /** Begin the step of a test method once; later calls return the same execution. */
    StepExecution execution(ExtensionContext methodContext) {
        return executions.computeIfAbsent(methodContext.getUniqueId(),
                id -> run().begin(step(methodContext.getRequiredTestMethod())));
    }

    Optional<StepExecution> takeExecution(ExtensionContext methodContext) {
        return Optional.ofNullable(executions.remove(methodContext.getUniqueId()));
    }

    /** Give {@code System.out} and {@code System.err} back. */
    void restoreConsole() {
        console.ifPresent(RedactedConsole::close);
    }
}
