package org.runbookunit.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
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
}
