package org.runbookunit.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.runbookunit.internal.process.ProcessResult;
import org.runbookunit.internal.process.ProcessRunner;

/** Run commands on the machine that runs the runbook, through {@code /bin/sh -c}, like sshd runs them remotely. */
final class LocalCommands implements CommandRunner {

    @Override
    public ProcessResult run(String command, Duration timeout, int cap) {
        try {
            return ProcessRunner.command(List.of("/bin/sh", "-c", command)).timeout(timeout).outputCap(cap).run();
        } catch (IOException cannotStart) {
            throw new ShellException("cannot start /bin/sh on this machine: " + cannotStart.getMessage(), cannotStart);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ShellException("interrupted while running a command on this machine", interrupted);
        }
    }

    @Override
    public void download(String remotePath, Path localFile, Duration timeout) {
        try {
            Files.copy(Path.of(remotePath), localFile, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException cannotCopy) {
            throw new ShellException("cannot copy [" + remotePath + "] on this machine to " + localFile + ": "
                    + cannotCopy, cannotCopy);
        }
    }
}
