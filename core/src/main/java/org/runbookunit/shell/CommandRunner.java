package org.runbookunit.shell;

import java.time.Duration;
import org.runbookunit.internal.process.ProcessResult;

/** Run one command line on one host within a deadline, keeping at most {@code cap} bytes of each output stream. */
interface CommandRunner extends AutoCloseable {

    ProcessResult run(String command, Duration timeout, int cap);

    /** Copy {@code remotePath} on the host to {@code localFile} on the runner, within the deadline. */
    void download(String remotePath, java.nio.file.Path localFile, Duration timeout);

    @Override
    default void close() {
    }
}
