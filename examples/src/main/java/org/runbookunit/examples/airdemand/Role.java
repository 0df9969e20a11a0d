package org.runbookunit.examples.airdemand;

import java.time.Instant;
import java.util.Objects;

/**
 * Hold one open role as {@code /demand/roles} lists it.
 *
 * @param id the role's id, starting at 1
 * @param title the job title
 * @param company the hiring company
 * @param location where the role is based
 * @param qualified whether the role passed the qualification filter
 * @param firstSeen when a scrape first saw the role
 */
public record Role(int id, String title, String company, String location, boolean qualified, Instant firstSeen) {

    /** Reject missing fields so every listed role renders completely. */
    public Role {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(firstSeen, "firstSeen");
    }
}
