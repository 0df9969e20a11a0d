package org.runbookunit.examples.airdemand;

import java.util.List;

/** Read the roles the service lists; implement it over PostgreSQL or keep it in memory. */
public interface RoleStore {

    /** Return how many roles the store holds. */
    int count();

    /** Return at most {@code limit} roles in id order. */
    List<Role> list(int limit);

    /** Check that the store answers, throwing a {@link RuntimeException} when it does not. */
    void ping();

    /**
     * Store the roles whose ids are new, as a scrape does, and return those; a read-only store refuses.
     */
    default List<Role> addNew(List<Role> roles) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is read-only: it cannot store scraped roles");
    }
}
