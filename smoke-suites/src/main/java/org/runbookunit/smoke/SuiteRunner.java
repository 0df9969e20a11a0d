package org.runbookunit.smoke;

import java.nio.file.Path;
import java.util.Optional;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.config.RunbookConfig;
import org.runbookunit.config.RunbookConfigLoader;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.launch.Launch;
import org.runbookunit.launch.RunbookLauncher;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.smoke.spi.SmokeCheck;

/** Run config-only suites (files or {@code builtin:NAME}) through the engine's launcher, like a {@code @Runbook} class. */
final class SuiteRunner {

    private static final String BUILTIN = "builtin:";

    private final ConfigSource parameters;
    private final ClassLoader loader;
    private final SuiteLoader suites;

    SuiteRunner(ConfigSource parameters, ClassLoader loader) {
        this.parameters = parameters;
        this.loader = loader;
        this.suites = new SuiteLoader(CheckKinds.load(loader));
    }

    /** Load a suite, validating it completely; a builtin is built for the selected environment. */
    Suite load(String suite) {
        if (suite.startsWith(BUILTIN)) {
            return Builtins.build(suite.substring(BUILTIN.length()), environmentForBuiltins());
        }
        return suites.load(Path.of(suite));
    }

    /** Run one suite and return its exit code; in plan mode print the plan and contact nothing. */
    int run(Suite suite) {
        try (RunbookLauncher launcher = RunbookLauncher.create(parameters, loader);
                Launch launch = launcher.start(suite.plan(), Optional.empty())) {
            for (StepDefinition step : suite.plan().steps()) {
                launch.execute(step, context -> {
                    for (SmokeCheck check : suite.checksOf(step)) {
                        check.run(context);
                    }
                });
            }
            Optional<RunbookResult> result = launch.finish();
            if (result.isEmpty()) {
                return ExitCodes.GO;
            }
            Path xml = JUnitXml.write(result.get());
            System.out.println("  JUnit XML: " + xml);
            return ExitCodes.of(result.get().decision().verdict(), launcher.settings().allowPending());
        }
    }

    /** Resolve the environment leniently: a builtin only needs its endpoint and database names, not its secrets. */
    private RunbookEnvironment environmentForBuiltins() {
        RunbookSettings settings = new RunbookSettings(parameters.orEnvironment(System.getenv()));
        RunbookConfig config = new RunbookConfigLoader().load(settings, loader);
        return config.planEnvironment(settings.environmentName(), System.getenv()).environment();
    }
}
