package org.runbookunit.shell;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.Durations;
import org.runbookunit.config.RunbookConfigurationException;

/**
 * Hold what bounds every command: its deadline and how much of each output stream is kept.
 *
 * @param timeout the deadline of one command, connecting included
 * @param maxOutput the bytes of stdout and of stderr kept; the rest is counted and cut
 */
record ShellOptions(Duration timeout, int maxOutput) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final int DEFAULT_MAX_OUTPUT = 1024 * 1024;

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB)?");

    static ShellOptions defaults() {
        return new ShellOptions(DEFAULT_TIMEOUT, DEFAULT_MAX_OUTPUT);
    }

    /** Read {@link ConfigKeys#SHELL_TIMEOUT} and {@link ConfigKeys#SHELL_MAX_OUTPUT}, failing clearly on bad values. */
    static ShellOptions from(Optional<String> timeout, Optional<String> maxOutput) {
        Duration deadline = timeout.map(raw -> Durations.parse(ConfigKeys.SHELL_TIMEOUT, raw)).orElse(DEFAULT_TIMEOUT);
        if (deadline.isZero() || deadline.isNegative()) {
            throw new RunbookConfigurationException(ConfigKeys.SHELL_TIMEOUT + " must be longer than 0 but was ["
                    + timeout.orElse("") + "]; write e.g. 30s");
        }
        return new ShellOptions(deadline, maxOutput.map(ShellOptions::size).orElse(DEFAULT_MAX_OUTPUT));
    }

    ShellOptions withTimeout(Duration deadline) {
        if (deadline.isZero() || deadline.isNegative()) {
            throw new IllegalArgumentException("a command timeout must be longer than 0 but was [" + deadline + "]");
        }
        return new ShellOptions(deadline, maxOutput);
    }

    private static int size(String raw) {
        Matcher matcher = SIZE.matcher(raw.trim().toUpperCase(Locale.ROOT));
        if (matcher.matches()) {
            long value = Long.parseLong(matcher.group(1));
            long bytes = "MB".equals(matcher.group(2)) ? value << 20 : "KB".equals(matcher.group(2)) ? value << 10 : value;
            if (bytes > 0 && bytes <= Integer.MAX_VALUE) {
                return (int) bytes;
            }
        }
        throw new RunbookConfigurationException(ConfigKeys.SHELL_MAX_OUTPUT + " must be a size like 512KB or 4MB "
                + "(at most 2047MB) but was [" + raw + "]");
    }
}
