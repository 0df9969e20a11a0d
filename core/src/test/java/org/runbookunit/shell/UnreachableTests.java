package org.runbookunit.shell;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.HostSettings;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;

/** Tell a powered-off machine from a live one by a TCP connection from the runner, on real loopback ports. */
class UnreachableTests {

    @Test
    void aClosedPortIsUnreachableAndAListeningOneIsNot() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        try (ServerSocket live = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HostSettings oldProd = HostSettings.ssh("old-prod", "root", "127.0.0.1", closed, Path.of("k"), Path.of("h"));
            HostSettings app = HostSettings.ssh("app", "root", "127.0.0.1", live.getLocalPort(), Path.of("k"), Path.of("h"));
            RunbookEnvironment environment = new RunbookEnvironment("local", Map.of(
                    "old-api", URI.create("http://127.0.0.1:" + closed),
                    "api", URI.create("http://127.0.0.1:" + live.getLocalPort())))
                    .withBinding(Map.of(), Optional.empty(), Map.of("old-prod", oldProd, "app", app));
            Shell shell = new Shell(environment, new Connections(), ShellOptions.defaults(),
                    new Evidence(Path.of("target", "shell-tests", "unreachable"), "1"), true);

            shell.expectEndpointUnreachable("old-api", Duration.ofSeconds(2))
                    .expectHostUnreachable("old-prod", Duration.ofSeconds(2));
            assertThatThrownBy(() -> shell.expectEndpointUnreachable("api", Duration.ofSeconds(2)))
                    .isInstanceOf(ShellExpectationError.class)
                    .hasMessage("endpoint [api] at 127.0.0.1:" + live.getLocalPort() + " accepted a TCP connection, "
                            + "expected it to be unreachable (powered off, stopped or firewalled)");
            assertThatThrownBy(() -> shell.expectHostUnreachable("app", Duration.ofSeconds(2)))
                    .hasMessageStartingWith("host [app] at 127.0.0.1:" + live.getLocalPort() + " accepted");
        }
    }
}
