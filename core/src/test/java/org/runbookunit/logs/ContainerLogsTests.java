package org.runbookunit.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runbookunit.testing.RequiresDocker;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/** Read a real container's output through Testcontainers' Docker client (the local runbookunit/jre:17 image). */
@RequiresDocker
class ContainerLogsTests {

    @Test
    void aContainersOutputIsScannedWithDockersTimestamps() {
        try (GenericContainer<?> api = new GenericContainer<>(DockerImageName.parse("runbookunit/jre:17"))
                .withCommand("sh", "-c", "echo 'INFO Waiting for application startup.'; sleep 1; "
                        + "echo 'ERROR cannot reach db.example:25060, retrying' >&2; sleep 1; "
                        + "echo 'INFO Application startup complete.'; sleep 120");
                LogsFixture fixture = new LogsFixture(Map.of())) {
            api.start();
            String name = api.getContainerName().replaceFirst("^/", "");

            LogLine ready = fixture.logs.container(name).expectLine("Application startup complete", Duration.ofSeconds(30));

            assertThat(ready.time()).hasValueSatisfying(time -> assertThat(time).isBefore(Instant.now()));
            assertThat(fixture.logs.container(api.getContainerId()).lines()).extracting(LogLine::text).containsExactly(
                    "INFO Waiting for application startup.", "ERROR cannot reach db.example:25060, retrying",
                    "INFO Application startup complete.");
            assertThatThrownBy(() -> fixture.logs.container(name).expectNo("ERROR|CRITICAL"))
                    .isInstanceOf(LogsExpectationError.class)
                    .hasMessageContaining("1 line(s) of the logs of container [" + name + "] since the beginning match "
                            + "[ERROR|CRITICAL]; first: ");
            fixture.logs.container(name).allow("retrying").expectNo("ERROR|CRITICAL");
            assertThat(fixture.logs.container(name).since(Instant.now().plusSeconds(5)).lines()).isEmpty();
        }
    }

    @Test
    void anUnknownContainerIsNamed() {
        try (LogsFixture fixture = new LogsFixture(Map.of())) {
            assertThatThrownBy(() -> fixture.logs.container("no-such-container-7f3a").lines())
                    .isInstanceOf(LogsExpectationError.class)
                    .hasMessageStartingWith("cannot read the logs of container [no-such-container-7f3a]: ");
        }
    }
}
