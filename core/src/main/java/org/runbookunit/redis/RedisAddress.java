package org.runbookunit.redis;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.runbookunit.config.RunbookConfigurationException;

/**
 * Read an endpoint written {@code redis://[user:password@]host:port[/db]} ({@code rediss://} for TLS).
 *
 * @param endpoint the endpoint's name, for messages
 * @param host the host
 * @param port the port, 6379 unless written
 * @param user the ACL user, empty for the default user
 * @param password the password, empty without one
 * @param database the database number, 0 unless written
 * @param tls whether the scheme is {@code rediss}
 */
record RedisAddress(String endpoint, String host, int port, String user, String password, int database, boolean tls) {

    static RedisAddress of(String endpoint, URI uri) {
        String scheme = String.valueOf(uri.getScheme());
        if (!scheme.equals("redis") && !scheme.equals("rediss") || uri.getHost() == null) {
            throw new RunbookConfigurationException("endpoint [" + endpoint + "] must be a Redis URL but was [" + scheme
                    + "://" + uri.getHost() + "…]; write it redis://:${REDIS_PASSWORD}@host:6379 (rediss:// for TLS)");
        }
        String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo();
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? "" : userInfo.substring(0, colon));
        String password = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
        String path = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
        int database;
        try {
            database = path.isEmpty() ? 0 : Integer.parseInt(path);
        } catch (NumberFormatException notANumber) {
            throw new RunbookConfigurationException("endpoint [" + endpoint + "] names Redis database [" + path
                    + "], which is not a number; write redis://host:6379/0");
        }
        return new RedisAddress(endpoint, uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), user, password,
                database, scheme.equals("rediss"));
    }

    @Override
    public String toString() {
        return (tls ? "rediss://" : "redis://") + host + ":" + port + "/" + database;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
