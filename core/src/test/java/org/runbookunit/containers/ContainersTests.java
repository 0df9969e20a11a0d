package org.runbookunit.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.testing.RequiresDocker;

/**
 * Check {@link Containers} against real containers that {@code docker-compose} starts on the machine's Docker engine
 * (from the locally built {@code runbookunit/jre:17}): one project that stays up, one that crash-loops and burns CPU.
 */
@RequiresDocker
class ContainersTests {

    final Evidence evidence = new Evidence(Path.of("target", "containers-tests", UUID.randomUUID().toString()), "c");
    final Containers containers = new Containers(evidence, Duration.ofSeconds(10));

    @Test
    void aHealthyProjectIsUpWithinItsLimitsAndNotRestarted() throws Exception {
        Instant beforeUp = Instant.now().minusSeconds(1);
        try (ComposeProject project = ComposeProject.up("healthy.yaml")) {
            String web = project.container("web");
            awaitHealthy(web);
            assertThat(containers.expectComposeUp(project.name)).extracting(ContainerState::service)
                    .containsExactlyInAnyOrder("web", "worker");
            assertThat(containers.expectHealthy(web).health()).contains("healthy");
            containers.expectNoRestartsSince(web, Instant.now());
            assertThatThrownBy(() -> containers.expectNoRestartsSince(web, beforeUp))
                    .isInstanceOf(ContainersExpectationError.class).hasMessageContaining("without a restart but is");
            ContainerUsage usage = containers.expectResourcesWithin(web, 0.50, 0.80);
            assertThat(usage.cpuLimit()).isEqualTo(0.5);
            assertThat(usage.memoryLimitBytes()).isEqualTo(256L << 20);
            assertThat(evidence.items()).anySatisfy(item -> assertThat(item.description())
                    .startsWith("container " + web + ": CPU"));
        }
    }

    @Test
    void aCrashLoopAndABusyContainerFail() throws Exception {
        try (ComposeProject project = ComposeProject.up("broken.yaml")) {
            awaitRestarted(project.container("crashing"));
            assertThatThrownBy(() -> containers.expectComposeUp(project.name)).isInstanceOf(ContainersExpectationError.class)
                    .hasMessageContaining("expected every service Up (healthy), none restarted, but 1 of 2 are not")
                    .hasMessageContaining(project.container("crashing"));
            assertThat(containers.state(project.container("crashing")).restartCount()).isPositive();
            // a busy loop holds its whole 0.5 CPU on an idle machine; 5 % of it keeps the check true on a loaded one
            assertThatThrownBy(() -> containers.expectResourcesWithin(project.container("busy"), 0.05, 0.80))
                    .isInstanceOf(ContainersExpectationError.class).hasMessageContaining("expected CPU < 5 %")
                    .hasMessageContaining("of 0.50 CPUs");
        }
    }

    @Test
    void anUnknownContainerOrProjectIsNamed() {
        assertThatThrownBy(() -> containers.expectHealthy("no-such-container-" + UUID.randomUUID()))
                .isInstanceOf(ContainersExpectationError.class).hasMessageContaining("on the Docker engine; running:");
        assertThatThrownBy(() -> containers.expectComposeUp("no-such-project"))
                .hasMessageContaining("no container labelled com.docker.compose.project=no-such-project");
    }

    private void awaitRestarted(String container) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (containers.state(container).restartCount() == 0 && System.nanoTime() < giveUp) {
            Thread.sleep(250);
        }
    }

    private void awaitHealthy(String container) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!containers.state(container).up() && System.nanoTime() < giveUp) {
            Thread.sleep(250);
        }
    }
}
