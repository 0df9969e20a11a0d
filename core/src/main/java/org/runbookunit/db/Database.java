package org.runbookunit.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.config.Durations;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.secrets.Secrets;

/**
 * Check an environment's database over JDBC: counts, queries, tables, indexes, views, the schema version, connections,
 * slow queries and query latency. PostgreSQL is first-class; any JDBC driver works (SQLite through xerial's).
 *
 * <pre>{@code
 * @Step(order = 3, value = "Roles table populated (expect ~747)")
 * void roles(Database db) {
 *     db.expectConnectsWithin(Duration.ofSeconds(2));
 *     assertThat(db.count("roles")).isBetween(700L, 800L);
 *     db.expectTables("roles", "companies", "role_briefings");
 *     assertThat(db.schemaVersion().value()).isEqualTo("9");
 * }
 * }</pre>
 *
 * <p>One connection is opened on first use and closed when the step ends; every connection has a connect, login and
 * statement timeout ({@code runbook.database.timeout}, {@code runbook.database.query-timeout}). In a read-only
 * environment connections are read-only and a write fails naming the environment. Results are saved as evidence.
 */
public final class Database implements AutoCloseable {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");
    private static final int EVIDENCE_ROWS = 200;

    private final Session session;
    private final Catalog catalog;
    private final Evidence evidence;

    /**
     * Create the facade; nothing connects until the first check.
     *
     * @param settings the JDBC URL, user and password
     * @param options timeouts and whether connections are read-only
     * @param evidence where results are saved
     * @param secrets values masked in messages and evidence
     */
    public Database(DatabaseSettings settings, DatabaseOptions options, Evidence evidence, Secrets secrets) {
        this.session = new Session(settings, options, secrets);
        this.catalog = new Catalog(session);
        this.evidence = evidence;
    }

    /** Return the JDBC URL with credentials masked. */
    public String url() {
        return session.target();
    }

    /** Return the settings this facade connects with. */
    public DatabaseSettings settings() {
        return session.settings();
    }

    /** Return the options this facade connects with. */
    public DatabaseOptions options() {
        return session.options();
    }

    /**
     * Return a facade for another database (e.g. a SQLite backup file) with this one's timeouts, read-only mode, evidence
     * and secrets; close it yourself: {@code try (Database backup = db.connectTo(settings)) { … }}.
     */
    public Database connectTo(DatabaseSettings other) {
        return new Database(other, session.options(), evidence, session.secrets());
    }

