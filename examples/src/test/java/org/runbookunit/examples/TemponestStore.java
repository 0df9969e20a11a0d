package org.runbookunit.examples;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.runbookunit.config.DatabaseSettings;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/** Keep the sample temponest service's data: users, runs, schedules and webhooks in PostgreSQL, sessions and the agents list in Redis. */
final class TemponestStore implements AutoCloseable {

    private static final String AGENTS_KEY = "temponest:agents";

    private final DatabaseSettings db;
    private final Properties credentials = new Properties();
    private final JedisPooled redis;

    TemponestStore(DatabaseSettings db, URI redisUri) {
        this.db = db;
        credentials.setProperty("user", db.user());
        credentials.setProperty("password", db.password());
        credentials.setProperty("connectTimeout", "2");
        credentials.setProperty("socketTimeout", "5");
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().connectionTimeoutMillis(2000)
                .socketTimeoutMillis(2000).clientName("temponest");
        String userInfo = redisUri.getUserInfo() == null ? "" : redisUri.getUserInfo();
        if (userInfo.contains(":") && !userInfo.endsWith(":")) {
            config.password(userInfo.substring(userInfo.indexOf(':') + 1));
        }
        redis = new JedisPooled(new HostAndPort(redisUri.getHost(), redisUri.getPort()), config.build());
    }

    /** Check both backends answer, as the service's start-up does. */
    void ping() throws SQLException {
        try (Connection connection = connect()) {
            connection.isValid(2);
        }
        redis.ping();
    }

    /** Register a user; false when the e-mail is taken. */
    boolean register(String email, String password) throws SQLException {
        return update("INSERT INTO users (email, password_hash) VALUES (?, md5(?)) ON CONFLICT (email) DO NOTHING",
                email, password) == 1;
    }

    /** Return a session token for valid credentials (kept in Redis for an hour), or null. */
    String login(String email, String password) throws SQLException {
        List<String> ids = strings("SELECT id::text FROM users WHERE email = ? AND password_hash = md5(?)", email, password);
        if (ids.isEmpty()) {
            return null;
        }
        String token = java.util.UUID.randomUUID().toString();
        redis.setex("temponest:session:" + token, 3600, ids.get(0));
        return token;
    }

    /** Return the user id of a live session, or null. */
    String user(String token) {
        return token == null ? null : redis.get("temponest:session:" + token);
    }

    /** End a session; false when there was none. */
    boolean logout(String token) {
        return token != null && redis.del("temponest:session:" + token) == 1;
    }

    /** Return the agent names, from the Redis cache when it has them (60 s), else from PostgreSQL. */
    String agentsJson() throws SQLException {
        String cached = redis.get(AGENTS_KEY);
        if (cached != null) {
            return cached;
        }
        String json = strings("SELECT name FROM agents ORDER BY id").stream().map(name -> "\"" + name + "\"")
                .collect(java.util.stream.Collectors.joining(",", "{\"agents\":[", "]}"));
        redis.setex(AGENTS_KEY, 60, json);
        return json;
    }

    /** Record one completed execution of an agent for a user and return its id, or null for an unknown agent. */
    String execute(String agent, String task, String userId) throws SQLException {
        List<String> ids = strings("INSERT INTO agent_runs (agent_id, user_id, task, status, duration_ms, tokens, cost_usd) "
                + "SELECT id, ?::int, ?, 'completed', 42, 120, 0.0024 FROM agents WHERE name = ? RETURNING id::text",
                userId, task, agent);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** Add a webhook and return its id. */
    String addWebhook(String url, String event) throws SQLException {
        return strings("INSERT INTO webhooks (url, event) VALUES (?, ?) RETURNING id::text", url, event).get(0);
    }

    /** Return the id and URL of every webhook of an event. */
    List<String[]> webhooks(String event) throws SQLException {
        List<String[]> hooks = new ArrayList<>();
        for (String row : strings("SELECT id || ' ' || url FROM webhooks WHERE event = ?", event)) {
            hooks.add(row.split(" ", 2));
        }
        return hooks;
    }

    /** Record one delivery attempt. */
    void delivered(String webhookId, int status) throws SQLException {
        update("INSERT INTO webhook_deliveries (webhook_id, status) VALUES (?::int, ?::int)", webhookId, String.valueOf(status));
    }

    /** Return the number of schedules and of active ones, as JSON. */
    String schedulerJson() throws SQLException {
        List<String> counts = strings("SELECT count(*) || ' ' || count(*) FILTER (WHERE status = 'Active') FROM schedules");
        String[] parts = counts.get(0).split(" ");
        return "{\"status\":\"running\",\"schedules\":" + parts[0] + ",\"active\":" + parts[1] + "}";
    }

    /** Add an active schedule. */
    void addSchedule(String name, String cron, String agent, String task) throws SQLException {
        update("INSERT INTO schedules (name, cron, agent_id, task) SELECT ?, ?, id, ? FROM agents WHERE name = ?",
                name, cron, task, agent);
    }

    private int update(String sql, String... params) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        }
    }

    private List<String> strings(String sql, String... params) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, params);
                ResultSet result = statement.execute() ? statement.getResultSet() : null) {
            List<String> values = new ArrayList<>();
            while (result != null && result.next()) {
                values.add(result.getString(1));
            }
            return values;
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, String... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(5);
        for (int i = 0; i < params.length; i++) {
            statement.setString(i + 1, params[i]);
        }
        return statement;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(db.url(), credentials);
    }

    @Override
    public void close() {
        redis.close();
    }
}
