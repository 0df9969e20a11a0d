package org.runbookunit.logs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read the time a log line starts with: ISO 8601 ({@code 2025-12-19T12:24:00.123Z}, {@code 2025-12-19 12:24:00,123},
 * with or without an offset; without one it is UTC) optionally inside brackets. Other lines have no time.
 */
final class LineTimes {

    private static final Pattern LEADING = Pattern.compile(
            "^\\[?(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(?:[.,](\\d{1,9}))?(Z|[+-]\\d{2}:?\\d{2})?");

    private LineTimes() {
    }

    static Optional<Instant> of(String line) {
        Matcher matcher = LEADING.matcher(line);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String fraction = matcher.group(3) == null ? "" : "." + matcher.group(3);
        String local = matcher.group(1) + "T" + matcher.group(2) + fraction;
        String offset = matcher.group(4);
        try {
            if (offset == null) {
                return Optional.of(LocalDateTime.parse(local).toInstant(ZoneOffset.UTC));
            }
            String normalized = offset.equals("Z") ? "Z" : offset.length() == 5
                    ? offset.substring(0, 3) + ":" + offset.substring(3) : offset;
            return Optional.of(OffsetDateTime.parse(local + normalized).toInstant());
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
    }
}
