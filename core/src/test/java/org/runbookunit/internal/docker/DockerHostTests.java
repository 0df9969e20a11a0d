package org.runbookunit.internal.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Read DOCKER_HOST, check the engine it names answers, and catch a client that chose another engine. */
class DockerHostTests {

    @Test
    void unsetMeansTheLocalEngineWithPortsOnLoopback() {
        DockerHost host = DockerHost.from(Map.of()).requireReachable();

        assertThat(host.tcp()).isFalse();
        assertThat(host.portHost()).isEqualTo("127.0.0.1");
        assertThat(host.describe()).isEqualTo("the local Docker engine (DOCKER_HOST unset)");
    }

    @Test
    void aListeningTcpEngineIsReachableAndPublishesOnItsHost() throws IOException {
        try (ServerSocket engine = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            DockerHost host = DockerHost.from(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + engine.getLocalPort()))
                    .requireReachable();

            assertThat(host.tcp()).isTrue();
            assertThat(host.portHost()).isEqualTo("127.0.0.1");
            assertThat(host.describe()).isEqualTo("Docker engine tcp://127.0.0.1:" + engine.getLocalPort()
                    + " (DOCKER_HOST)");
        }
    }

    @Test
    void anAddressThatIsNoEngineFailsNamingTheValue() {
        assertThatThrownBy(() -> DockerHost.from(Map.of("DOCKER_HOST", "127.0.0.1:2375")))
                .hasMessage("DOCKER_HOST must name a Docker engine like tcp://127.0.0.1:2375 or unix:///var/run/docker.sock"
                        + " but was [127.0.0.1:2375]; fix it or unset it to use the local engine");
        assertThatThrownBy(() -> DockerHost.from(Map.of("DOCKER_HOST", "tcp://127.0.0.1")))
                .hasMessageContaining("but was [tcp://127.0.0.1]");
    }

    @Test
    void aClosedPortOrAMissingSocketFailsFastNamingTheAddressAndTheFix() throws IOException {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = probe.getLocalPort();
        }
        DockerHost tcp = DockerHost.from(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + closed));
        long start = System.nanoTime();

        assertThatThrownBy(tcp::requireReachable).hasMessageStartingWith("Docker engine [tcp://127.0.0.1:" + closed
                + "] named by DOCKER_HOST does not answer (ConnectException: Connection refused); start the engine "
                + "there (dockerd -H tcp://127.0.0.1:" + closed + "), point DOCKER_HOST at a running engine");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DockerHost.CONNECT_TIMEOUT);
        assertThatThrownBy(DockerHost.from(Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"))::requireReachable)
                .hasMessageContaining("does not answer (no socket file at /nonexistent/docker.sock); start dockerd");
    }

    @Test
    void aClientThatChoseAnotherEngineIsCaught() {
        DockerHost wanted = DockerHost.from(Map.of("DOCKER_HOST", "tcp://127.0.0.1:23750"));

        wanted.requireChosen(URI.create("tcp://127.0.0.1:23750"), "Testcontainers");
        assertThatThrownBy(() -> wanted.requireChosen(URI.create("unix:///var/run/docker.sock"), "Testcontainers"))
                .hasMessageStartingWith("Testcontainers chose the Docker engine [unix:///var/run/docker.sock] but "
                        + "DOCKER_HOST names [tcp://127.0.0.1:23750]");
        DockerHost.from(Map.of()).requireChosen(URI.create("unix:///var/run/docker.sock"), "Testcontainers");
    }
}
