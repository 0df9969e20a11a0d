package org.runbookunit.smoke.checks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.runbookunit.db.Database;
import org.runbookunit.db.Latency;
import org.runbookunit.smoke.spi.SmokeCheck;
import org.runbookunit.spi.StepContext;

/**
 * Check the environment's database through {@link Database}.
 *
 * <pre>{@code
 * - database:
 *     connects-within: 2s
 *     count: { table: roles, gt: 700 }
 *     query: { sql: "SELECT count(*) FROM roles WHERE qualified", gt: 90 }
 *     tables: [roles, scrape_runs]
 *     indexes: ["idx_roles_%"]
 *     views: ["v_demand%"]
 *     schema-version: { eq: "007" }
 *     query-latency: { sql: "SELECT 1", runs: 20, p95: 250ms }
 *     server-version: { gt: 13 }
 * }</pre>
 */
public final class DatabaseCheck implements SmokeCheck {

    @JsonProperty("connects-within")
    String connectsWithin;
    @JsonProperty("count")
    CountCheck count;
    @JsonProperty("query")
    QueryCheck query;
    @JsonProperty("tables")
    List<String> tables;
    @JsonProperty("indexes")
    List<String> indexes;
    @JsonProperty("views")
    List<String> views;
    @JsonProperty("schema-version")
    SchemaVersionCheck schemaVersion;
    @JsonProperty("query-latency")
    LatencyCheck queryLatency;
    @JsonProperty("server-version")
    Comparison serverVersion;

    /** Read by Jackson. */
    public DatabaseCheck() {
    }

    /** Check that the database connects within a budget. */
    public static DatabaseCheck connectsWithin(String budget) {
        DatabaseCheck check = new DatabaseCheck();
        check.connectsWithin = budget;
        return check;
    }

    /** Check the p95 of a query's latency over some runs. */
    public static DatabaseCheck queryLatency(String sql, int runs, String p95) {
        DatabaseCheck check = new DatabaseCheck();
        check.queryLatency = new LatencyCheck();
        check.queryLatency.sql = sql;
        check.queryLatency.runs = runs;
        check.queryLatency.p95 = p95;
        return check;
    }

    /** Check the server's major version (recorded as evidence), e.g. {@code Comparison.present()}. */
    public static DatabaseCheck serverVersion(Comparison major) {
        DatabaseCheck check = new DatabaseCheck();
        check.serverVersion = major;
        return check;
    }

    /** Check the detected schema version (Alembic, Flyway, schema_version). */
    public static DatabaseCheck schemaVersion(Comparison version) {
        DatabaseCheck check = new DatabaseCheck();
        check.schemaVersion = new SchemaVersionCheck();
        check.schemaVersion.eq = version.eq;
        check.schemaVersion.ne = version.ne;
        check.schemaVersion.exists = version.exists;
        return check;
    }

    @Override
    public void validate() {
        if (describeParts().isEmpty()) {
            throw new IllegalArgumentException("checks nothing; add connects-within, count, query, tables, indexes, "
                    + "views, schema-version, query-latency or server-version");
        }
        Optional.ofNullable(connectsWithin).ifPresent(raw -> Checks.duration(raw, "connects-within"));
        if (count != null) {
            Checks.required(count.table, "count.table", "roles");
            count.validate("count");
        }
        if (query != null) {
            Checks.required(query.sql, "query.sql", "\"SELECT count(*) FROM roles\"");
            query.validate("query");
        }
        if (schemaVersion != null) {
            schemaVersion.validate("schema-version");
        }
        if (queryLatency != null) {
            queryLatency.validate();
        }
        if (serverVersion != null) {
            serverVersion.validate("server-version");
        }
    }

    @Override
    public String describe() {
        return "database " + String.join(", ", describeParts());
    }

