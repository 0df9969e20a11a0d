package org.runbookunit.shell;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Read numbers out of what {@code df}, {@code /proc/meminfo}, {@code crontab -l} and {@code stat} print. */
final class HostFacts {

    private HostFacts() {
    }

    /** Return the "Available" column of {@code df -Pk}'s one data line, in bytes. */
    static long dfAvailableBytes(CommandResult df) {
        List<String> lines = df.outputLines();
        String[] columns = lines.isEmpty() ? new String[0] : lines.get(lines.size() - 1).trim().split("\\s+");
        if (lines.size() < 2 || columns.length < 6) {
            throw unreadable(df, "df -Pk output");
        }
        return number(df, columns[3]) * 1024;
    }

    /** Return {@code MemAvailable} of {@code /proc/meminfo}, in bytes. */
    static long memAvailableBytes(CommandResult meminfo) {
        for (String line : meminfo.outputLines()) {
            if (line.startsWith("MemAvailable:")) {
                return number(meminfo, line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw unreadable(meminfo, "MemAvailable in /proc/meminfo");
    }

    /** Tell whether a crontab has an uncommented line containing {@code entry}, runs of white space counting as one. */
    static boolean crontabHas(List<String> lines, String entry) {
        String wanted = entry.trim().replaceAll("\\s+", " ");
        return lines.stream().map(String::trim).filter(line -> !line.startsWith("#"))
                .map(line -> line.replaceAll("\\s+", " ")).anyMatch(line -> line.contains(wanted));
    }

    /** Return the age of a file from {@code stat -c %Y FILE && date +%s}: two epoch seconds, by the host's clock. */
    static Duration age(CommandResult stat) {
        List<String> lines = stat.outputLines();
        if (lines.size() != 2) {
            throw unreadable(stat, "modification time and clock");
        }
        return Duration.ofSeconds(Math.max(0, number(stat, lines.get(1).trim()) - number(stat, lines.get(0).trim())));
    }

    /** Format bytes for a message: {@code 1.5 GiB}. */
    static String human(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** Format an age for a message: {@code 7.3 h}, {@code 42 s}. */
    static String human(Duration age) {
        long seconds = age.toSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60.0);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }

    private static long number(CommandResult result, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            throw unreadable(result, "a number, got [" + text + "]");
        }
    }

    private static ShellExpectationError unreadable(CommandResult result, String what) {
        return new ShellExpectationError("command [" + result.command() + "] printed no readable " + what + ": ["
                + org.runbookunit.internal.Texts.snippet(result.output(), 300) + "] (evidence " + result.evidencePath()
                + ")");
    }
}
