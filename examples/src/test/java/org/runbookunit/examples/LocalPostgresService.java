package org.runbookunit.examples;

import java.util.Optional;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.examples.airdemand.PostgresRoleStore;
import org.runbookunit.rehearsal.RehearsalService;
import org.runbookunit.testing.PostgresServer;

/** Offer a database of a PostgreSQL started from the machine's own binaries, for rehearsals without Docker. */
final class LocalPostgresService implements RehearsalService {

    private DatabaseSettings settings;

    @Override
    public String name() {
        return "db (local PostgreSQL)";
    }

    @Override
    public void start() {
        PostgresServer server = PostgresServer.shared();
        settings = server.superuser(server.createDatabase("airdemand"));
        new PostgresRoleStore(settings.url(), settings.user(), settings.password()).createSampleRoles(747);
    }

    /** Return where the database is, for the in-process API. */
    DatabaseSettings settings() {
        return settings;
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
