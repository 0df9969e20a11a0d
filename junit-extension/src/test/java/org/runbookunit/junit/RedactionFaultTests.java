package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.commons.text.StringEscapeUtils;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.runbookunit.Severity;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.http.Http;
import org.runbookunit.testing.LoopbackServer;
import org.runbookunit.testing.SeededSecret;
import org.slf4j.LoggerFactory;

/**
 * A secret full of characters every output escapes differently, seeded into every place a runbook can put it and run
 * in a child JVM like Surefire runs it: no form of it appears in anything the run prints or writes.
 */
class RedactionFaultTests {

    private final Path workDir = Path.of("target", "redaction-faults", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void escapedFormsLogsAndASuppressedPendingFailureLeakNowhere() throws IOException, InterruptedException {
        try (LoopbackServer api = LoopbackServer.start().json("/health", 503, "{\"status\":\"down\"}")) {
            String output = runInChild(api, List.of(JulStartedEarlierFixture.class, EscapedFormsFixture.class), Map.of());

            assertThat(output).contains("logging started before the runbook", "▶ Runbook: escaped forms", "✔ 1 Print, log and save the secret escaped",
                    "✔ 2 Still runs", "✘ 3 Throws over a pending HTTP failure",
                    "jul says token ***", "slf4j says token ***", "Suppressed: ", "GET api /health?token=*** → 503");
            SeededSecret.assertAbsent("the child's output", output);
            assertThat(SeededSecret.assertAbsentUnder(workDir)).isGreaterThan(6);
            JsonNode report = new ObjectMapper().readTree(workDir.resolve("reports/escaped-forms/report.json").toFile());
            assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "PASSED", "FAILED");
            assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
            assertThat(xmlReport()).contains("Suppressed: ", "GET api /health?token=*** → 503");
        }
    }

    @Test
    void twoRunbooksPrintingAtOnceCharacterByCharacterNeverSplitTheSecret() throws IOException, InterruptedException {
        try (LoopbackServer api = LoopbackServer.start().json("/health", 200, "{}")) {
            String output = runInChild(api, List.of(FirstPrinterFixture.class, SecondPrinterFixture.class), Map.of(
                    "junit.jupiter.execution.parallel.enabled", "true",
                    "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                    "junit.jupiter.execution.parallel.config.strategy", "fixed",
                    "junit.jupiter.execution.parallel.config.fixed.parallelism", "2"));

            SeededSecret.assertAbsent("the child's output", output);
            assertThat(output.lines().filter(line -> line.equals("first token ***"))).hasSize(PrinterSteps.LINES);
            assertThat(output.lines().filter(line -> line.equals("second token ***"))).hasSize(PrinterSteps.LINES);
            assertThat(output).contains("▶ Runbook: first printer", "▶ Runbook: second printer");
        }
    }

    @Test
    void aSecretEscapedInABinaryFileIsFoundByTheLeakCheck() throws IOException {
        RunbookKit kit = RunbookKit.create().withConfig("environments:\n  local:\n    properties:\n"
                + "      admin-token: { value: \"" + StringEscapeUtils.escapeJson(SeededSecret.VALUE).replace("\\/", "/")
                + "\", secret: true }\n");

        EngineExecutionResults results = kit.run(BinaryLeakFixture.class);

        JsonNode report = kit.reportJson("binary-leak");
        assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
        assertThat(report.get("reasons").get(0).asText()).isEqualTo("secret leak: evidence/1-01-json-dump.bin contains the "
                + "value of environments.local.properties.admin-token");
        assertThat(results.containerEvents().failed().count()).isEqualTo(1);
    }

    private String runInChild(LoopbackServer api, List<Class<?>> fixtures, Map<String, String> extra)
            throws IOException, InterruptedException {
        Path config = Files.createDirectories(workDir).resolve("runbook.yaml");
        Files.writeString(config, "environments:\n  local:\n    endpoints:\n      api: \"" + api.uri() + "\"\n"
                + "    properties:\n      token: \"${RUNBOOK_TEST_SECRET}\"\n");
        Map<String, String> parameters = new java.util.HashMap<>(Map.of("runbook.config", config.toString(),
                "runbook.reports.dir", workDir.resolve("reports").toString()));
        parameters.putAll(extra);
        return ChildJvm.run(fixtures, Map.of("RUNBOOK_TEST_SECRET", SeededSecret.VALUE), parameters, entry -> true,
                List.of("--reports-dir=" + workDir.resolve("junit-xml")));
    }

