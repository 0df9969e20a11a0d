package org.runbookunit.examples;

import java.util.List;
import org.runbookunit.examples.airdemand.AirDemandService;
import org.runbookunit.examples.airdemand.InMemoryRoleStore;
import org.runbookunit.examples.airdemand.Role;
import org.runbookunit.examples.airdemand.RoleStore;

/**
 * Break the sample service the way deployments break, to rehearse a NO-GO: {@code database-down} (only
 * {@code /health/db} fails), {@code roles-down} ({@code /demand/roles} answers 500, so the dashboard's table stays
 * empty), {@code unhealthy}, {@code not-ready}, {@code errors}.
 */
final class SampleFaults {

    private SampleFaults() {
    }

    static RoleStore roleStore(String fault) {
        InMemoryRoleStore roles = new InMemoryRoleStore();
        return switch (fault) {
            case "database-down" -> new UnreachableDatabase(roles);
            case "roles-down" -> new FailingRoles(roles);
            default -> roles;
        };
    }

    static void inject(AirDemandService service, String fault) {
        switch (fault) {
            case "", "database-down", "roles-down" -> { }
            case "unhealthy" -> service.setHealthy(false);
            case "not-ready" -> service.setReady(false);
            case "errors" -> service.recordError("scrape failed: paraform session expired");
            default -> throw new IllegalArgumentException("airdemand.fault must be database-down, roles-down, unhealthy, "
                    + "not-ready or errors but was [" + fault + "]");
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

    /** Count roles but fail to list them, like a query that broke after a migration: {@code /demand/roles} answers 500. */
    private record FailingRoles(RoleStore roles) implements RoleStore {

        @Override
        public int count() {
            return roles.count();
        }

        @Override
        public List<Role> list(int limit) {
            throw new IllegalStateException("column roles.first_seen does not exist");
        }

        @Override
        public void ping() {
            roles.ping();
        }
    }
}
