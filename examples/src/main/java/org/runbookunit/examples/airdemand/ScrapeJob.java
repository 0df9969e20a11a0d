package org.runbookunit.examples.airdemand;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Scrape the sample job board: read the roles posted so far from the listing file and store the new ones in the
 * database the API lists them from (on the rehearsed droplets the PostgreSQL both share, as in the real system).
 */
final class ScrapeJob {

    private final Path listing;
    private final RoleStore store;

    ScrapeJob(Path listing, RoleStore store) {
        this.listing = Objects.requireNonNull(listing, "listing");
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Hold what one scrape found.
     *
     * @param seen the roles the board lists
     * @param added the roles the database did not hold yet
     * @param total the roles the database holds afterwards
     */
    record Result(int seen, List<Role> added, int total) {
    }

    /** Scrape the board as it is at {@code now}; throw when the board or the database cannot be read. */
    Result run(Instant now) {
        List<Role> seen = SampleListing.read(listing, now);
        List<Role> added = store.addNew(seen);
        return new Result(seen.size(), List.copyOf(added), store.count());
    }
}
