package org.runbookunit.junit;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.config.RunbookConfig;
import org.runbookunit.config.RunbookConfigLoader;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.internal.engine.FacadeRegistry;
import org.runbookunit.rehearsal.StackBinding;
import org.runbookunit.run.ConsoleProgress;
import org.runbookunit.run.Facades;
import org.runbookunit.run.PlanPrinter;
import org.runbookunit.model.RunInfo;
import org.runbookunit.run.RunbookRun;
import org.runbookunit.signoff.SignoffLoader;
import org.runbookunit.signoff.Signoffs;

/**
 * Validate a runbook class and its configuration, resolve every {@code ${VAR}}, then start its run (or print its plan);
 * nothing outside the JVM is touched before all of that succeeded.
 */
final class RunbookStarter {

    private RunbookStarter() {
    }

    static void start(ExtensionContext context) {
        Class<?> runbookClass = context.getRequiredTestClass();
        RunbookStructure structure = RunbookStructure.of(runbookClass);
        FacadeRegistry facades = RunStore.facades(context);
        structure.checkParameters(facades);
        ConfigSource parameters = context::getConfigurationParameter;
        RunbookSettings settings = new RunbookSettings(parameters.orEnvironment(System.getenv()));
        settings.validate();
        RunbookConfig config = new RunbookConfigLoader().load(settings, classLoader(runbookClass));
        if (settings.planOnly()) {
            RunbookConfig.PlannedEnvironment planned = config.planEnvironment(settings.environmentName(), System.getenv());
            new PlanPrinter(System.out).print(structure.plan(), planned.environment(), settings.allowDestructive(),
                    planned.missingVariables());
            RunbookState.storePlan(context, structure, planned.environment(), settings);
            return;
        }
        RunbookEnvironment environment = rehearse(context, config.environment(settings.environmentName(), System.getenv()));
        if (!environment.secrets().tooShort().isEmpty()) {
            System.out.println("[runbook] secrets shorter than 3 characters cannot be redacted without masking ordinary "
                    + "text, and are not: " + environment.secrets().tooShort() + "; use longer secrets");
        }
        RedactedConsole console = RedactedConsole.install(environment.secrets());
        try {
            RunInfo info = RunInfo.of(environment.name(), config.source(), config.sha256());
            RunbookRun run = RunbookRun.start(structure.plan(), environment, settings, info, signoffs(settings),
                    new ConsoleProgress(System.out, environment.secrets()), Facades.of(facades, RunStore.of(context)));
            RunbookState.store(context, run, structure, console);
        } catch (RuntimeException cannotStart) {
            console.close();
            throw cannotStart;
        }
    }

    /** Start the runbook's rehearsal stack when the environment is a rehearsal, and bind what it offers. */
    private static RunbookEnvironment rehearse(ExtensionContext context, RunbookEnvironment environment) {
        Rehearsal rehearsal = context.getRequiredTestClass().getAnnotation(Rehearsal.class);
        if (rehearsal == null || !environment.rehearsal()) {
            return environment;
        }
        RehearsalStacks.Started stack = RehearsalStacks.start(context, rehearsal.value());
        RunbookState.rememberStack(context, stack);
        StackBinding binding = stack.binding();
        return environment.withBinding(binding.endpoints(), binding.database(), binding.hosts());
    }

    private static Signoffs signoffs(RunbookSettings settings) {
        SignoffLoader loader = new SignoffLoader();
        return new Signoffs(settings.attestationsFile().map(loader::attestations).orElse(Map.of()),
                settings.waiversFile().map(loader::waivers).orElse(List.of()), settings::raw);
    }

    private static ClassLoader classLoader(Class<?> runbookClass) {
        ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
        return contextLoader != null ? contextLoader : runbookClass.getClassLoader();
    }
}
