package org.runbookunit.examples.signalharvester;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * Reach the API's PostgreSQL and Redis, each call with a deadline: the schema version, the top artifacts (read through
 * a 30-second Redis cache, as seed 003's API caches discovery results), and a Redis PING.
 */
final class Backends implements AutoCloseable {

    private static final String TOP_KEY = "artifacts:top";

    private final String url;
    private final Properties credentials = new Properties();
    private final JedisPooled redis;
    private final ApiMetrics metrics;

    /**
     * Connect to both.
     *
     * @param redisUrl {@code redis://:password@host:port}
     */
    Backends(String jdbcUrl, String user, String password, URI redisUrl, ApiMetrics metrics) {
        this.url = jdbcUrl;
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        credentials.setProperty("connectTimeout", "2");
        credentials.setProperty("socketTimeout", "5");
        String userInfo = redisUrl.getUserInfo() == null ? "" : redisUrl.getUserInfo();
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().connectionTimeoutMillis(2000)
                .socketTimeoutMillis(2000).clientName("signal-harvester");
        if (userInfo.contains(":") && !userInfo.endsWith(":")) {
            config.password(userInfo.substring(userInfo.indexOf(':') + 1));
        }
        this.redis = new JedisPooled(new HostAndPort(redisUrl.getHost(), redisUrl.getPort()), config.build());
        this.metrics = metrics;
    }

    /** Return the newest applied schema version. */
    int schemaVersion() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, credentials);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            result.next();
            return result.getInt(1);
        }
    }

    /** Return the titles of the ten best-scored artifacts, from the cache when it has them. */
    String topArtifacts() throws SQLException {
        String cached = redis.get(TOP_KEY);
        metrics.cache(cached != null);
        if (cached != null) {
            return cached;
        }
        List<String> titles = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, credentials);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT title FROM artifacts ORDER BY discovery_score DESC LIMIT 10")) {
            while (result.next()) {
                titles.add(result.getString(1));
            }
        }
        String json = "[" + String.join(",", titles.stream().map(title -> "\"" + title + "\"").toList()) + "]";
        redis.setex(TOP_KEY, 30, json);
        return json;
    }

    /** Return Redis's answer to PING. */
    String ping() {
        return redis.ping();
    }

    @Override
    public void close() {
        redis.close();
    }
}
