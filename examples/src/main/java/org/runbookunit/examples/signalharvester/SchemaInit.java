package org.runbookunit.examples.signalharvester;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Run the in-repo migrations against PostgreSQL, as seed 003's {@code scripts/init_postgres_schema.py} does: each
 * migration once, in its own transaction, recorded in {@code schema_version}; exits with an exception on any failure
 * so the API never starts on a half-made schema.
 */
public final class SchemaInit {

    /** The migrations, in order; the last one's number is the schema version. */
    static final List<String> MIGRATIONS = List.of("001_accounts", "002_scores", "003_artifacts", "004_entities",
            "005_topics", "006_topic_analysis", "007_classifications", "008_experiments", "009_performance_metrics");

    /** The schema version the API needs. */
    public static final int VERSION = MIGRATIONS.size();

    private SchemaInit() {
    }

    /** Apply every migration not applied yet and return the schema version; {@code log} gets one line per action. */
    public static int migrate(String url, String user, String password, Consumer<String> log) throws SQLException {
        log.accept("Connecting to " + url.replaceFirst("^jdbc:", "") + " as " + user);
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", "60");
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            log.accept("Connection verified");
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
            }
            connection.commit();
            int applied = current(connection);
            log.accept("Running migrations " + (applied + 1) + ".." + VERSION + " (schema at version " + applied + ")");
            for (int version = applied + 1; version <= VERSION; version++) {
                apply(connection, version);
            }
            int now = current(connection);
            log.accept("Schema initialized (version " + now + ")");
            return now;
        }
    }

    private static void apply(Connection connection, int version) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(MIGRATIONS.get(version - 1))) {
                statement.execute(sql);
            }
            try (PreparedStatement record = connection.prepareStatement("INSERT INTO schema_version VALUES (?, ?)")) {
                record.setInt(1, version);
                record.setString(2, Instant.now().toString());
                record.executeUpdate();
            }
            connection.commit();
        } catch (SQLException failed) {
            connection.rollback();
            throw new SQLException("migration " + MIGRATIONS.get(version - 1) + " failed: " + failed.getMessage(), failed);
        }
    }

    private static int current(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static List<String> statements(String migration) {
        String resource = "/signalharvester/migrations/" + migration + ".sql";
        try (InputStream in = SchemaInit.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration " + resource + " is not on the class path");
            }
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split(";\\s*\\n")).stream()
                    .map(String::trim).filter(sql -> !sql.isEmpty()).toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
