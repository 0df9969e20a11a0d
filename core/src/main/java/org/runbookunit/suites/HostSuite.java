package org.runbookunit.suites;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.runbookunit.shell.CommandResult;
import org.runbookunit.shell.HostShell;
import org.runbookunit.shell.ShellExpectationError;

/**
 * Run a suite's command on a host over the step's Shell session, and read its report back with {@code cat} over the
 * same session: the host's clock is read first, so a report left over from an earlier run is told apart.
 */
final class HostSuite {

    /** The largest report read back; a bigger one fails with a message naming the cap. */
    static final int MAX_REPORT = 16 * 1024 * 1024;
    private static final Duration SHORT_COMMAND = Duration.ofSeconds(30);
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MISSING = 3;
    private static final int STALE = 4;
    private static final int FOLDER = 5;

    private final HostShell host;
    private final SuiteSpec spec;
    private final String hostName;
    private long startedEpochSecond;

    HostSuite(HostShell host, SuiteSpec spec) {
        this.host = host;
        this.spec = spec;
        this.hostName = spec.host().orElseThrow();
        spec.environment().keySet().stream().filter(name -> !VARIABLE.matcher(name).matches()).findFirst()
                .ifPresent(bad -> {
                    throw new SuiteException("suite [" + spec.name() + "] on host [" + hostName + "]: environment "
                            + "variable name [" + bad + "] is not a shell name; use letters, digits and _");
                });
    }

    /** Run the command under the suite's deadline; a command stopped at the deadline is an outcome, not an error. */
    SuiteProcess.Outcome run() {
        startedEpochSecond = Long.parseLong(host.readOnly().timeout(SHORT_COMMAND).run("date +%s").expectSuccess()
                .output().strip());
        HostShell shell = (spec.readOnly() ? host.readOnly() : host).timeout(spec.timeout())
                .outputCap(SuiteProcess.MAX_OUTPUT);
        try {
            CommandResult result = shell.run(commandLine());
            String output = section("stdout", result.output()) + section("stderr", result.stderr());
            return new SuiteProcess.Outcome(result.exitCode(), false, output, result.duration());
        } catch (ShellExpectationError stopped) {
            return new SuiteProcess.Outcome(-1, true, stopped.getMessage() + "\n", spec.timeout());
        }
    }

    /** Return where the report is, as {@code host:path} for messages. */
    String where() {
        return hostName + ":" + spec.directory().map(folder -> folder.resolve(report())).orElse(report());
    }

    /**
     * Copy the report this run wrote into {@code folder}; empty when there is none on the host, or only an older one.
     */
    Optional<Path> fetchReport(Path folder) {
        String path = ShellWords.quote(report().toString());
        CommandResult result = host.readOnly().timeout(SHORT_COMMAND).outputCap(MAX_REPORT).run(cd()
                + "{ if [ -d " + path + " ]; then exit " + FOLDER + "; fi; [ -f " + path + " ] || exit " + MISSING
                + "; [ \"$(stat -c %Y " + path + ")\" -ge " + startedEpochSecond + " ] || exit " + STALE + "; cat -- "
                + path + "; }");
        if (result.exitCode() == MISSING || result.exitCode() == STALE) {
            return Optional.empty();
        }
        if (result.exitCode() == FOLDER) {
            throw new SuiteException("suite [" + spec.name() + "]: [" + where() + "] is a folder; on a host name the "
                    + "one report file the command writes, e.g. .junitXml(Path.of(\"results/junit.xml\"))");
        }
        result.expectSuccess();
        if (result.outputCapped()) {
            throw new SuiteException("suite [" + spec.name() + "]: the report [" + where() + "] is larger than "
                    + (MAX_REPORT >> 20) + " MB, the most read back from a host");
        }
        try {
            Path copy = folder.resolve(report().getFileName().toString());
            Files.writeString(copy, result.output(), StandardCharsets.UTF_8);
            return Optional.of(copy);
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
    }

    private Path report() {
        return spec.report().orElseThrow();
    }

    private String commandLine() {
        String variables = spec.environment().entrySet().stream().map(HostSuite::assignment)
                .collect(Collectors.joining(""));
        return cd() + variables + spec.command().stream().map(ShellWords::quote).collect(Collectors.joining(" "));
    }

    private String cd() {
        return spec.directory().map(folder -> "cd " + ShellWords.quote(folder.toString()) + " && ").orElse("");
    }

    private static String assignment(Map.Entry<String, String> variable) {
        return variable.getKey() + "=" + ShellWords.quote(variable.getValue()) + " ";
    }

    private static String section(String label, String text) {
        return text.isEmpty() ? "" : "--- " + label + " ---\n" + text + (text.endsWith("\n") ? "" : "\n");
    }

    /** Quote words for the host's POSIX shell. */
    private static final class ShellWords {

        static String quote(String word) {
            return "'" + word.replace("'", "'\\''") + "'";
        }
    }
}
