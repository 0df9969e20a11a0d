package org.runbookunit.examples.airdemand;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.IntStream;

/** Keep deterministic sample roles in memory, and the roles scrapes add. */
public final class InMemoryRoleStore implements RoleStore {

    /** Hold the number of roles production showed when the runbook was written. */
    public static final int SAMPLE_ROLE_COUNT = 747;

    private final ConcurrentSkipListMap<Integer, Role> roles = new ConcurrentSkipListMap<>();

    /** Create a store with {@value #SAMPLE_ROLE_COUNT} sample roles. */
    public InMemoryRoleStore() {
        this(SAMPLE_ROLE_COUNT);
    }

    /** Create a store with {@code roleCount} sample roles, numbered from 1. */
    public InMemoryRoleStore(int roleCount) {
        if (roleCount < 0) {
            throw new IllegalArgumentException("roleCount must be >= 0 but was [" + roleCount + "]");
        }
        IntStream.rangeClosed(1, roleCount).mapToObj(SampleRoles::role).forEach(role -> roles.put(role.id(), role));
    }

    @Override
    public int count() {
        return roles.size();
    }

    @Override
    public List<Role> list(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 but was [" + limit + "]");
        }
        return roles.values().stream().limit(limit).toList();
    }

    @Override
    public List<Role> addNew(List<Role> scraped) {
        return scraped.stream().filter(role -> roles.putIfAbsent(role.id(), role) == null).toList();
    }

    @Override
    public void ping() {
        // Memory always answers.
    }
}
