package org.runbookunit.logs;

import java.time.Instant;
import java.util.Optional;

/**
 * Hold one line of a log and, when the source or the line says, when it was written.
 *
 * @param time when it was written, if known
 * @param text the line without its line break
 */
public record LogLine(Optional<Instant> time, String text) {

    /** Tell whether the line was written at or after {@code since}; a line of unknown time counts as after. */
    boolean notBefore(Instant since) {
        return time.map(at -> !at.isBefore(since)).orElse(true);
    }

    /** Return the line as text, led by its time unless the text already starts with one. */
    @Override
    public String toString() {
        return LineTimes.of(text).isPresent() ? text : time.map(at -> at + " ").orElse("") + text;
    }
}
