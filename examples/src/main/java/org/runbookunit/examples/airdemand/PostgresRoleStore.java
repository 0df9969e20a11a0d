package org.runbookunit.examples.airdemand;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Keep the roles in a PostgreSQL table, so {@code /health/db} times a real round trip to the database.
 *
 * <pre>{@code
 * PostgresRoleStore store = new PostgresRoleStore("jdbc:postgresql://127.0.0.1:5432/air_demand_db", "app", password);
 * store.createSampleRoles(747);
 * try (AirDemandService service = AirDemandService.start(0, store)) { … }
 * }</pre>
 *
 * <p>Each call opens its own short connection with a 5 s connect, login and socket timeout, so a database that stops
 * answering makes {@code /health/db} report it instead of hanging the service.
 */
public final class PostgresRoleStore implements RoleStore {

    private static final String TIMEOUT_SECONDS = "5";

    /** Store a role unless one with its id is stored already; its parameters are set by {@link #bind}. */
    private static final String INSERT = "INSERT INTO roles (id, title, company, location, qualified, first_seen) "
            + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";

    private final String url;
    private final Properties properties = new Properties();

    /** Create the store; nothing connects until the first call. */
    public PostgresRoleStore(String url, String user, String password) {
        this.url = Objects.requireNonNull(url, "url");
        properties.setProperty("user", Objects.requireNonNull(user, "user"));
        properties.setProperty("password", Objects.requireNonNull(password, "password"));
        properties.setProperty("connectTimeout", TIMEOUT_SECONDS);
        properties.setProperty("loginTimeout", TIMEOUT_SECONDS);
        properties.setProperty("socketTimeout", TIMEOUT_SECONDS);
        properties.setProperty("ApplicationName", "air-demand-api");
    }

    /** Create the roles table if needed and fill it with {@code count} sample roles, numbered from 1. */
    public void createSampleRoles(int count) {
        try (Connection connection = connect(); Statement ddl = connection.createStatement();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            ddl.execute("CREATE TABLE IF NOT EXISTS roles (id int PRIMARY KEY, title text NOT NULL, company text NOT NULL, "
                    + "location text NOT NULL, qualified boolean NOT NULL, first_seen timestamptz NOT NULL)");
            for (int id = 1; id <= count; id++) {
                Role role = SampleRoles.role(id);
                bind(insert, role);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot create the sample roles: " + failure.getMessage(), failure);
        }
    }

    @Override
    public List<Role> addNew(List<Role> roles) {
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            List<Role> added = new ArrayList<>();
            for (Role role : roles) {
                bind(insert, role);
                if (insert.executeUpdate() == 1) {
                    added.add(role);
                }
            }
            return added;
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot store scraped roles: " + failure.getMessage(), failure);
        }
    }

    /** Set an insert's six parameters (id, title, company, location, qualified, first_seen) from a role. */
    private static void bind(PreparedStatement insert, Role role) throws SQLException {
        insert.setInt(1, role.id());
        insert.setString(2, role.title());
        insert.setString(3, role.company());
        insert.setString(4, role.location());
        insert.setBoolean(5, role.qualified());
        insert.setTimestamp(6, Timestamp.from(role.firstSeen()));
    }

    @Override
    public int count() {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM roles")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot count roles: " + failure.getMessage(), failure);
        }
    }

    @Override
    public List<Role> list(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 but was [" + limit + "]");
        }
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT id, title, company, location, qualified, first_seen FROM roles ORDER BY id LIMIT ?")) {
            statement.setInt(1, limit);
            List<Role> roles = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    roles.add(new Role(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getBoolean(5), rows.getTimestamp(6).toInstant()));
                }
            }
            return roles;
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot list roles: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void ping() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        } catch (SQLException failure) {
            throw new IllegalStateException("database unreachable: " + failure.getMessage(), failure);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, properties);
    }
}
