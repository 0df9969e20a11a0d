package org.runbookunit.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import org.runbookunit.db.Database;
import org.runbookunit.db.DatabaseOptions;
import org.runbookunit.db.Latency;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.secrets.Secrets;
import org.runbookunit.testing.PostgresServer;

/**
 * Compare {@code Database.queryLatency} percentiles with a raw JDBC loop timing the same prepared query on the test
 * PostgreSQL server (loopback only). Run it with {@code bench/query-latency.sh}; {@code bench.runs} and
 * {@code bench.rounds} override the defaults. The two should agree: queryLatency adds a clock read per run, nothing
 * else.
 */
public final class QueryLatencyBenchmark {

    private static final String SQL = "SELECT id, title FROM roles WHERE company_id = 3 ORDER BY id LIMIT 20";

    private QueryLatencyBenchmark() {
    }

    /** Run the benchmark and print p50/p95/p99 per round for both. */
    public static void main(String[] args) throws SQLException {
        int runs = Integer.getInteger("bench.runs", 2000);
        int rounds = Integer.getInteger("bench.rounds", 5);
        PostgresServer server = PostgresServer.shared();
        String name = server.createDatabase("bench");
        server.execute(name, "CREATE TABLE roles (id serial PRIMARY KEY, title text, company_id int)",
                "INSERT INTO roles (title, company_id) SELECT 'Role ' || i, i % 11 FROM generate_series(1, 10000) i",
                "CREATE INDEX ON roles (company_id)", "ANALYZE roles");
        System.out.printf("%d runs per round of [%s] on PostgreSQL %d at 127.0.0.1:%d%n", runs, SQL, server.major(),
                server.port());
        try (Database db = new Database(server.superuser(name), DatabaseOptions.defaults("bench"),
                new Evidence(Path.of("target/bench-db"), "bench"), Secrets.none());
                Connection raw = DriverManager.getConnection(server.url(name), PostgresServer.SUPERUSER,
                        PostgresServer.SUPERUSER_PASSWORD)) {
            for (int round = 1; round <= rounds; round++) {
                Latency facade = db.queryLatency(SQL, runs);
                long[] rawNanos = rawLoop(raw, runs);
                System.out.printf(Locale.ROOT, "round %d  queryLatency p50 %6.1f µs p95 %6.1f µs p99 %6.1f µs | raw JDBC "
                        + "p50 %6.1f µs p95 %6.1f µs p99 %6.1f µs%n", round, micros(facade.p50().toNanos()),
                        micros(facade.p95().toNanos()), micros(facade.p99().toNanos()), micros(at(rawNanos, 50)),
                        micros(at(rawNanos, 95)), micros(at(rawNanos, 99)));
            }
        }
    }

    private static long[] rawLoop(Connection connection, int runs) throws SQLException {
        long[] nanos = new long[runs];
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            drain(statement);
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                drain(statement);
                nanos[run] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void drain(PreparedStatement statement) throws SQLException {
        try (ResultSet results = statement.executeQuery()) {
            while (results.next()) {
                results.getObject(1);
                results.getObject(2);
            }
        }
    }

    private static long at(long[] sorted, double percentile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(percentile / 100 * sorted.length) - 1)];
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }
}
