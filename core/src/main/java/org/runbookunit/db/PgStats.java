package org.runbookunit.db;

import java.time.Duration;
import java.util.List;
import org.runbookunit.NotApplicableException;

/** Read PostgreSQL's statistics views: pg_stat_activity and, when installed, pg_stat_statements. */
final class PgStats {

    private static final int FIRST_MAJOR_WITH_EXEC_TIME = 13;
    private static final int MAX_SLOW_QUERIES = 50;

    private final Session session;

    PgStats(Session session) {
        this.session = session;
    }

    int activeConnections() {
        requirePostgres("activeConnections()", "pg_stat_activity");
        Rows rows = session.query("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'", List.of());
        return ((Number) rows.value()).intValue();
    }

    List<SlowQuery> slowQueries(Duration threshold) {
        requirePostgres("slowQueries(threshold)", "pg_stat_statements");
        Object installed = session.query("SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'",
                List.of()).value();
        if (((Number) installed).intValue() == 0) {
            throw new NotApplicableException("pg_stat_statements is not installed in [" + session.target() + "], so slow "
                    + "queries cannot be listed; to check them, set shared_preload_libraries = 'pg_stat_statements' and "
                    + "run CREATE EXTENSION pg_stat_statements");
        }
        String time = serverMajor() >= FIRST_MAJOR_WITH_EXEC_TIME ? "exec_time" : "time";
        String sql = "SELECT query, calls, mean_" + time + " AS mean_ms, max_" + time + " AS max_ms FROM pg_stat_statements "
                + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND mean_" + time
                + " > ? ORDER BY mean_" + time + " DESC LIMIT " + MAX_SLOW_QUERIES;
        Rows rows;
        try {
            rows = session.query(sql, List.of(threshold.toNanos() / 1_000_000.0));
        } catch (DatabaseException notLoaded) {
            if (notLoaded.getMessage().contains("shared_preload_libraries")) {
                throw new NotApplicableException("pg_stat_statements is installed in [" + session.target() + "] but not "
                        + "loaded; add it to shared_preload_libraries and restart the server to list slow queries", notLoaded);
            }
            throw notLoaded;
        }
        return rows.stream().map(row -> new SlowQuery(row.text("query"), row.number("calls"),
                millis(row.get("mean_ms")), millis(row.get("max_ms")))).toList();
    }

    int serverMajor() {
        Object number = session.query("SELECT current_setting('server_version_num')::int", List.of()).value();
        return ((Number) number).intValue() / 10_000;
    }

    private void requirePostgres(String check, String view) {
        if (session.dialect() != Dialect.POSTGRESQL) {
            throw new NotApplicableException(check + " reads PostgreSQL's " + view + ", but [" + session.target()
                    + "] is " + session.dialect().label());
        }
    }

    private static Duration millis(Object value) {
        return Duration.ofNanos(Math.round(((Number) value).doubleValue() * 1_000_000));
    }
}
