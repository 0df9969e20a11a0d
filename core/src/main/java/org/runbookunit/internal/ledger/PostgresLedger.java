package org.runbookunit.internal.ledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.runbookunit.ledger.LedgerEntry;
import org.runbookunit.ledger.LedgerException;
import org.runbookunit.ledger.RunLedger;
import org.runbookunit.secrets.Secrets;

/**
 * Keep the ledger in a PostgreSQL table shared by CI runners: the table is made on first use under an advisory lock
 * (so two first writers do not race on {@code CREATE TABLE}), and each run is one row inserted in its own transaction
 * with a unique id, so concurrent writers never touch each other's rows.
 */
public final class PostgresLedger implements RunLedger {

    static final String TABLE = "runbookunit_ledger";

    private static final String SCHEMA = "CREATE TABLE IF NOT EXISTS " + TABLE + " (run_id uuid PRIMARY KEY, "
            + "runbook_id text NOT NULL, environment text NOT NULL, started_at timestamptz NOT NULL, "
            + "finished_at timestamptz NOT NULL, verdict text NOT NULL, format int NOT NULL, entry jsonb NOT NULL, "
            + "recorded_at timestamptz NOT NULL DEFAULT now())";
    private static final String INDEX = "CREATE INDEX IF NOT EXISTS " + TABLE + "_by_runbook ON " + TABLE
            + " (runbook_id, environment, started_at)";

    private final String url;
    private final String user;
    private final String password;
    private final Duration connectTimeout;
    private final Duration statementTimeout;
    private final Secrets secrets;
    private volatile boolean schemaReady;

    /**
     * Create a store; nothing connects until the first append or read.
     *
     * @param url a {@code jdbc:postgresql://host:port/database} URL
     * @param secrets values masked in every message (the password is added to them)
     */
    public PostgresLedger(String url, String user, String password, Duration connectTimeout, Duration statementTimeout,
            Secrets secrets) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.connectTimeout = connectTimeout;
        this.statementTimeout = statementTimeout;
        this.secrets = secrets;
        secrets.add("runbook.ledger.password", password);
    }

    @Override
    public void append(LedgerEntry entry) {
        try (Connection connection = connect()) {
            ensureSchema(connection);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (run_id, runbook_id, "
                    + "environment, started_at, finished_at, verdict, format, entry) VALUES (?::uuid, ?, ?, ?, ?, ?, ?, "
                    + "?::jsonb)")) {
                insert.setString(1, entry.runId());
                insert.setString(2, entry.runbookId());
                insert.setString(3, entry.environment());
                insert.setTimestamp(4, Timestamp.from(entry.startedAt()));
                insert.setTimestamp(5, Timestamp.from(entry.finishedAt()));
                insert.setString(6, entry.verdict());
                insert.setInt(7, LedgerJson.FORMAT);
                insert.setString(8, LedgerJson.write(entry));
                insert.executeUpdate();
            }
        } catch (SQLException failure) {
            throw failure("cannot append to", failure);
        }
    }

    @Override
    public List<LedgerEntry> runs(String runbookId, String environment) {
        List<LedgerEntry> runs = new ArrayList<>();
        try (Connection connection = connect()) {
            ensureSchema(connection);
            try (PreparedStatement select = connection.prepareStatement("SELECT entry::text FROM " + TABLE
                    + " WHERE runbook_id = ? AND environment = ? AND format = ? ORDER BY started_at, run_id")) {
                select.setString(1, runbookId);
                select.setString(2, environment);
                select.setInt(3, LedgerJson.FORMAT);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        runs.add(LedgerJson.read(rows.getString(1)));
                    }
                }
            }
        } catch (SQLException failure) {
            throw failure("cannot read", failure);
        } catch (java.io.IOException unreadable) {
            throw new LedgerException("the run ledger " + location() + " holds an unreadable entry: " + unreadable, unreadable);
        }
        return List.copyOf(runs);
    }

    @Override
    public String location() {
        return secrets.redact(url.replaceAll("([?&]password=)[^&]*", "$1***"));
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (!user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", Long.toString(Math.max(1, connectTimeout.toSeconds())));
        properties.setProperty("loginTimeout", Long.toString(Math.max(1, connectTimeout.toSeconds())));
        properties.setProperty("socketTimeout", Long.toString(Math.max(1, statementTimeout.toSeconds() + 5)));
        properties.setProperty("ApplicationName", "runbookunit-ledger");
        Connection connection = DriverManager.getConnection(url, properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET statement_timeout = " + statementTimeout.toMillis());
        }
        return connection;
    }

    private void ensureSchema(Connection connection) throws SQLException {
        if (schemaReady) {
            return;
        }
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(hashtext('" + TABLE + "'))");
            statement.execute(SCHEMA);
            statement.execute(INDEX);
            connection.commit();
        } catch (SQLException failure) {
            connection.rollback();
            throw failure;
        } finally {
            connection.setAutoCommit(true);
        }
        schemaReady = true;
    }

    private LedgerException failure(String what, SQLException failure) {
        return new LedgerException(what + " the run ledger " + location() + ": " + secrets.redact(String.valueOf(
                failure.getMessage())) + " (SQL state " + failure.getSQLState() + "); check runbook.ledger, "
                + "runbook.ledger.user and runbook.ledger.password", failure);
    }
}
