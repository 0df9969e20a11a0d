package org.runbookunit.shell;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.runbookunit.internal.Texts;
import org.runbookunit.internal.process.ProcessResult;
import org.runbookunit.secrets.Secrets;

/**
 * Hold how one command ended on one host, and check it: each {@code expect…} throws a {@link ShellExpectationError}
 * naming the host, the command, what was expected and what came back (redacted), or returns this result.
 *
 * <pre>{@code
 * shell.on("app").readOnly().run("systemctl is-active air-demand-api").expectExitCode(0).expectOutput("active");
 * }</pre>
 */
public final class CommandResult {

    private static final int QUOTE = 600;

    private final String host;
    private final String command;
    private final ProcessResult result;
    private final Secrets secrets;
    private final String evidencePath;

    CommandResult(String host, String command, ProcessResult result, Secrets secrets, String evidencePath) {
        this.host = host;
        this.command = command;
        this.result = result;
        this.secrets = secrets;
        this.evidencePath = evidencePath;
    }

    /** Expect this exit code. */
    public CommandResult expectExitCode(int expected) {
        return check(result.exitCode() == expected, "exited " + result.exitCode() + ", expected " + expected);
    }

    /** Expect exit code 0. */
    public CommandResult expectSuccess() {
        return expectExitCode(0);
    }

    /** Expect standard output, without surrounding white space, to equal {@code expected}. */
    public CommandResult expectOutput(String expected) {
        return check(output().strip().equals(expected), "printed [" + quote(output().strip()) + "], expected ["
                + expected + "]");
    }

    /** Expect standard output to contain {@code text}. */
    public CommandResult expectOutputContains(String text) {
        return check(output().contains(text), "printed no [" + text + "]");
    }

    /** Expect standard output to contain a match of the regular expression {@code regex} (multi-line mode). */
    public CommandResult expectOutputMatches(String regex) {
        return check(Pattern.compile(regex, Pattern.MULTILINE).matcher(output()).find(), "printed nothing matching ["
                + regex + "]");
    }

    /** Expect standard error to contain {@code text}. */
    public CommandResult expectStderrContains(String text) {
        return check(stderr().contains(text), "wrote no [" + text + "] to stderr");
    }

    /** Return the exit code. */
    public int exitCode() {
        return result.exitCode();
    }

    /** Return standard output (its first {@code runbook.shell.max-output} bytes). */
    public String output() {
        return result.stdout().text();
    }

    /** Return standard output's lines, without empty trailing ones. */
    public List<String> outputLines() {
        String text = output().stripTrailing();
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R"));
    }

    /** Return standard error (its first {@code runbook.shell.max-output} bytes). */
    public String stderr() {
        return result.stderr().text();
    }

    /** Tell whether an output stream was longer than {@code runbook.shell.max-output} and cut. */
    public boolean outputCapped() {
        return result.stdout().truncated() || result.stderr().truncated();
    }

    /** Return how long the command ran. */
    public Duration duration() {
        return result.duration();
    }

    /** Return the evidence file of the command, relative to the report folder. */
    public String evidencePath() {
        return evidencePath;
    }

    /** Return the command line as run. */
    public String command() {
        return command;
    }

    private CommandResult check(boolean passed, String what) {
        if (!passed) {
            throw new ShellExpectationError(secrets.redact("command [" + command + "] on host [" + host + "] " + what
                    + "\n  exit code: " + result.exitCode() + "\n  stdout: " + quote(output()) + "\n  stderr: "
                    + quote(stderr()) + "\n  evidence: " + evidencePath));
        }
        return this;
    }

    private static String quote(String text) {
        return Texts.snippet(text, QUOTE);
    }

    @Override
    public String toString() {
        return secrets.redact("CommandResult[" + host + ": " + command + " → " + result.exitCode() + "]");
    }
}
