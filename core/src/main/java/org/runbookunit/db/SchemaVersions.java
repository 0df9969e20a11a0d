package org.runbookunit.db;

import java.util.List;
import java.util.stream.Collectors;

/** Find the schema version in the table a migration tool keeps: Alembic, Flyway, or a plain {@code schema_version}. */
final class SchemaVersions {

    private static final String FLYWAY_LATEST = "SELECT version FROM %s WHERE success AND version IS NOT NULL "
            + "ORDER BY installed_rank DESC LIMIT 1";

    private final Session session;
    private final Catalog catalog;

    SchemaVersions(Session session, Catalog catalog) {
        this.session = session;
        this.catalog = catalog;
    }

    SchemaVersion detect() {
        List<String> tables = catalog.tables();
        if (tables.contains("alembic_version")) {
            return read("SELECT version_num FROM alembic_version ORDER BY version_num", "alembic_version");
        }
        if (tables.contains("flyway_schema_history")) {
            return read(String.format(FLYWAY_LATEST, "flyway_schema_history"), "flyway_schema_history");
        }
        if (tables.contains("schema_version")) {
            boolean flywayLegacy = session.query("SELECT * FROM schema_version WHERE 1 = 0", List.of()).columns()
                    .contains("installed_rank");
            return read(flywayLegacy ? String.format(FLYWAY_LATEST, "schema_version")
                    : "SELECT version FROM schema_version ORDER BY version DESC LIMIT 1", "schema_version");
        }
        throw new DatabaseExpectationError("no schema version table in [" + session.target() + "]: looked for "
                + "alembic_version, flyway_schema_history and schema_version among its " + tables.size() + " tables "
                + tables + "; pass the query that reads the version: schemaVersion(\"SELECT …\")");
    }

    SchemaVersion read(String sql, String source) {
        Rows rows = session.query(sql, List.of());
        if (rows.isEmpty() || rows.columns().isEmpty()) {
            throw new DatabaseExpectationError("no schema version in [" + session.target() + "]: " + source
                    + " is empty\n" + SqlFailures.quote(sql, -1));
        }
        String first = rows.columns().get(0);
        String value = rows.stream().map(row -> String.valueOf(row.get(first))).collect(Collectors.joining(","));
        return new SchemaVersion(value, source);
    }
}
