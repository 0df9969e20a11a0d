package org.runbookunit.junit;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.launch.Launch;
import org.runbookunit.launch.RunbookLauncher;
import org.runbookunit.rehearsal.RehearsalStack;

/**
 * Validate a runbook class, then let core's launcher check the configuration, resolve every {@code ${VAR}} and start
 * its run (or print its plan); nothing outside the JVM is touched before all of that succeeded.
 */
final class RunbookStarter {

    private RunbookStarter() {
    }

    static void start(ExtensionContext context) {
        Class<?> runbookClass = context.getRequiredTestClass();
        RunbookStructure structure = RunbookStructure.of(runbookClass);
        RunStore.claim(context, structure.plan().id(), runbookClass);
        ConfigSource parameters = context::getConfigurationParameter;
        RunbookLauncher launcher = RunbookLauncher.create(parameters, RunStore.classLoader(context),
                RunStore.facades(context), RunStore.of(context));
        structure.checkParameters(launcher.facades());
        Launch launch = launcher.start(structure.plan(), rehearsal(runbookClass), structure.parameterTypes());
        RunbookState.store(context, launch, structure);
    }

    private static Optional<Class<? extends RehearsalStack>> rehearsal(Class<?> runbookClass) {
        return Optional.ofNullable(runbookClass.getAnnotation(Rehearsal.class)).map(Rehearsal::value);
    }
}
