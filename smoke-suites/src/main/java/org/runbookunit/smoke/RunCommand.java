package org.runbookunit.smoke;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.ConfigSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Run suites or compiled runbooks and exit with the verdict: 0 GO, 1 NO-GO, 2 HOLD, 64 usage error. */
@Command(name = "run", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.USAGE,
        description = "Run config-only suites or compiled @Runbook classes against an environment; exit 0 GO, 1 NO-GO, "
                + "2 HOLD, 64 usage or configuration error.")
class RunCommand implements Callable<Integer> {

    @Mixin
    RunOptions options = new RunOptions();

    @Spec
    CommandSpec spec;

    @Option(names = "--plan", description = "Print what every step would do and contact nothing (runbook.plan=true).")
    boolean plan;

    @Override
    public Integer call() {
        return execute(plan);
    }

    int execute(boolean planOnly) {
        options.validate();
        if (!options.classPath.isEmpty() && !Isolation.inside()) {
            List<String> args = spec.root().commandLine().getParseResult().originalArgs();
            return Isolation.reenter(options.classPath, args.toArray(String[]::new));
        }
        Map<String, String> configuration = options.configuration(planOnly);
        ClassLoader loader = classLoader();
        if (!options.suites.isEmpty()) {
            return runSuites(configuration, loader);
        }
        Path reports = Path.of(configuration.get(ConfigKeys.REPORTS_DIR));
        return new ClassRunner(configuration, reports).run(loader, options.classes, options.packages);
    }

    private int runSuites(Map<String, String> configuration, ClassLoader loader) {
        SuiteRunner runner = new SuiteRunner(ConfigSource.of(configuration), loader);
        List<Suite> suites = new ArrayList<>();
        options.suites.forEach(suite -> suites.add(runner.load(suite)));
        int code = ExitCodes.GO;
        for (Suite suite : suites) {
            code = ExitCodes.worst(code, runner.run(suite));
        }
        return code;
    }

    private ClassLoader classLoader() {
        return RunCommand.class.getClassLoader(); // with --class-path, the loader Isolation made holds its jars
    }
}
