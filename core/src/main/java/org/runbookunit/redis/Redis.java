package org.runbookunit.redis;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;

/**
 * Check a Redis addressed by endpoint name ({@code redis} by default, written {@code redis://:${REDIS_PASSWORD}@host:6379}):
 * it answers within a budget, its cache hit rate, its memory against {@code maxmemory}. A small facade over Jedis.
 *
 * <pre>{@code
 * @Step(order = 1, value = "Redis healthy, cache hit rate > 60 %")
 * void redis(Redis redis) {
 *     redis.expectPingWithin(Duration.ofMillis(50));
 *     redis.expectHitRateAbove(0.60);
 *     redis.expectMemoryBelow(0.80);
 * }
 * }</pre>
 *
 * <p>Every command has a connect and a socket timeout ({@code runbook.http.timeout}). The facade sends only read
 * commands ({@code PING}, {@code INFO}, {@code GET}, {@code DBSIZE}) unless the step may write: in a read-only
 * environment {@link #set(String, String)} is refused before anything is sent. The {@code INFO} fields each check read
 * are saved as evidence. One connection per endpoint per step, closed when the step ends.
 */
public final class Redis implements AutoCloseable {

    /** The endpoint name used unless {@link #on(String)} names another. */
    public static final String DEFAULT_ENDPOINT = "redis";

    private final RunbookEnvironment environment;
    private final String endpoint;
    private final Duration timeout;
    private final Evidence evidence;
    private final boolean mayWrite;
    private final Map<String, RedisConnection> connections;

    /**
     * Create the facade for one step.
     *
     * @param environment where endpoint names point; a Redis password in an endpoint joins its secrets
     * @param timeout the connect timeout and the timeout of each command
     * @param evidence where INFO fields are saved
     * @param mayWrite whether write commands may be sent (false in a read-only environment)
     */
    public Redis(RunbookEnvironment environment, Duration timeout, Evidence evidence, boolean mayWrite) {
        this(environment, DEFAULT_ENDPOINT, timeout, evidence, mayWrite, new ConcurrentHashMap<>());
    }

    private Redis(RunbookEnvironment environment, String endpoint, Duration timeout, Evidence evidence, boolean mayWrite,
            Map<String, RedisConnection> connections) {
        this.environment = environment;
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.evidence = evidence;
        this.mayWrite = mayWrite;
        this.connections = connections;
    }

    /** Use another endpoint of the environment, e.g. {@code on("redis-sessions")}; closed with this facade. */
    public Redis on(String otherEndpoint) {
        return new Redis(environment, otherEndpoint, timeout, evidence, mayWrite, connections);
    }

    /** Expect {@code PING} to answer {@code PONG} within the budget (the connection is opened first); return the latency. */
    public Duration expectPingWithin(Duration budget) {
        RedisConnection connection = connection();
        connection.call("PING", jedis -> jedis.ping()); // connect and authenticate before timing
        long start = System.nanoTime();
        String pong = connection.call("PING", jedis -> jedis.ping());
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        evidence.json("redis ping " + endpoint, Map.of("answer", pong, "latencyMicros", latency.toNanos() / 1000,
                "budgetMs", budget.toMillis()), "Redis [" + endpoint + "] PING " + latency.toNanos() / 1000 + " µs");
        if (!"PONG".equals(pong) || latency.compareTo(budget) > 0) {
            throw new RedisExpectationError("Redis [" + endpoint + "] PING: expected PONG within " + budget.toMillis()
                    + " ms but got [" + pong + "] after " + latency.toNanos() / 1000 + " µs");
        }
        return latency;
    }

    /** Return the fields of one {@code INFO} section, e.g. {@code info("stats").get("keyspace_hits")}. */
    public Map<String, String> info(String section) {
        return connection().info(section);
    }