    private String xmlReport() throws IOException {
        try (Stream<Path> files = Files.walk(workDir.resolve("junit-xml"))) {
            Path xml = files.filter(file -> file.toString().endsWith(".xml")).findFirst().orElseThrow();
            return StringEscapeUtils.unescapeXml(Files.readString(xml));
        }
    }

    /** Use java.util.logging before any runbook starts, as a build's other tests do: its console handler exists already. */
    static class JulStartedEarlierFixture {
        @org.junit.jupiter.api.Test
        void log() {
            Logger.getLogger("org.runbookunit.test").warning("logging started before the runbook");
        }
    }

    @Runbook("escaped forms")
    static class EscapedFormsFixture {
        @Step(order = 1, value = "Print, log and save the secret escaped")
        void escaped(RunbookEnvironment environment, Evidence evidence) {
            String token = environment.property("token");
            String forms = String.join("\n", StringEscapeUtils.escapeJson(token), StringEscapeUtils.escapeHtml4(token),
                    StringEscapeUtils.escapeXml10(token), StringEscapeUtils.escapeCsv(token), "'" + token.replace("'", "'\\''") + "'");
            System.out.println("forms:\n" + forms);
            evidence.text("escaped forms", forms);
            evidence.save("escaped forms json", "json", ("{\"token\":\"" + StringEscapeUtils.escapeJson(token) + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            evidence.save("escaped forms html", "html", ("<p>" + StringEscapeUtils.escapeHtml4(token) + "</p>")
                    .getBytes(StandardCharsets.UTF_8));
            evidence.save("escaped forms csv", "csv", ("name,value\ntoken," + StringEscapeUtils.escapeCsv(token) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            Logger.getLogger("org.runbookunit.test").warning("jul says token " + token);
            Logger.getLogger("org.runbookunit.test").log(java.util.logging.Level.WARNING, "jul with a parameter {0}", token);
            LoggerFactory.getLogger("org.runbookunit.test").warn("slf4j says token {}", token);
        }

        @Step(order = 2, value = "Still runs", severity = Severity.MINOR)
        void still() {
        }

        @Step(order = 3, value = "Throws over a pending HTTP failure")
        void suppressed(Http http, RunbookEnvironment environment) {
            http.get("api", "/health?token=" + java.net.URLEncoder.encode(environment.property("token"),
                    StandardCharsets.UTF_8)).expectStatus(200).expectJson("status", environment.property("token"));
            throw new IllegalStateException("a plain failure after the HTTP check");
        }
    }

    /** Print the token character by character, many times, as two runbooks at once would. */
    static final class PrinterSteps {
        static final int LINES = 200;

        private PrinterSteps() {
        }

        static void print(String prefix, String token) {
            for (int line = 0; line < LINES; line++) {
                System.out.print(prefix + " token ");
                for (char c : token.toCharArray()) {
                    System.out.print(c);
                    Thread.yield();
                }
                System.out.println();
            }
        }
    }

    @Runbook("first printer")
    @org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT) // forced, over @Runbook's
    static class FirstPrinterFixture {
        @Step(order = 1, value = "Print the token")
        void print(RunbookEnvironment environment) {
            PrinterSteps.print("first", environment.property("token"));
        }
    }

    @Runbook("second printer")
    @org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT)
    static class SecondPrinterFixture {
        @Step(order = 1, value = "Print the token")
        void print(RunbookEnvironment environment) {
            PrinterSteps.print("second", environment.property("token"));
        }
    }

    @Runbook("binary leak")
    static class BinaryLeakFixture {
        @Step(order = 1, value = "Dump JSON into a binary file")
        void dump(Evidence evidence, RunbookEnvironment environment) {
            evidence.save("json dump", "bin", ("{\"t\":\"" + StringEscapeUtils.escapeJson(environment.property("admin-token"))
                    .replace("\\/", "/") + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }
}
