package org.runbookunit.internal.process;

import java.time.Duration;

/**
 * Say how a child process ended.
 *
 * @param exitCode its exit code (after a kill, what the system reported for the killed process)
 * @param stdout the head of its standard output (empty when redirected to a file)
 * @param stderr the head of its standard error
 * @param duration how long it ran
 * @param timedOut whether it outlived its deadline and was killed
 */
public record ProcessResult(int exitCode, CappedOutput stdout, CappedOutput stderr, Duration duration, boolean timedOut) {

    /** Tell whether it finished in time with exit code 0. */
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }
}
