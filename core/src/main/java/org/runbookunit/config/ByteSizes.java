package org.runbookunit.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parse the sizes configuration is written in: {@code 512B}, {@code 512KB}, {@code 16MB}, {@code 1GB} (powers of 1024). */
public final class ByteSizes {

    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)");

    private ByteSizes() {
    }

    /**
     * Parse a size, naming the key in the error.
     *
     * @param key the configuration key the value came from
     * @param value the text, e.g. {@code 16MB}
     */
    public static long parse(String key, String value) {
        Matcher matcher = FORMAT.matcher(value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
        if (!matcher.matches() || matcher.group(1).length() > 12) {
            throw new RunbookConfigurationException(key + " must be a size like 512KB, 16MB or 1GB but was [" + value + "]");
        }
        long amount = Long.parseLong(matcher.group(1));
        long bytes = switch (matcher.group(2)) {
            case "B" -> amount;
            case "KB" -> amount << 10;
            case "MB" -> amount << 20;
            default -> amount << 30;
        };
        if (bytes <= 0) {
            throw new RunbookConfigurationException(key + " must be larger than 0 but was [" + value + "]; write e.g. 16MB");
        }
        return bytes;
    }

    /** Write a size back in the same notation, choosing the largest exact unit: {@code 16777216 → 16MB}. */
    public static String format(long bytes) {
        if (bytes > 0 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "GB";
        }
        if (bytes > 0 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "MB";
        }
        if (bytes > 0 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + "KB";
        }
        return bytes + "B";
    }
}
