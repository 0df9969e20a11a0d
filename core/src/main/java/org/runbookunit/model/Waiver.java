package org.runbookunit.model;

import java.time.LocalDate;

/**
 * Accept a known failure of one step until a date, with a reason and an owner.
 *
 * @param step the step id, e.g. {@code 1.4}
 * @param reason why the failure is acceptable
 * @param owner who answers for it
 * @param expires the last day the waiver holds
 */
public record Waiver(String step, String reason, String owner, LocalDate expires) {

    /** Tell whether the waiver still holds on a day. */
    public boolean validOn(LocalDate day) {
        return !day.isAfter(expires);
    }

    /** Render {@code "waived by ops-lead until 2026-12-31: scraper quota known issue"}. */
    public String describe() {
        return "waived by " + owner + " until " + expires + ": " + reason;
    }
}
