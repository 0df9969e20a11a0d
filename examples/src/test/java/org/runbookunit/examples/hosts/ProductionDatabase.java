package org.runbookunit.examples.hosts;

import java.util.Optional;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.rehearsal.RehearsalService;
import org.runbookunit.testing.PostgresServer;

/**
 * Seed 001's one production database both droplets use ("Database: same production DB"): a fresh database on the
 * machine's shared PostgreSQL test server; the droplets' APIs fill it with the 747 sample roles when they start.
 */
final class ProductionDatabase implements RehearsalService {

    private DatabaseSettings settings;

    @Override
    public String name() {
        return "production database (local PostgreSQL)";
    }

    @Override
    public void start() {
        PostgresServer server = PostgresServer.shared();
        settings = server.superuser(server.createDatabase("airdemand_prod"));
    }

    /** Return where the database is; only after {@link #start()}. */
    DatabaseSettings settings() {
        return settings;
    }

    /** Return the database as libpq reads it ({@code postgresql://user:password@host:port/name}), for pg_dump. */
    String libpqUrl() {
        return settings.url().replace("jdbc:postgresql://", "postgresql://" + settings.user() + ":" + settings.password()
                + "@");
    }

    @Override
    public Optional<DatabaseSettings> database() {
        return Optional.ofNullable(settings);
    }

    @Override
    public void close() {
        // the shared server stops with the JVM
    }
}
