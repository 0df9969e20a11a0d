package org.runbookunit.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.config.RunbookConfig;
import org.runbookunit.config.RunbookConfigLoader;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.run.ConsoleProgress;
import org.runbookunit.run.RunbookRun;

/** Validate a runbook class and its configuration, then start its run; nothing outside the JVM is touched before. */
final class RunbookStarter {

    private RunbookStarter() {
    }

    static void start(ExtensionContext context) {
        Class<?> runbookClass = context.getRequiredTestClass();
        RunbookStructure structure = RunbookStructure.of(runbookClass);
        ConfigSource parameters = context::getConfigurationParameter;
        RunbookSettings settings = new RunbookSettings(parameters.orEnvironment(System.getenv()));
        RunbookConfig config = new RunbookConfigLoader().load(settings, classLoader(runbookClass));
        RunbookEnvironment environment = config.environment(settings.environmentName());
        RunbookRun run = RunbookRun.start(structure.plan(), environment, settings, config.source(),
                new ConsoleProgress(System.out));
        RunbookState.store(context, run, structure);
    }

    private static ClassLoader classLoader(Class<?> runbookClass) {
        ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
        return contextLoader != null ? contextLoader : runbookClass.getClassLoader();
    }
}
