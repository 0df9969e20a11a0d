package org.runbookunit.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Network;

/**
 * Every builder method of a rehearsal service returns a new description that keeps every earlier setting: the same
 * settings given in any order describe the same service, and the description a method was called on is unchanged.
 * No container starts here (creating a {@link Network} object contacts no Docker engine until it is used).
 */
class RehearsalBuilderTests {

    private final Network network = Network.newNetwork();

    @Test
    void postgresServiceKeepsEverySettingWhateverTheOrder() {
        PostgresService base = PostgresService.image("postgres:16-alpine");
        PostgresService oneWay = base.credentials("app", "s3cret").database("airdemand").initScript("db/schema.sql")
                .onNetwork(network);
        PostgresService otherWay = base.onNetwork(network).initScript("db/schema.sql").database("airdemand")
                .credentials("app", "s3cret");

        assertThat(oneWay).isEqualTo(otherWay).hasSameHashCodeAs(otherWay);
        assertThat(oneWay.toString()).isEqualTo("PostgresService[postgres:16-alpine, database airdemand, user app, "
                + "init db/schema.sql, on a network]").doesNotContain("s3cret");
        assertThat(base.credentials("app", "s3cret")).isNotEqualTo(base.credentials("app", "other"));
        assertThat(base).isEqualTo(PostgresService.image("postgres:16-alpine"));
    }

    @Test
    void containerServiceKeepsEverySettingWhateverTheOrder() {
        ContainerService base = ContainerService.dockerfile("api", Path.of("target/docker"));
        ContainerService oneWay = base.onNetwork(network).env("DATABASE_URL", "jdbc:postgresql://db:5432/airdemand")
                .endpoint("api", 8123, "/health").startupTimeout(Duration.ofSeconds(90)).command("java", "-jar", "app.jar");
        ContainerService otherWay = base.command("java", "-jar", "app.jar").startupTimeout(Duration.ofSeconds(90))
                .endpoint("api", 8123, "/health").env("DATABASE_URL", "jdbc:postgresql://db:5432/airdemand")
                .onNetwork(network);

        assertThat(oneWay).isEqualTo(otherWay).hasSameHashCodeAs(otherWay);
        assertThat(oneWay.toString()).isEqualTo("ContainerService[api, Dockerfile in target/docker, endpoint "
                + "api:8123/health, env [DATABASE_URL], on a network]");
        assertThat(base.env("A", "1").env("B", "2")).isNotEqualTo(base.env("B", "2"));
        assertThat(base).isEqualTo(ContainerService.dockerfile("api", Path.of("target/docker")));
    }

    @Test
    void processServiceKeepsEverySettingWhateverTheOrder() {
        ProcessService base = ProcessService.command("api", List.of("java", "-jar", "target/app.jar"));
        ProcessService oneWay = base.env("PORT", "18123").endpoint("api", 18123, "/health")
                .startupTimeout(Duration.ofSeconds(90)).env("DATABASE_URL", "jdbc:postgresql://127.0.0.1/airdemand");
        ProcessService otherWay = base.startupTimeout(Duration.ofSeconds(90)).endpoint("api", 18123, "/health")
                .env("PORT", "18123").env("DATABASE_URL", "jdbc:postgresql://127.0.0.1/airdemand");

        assertThat(oneWay).isEqualTo(otherWay).hasSameHashCodeAs(otherWay);
        assertThat(oneWay.toString()).isEqualTo("ProcessService[api, java -jar target/app.jar, endpoint "
                + "api:18123/health, env [DATABASE_URL, PORT], startup within PT1M30S]");
        assertThat(base.env("A", "1")).isNotEqualTo(base).isNotEqualTo(base.env("A", "2"));
    }

    @Test
    void composeServiceKeepsEverySettingWhateverTheOrder() {
        ComposeService base = ComposeService.file("stack", Path.of("src/test/resources/compose.yaml"));
        ComposeService oneWay = base.endpoint("api", "web", 8123, "/health").startupTimeout(Duration.ofMinutes(3));
        ComposeService otherWay = base.startupTimeout(Duration.ofMinutes(3)).endpoint("api", "web", 8123, "/health");

        assertThat(oneWay).isEqualTo(otherWay).hasSameHashCodeAs(otherWay);
        assertThat(oneWay.toString()).isEqualTo("ComposeService[stack, compose.yaml, endpoint api = web:8123/health, "
                + "startup within PT3M]");
        assertThat(oneWay).isNotEqualTo(base.endpoint("api", "web", 8124, "/health").startupTimeout(Duration.ofMinutes(3)));
    }
}
