package org.runbookunit.db;

/**
 * Hold the schema version a database reports and where it was read.
 *
 * @param value the version, e.g. {@code 9} or Alembic's {@code 1e42a12186da}
 * @param source where it came from: {@code alembic_version}, {@code flyway_schema_history}, {@code schema_version}, or
 *     the custom query
 */
public record SchemaVersion(String value, String source) {

    @Override
    public String toString() {
        return value + " (from " + source + ")";
    }
}
