package org.runbookunit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.testing.Daemon;
import org.runbookunit.testing.RedisServer;

/** Check {@link Redis} against a real {@code redis-server} on loopback, with a password and a 64 MB maxmemory. */
class RedisTests {

    final Path reports = Path.of("target", "redis-tests", UUID.randomUUID().toString());
    final Evidence evidence = new Evidence(reports, "r");
    RedisServer server;

    @BeforeEach
    void start() {
        server = RedisServer.start(64L * 1024 * 1024);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Redis redis(boolean mayWrite) {
        RunbookEnvironment environment = new RunbookEnvironment("local", Map.of("redis", URI.create(server.url())));
        return new Redis(environment, Duration.ofSeconds(2), evidence, mayWrite);
    }

    @Test
    void itAnswersPingWithinTheBudget() throws Exception {
        try (Redis redis = redis(false)) {
            assertThat(redis.expectPingWithin(Duration.ofMillis(200))).isLessThan(Duration.ofMillis(200));
            assertThatThrownBy(() -> redis.expectPingWithin(Duration.ZERO)).isInstanceOf(RedisExpectationError.class)
                    .hasMessageContaining("expected PONG within 0 ms but got [PONG] after");
        }
        assertThat(Files.readString(reports.resolve(evidence.items().get(0).path()))).contains("\"answer\" : \"PONG\"");
    }

    @Test
    void theHitRateComesFromInfoStats() {
        try (Redis redis = redis(true)) {
            assertThatThrownBy(() -> redis.expectHitRateAbove(0.6)).hasMessageContaining("served no lookups yet");
            redis.set("artifact:1", "cached");
            for (int i = 0; i < 7; i++) {
                assertThat(redis.get("artifact:1")).contains("cached");
            }
            assertThat(redis.get("artifact:2")).isEmpty();
            assertThat(redis.get("artifact:3")).isEmpty();
            assertThat(redis.get("artifact:4")).isEmpty();
            assertThat(redis.expectHitRateAbove(0.6)).isEqualTo(0.7);
            assertThatThrownBy(() -> redis.expectHitRateAbove(0.8)).isInstanceOf(RedisExpectationError.class)
                    .hasMessageContaining("expected > 0.8 but was [0.7000] (7 hits, 3 misses)");
            assertThat(redis.dbSize()).isEqualTo(1);
        }
        assertThat(evidence.items()).anySatisfy(item -> assertThat(item.description()).contains("keyspace_hits=7"));
    }

    @Test
    void memoryIsComparedWithMaxmemory() {
        try (Redis redis = redis(false)) {
            assertThat(redis.expectMemoryBelow(0.8)).isBetween(0.0, 0.8);
            assertThatThrownBy(() -> redis.expectMemoryBelow(0.0001)).isInstanceOf(RedisExpectationError.class)
                    .hasMessageContaining("of 67108864 bytes");
        }
    }

    @Test
    void aReadOnlyEnvironmentSendsNoWrite() {
        try (Redis redis = redis(false)) {
            assertThatThrownBy(() -> redis.set("artifact:1", "x")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Redis.set refused: environment [local] is read-only");
            assertThat(redis.info("commandstats")).containsKey("cmdstat_ping").doesNotContainKey("cmdstat_set");
            assertThat(redis.get("artifact:1")).isEmpty();
        }
    }

    @Test
    void aRedisThatIsDownFailsWithinTheTimeoutWithoutItsPassword() {
        server.close();
        long start = System.nanoTime();
        try (Redis redis = redis(false)) {
            assertThatThrownBy(() -> redis.expectPingWithin(Duration.ofMillis(100)))
                    .isInstanceOf(RedisExpectationError.class)
                    .hasMessageContaining("Redis [redis] at redis://127.0.0.1:" + server.port() + "/0 did not answer PING")
                    .satisfies(error -> assertThat(error.getMessage()).doesNotContain(RedisServer.PASSWORD));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aWrongPasswordOrANonRedisEndpointIsNamed() {
        RunbookEnvironment wrong = new RunbookEnvironment("local", Map.of("redis",
                URI.create("redis://:not-the-password@127.0.0.1:" + server.port()), "api",
                URI.create("http://127.0.0.1:" + Daemon.freePort())));
        try (Redis redis = new Redis(wrong, Duration.ofSeconds(2), evidence, false)) {
            assertThatThrownBy(() -> redis.expectPingWithin(Duration.ofSeconds(1)))
                    .isInstanceOf(RedisExpectationError.class).hasMessageContaining("WRONGPASS");
            assertThatThrownBy(() -> redis.on("api").dbSize()).isInstanceOf(RunbookConfigurationException.class)
                    .hasMessageContaining("endpoint [api] must be a Redis URL but was [http://127.0.0.1…]");
        }
    }
}
