package org.runbookunit.smoke;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.ConfigSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Run a small suite against a server of this JVM on loopback, so {@code -XX:ArchiveClassesAtExit} records the classes
 * a real run loads into an AppCDS archive; the build runs it when it packages the jar.
 */
@Command(name = "train", exitCodeOnInvalidInput = ExitCodes.USAGE,
        description = "Run a small suite against a loopback server of this JVM, to record an AppCDS archive: java "
                + "-XX:ArchiveClassesAtExit=runbookunit-smoke.jsa -jar runbookunit-smoke.jar train --reports DIR")
class TrainCommand implements Callable<Integer> {

    private static final String SUITE = String.join("\n", "suite: appcds training", "phases:", "  - name: Health",
            "    steps:", "      - title: health answers", "        checks:", "          - http:", "              endpoint: api",
            "              path: /health", "              status: 200", "              json:",
            "                - { path: status, eq: healthy }", "                - { path: checks, size: 1 }",
            "                - { path: checks.database, ne: down }", "                - { path: total, gt: 1 }",
            "              headers: { Content-Type: application/json }", "              body-contains: healthy",
            "              latency: { warn: 1s, fail: 5s }", "");

    @Option(names = "--reports", paramLabel = "DIR", required = true, description = "Where the training report goes.")
    Path reports;

    @Override
    public Integer call() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        byte[] body = "{\"status\":\"healthy\",\"checks\":{\"database\":\"ok\"},\"total\":3}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/health", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        try {
            Files.createDirectories(reports);
            Path config = write(reports.resolve("runbook.yaml"), "environments:\n  local:\n    endpoints: { api: \"http://127.0.0.1:"
                    + server.getAddress().getPort() + "\" }\n");
            Path suite = write(reports.resolve("train.yaml"), SUITE);
            HttpWarmup.start();
            SuiteRunner runner = new SuiteRunner(ConfigSource.of(Map.of(ConfigKeys.CONFIG, config.toString(),
                    ConfigKeys.REPORTS_DIR, reports.toString())), TrainCommand.class.getClassLoader());
            return runner.run(runner.load(suite.toString()));
        } finally {
            server.stop(0);
        }
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
    }
}
