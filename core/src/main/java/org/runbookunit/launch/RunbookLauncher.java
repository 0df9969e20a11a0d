package org.runbookunit.launch;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.config.RunbookConfig;
import org.runbookunit.config.RunbookConfigLoader;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.internal.engine.FacadeRegistry;
import org.runbookunit.internal.engine.Preparations;
import org.runbookunit.internal.engine.SharedResources;
import org.runbookunit.internal.launch.RedactedConsole;
import org.runbookunit.internal.launch.RehearsalStacks;
import org.runbookunit.internal.launch.SignoffFiles;
import org.runbookunit.model.RunInfo;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.rehearsal.RehearsalStack;
import org.runbookunit.internal.run.ConsoleProgress;
import org.runbookunit.run.Facades;
import org.runbookunit.internal.launch.PlanPrinter;
import org.runbookunit.run.RunbookRun;
import org.runbookunit.spi.RunResources;

/**
 * Start runbook runs from plain Java exactly as the JUnit adapter does: settings validated, {@code runbook.yaml} read
 * strictly, every {@code ${VAR}} resolved, the rehearsal stack started when the environment is a rehearsal, console
 * output redacted and sign-offs loaded, all before any step touches the outside world.
 *
 * <pre>{@code
 * try (RunbookLauncher launcher = RunbookLauncher.create(ConfigSource.of(Map.of("runbook.env", "staging")));
 *         Launch launch = launcher.start(plan, Optional.empty())) {
 *     for (StepDefinition step : plan.steps()) {
 *         launch.execute(step, context -> context.facade(Http.class).get("api", "/health").expectStatus(200));
 *     }
 *     launch.finish().ifPresent(result -> System.out.println(result.decision().verdict()));
 * }
 * }</pre>
 */
public final class RunbookLauncher implements AutoCloseable {

    private final RunbookSettings settings;
    private final ClassLoader loader;
    private final FacadeRegistry facades;
    private final RunResources shared;
    private final Optional<SharedResources> owned;

    private RunbookLauncher(RunbookSettings settings, ClassLoader loader, FacadeRegistry facades, RunResources shared,
            Optional<SharedResources> owned) {
        this.settings = settings;
        this.loader = loader;
        this.facades = facades;
        this.shared = shared;
        this.owned = owned;
    }

    /**
     * Create a launcher from configuration parameters ({@code runbook.env}, {@code runbook.config}, …), falling back to
     * {@code RUNBOOK_X_Y} environment variables, with the facades registered for the thread's class loader.
     */
    public static RunbookLauncher create(ConfigSource parameters) {
        ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
        return create(parameters, contextLoader != null ? contextLoader : RunbookLauncher.class.getClassLoader());
    }

    /** Create a launcher that reads {@code runbook.yaml} and finds facade providers through the given class loader. */
    public static RunbookLauncher create(ConfigSource parameters, ClassLoader loader) {
        SharedResources resources = new SharedResources();
        return new RunbookLauncher(settingsOf(parameters), loader, FacadeRegistry.load(loader), resources,
                Optional.of(resources));
    }

    /**
     * Create a launcher whose runs share resources kept by someone else (the JUnit adapter's root store), so every
     * runbook of a test run shares one browser and one start of each rehearsal stack.
     */
    public static RunbookLauncher create(ConfigSource parameters, ClassLoader loader, FacadeRegistry facades,
            RunResources shared) {
        return new RunbookLauncher(settingsOf(parameters), loader, facades, shared, Optional.empty());
    }

    private static RunbookSettings settingsOf(ConfigSource parameters) {
        RunbookSettings settings = new RunbookSettings(parameters.orEnvironment(System.getenv()));
        settings.validate();
        return settings;
    }

    /** Return the settings every run of this launcher uses. */
    public RunbookSettings settings() {
        return settings;
    }

    /** Return the facades steps may ask for. */
    public FacadeRegistry facades() {
        return facades;
    }

    /**
     * Start a run of the plan, or print the plan and start nothing when {@code runbook.plan=true}.
     *
     * @param rehearsal the stack to start when the environment is a rehearsal
     */
    public Launch start(RunbookPlan plan, Optional<Class<? extends RehearsalStack>> rehearsal) {
        return start(plan, rehearsal, List.of());
    }

    /**
     * Start a run like {@link #start(RunbookPlan, Optional)}, first letting the providers of the facade types its
     * steps declare get ready on a background thread ({@link org.runbookunit.spi.FacadeProvider#prepare}) while the
     * configuration is read and the rehearsal stack starts.
     *
     * @param facadeTypes the parameter types of the plan's steps
     */
    public Launch start(RunbookPlan plan, Optional<Class<? extends RehearsalStack>> rehearsal,
            Collection<Class<?>> facadeTypes) {
        RunbookConfig config = new RunbookConfigLoader().load(settings, loader);
        if (settings.planOnly()) {
            RunbookConfig.PlannedEnvironment planned = config.planEnvironment(settings.environmentName(), System.getenv());
            new PlanPrinter(System.out).print(plan, planned.environment(), settings.allowDestructive(),
                    planned.missingVariables());
            return Launch.planned(planned.environment(), settings);
        }
        if (settings.prepareFacades()) {
            Preparations.of(shared).prepare(facades, facadeTypes, shared);
        }
        if (config.source().equals(RunbookConfig.none().source())) {
            System.out.println("[runbook] no runbook.yaml: " + ConfigKeys.CONFIG + " is not set and the class path has "
                    + "none (put it in src/test/resources/runbook.yaml); environment [" + settings.environmentName()
                    + "] has no endpoints, database or hosts");
        }
        RunbookEnvironment resolved = config.environment(settings.environmentName(), System.getenv());
        Optional<RehearsalStacks.Started> stack = rehearsal.filter(stackClass -> resolved.rehearsal())
                .map(stackClass -> RehearsalStacks.start(shared, stackClass));
        RunbookEnvironment environment = stack.map(started -> resolved.withBinding(started.binding().endpoints(),
                started.binding().database(), started.binding().hosts()).withProperties(started.binding().properties()))
                .orElse(resolved);
        warnAboutShortSecrets(environment);
        RedactedConsole console = RedactedConsole.install(environment.secrets());
        try {
            RunbookRun run = RunbookRun.start(plan, environment, settings,
                    RunInfo.of(environment.name(), config.source(), config.sha256()), SignoffFiles.load(settings),
                    new ConsoleProgress(System.out, environment.secrets()), Facades.of(facades, shared));
            return Launch.started(run, stack, console);
        } catch (RuntimeException cannotStart) {
            console.close();
            throw cannotStart;
        }
    }

    private static void warnAboutShortSecrets(RunbookEnvironment environment) {
        if (!environment.secrets().tooShort().isEmpty()) {
            System.out.println("[runbook] secrets shorter than 3 characters cannot be redacted without masking ordinary "
                    + "text, and are not: " + environment.secrets().tooShort() + "; use longer secrets");
        }
    }

    /** Stop what the launcher's runs shared (a browser, rehearsal stacks), unless someone else keeps those. */
    @Override
    public void close() {
        owned.ifPresent(SharedResources::close);
    }
}
