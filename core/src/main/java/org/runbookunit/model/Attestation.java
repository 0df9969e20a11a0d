package org.runbookunit.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Record who confirmed a manual step, when, and what they noted.
 *
 * @param by who did it, e.g. {@code Rich Roberts (DevOps)}
 * @param at when, as written (an ISO date or instant)
 * @param note what they saw or did
 */
public record Attestation(String by, String at, String note) {

    /** Return when the attestation was given: {@code at} read as an instant, an offset date-time or a date (UTC). */
    public Optional<Instant> time() {
        for (java.util.function.Function<String, Instant> parser : List.<java.util.function.Function<String, Instant>>of(
                Instant::parse, text -> OffsetDateTime.parse(text).toInstant(),
                text -> LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            try {
                return Optional.of(parser.apply(at));
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /** Render {@code "attested by Rich Roberts at 2025-12-19T10:04Z: droplet powered off, not destroyed"}. */
    public String describe() {
        return "attested by " + by + " at " + at + (note.isEmpty() ? "" : ": " + note);
    }
}
