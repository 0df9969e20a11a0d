package org.runbookunit.smoke;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runbookunit.config.ConfigKeys;
import picocli.CommandLine.Option;

/** Hold the options {@code run} and {@code plan} share: what to run, against which environment, where to report. */
final class RunOptions {

    /** The reports folder when neither {@code --reports} nor {@code runbook.reports.dir} is given. */
    static final String DEFAULT_REPORTS = "runbook-reports";

    @Option(names = "--env", paramLabel = "NAME", description = "Environment of runbook.yaml to run against "
            + "(runbook.env, RUNBOOK_ENV); default local.")
    String environment;

    @Option(names = "--config", paramLabel = "FILE", description = "The runbook.yaml with the environments "
            + "(runbook.config); default ./runbook.yaml when it exists.")
    Path config;

    @Option(names = "--suite", paramLabel = "FILE|builtin:NAME", description = "A config-only suite file, or a "
            + "ready-made suite (see list-suites); repeat to run several.")
    List<String> suites = new ArrayList<>();

    @Option(names = "--class-path", paramLabel = "JAR", arity = "1..*", split = "[:;]", splitSynopsisLabel = ":",
            description = "Jars (and folders) holding compiled @Runbook classes and what they need.")
    List<Path> classPath = new ArrayList<>();

    @Option(names = "--select-class", paramLabel = "CLASS", description = "A @Runbook class to run from --class-path; "
            + "repeatable.")
    List<String> classes = new ArrayList<>();

    @Option(names = "--select-package", paramLabel = "PACKAGE", description = "Run every @Runbook class of a package "
            + "from --class-path; repeatable.")
    List<String> packages = new ArrayList<>();

    @Option(names = "--reports", paramLabel = "DIR", description = "Where each runbook's report folder is written "
            + "(runbook.reports.dir); default ./" + DEFAULT_REPORTS + ".")
    Path reports;

    @Option(names = "-D", paramLabel = "key=value", mapFallbackValue = "", description = "A configuration parameter, as "
            + "-D is for Maven: -Drunbook.http.timeout=5s, -Drunbook.attest.cutover.3.1=\"Jane: done\".")
    Map<String, String> parameters = new LinkedHashMap<>();

    /** Return the configuration parameters: {@code -D} values, overridden by the flags that name a key. */
    Map<String, String> configuration(boolean plan) {
        Map<String, String> values = new LinkedHashMap<>(parameters);
        if (environment != null) {
            values.put(ConfigKeys.ENV, environment);
        }
        if (config != null) {
            values.put(ConfigKeys.CONFIG, config.toString());
        } else if (!values.containsKey(ConfigKeys.CONFIG) && System.getenv(ConfigKeys.environmentVariable(ConfigKeys.CONFIG))
                == null && Files.isRegularFile(Path.of("runbook.yaml"))) {
            values.put(ConfigKeys.CONFIG, "runbook.yaml");
        }
        if (reports != null) {
            values.put(ConfigKeys.REPORTS_DIR, reports.toString());
        } else if (!values.containsKey(ConfigKeys.REPORTS_DIR)
                && System.getenv(ConfigKeys.environmentVariable(ConfigKeys.REPORTS_DIR)) == null) {
            values.put(ConfigKeys.REPORTS_DIR, DEFAULT_REPORTS);
        }
        if (plan) {
            values.put(ConfigKeys.PLAN, "true");
        }
        return values;
    }

    /** Fail unless exactly one kind of thing to run was given. */
    void validate() {
        boolean selected = !classes.isEmpty() || !packages.isEmpty();
        if (suites.isEmpty() == !selected) {
            throw new UsageException(suites.isEmpty()
                    ? "nothing to run: give --suite FILE|builtin:NAME, or --class-path JAR with --select-class CLASS"
                    : "give either --suite or --select-class/--select-package, not both; run them as two commands");
        }
        if (selected && classPath.isEmpty()) {
            throw new UsageException("--select-class and --select-package need --class-path JAR with the compiled "
                    + "runbooks");
        }
        for (Path entry : classPath) {
            if (!Files.exists(entry)) {
                throw new UsageException("--class-path names [" + entry.toAbsolutePath() + "], which does not exist");
            }
        }
    }
}
