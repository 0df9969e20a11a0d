package org.runbookunit.config;

/**
 * Hold an environment's switches.
 *
 * @param readOnly destructive steps are refused and database connections open read-only
 * @param rehearsal {@code @Rehearsal} stacks start and bind the endpoints
 * @param windowsScale the factor window durations and poll intervals are multiplied by, in (0, 1]
 * @param ignoreHttpsErrors certificates are not checked (self-signed staging endpoints)
 */
record EnvironmentFlags(boolean readOnly, boolean rehearsal, double windowsScale, boolean ignoreHttpsErrors) {

    static final EnvironmentFlags DEFAULTS = new EnvironmentFlags(false, false, 1.0, false);
}
