package org.runbookunit.db;

import java.nio.file.Path;
import java.util.UUID;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.secrets.Secrets;
import org.runbookunit.testing.PostgresServer;

/** Make a fresh database on the test server, filled like the air-demand one, and facades over it. */
final class PgFixture {

    static final String AIR_DEMAND_SCHEMA = String.join("\n",
            "CREATE TABLE companies (id serial PRIMARY KEY, name varchar(120) NOT NULL UNIQUE);",
            "CREATE TABLE roles (id serial PRIMARY KEY, title varchar(200) NOT NULL, company_id int REFERENCES companies,",
            "  qualified boolean NOT NULL DEFAULT false, first_seen timestamptz NOT NULL DEFAULT now());",
            "CREATE TABLE role_briefings (role_id int PRIMARY KEY REFERENCES roles, summary text);",
            "CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);",
            "INSERT INTO alembic_version VALUES ('1e42a12186da');",
            "INSERT INTO companies (name) SELECT 'Company ' || i FROM generate_series(1, 11) i;",
            "INSERT INTO roles (title, company_id, qualified) SELECT 'Role ' || i, 1 + i % 11, i % 7 = 0 "
                    + "FROM generate_series(1, 747) i;",
            "INSERT INTO role_briefings SELECT id, 'Briefing for ' || title FROM roles WHERE qualified;");

    final PostgresServer server = PostgresServer.shared();
    final Path workDir = Path.of("target", "db-tests", UUID.randomUUID().toString()).toAbsolutePath();
    final Evidence evidence = new Evidence(workDir.resolve("report"), "1");
    final Secrets secrets = Secrets.none();

    /** Create a database with the air-demand tables and 747 roles, and return its name. */
    String airDemand() {
        String name = server.createDatabase("airdemand");
        server.execute(name, AIR_DEMAND_SCHEMA);
        return name;
    }

    Database database(String name) {
        return database(server.superuser(name), DatabaseOptions.defaults("test"));
    }

    Database database(DatabaseSettings settings, DatabaseOptions options) {
        return new Database(settings, options, evidence, secrets);
    }

    Postgres postgres(String name) {
        return postgres(name, new LocalPostgresTools(java.util.Optional.empty(), LocalPostgresTools.DEBIAN_ROOT));
    }

    Postgres postgres(String name, PostgresTools tools) {
        return new Postgres(server.superuser(name), DatabaseOptions.defaults("test"), tools, java.time.Duration.ofMinutes(2),
                evidence, secrets);
    }

    Path evidenceDir() {
        return workDir.resolve("report").resolve(Evidence.FOLDER);
    }
}
