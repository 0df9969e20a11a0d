package org.runbookunit.db;

import java.sql.Array;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.secrets.Secrets;

/** Own one lazily opened JDBC connection and run statements on it, turning driver errors into clear messages. */
final class Session implements AutoCloseable {

    private final DatabaseSettings settings;
    private final DatabaseOptions options;
    private final Secrets secrets;
    private final Dialect dialect;
    private Connection connection;

    Session(DatabaseSettings settings, DatabaseOptions options, Secrets secrets) {
        this.settings = settings;
        this.options = options;
        this.secrets = secrets;
        this.dialect = Dialect.of(settings.url());
    }

    DatabaseSettings settings() {
        return settings;
    }

    DatabaseOptions options() {
        return options;
    }

    Secrets secrets() {
        return secrets;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Return the URL without credentials, for messages. */
    String target() {
        return SqlFailures.target(settings, secrets);
    }

    /**
     * Return the connection, opening it on first use and again after it was lost (the server restarted), so a check
     * repeated in a window fails only while the server is really unreachable.
     */
    synchronized Connection connection() {
        if (connection == null || lost(connection)) {
            discard();
            connection = open(options.connectTimeout());
        }
        return connection;
    }

    private static boolean lost(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException cannotTell) {
            return true;
        }
    }

    /** Forget a connection that broke, so the next statement opens a fresh one. */
    private synchronized void discard() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException alreadyBroken) {
            // a lost connection may not close cleanly; it is dropped either way
        } finally {
            connection = null;
        }
    }

    /** Open a new connection within a budget: the caller closes it. */
    Connection open(Duration budget) {
        Properties properties = new Properties();
        if (settings.user() != null && !settings.user().isEmpty()) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        dialect.configure(properties, options, budget);
        try {
            Connection opened = DriverManager.getConnection(settings.url(), properties);
            if (options.readOnly()) {
                opened.setReadOnly(true);
            }
            return opened;
        } catch (SQLException failure) {
            throw SqlFailures.connect(failure, this, budget);
        }
    }

    /**
     * Run a query; when the connection turns out to be lost (SQLState class 08), run it once more on a fresh one: a
     * query that fails then fails because the server is unreachable now, not because it once restarted.
     */
    Rows query(String sql, List<Object> parameters) {
        try {
            return queryOnce(sql, parameters);
        } catch (SQLException failure) {
            if (!connectionLost(failure)) {
                throw SqlFailures.statement(failure, sql, this);
            }
            discard();
            try {
                return queryOnce(sql, parameters);
            } catch (SQLException again) {
                again.addSuppressed(failure);
                throw SqlFailures.statement(again, sql, this);
            }
        }
    }

    private Rows queryOnce(String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet results = statement.executeQuery()) {
            return read(results);
        }
    }

    /** Run a change once (it is never repeated: it may have been applied); a lost connection is reopened next time. */
    int update(String sql, List<Object> parameters) {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException failure) {
            if (connectionLost(failure)) {
                discard();
            }
            throw SqlFailures.statement(failure, sql, this);
        }
    }

    private boolean connectionLost(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && state.startsWith("08") || connection != null && lost(connection);
    }

    PreparedStatement prepare(String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection().prepareStatement(sql);
        if (dialect.clientTimeout()) {
            statement.setQueryTimeout((int) Dialect.seconds(options.queryTimeout()));
        }
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    static Rows read(ResultSet results) throws SQLException {
        ResultSetMetaData meta = results.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        List<Row> rows = new ArrayList<>();
        while (results.next()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 1; i <= columns.size(); i++) {
                values.put(columns.get(i - 1), plain(results.getObject(i)));
            }
            rows.add(new Row(values));
        }
        return new Rows(columns, rows);
    }

    /** Turn driver-specific values (arrays, CLOBs, PGobject) into lists and strings. */
    private static Object plain(Object value) throws SQLException {
        if (value instanceof Array array) {
            return Arrays.asList((Object[]) array.getArray());
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) Math.min(Integer.MAX_VALUE, clob.length()));
        }
        if (value != null && value.getClass().getName().startsWith("org.postgresql.")) {
            return value.toString();
        }
        return value;
    }

    @Override
    public void close() {
        discard();
    }
}
