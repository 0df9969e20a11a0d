package org.runbookunit.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.runbookunit.testing.LoopbackServer;

/** Check docs/ci-smoke-stage.md: both pipelines run its one command, and that command works against a loopback staging. */
class CiSmokeStageJarTests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void bothPipelinesRunTheDocumentedCommandPerEnvironmentAndKeepTheReports() throws IOException {
        String doc = doc();
        String command = block(doc, "smoke-command");
        JsonNode github = YAML.readTree(block(doc, "github-actions"));
        JsonNode gitlab = YAML.readTree(block(doc, "gitlab-ci"));

        JsonNode job = github.path("jobs").path("smoke");
        assertThat(job.path("strategy").path("matrix").path("environment").toString()).isEqualTo("[\"staging-eu\",\"staging-us\"]");
        assertThat(job.path("steps").findValuesAsText("run")).contains(command);
        assertThat(job.path("steps").toString()).contains("actions/upload-artifact", "runbook-reports/");
        assertThat(github.path("on").has("schedule")).isTrue();
        assertThat(github.path("on").path("workflow_run").path("workflows").toString()).contains("deploy-staging");

        JsonNode smoke = gitlab.path("smoke");
        assertThat(smoke.path("script").get(0).asText()).isEqualTo(command);
        assertThat(smoke.path("parallel").path("matrix").get(0).path("SMOKE_ENV").toString())
                .isEqualTo("[\"staging-eu\",\"staging-us\"]");
        assertThat(smoke.path("artifacts").path("when").asText()).isEqualTo("always");
        assertThat(smoke.path("artifacts").path("reports").path("junit").asText()).isEqualTo("runbook-reports/*/TEST-*.xml");
        assertThat(smoke.path("needs").toString()).contains("deploy-staging");
    }

    @Test
    void theDocumentedCommandIsGoPerRegionAndFailsTheJobOnNoGo() throws IOException {
        String command = block(doc(), "smoke-command");
        AtomicInteger usStatus = new AtomicInteger(200);
        try (LoopbackServer eu = LoopbackServer.start().json("/health", 200, "{\"status\":\"healthy\"}");
                LoopbackServer us = LoopbackServer.start().route("/health", exchange -> LoopbackServer.respond(exchange,
                        usStatus.get(), "application/json", "{\"status\":\"healthy\"}".getBytes(StandardCharsets.UTF_8)))) {
            SmokeJar jar = SmokeJar.in("ci-smoke-stage");
            Files.copy(jar.jar(), jar.workDir().resolve("runbookunit-smoke.jar"));
            jar.write("runbook.yaml", "environments:\n  staging-eu:\n    endpoints: { api: \"" + eu.uri() + "\" }\n"
                    + "    health-paths: { api: /health }\n  staging-us:\n    endpoints: { api: \"" + us.uri() + "\" }\n"
                    + "    health-paths: { api: /health }\n");
            jar.write("smoke.yaml", "suite: api smoke\nsteps:\n  - title: API says healthy\n    checks:\n"
                    + "      - http: { endpoint: api, path: /health, json: [ { path: status, eq: healthy } ] }\n");

            SmokeJar.Result euRun = jar.env("SMOKE_ENV", "staging-eu").shell(command);
            SmokeJar.Result usRun = jar.env("SMOKE_ENV", "staging-us").shell(command);
            usStatus.set(503);
            SmokeJar.Result usDown = jar.env("SMOKE_ENV", "staging-us").shell(command);

            assertThat(euRun.exitCode()).as(euRun.toString()).isZero();
            assertThat(euRun.stdout()).contains("[environment: staging-eu", "Verdict: GO");
            assertThat(usRun.exitCode()).as(usRun.toString()).isZero();
            assertThat(usDown.exitCode()).as(usDown.toString()).isEqualTo(1);
            assertThat(usDown.stdout()).contains("Verdict: NO-GO");
            try (Stream<Path> xml = Files.list(jar.workDir().resolve("runbook-reports"))) {
                assertThat(xml.map(dir -> dir.resolve("TEST-" + dir.getFileName() + ".xml")).filter(Files::isRegularFile)
                        .map(file -> file.getFileName().toString()).sorted().toList())
                        .isEqualTo(List.of("TEST-api-smoke.xml", "TEST-http-health.xml"));
            }
            assertThat(eu.requests()).hasSize(2);
        }
    }

    @Test
    void theReadmeSuiteIsValidAndItsPlanRunsNothing() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("smoke.docs", "../docs")).resolve("../README.md"));
        SmokeJar jar = SmokeJar.in("readme-suite");
        jar.write("smoke.yaml", block(readme, "smoke-suite: readme"));
        jar.write("runbook.yaml", "environments:\n  production:\n    read-only: true\n    endpoints: { api: "
                + "\"https://api.prod.example\", dashboard: \"https://dash.prod.example\" }\n    database: { url: "
                + "\"jdbc:postgresql://db.prod.example:5432/app\", user: app, password: \"${DB_PASSWORD}\" }\n");

        SmokeJar.Result plan = jar.run("plan", "--env", "production", "--suite", "smoke.yaml");

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.stdout()).contains("▶ Plan: air-demand production smoke  [environment: production, read-only, "
                + "6 steps]", "↷ 2.3 Dashboard renders — would skip: not run in [production]",
                "variables not set: [DB_PASSWORD]");
    }

    private static String doc() throws IOException {
        return Files.readString(Path.of(System.getProperty("smoke.docs", "../docs"), "ci-smoke-stage.md"));
    }

    private static String block(String doc, String marker) {
        Matcher block = Pattern.compile("<!-- " + marker + " -->\\n```\\w+\\n(.*?)\\n```", Pattern.DOTALL).matcher(doc);
        assertThat(block.find()).as("a fenced block after <!-- " + marker + " --> in docs/ci-smoke-stage.md").isTrue();
        return block.group(1);
    }
}