    private List<String> describeParts() {
        List<String> parts = new ArrayList<>();
        Optional.ofNullable(connectsWithin).ifPresent(budget -> parts.add("connects within " + budget));
        Optional.ofNullable(count).ifPresent(spec -> parts.add("count(" + spec.table + ") " + spec.describe()));
        Optional.ofNullable(query).ifPresent(spec -> parts.add("query " + spec.describe()));
        Optional.ofNullable(tables).ifPresent(names -> parts.add("tables " + names));
        Optional.ofNullable(indexes).ifPresent(patterns -> parts.add("indexes " + patterns));
        Optional.ofNullable(views).ifPresent(patterns -> parts.add("views " + patterns));
        Optional.ofNullable(schemaVersion).ifPresent(spec -> parts.add("schema version " + spec.describe()));
        Optional.ofNullable(queryLatency).ifPresent(spec -> parts.add("p95 of " + spec.sql + " under " + spec.p95));
        Optional.ofNullable(serverVersion).ifPresent(spec -> parts.add("server version " + spec.describe()));
        return parts;
    }

    @Override
    public void run(StepContext context) throws SQLException {
        Database db = context.facade(Database.class);
        if (connectsWithin != null) {
            db.expectConnectsWithin(Checks.duration(connectsWithin, "connects-within"));
        }
        if (count != null) {
            compare("count(" + count.table + ")", count, db.count(count.table));
        }
        if (query != null) {
            compare("query [" + query.sql + "]", query, db.query(query.sql).value());
        }
        if (tables != null) {
            db.expectTables(tables.toArray(String[]::new));
        }
        Optional.ofNullable(indexes).ifPresent(patterns -> patterns.forEach(db::expectIndexes));
        Optional.ofNullable(views).ifPresent(patterns -> patterns.forEach(db::expectViews));
        if (schemaVersion != null) {
            String version = schemaVersion.query == null ? db.schemaVersion().value()
                    : db.schemaVersion(schemaVersion.query).value();
            compare("schema version", schemaVersion, version);
        }
        if (queryLatency != null) {
            queryLatency.expect(db);
        }
        if (serverVersion != null) {
            DatabaseMetaData meta = db.connection().getMetaData();
            context.evidence().text("server version", meta.getDatabaseProductName() + " "
                    + meta.getDatabaseProductVersion());
            compare("server major version", serverVersion, meta.getDatabaseMajorVersion());
        }
    }

    private static void compare(String what, Comparison comparison, Object actual) {
        comparison.mismatch(actual).ifPresent(wrong -> {
            throw new SmokeExpectationError(what + ": " + wrong);
        });
    }

    /** {@code { table: roles, gt: 700 }}. */
    static final class CountCheck extends Comparison {
        @JsonProperty("table")
        String table;
    }

    /** {@code { sql: "SELECT …", eq: 747 }}: the query's single value compared. */
    static final class QueryCheck extends Comparison {
        @JsonProperty("sql")
        String sql;

        @Override
        public String describe() {
            return "[" + sql + "] " + super.describe();
        }
    }

    /** {@code { eq: "007" }}, or with the {@code query} that reads it when no migration tool's table holds it. */
    static final class SchemaVersionCheck extends Comparison {
        @JsonProperty("query")
        String query;
    }

    /** {@code { sql: "SELECT 1", runs: 20, p95: 250ms }}. */
    static final class LatencyCheck {
        @JsonProperty("sql")
        String sql;
        @JsonProperty("runs")
        Integer runs;
        @JsonProperty("p95")
        String p95;

        void validate() {
            Checks.required(sql, "query-latency.sql", "\"SELECT 1\"");
            Checks.duration(Checks.required(p95, "query-latency.p95", "250ms"), "query-latency.p95");
            if (runs != null && (runs < 1 || runs > 10_000)) {
                throw new IllegalArgumentException("query-latency.runs must be 1 to 10000 but was [" + runs + "]");
            }
        }

        void expect(Database db) {
            Duration budget = Checks.duration(p95, "query-latency.p95");
            Latency latency = db.queryLatency(sql, runs == null ? 10 : runs);
            if (latency.p95().compareTo(budget) >= 0) {
                throw new SmokeExpectationError("query latency of [" + sql + "]: expected p95 under " + p95 + " but was "
                        + latency);
            }
        }
    }
}
