package org.runbookunit.shell;

import java.time.Duration;
import org.runbookunit.internal.process.ProcessResult;

/** Run one command line on one host within a deadline, keeping at most {@code cap} bytes of each output stream. */
interface CommandRunner extends AutoCloseable {

    ProcessResult run(String command, Duration timeout, int cap);

    @Override
    default void close() {
    }
}