    /** Open a new connection and fail unless it is ready within the budget; return how long it took. */
    public Duration expectConnectsWithin(Duration budget) {
        long start = System.nanoTime();
        try (Connection connection = session.open(budget)) {
            connection.isValid((int) Dialect.seconds(budget));
        } catch (java.sql.SQLException closeFailure) {
            // connected and checked; a failing close changes nothing
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        save("connect", Map.of("url", url(), "budgetMs", budget.toMillis(), "tookMs", took.toMillis()));
        if (took.compareTo(budget) > 0) {
            throw new DatabaseExpectationError("[" + url() + "] connected in " + took.toMillis() + " ms, over the budget of "
                    + Durations.format(budget));
        }
        return took;
    }

    /** Count a table's rows, e.g. {@code count("roles")} or {@code count("public.roles")}. */
    public long count(String table) {
        if (table == null || !TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("count(table) takes a table name like roles or public.roles but was ["
                    + table + "]; use query(\"SELECT count(*) …\") for anything else");
        }
        long count = ((Number) session.query("SELECT count(*) FROM " + table, List.of()).value()).longValue();
        save("count " + table, Map.of("table", table, "rows", count));
        return count;
    }

    /** Run a query with {@code ?} parameters and return its rows, e.g. {@code query("SELECT * FROM roles WHERE id = ?", 7)}. */
    public Rows query(String sql, Object... parameters) {
        Rows rows = session.query(sql, Arrays.asList(parameters));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("sql", sql);
        content.put("parameters", Arrays.stream(parameters).map(String::valueOf).toList());
        content.put("columns", rows.columns());
        content.put("rowCount", rows.size());
        content.put("rows", rows.stream().limit(EVIDENCE_ROWS).map(Database::plainValues).toList());
        save("query", content);
        return rows;
    }

    /** Run an INSERT, UPDATE, DELETE or DDL statement and return the affected row count; refused when read-only. */
    public int execute(String sql, Object... parameters) {
        int affected = session.update(sql, Arrays.asList(parameters));
        save("execute", Map.of("sql", sql, "affectedRows", affected));
        return affected;
    }

    /** Return the tables of the current schema, sorted. */
    public List<String> tables() {
        return catalog.tables();
    }

    /** Fail unless every named table exists in the current schema, listing the missing ones; return all tables. */
    public List<String> expectTables(String... names) {
        List<String> tables = catalog.tables();
        List<String> missing = Arrays.stream(names).filter(name -> !tables.contains(name)).toList();
        save("tables", Map.of("expected", List.of(names), "tables", tables, "missing", missing));
        if (!missing.isEmpty()) {
            throw new DatabaseExpectationError(missing.size() + " of " + names.length + " expected tables missing in ["
                    + url() + "]: " + missing + "; it has " + tables.size() + " tables " + tables);
        }
        return tables;
    }

    /** Return the indexes on tables of the current schema matching a SQL LIKE pattern, e.g. {@code idx_%}. */
    public List<String> indexes(String likePattern) {
        return catalog.indexes(likePattern);
    }

    /** Fail unless at least one index matches the SQL LIKE pattern; return the matches. */
    public List<String> expectIndexes(String likePattern) {
        return expectSome("indexes", likePattern, catalog.indexes(likePattern), catalog.indexes("%"));
    }

    /** Return the views of the current schema matching a SQL LIKE pattern, e.g. {@code v_%}. */
    public List<String> views(String likePattern) {
        return catalog.views(likePattern);
    }

    /** Fail unless at least one view matches the SQL LIKE pattern; return the matches. */
    public List<String> expectViews(String likePattern) {
        return expectSome("views", likePattern, catalog.views(likePattern), catalog.views("%"));
    }

    /** Describe every table (columns, indexes) and view, to compare two databases with {@link Schema#differencesFrom}. */
    public Schema schema() {
        return catalog.schema();
    }

    /** Count the rows of every table, keyed like {@link Schema#tables()}. */
    public Map<String, Long> rowCounts() {
        Map<String, Long> counts = catalog.rowCounts();
        save("row counts", counts);
        return counts;
    }

    /** Read the schema version from alembic_version, Flyway's history table or a schema_version table. */
    public SchemaVersion schemaVersion() {
        SchemaVersion version = new SchemaVersions(session, catalog).detect();
        save("schema version", Map.of("value", version.value(), "source", version.source()));
        return version;
    }

    /** Read the schema version with a custom query whose first column holds it. */
    public SchemaVersion schemaVersion(String query) {
        SchemaVersion version = new SchemaVersions(session, catalog).read(query, query);
        save("schema version", Map.of("value", version.value(), "source", version.source()));
        return version;
    }

    /** Return how many client connections the PostgreSQL server has ({@code pg_stat_activity}). */
    public int activeConnections() {
        int connections = new PgStats(session).activeConnections();
        save("active connections", Map.of("clientConnections", connections));
        return connections;
    }

    /**
     * List statements whose mean time exceeds the threshold, slowest first, from pg_stat_statements; throw
     * {@link org.runbookunit.NotApplicableException} (the step is SKIPPED) when the extension is not installed.
     */
    public List<SlowQuery> slowQueries(Duration threshold) {
        List<SlowQuery> slow = new PgStats(session).slowQueries(threshold);
        save("slow queries", Map.of("thresholdMs", threshold.toMillis(), "queries", slow.stream().map(query -> Map.of(
                "query", query.query(), "calls", query.calls(), "meanMs", query.mean().toNanos() / 1e6,
                "maxMs", query.max().toNanos() / 1e6)).toList()));
        return slow;
    }

    /** Run a query once to warm up, then {@code runs} times, and return the p50/p95/p99 of those runs. */
    public Latency queryLatency(String sql, int runs) {
        Latency latency = LatencyMeter.measure(session, sql, runs);
        save("query latency", Map.of("sql", sql, "runs", runs, "p50Ms", latency.p50().toNanos() / 1e6,
                "p95Ms", latency.p95().toNanos() / 1e6, "p99Ms", latency.p99().toNanos() / 1e6,
                "maxMs", latency.max().toNanos() / 1e6));
        return latency;
    }

    /** Apply every {@code .sql} file of a folder in name order, each in one transaction; see {@link #applyMigrations(Path, String)}. */
    public List<AppliedMigration> applyMigrations(Path dir) {
        return applyMigrations(dir, "*.sql");
    }

    /**
     * Apply the files of a folder matching a glob (e.g. {@code 00[67]_*.sql}) in name order, each in one transaction;
     * a failing statement rolls its file back and fails naming the file, the statement and its line.
     */
    public List<AppliedMigration> applyMigrations(Path dir, String glob) {
        List<AppliedMigration> applied = Migrations.apply(session, Migrations.files(dir, glob));
        save("migrations", Map.of("folder", dir.toString(), "applied", applied.stream().map(migration -> Map.of(
                "file", migration.file(), "statements", migration.statements(),
                "durationMs", migration.duration().toMillis())).toList()));
        return applied;
    }

    /**
     * Restore this SQLite database from a backup file (SQLite's online backup API), for a rollback, then compare its
     * row counts and schema with the backup and fail listing every difference. Refused in a read-only environment
     * unless the step is {@code @Destructive} and {@code runbook.allow-destructive=true}.
     *
     * <pre>{@code
     * db.restoreFrom(Path.of("backups/jobsearchai_backup_20251219_100400.db"));   // seed 002's cp backups/… instance/…
     * }</pre>
     */
    public BackupVerification restoreFrom(Path backupFile) {
        Database backup = new Database(SqliteRestore.backupSettings(backupFile), session.options().withReadOnly(true),
                evidence, session.secrets());
        BackupVerification restored = SqliteRestore.restore(session, backup, backupFile);
        save("restore", Map.of("file", backupFile.toAbsolutePath().toString(), "restoredRowCounts",
                restored.restoredRowCounts(), "differences", restored.differences()));
        if (!restored.differences().isEmpty()) {
            throw new DatabaseExpectationError("[" + url() + "] restored from [" + backupFile.toAbsolutePath() + "] differs "
                    + "in " + restored.differences().size() + " way(s) from the backup:\n  - "
                    + String.join("\n  - ", restored.differences()));
        }
        return restored;
    }

    Session session() {
        return session;
    }

    /** Return the step's JDBC connection for anything the facade lacks; it is closed when the step ends. */
    public Connection connection() {
        return session.connection();
    }

    /** Close the connection, if one was opened. */
    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "Database[" + url() + "]";
    }

    private List<String> expectSome(String kind, String pattern, List<String> matches, List<String> all) {
        save(kind + " " + pattern, Map.of("pattern", pattern, "matches", matches));
        if (matches.isEmpty()) {
            throw new DatabaseExpectationError("no " + kind + " match [" + pattern + "] in [" + url() + "]; it has "
                    + all.size() + " " + kind + " " + all);
        }
        return matches;
    }

    private static Map<String, Object> plainValues(Row row) {
        Map<String, Object> values = new LinkedHashMap<>();
        row.forEach((column, value) -> values.put(column, value == null || value instanceof Number
                || value instanceof Boolean || value instanceof String ? value : value.toString()));
        return values;
    }

    private void save(String name, Object content) {
        evidence.json("db " + name, content);
    }
}
