package org.runbookunit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.testing.LoopbackServer;
import org.runbookunit.testing.NpmProject;
import org.runbookunit.testing.RequiredTool;

/**
 * {@code runbook.browser.ws-endpoint} connects Dashboard to a real {@code npx playwright run-server} on loopback (npm
 * {@code playwright} at the Java client's version). run-server launches the browser itself and takes an executable
 * path from the client only when started with {@code --unsafe}; without it, it would look for a Playwright-downloaded
 * browser, which this machine does not have, so the test starts it with {@code --unsafe} and Debian's Chromium.
 */
class RemoteBrowserTests {

    private static final Path SERVER_PROJECT = Path.of("src/test/resources/dashboard/playwright-server").toAbsolutePath();

    private final Path dir = Path.of("target", "remote-browser", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void dashboardStepsRunInARemotePlaywrightBrowser() throws Exception {
        RequiredTool.require("npm", "install nodejs and npm (apt-get install nodejs npm)", "npm", "--version");
        RequiredTool.require("chromium", "install Debian's Chromium (apt-get install chromium)", "/usr/bin/chromium",
                "--version");
        Path project = NpmProject.install(SERVER_PROJECT, dir.resolve("server"));
        int port = freePort();
        Process server = new ProcessBuilder(project.resolve("node_modules/.bin/playwright").toString(), "run-server",
                "--port", String.valueOf(port), "--host", "127.0.0.1", "--unsafe").directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("run-server.log").toFile()).start();
        try (LoopbackServer site = LoopbackServer.start()) {
            site.route("/", exchange -> LoopbackServer.respond(exchange, 200, "text/html; charset=utf-8",
                    "<!doctype html><title>Air Demand</title><h1>Paraform Roles</h1>".getBytes(StandardCharsets.UTF_8)));
            awaitListening(port, server);
            RunbookSettings settings = new RunbookSettings(ConfigSource.of(Map.of(
                    ConfigKeys.BROWSER_WS_ENDPOINT, "ws://127.0.0.1:" + port + "/",
                    ConfigKeys.BROWSER_EXECUTABLE, "/usr/bin/chromium")));
            try (SharedBrowser browser = new SharedBrowser(settings)) {
                RunbookEnvironment environment = new RunbookEnvironment("local", Map.of("dashboard", site.uri()));
                try (Dashboard dashboard = new Dashboard(environment, browser, new Evidence(dir.resolve("report"), "3.1"))) {
                    dashboard.open("dashboard", "/").expectTitle("Air Demand").expectText("Paraform Roles").verify();
                }
                assertThat(browser.description()).startsWith("Chromium ").endsWith("(remote ws://127.0.0.1:" + port + "/)");
            }
            assertThat(site.requests()).contains("GET /");
        } finally {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
    }

    @Test
    void aServerThatDoesNotAnswerFailsNamingTheKeyAndHowToStartOne() throws IOException {
        int port = freePort();
        SharedBrowser browser = new SharedBrowser(new RunbookSettings(ConfigSource.of(Map.of(
                ConfigKeys.BROWSER_WS_ENDPOINT, "ws://127.0.0.1:" + port + "/"))));

        assertThatThrownBy(browser::start).isInstanceOf(RunbookConfigurationException.class)
                .hasMessageStartingWith("cannot connect to the remote browser [ws://127.0.0.1:" + port
                        + "/] (runbook.browser.ws-endpoint): ")
                .hasMessageContaining(" run-server --port 3000 --host 127.0.0.1, or unset the key to launch a local browser");
        browser.close();
    }

    @Test
    void anEndpointThatIsNotAWebSocketUrlIsRefusedWithTheForm() {
        assertThatThrownBy(() -> new SharedBrowser(new RunbookSettings(ConfigSource.of(Map.of(
                ConfigKeys.BROWSER_WS_ENDPOINT, "http://127.0.0.1:3000")))))
                .isInstanceOf(RunbookConfigurationException.class)
                .hasMessage("runbook.browser.ws-endpoint must be a ws:// or wss:// URL but was [http://127.0.0.1:3000]; "
                        + "write e.g. ws://127.0.0.1:3000/ for npx playwright run-server --port 3000 --host 127.0.0.1");
    }

    private void awaitListening(int port, Process server) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && server.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("playwright run-server did not listen on " + port + " within 60 s:\n"
                + Files.readString(dir.resolve("run-server.log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
