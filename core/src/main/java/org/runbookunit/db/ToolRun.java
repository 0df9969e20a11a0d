package org.runbookunit.db;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.Durations;
import org.runbookunit.internal.process.ProcessResult;
import org.runbookunit.internal.process.ProcessRunner;

/**
 * Run a client tool to completion within a budget, its archive flowing through a file on standard input or output,
 * and keep the head of what it wrote to standard error.
 *
 * @param exitCode the tool's exit code
 * @param stderr the first few kilobytes of its standard error, with a note when more was cut
 * @param duration how long it ran
 */
record ToolRun(int exitCode, String stderr, Duration duration) {

    private static final int MAX_STDERR = 8 * 1024;

    static ToolRun run(ProcessBuilder builder, Path stdin, Path stdout, Duration timeout) {
        ProcessRunner runner = ProcessRunner.command(builder.command()).environment(builder.environment())
                .timeout(timeout).outputCap(MAX_STDERR);
        if (builder.directory() != null) {
            runner = runner.directory(builder.directory().toPath());
        }
        if (stdin != null) {
            runner = runner.stdinFrom(stdin);
        }
        if (stdout != null) {
            runner = runner.stdoutTo(stdout);
        }
        String tool = Path.of(builder.command().get(0)).getFileName().toString();
        ProcessResult result;
        try {
            result = runner.run();
        } catch (IOException cannotStart) {
            throw new DatabaseException("cannot start " + builder.command().get(0) + ": " + cannotStart.getMessage(), cannotStart);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DatabaseException(tool + " was interrupted", interrupted);
        }
        if (result.timedOut()) {
            throw new DatabaseException(tool + " did not finish within " + ConfigKeys.POSTGRES_TOOL_TIMEOUT + " ["
                    + Durations.format(timeout) + "] and was killed");
        }
        return new ToolRun(result.exitCode(), result.stderr().describe().strip(), result.duration());
    }

    /** Tell whether the tool exited 0. */
    boolean succeeded() {
        return exitCode == 0;
    }
}
