package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.runbookunit.Severity;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.http.Http;
import org.runbookunit.internal.PercentEncoding;
import org.runbookunit.testing.LoopbackServer;

/** A secret from ${VAR} seeded everywhere a runbook can put it: nothing the run writes or prints may contain it. */
class SecretRedactionTests {

    private static final String SECRET = "s3cr3t-P@ss:w/rd%+x";

    private final Path workDir = Path.of("target", "secret-runs", UUID.randomUUID().toString()).toAbsolutePath();
    private final LoopbackServer server = LoopbackServer.start().route("/echo", exchange -> {
        String echo = "{\"headers\":\"" + exchange.getRequestHeaders().entrySet() + "\",\"query\":\""
                + exchange.getRequestURI().getRawQuery() + "\",\"body\":"
                + new ObjectMapper().writeValueAsString(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8)) + "}";
        LoopbackServer.respond(exchange, 200, "application/json", echo.replace("\\\"", "'").getBytes(StandardCharsets.UTF_8));
    });

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aSecretInHeaderUrlBodyAndAssertionAppearsNowhere() throws IOException, InterruptedException {
        Path config = Files.createDirectories(workDir).resolve("runbook.yaml");
        Files.writeString(config, "environments:\n  local:\n    endpoints:\n"
                + "      api: \"" + server.uri() + "\"\n"
                + "      guarded: \"http://ops:${RUNBOOK_TEST_SECRET}@127.0.0.1:" + server.uri().getPort() + "\"\n"
                + "    properties:\n      token: \"${RUNBOOK_TEST_SECRET}\"\n");

        String output = ChildJvm.run(LeakyStepsFixture.class, Map.of("RUNBOOK_TEST_SECRET", SECRET),
                Map.of("runbook.config", config.toString(), "runbook.reports.dir", workDir.resolve("reports").toString()));

        assertThat(output).contains("▶ Runbook: leaky steps", "⚠ 4 Token matches", "Verdict: GO");
        assertThat(server.requestHeaders()).hasSize(4);
        assertThat(server.requestHeaders().get(0).get("X-api-key")).containsExactly(SECRET);
        assertThat(forms(SECRET)).allSatisfy(form -> assertThat(output).doesNotContain(form));
        try (Stream<Path> files = Files.walk(workDir.resolve("reports"))) {
            List<Path> written = files.filter(Files::isRegularFile).toList();
            assertThat(written).hasSizeGreaterThan(5);
            for (Path file : written) {
                String content = Files.readString(file);
                assertThat(forms(SECRET)).as(file.toString()).allSatisfy(form -> assertThat(content).doesNotContain(form));
            }
        }
        JsonNode report = new ObjectMapper().readTree(workDir.resolve("reports/leaky-steps/report.json").toFile());
        assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "PASSED", "PASSED", "WARNED", "PASSED");
        assertThat(report.get("steps").get(3).get("message").asText()).contains("***");
    }

    private static List<String> forms(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        return List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8), PercentEncoding.encode(secret),
                Base64.getEncoder().encodeToString(bytes),
                Base64.getEncoder().encodeToString(("ops:" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    @Runbook("leaky steps")
    static class LeakyStepsFixture {
        @Step(order = 1, value = "Token in a header")
        void header(Http http, RunbookEnvironment environment) {
            http.withHeader("X-Api-Key", environment.property("token")).get("api", "/echo").expectStatus(200);
        }

        @Step(order = 2, value = "Token in the URL")
        void url(Http http, RunbookEnvironment environment) {
            http.get("api", "/echo?token=" + URLEncoder.encode(environment.property("token"), StandardCharsets.UTF_8))
                    .expectStatus(200);
            http.get("guarded", "/echo").expectStatus(200);
        }

        @Step(order = 3, value = "Token in a JSON body")
        void body(Http http, RunbookEnvironment environment) {
            http.post("api", "/echo", Map.of("token", environment.property("token"))).expectStatus(200);
        }

        @Step(order = 4, value = "Token matches", severity = Severity.MINOR)
        void assertion(RunbookEnvironment environment) {
            System.out.println("checking token " + environment.property("token"));
            assertThat(environment.property("token")).isEqualTo("something else");
        }

        @Step(order = 5, value = "Still running")
        void after() {
        }
    }
}
