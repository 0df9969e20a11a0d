package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runbookunit.rehearsal.ProcessService;
import org.runbookunit.rehearsal.RehearsalService;
import org.runbookunit.rehearsal.RehearsalStack;
import org.runbookunit.rehearsal.RehearsalStartupException;
import org.runbookunit.rehearsal.StackBinding;

/** The sample service as a local process (java -cp … AirDemandService), the way a stack starts an app without Docker. */
class ProcessServiceTests {

    @Test
    void aProcessServiceIsBoundOnceItsHealthPathAnswers() throws IOException {
        int port = freePort();
        RehearsalStack stack = stack(service(port, "--port", Integer.toString(port)).endpoint("api", port, "/health"));
        try {
            StackBinding binding = stack.start();

            assertThat(binding.endpoints().get("api")).hasToString("http://127.0.0.1:" + port);
            assertThat(stack.logs().get("api")).contains("air-demand sample service listening on http://127.0.0.1:" + port);
        } finally {
            stack.close();
        }
    }

    @Test
    void aProcessThatExitsDuringStartupFailsWithItsOutput() throws IOException {
        int port = freePort();
        RehearsalStack stack = stack(service(port, "--port", "not-a-port").endpoint("api", port, "/health"));

        assertThatThrownBy(stack::start).isInstanceOf(RehearsalStartupException.class)
                .hasMessageContaining("could not start service [api]: process exited with code 2")
                .hasMessageContaining("--port must be a number but was [not-a-port]");
    }

    @Test
    void aProcessThatNeverBecomesHealthyFailsAtItsTimeout() throws IOException {
        int port = freePort();
        RehearsalStack stack = stack(service(port, "--port", Integer.toString(port))
                .endpoint("api", port, "/never-healthy").startupTimeout(Duration.ofSeconds(3)));

        assertThatThrownBy(stack::start).hasMessageContaining("/never-healthy did not answer 200 within 3000 ms");
    }

    private static ProcessService service(int port, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"),
                "org.runbookunit.examples.airdemand.AirDemandService"));
        command.addAll(List.of(args));
        return ProcessService.command("api", command);
    }

    private static RehearsalStack stack(RehearsalService service) {
        return new RehearsalStack() {
            @Override
            protected List<RehearsalService> services() {
                return List.of(service);
            }
        };
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
