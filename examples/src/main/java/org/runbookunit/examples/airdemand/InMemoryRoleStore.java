package org.runbookunit.examples.airdemand;

import java.util.List;
import java.util.stream.IntStream;

/** Keep a fixed, deterministic list of sample roles in memory. */
public final class InMemoryRoleStore implements RoleStore {

    /** Hold the number of roles production showed when the runbook was written. */
    public static final int SAMPLE_ROLE_COUNT = 747;

    private final List<Role> roles;

    /** Create a store with {@value #SAMPLE_ROLE_COUNT} sample roles. */
    public InMemoryRoleStore() {
        this(SAMPLE_ROLE_COUNT);
    }

    /** Create a store with {@code roleCount} sample roles, numbered from 1. */
    public InMemoryRoleStore(int roleCount) {
        if (roleCount < 0) {
            throw new IllegalArgumentException("roleCount must be >= 0 but was [" + roleCount + "]");
        }
        this.roles = IntStream.rangeClosed(1, roleCount).mapToObj(SampleRoles::role).toList();
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
        return roles.subList(0, Math.min(limit, roles.size()));
    }

    @Override
    public void ping() {
        // Memory always answers.
    }
}
