package org.runbookunit.suites;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.runbookunit.internal.process.CappedOutput;
import org.runbookunit.internal.process.ProcessResult;
import org.runbookunit.internal.process.ProcessRunner;

/**
 * Run a suite's command with RunbookUnit's process runner: both streams drained while it runs (a chatty suite cannot
 * fill a pipe and hang), the whole process tree (npx → node → browsers) stopped at the deadline.
 */
final class SuiteProcess {

    /** The most output kept per stream; the rest is counted, not kept. */
    static final int MAX_OUTPUT = 2 * 1024 * 1024;
    private static final Duration GRACE = Duration.ofSeconds(2);

    private SuiteProcess() {
    }

    /**
     * Hold what a run of the process gave.
     *
     * @param exitCode the exit code, -1 when it was killed at the deadline
     * @param timedOut whether the deadline killed it
     * @param output stdout then stderr, each cut at {@link #MAX_OUTPUT}
     * @param elapsed how long it ran
     */
    record Outcome(int exitCode, boolean timedOut, String output, Duration elapsed) {
    }

    static Outcome run(List<String> command, Path directory, Map<String, String> environment, Duration timeout) {
        try {
            ProcessResult result = ProcessRunner.command(command).directory(directory).environment(environment)
                    .timeout(timeout).grace(GRACE).outputCap(MAX_OUTPUT).run();
            String output = section("stdout", result.stdout()) + section("stderr", result.stderr());
            return new Outcome(result.timedOut() ? -1 : result.exitCode(), result.timedOut(), output, result.duration());
        } catch (IOException cannotStart) {
            throw new SuiteException("cannot start [" + command.get(0) + "] in [" + directory + "]: "
                    + cannotStart.getMessage() + "; is it installed and on the PATH?", cannotStart);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SuiteException("interrupted while running [" + String.join(" ", command) + "]; its process tree "
                    + "was stopped", interrupted);
        }
    }

    private static String section(String label, CappedOutput output) {
        if (output.totalBytes() == 0) {
            return "";
        }
        String text = output.describe();
        return "--- " + label + " ---\n" + text + (text.endsWith("\n") ? "" : "\n");
    }
}
