package org.runbookunit.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;

/** Run one prepared query many times and record each run, rows read included, in an HdrHistogram. */
final class LatencyMeter {

    private static final int SIGNIFICANT_DIGITS = 3;

    private LatencyMeter() {
    }

    static Latency measure(Session session, String sql, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("queryLatency(sql, runs) needs runs >= 1 but was [" + runs + "]");
        }
        Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
        try (PreparedStatement statement = session.prepare(sql, List.of())) {
            drain(statement); // warm-up: parse, plan and cache before the timed runs
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                drain(statement);
                histogram.recordValue(Math.max(1, System.nanoTime() - start));
            }
        } catch (SQLException failure) {
            throw SqlFailures.statement(failure, sql, session);
        }
        return new Latency(sql, runs, at(histogram, 50), at(histogram, 95), at(histogram, 99),
                Duration.ofNanos(histogram.getMaxValue()));
    }

    private static void drain(PreparedStatement statement) throws SQLException {
        try (ResultSet results = statement.executeQuery()) {
            int columns = results.getMetaData().getColumnCount();
            while (results.next()) {
                for (int i = 1; i <= columns; i++) {
                    results.getObject(i);
                }
            }
        }
    }

    private static Duration at(Histogram histogram, double percentile) {
        return Duration.ofNanos(histogram.getValueAtPercentile(percentile));
    }
}
