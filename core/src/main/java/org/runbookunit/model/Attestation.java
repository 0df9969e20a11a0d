package org.runbookunit.model;

/**
 * Record who confirmed a manual step, when, and what they noted.
 *
 * @param by who did it, e.g. {@code Rich Roberts (DevOps)}
 * @param at when, as written (an ISO date or instant)
 * @param note what they saw or did
 */
public record Attestation(String by, String at, String note) {

    /** Render {@code "attested by Rich Roberts at 2025-12-19T10:04Z: droplet powered off, not destroyed"}. */
    public String describe() {
        return "attested by " + by + " at " + at + (note.isEmpty() ? "" : ": " + note);
    }
}