    /**
     * Expect the cache hit rate, {@code keyspace_hits / (keyspace_hits + keyspace_misses)} from {@code INFO stats}, above
     * a fraction, e.g. {@code 0.60}; return it. A Redis that served no lookups yet has no hit rate and fails.
     */
    public double expectHitRateAbove(double minimum) {
        Map<String, String> stats = info("stats");
        long hits = number(stats, "keyspace_hits", "stats");
        long misses = number(stats, "keyspace_misses", "stats");
        double rate = hits + misses == 0 ? Double.NaN : (double) hits / (hits + misses);
        save("redis stats " + endpoint, stats, "keyspace_hits", "keyspace_misses", "total_commands_processed",
                "evicted_keys", "expired_keys", "rejected_connections");
        if (!(rate > minimum)) {
            throw new RedisExpectationError("Redis [" + endpoint + "] hit rate: expected > " + minimum + " but "
                    + (Double.isNaN(rate) ? "it served no lookups yet (keyspace_hits 0, keyspace_misses 0)"
                            : "was [" + String.format("%.4f", rate) + "] (" + hits + " hits, " + misses + " misses)"));
        }
        return rate;
    }

    /** Expect {@code used_memory} below a fraction of {@code maxmemory} from {@code INFO memory}; return the fraction. */
    public double expectMemoryBelow(double fractionOfMaxmemory) {
        Map<String, String> memory = info("memory");
        long used = number(memory, "used_memory", "memory");
        long max = number(memory, "maxmemory", "memory");
        save("redis memory " + endpoint, memory, "used_memory", "used_memory_human", "used_memory_peak", "maxmemory",
                "maxmemory_human", "maxmemory_policy", "mem_fragmentation_ratio");
        if (max == 0) {
            throw new RedisExpectationError("Redis [" + endpoint + "] memory: expected used_memory below "
                    + fractionOfMaxmemory + " of maxmemory but maxmemory is 0 (no limit), so there is nothing to compare "
                    + "with; set maxmemory or check used_memory [" + used + "] yourself");
        }
        double fraction = (double) used / max;
        if (fraction >= fractionOfMaxmemory) {
            throw new RedisExpectationError("Redis [" + endpoint + "] memory: expected used_memory below "
                    + fractionOfMaxmemory + " of maxmemory but was [" + String.format("%.4f", fraction) + "] (" + used
                    + " of " + max + " bytes)");
        }
        return fraction;
    }

    /** Read a key with {@code GET}. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(connection().call("GET", jedis -> jedis.get(key)));
    }

    /** Return the number of keys of the endpoint's database ({@code DBSIZE}). */
    public long dbSize() {
        return connection().call("DBSIZE", jedis -> jedis.dbSize());
    }

    /** Write a key with {@code SET}; refused in a read-only environment unless the step is allowed to write. */
    public void set(String key, String value) {
        if (!mayWrite) {
            throw new IllegalStateException("Redis.set refused: environment [" + environment.name() + "] is read-only "
                    + "and only read commands (PING, INFO, GET, DBSIZE) are sent there; mark the step @Destructive and "
                    + "run with -Drunbook.allow-destructive=true to write");
        }
        connection().call("SET", jedis -> jedis.set(key, value));
    }

    /** Close every connection this facade and those from {@link #on(String)} opened. */
    @Override
    public void close() {
        connections.values().forEach(RedisConnection::close);
        connections.clear();
    }

    private RedisConnection connection() {
        return connections.computeIfAbsent(endpoint, name -> {
            RedisAddress address = RedisAddress.of(name, environment.endpoint(name));
            environment.secrets().add("redis password of endpoint " + name, address.password());
            try {
                return new RedisConnection(address, timeout);
            } catch (NoClassDefFoundError noJedis) {
                throw new IllegalStateException("Redis steps need Jedis on the class path: add the dependency "
                        + "redis.clients:jedis (RunbookUnit is built with 7.5.3)", noJedis);
            }
        });
    }

    private void save(String name, Map<String, String> section, String... fields) {
        Map<String, String> saved = new LinkedHashMap<>();
        for (String field : fields) {
            Optional.ofNullable(section.get(field)).ifPresent(value -> saved.put(field, value));
        }
        evidence.json(name, saved, "Redis [" + endpoint + "] " + saved);
    }

    private long number(Map<String, String> section, String field, String sectionName) {
        String value = section.get(field);
        if (value == null) {
            throw new RedisExpectationError("Redis [" + endpoint + "] INFO " + sectionName + " has no field [" + field + "]");
        }
        return Long.parseLong(value);
    }
}
