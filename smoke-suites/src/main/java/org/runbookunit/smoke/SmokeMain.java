package org.runbookunit.smoke;

import java.io.PrintWriter;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.internal.Texts;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Run smoke suites and compiled runbooks from a JRE: {@code java -jar runbookunit-smoke.jar run --env production
 * --suite builtin:http-health}.
 */
@Command(name = "runbookunit-smoke", mixinStandardHelpOptions = true, versionProvider = SmokeMain.Version.class,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        subcommands = {RunCommand.class, PlanCommand.class, ListSuitesCommand.class, TrainCommand.class},
        description = "Run RunbookUnit smoke suites and compiled runbooks against an environment.%n"
                + "Exit codes: 0 GO, 1 NO-GO, 2 HOLD, 64 usage or configuration error.")
public final class SmokeMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Parse the command line, run it and exit with its code. */
    public static void main(String... args) {
        java.util.Optional<java.util.List<String>> tuned = Relaunch.command(args);
        if (tuned.isPresent()) {
            int code = Relaunch.run(tuned.get());
            if (code >= 0) {
                System.exit(code);
            }
        }
        if (HttpWarmup.wanted(args)) {
            HttpWarmup.start(); // before parsing: the first check's REST Assured start-up overlaps picocli and the config
        }
        System.exit(execute(args));
    }

    /** Run a command line and return its exit code. */
    static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new SmokeMain());
        commandLine.setExecutionExceptionHandler(SmokeMain::failed);
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run, plan or list-suites");
    }

    private static int failed(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        if (failure instanceof RunbookConfigurationException || failure instanceof UsageException) {
            err.println("runbookunit-smoke: " + failure.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        err.println("runbookunit-smoke: failed unexpectedly: " + Texts.firstLine(String.valueOf(failure.getMessage())));
        failure.printStackTrace(err);
        err.flush();
        return ExitCodes.SOFTWARE;
    }

    /** Print the jar's version from its manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SmokeMain.class.getPackage().getImplementationVersion();
            return new String[] {"runbookunit-smoke " + (version == null ? "(development)" : version)};
        }
    }
}
