package org.runbookunit.examples;

import java.util.List;
import org.runbookunit.examples.airdemand.AirDemandService;
import org.runbookunit.examples.airdemand.InMemoryRoleStore;
import org.runbookunit.examples.airdemand.Role;
import org.runbookunit.examples.airdemand.RoleStore;

/**
 * Break the sample service the way deployments break, to rehearse a NO-GO: {@code database-down} (only
 * {@code /health/db} fails), {@code unhealthy}, {@code not-ready}, {@code errors}.
 */
final class SampleFaults {

    private SampleFaults() {
    }

    static RoleStore roleStore(String fault) {
        InMemoryRoleStore roles = new InMemoryRoleStore();
        return "database-down".equals(fault) ? new UnreachableDatabase(roles) : roles;
    }

    static void inject(AirDemandService service, String fault) {
        switch (fault) {
            case "", "database-down" -> { }
            case "unhealthy" -> service.setHealthy(false);
            case "not-ready" -> service.setReady(false);
            case "errors" -> service.recordError("scrape failed: paraform session expired");
            default -> throw new IllegalArgumentException("airdemand.fault must be database-down, unhealthy, not-ready "
                    + "or errors but was [" + fault + "]");
        }
    }

    /** Serve roles from memory but fail every health ping, like a database that stopped accepting connections. */
    private record UnreachableDatabase(RoleStore roles) implements RoleStore {

        @Override
        public int count() {
            return roles.count();
        }

        @Override
        public List<Role> list(int limit) {
            return roles.list(limit);
        }

        @Override
        public void ping() {
            throw new IllegalStateException("connection to 127.0.0.1:5432 refused");
        }
    }
}
