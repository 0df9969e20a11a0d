package org.runbookunit.redis;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/** Hold one Jedis connection, opened on first use with a connect and a per-command socket timeout. */
final class RedisConnection implements AutoCloseable {

    private final RedisAddress address;
    private final Duration timeout;
    private Jedis jedis;

    RedisConnection(RedisAddress address, Duration timeout) {
        this.address = address;
        this.timeout = timeout;
    }

    /** Run one command; a transport or server error becomes a failed check naming the endpoint and the command. */
    synchronized <T> T call(String command, Function<Jedis, T> body) {
        try {
            return body.apply(open());
        } catch (JedisException failed) {
            close();
            throw new RedisExpectationError("Redis [" + address.endpoint() + "] at " + address + " did not answer "
                    + command + " within " + timeout.toMillis() + " ms: " + failed.getMessage(), failed);
        }
    }

    /** Parse {@code INFO section} into its fields. */
    Map<String, String> info(String section) {
        String text = call("INFO " + section, jedis -> jedis.info(section));
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (!line.startsWith("#") && colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }

    private Jedis open() {
        if (jedis == null) {
            int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
            DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().connectionTimeoutMillis(millis)
                    .socketTimeoutMillis(millis).database(address.database()).ssl(address.tls()).clientName("runbookunit");
            if (!address.password().isEmpty()) {
                config.password(address.password());
                if (!address.user().isEmpty()) {
                    config.user(address.user());
                }
            }
            jedis = new Jedis(new HostAndPort(address.host(), address.port()), config.build());
        }
        return jedis;
    }

    @Override
    public synchronized void close() {
        if (jedis != null) {
            try {
                jedis.close();
            } catch (JedisException alreadyBroken) {
                // the connection is gone either way
            }
            jedis = null;
        }
    }
}
