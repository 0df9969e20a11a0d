package org.runbookunit.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.runbookunit.testing.LoopbackServer;

/** Run config-only suites through the built jar against real loopback servers and check exit codes and outputs. */
class SuiteJarTests {

    private static final String HEALTHY = "{\"status\":\"healthy\",\"checks\":{\"database\":\"ok\"},\"roles\":[1,2,3],"
            + "\"total\":747,\"latency_ms\":12.5}";

    private static final String SUITE = """
            suite: air-demand smoke
            phases:
              - name: Health
                steps:
                  - title: API /health returns healthy
                    checks:
                      - http:
                          endpoint: api
                          path: /health
                          status: 200
                          json:
                            - { path: status, eq: healthy }
                            - { path: checks.database, ne: down }
                            - { path: roles, size: 3 }
                            - { path: total, gt: 700 }
                            - { path: latency_ms, lt: 250 }
                            - { path: missing, exists: false }
                          headers: { Content-Type: application/json }
                          body-contains: healthy
                          latency: { warn: 2s, fail: 5s }
                  - title: Ready within a few seconds
                    severity: MAJOR
                    checks:
                      - eventually:
                          within: 5s
                          every: 100ms
                          check: { http: { endpoint: api, path: /health/ready, status: 200 } }
              - name: Data
                steps:
                  - title: Roles served
                    checks:
                      - http: { endpoint: api, path: /demand/roles, status: 200, json: [ { path: total, eq: 747 } ] }
            """;

    @Test
    void aHealthySystemIsGoAndExitsZeroWithReportAndJUnitXml() throws IOException {
        try (LoopbackServer server = LoopbackServer.start().json("/health", 200, HEALTHY)
                .json("/demand/roles", 200, "{\"total\":747}")) {
            SmokeJar jar = jarFor("go", server, SUITE);
            server.json("/health/ready", 200, "{\"status\":\"ready\"}");

            SmokeJar.Result result = jar.run("run", "--env", "staging", "--suite", "smoke.yaml");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("✔ 1.1 API /health returns healthy", "✔ 2.1 Roles served", "Verdict: GO");
            Path report = jar.workDir().resolve("runbook-reports/air-demand-smoke");
            assertThat(Files.readString(report.resolve("report.json"))).contains("\"verdict\" : \"GO\"",
                    "\"environment\" : \"staging\"");
            assertThat(Files.readString(report.resolve("TEST-air-demand-smoke.xml")))
                    .contains("tests=\"3\"", "failures=\"0\"", "name=\"1.1 API /health returns healthy\"");
            assertThat(server.requests()).contains("GET /health", "GET /health/ready", "GET /demand/roles");
        }
    }

    @Test
    void aFailedCriticalCheckIsNoGoExitsOneAndBlocksWhatFollows() throws IOException {
        try (LoopbackServer server = LoopbackServer.start()
                .json("/health", 200, HEALTHY.replace("healthy", "degraded"))
                .json("/health/ready", 200, "{}").json("/demand/roles", 200, "{\"total\":747}")) {
            SmokeJar jar = jarFor("no-go", server, SUITE);

            SmokeJar.Result result = jar.run("run", "--env", "staging", "--suite", "smoke.yaml");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stdout()).contains("✘ 1.1 API /health returns healthy",
                    "json [status]: expected \"healthy\" but was [\"degraded\"]", "⊘ 1.2", "Verdict: NO-GO");
            assertThat(server.requests()).doesNotContain("GET /demand/roles");
            String xml = Files.readString(jar.workDir().resolve("runbook-reports/air-demand-smoke/TEST-air-demand-smoke.xml"));
            assertThat(xml).contains("failures=\"1\"", "skipped=\"2\"", "<failure message=\"FAILED: ",
                    "<skipped message=\"BLOCKED: blocked by 1.1 API /health returns healthy\"");
        }
    }

    @Test
    void aMajorFailureIsWarnedAndStillGo() throws IOException {
        try (LoopbackServer server = LoopbackServer.start().json("/health", 200, HEALTHY)
                .json("/health/ready", 503, "{}").json("/demand/roles", 200, "{\"total\":747}")) {
            SmokeJar jar = jarFor("warned", server, SUITE.replace("within: 5s", "within: 1s"));

            SmokeJar.Result result = jar.run("run", "--env", "staging", "--suite", "smoke.yaml");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("⚠ 1.2 Ready within a few seconds", "did not pass within 1s",
                    "Verdict: GO");
            assertThat(Files.readString(jar.workDir().resolve("runbook-reports/air-demand-smoke/TEST-air-demand-smoke.xml")))
                    .contains("<skipped message=\"WARNED: ");
        }
    }

    @Test
    void aManualStepNobodyAttestedIsHoldAndExitsTwo() throws IOException {
        try (LoopbackServer server = LoopbackServer.start().json("/health", 200, HEALTHY)) {
            SmokeJar jar = jarFor("hold", server, """
                    suite: cutover
                    steps:
                      - title: API healthy
                        checks: [ { http: { endpoint: api, path: /health, status: 200 } } ]
                      - title: Power off the old droplet
                        manual: In the cloud console power off the old droplet; do NOT destroy it
                    """);

            SmokeJar.Result pending = jar.run("run", "--env", "staging", "--suite", "smoke.yaml");
            SmokeJar.Result attested = jar.run("run", "--env", "staging", "--suite", "smoke.yaml",
                    "-Drunbook.attest.cutover.2=Jane Doe: powered off, not destroyed");

            assertThat(pending.exitCode()).as(pending.toString()).isEqualTo(2);
            assertThat(pending.stdout()).contains("⏸ 2 Power off the old droplet", "Verdict: HOLD");
            assertThat(attested.exitCode()).as(attested.toString()).isZero();
            assertThat(attested.stdout()).contains("Verdict: GO");
        }
    }

    @Test
    void aSuiteWithAnUnknownKeyExits64NamingFileLineAndClosestKey() {
        SmokeJar jar = SmokeJar.in("bad-suite");
        jar.write("smoke.yaml", """
                suite: bad
                steps:
                  - title: API healthy
                    checks:
                      - http:
                          endpoint: api
                          path: /health
                          statsu: 200
                """);

        SmokeJar.Result result = jar.run("run", "--suite", "smoke.yaml");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(64);
        assertThat(result.stderr()).contains("smoke.yaml line 8: unknown key [statsu]", "did you mean [status]?");
        assertThat(result.stdout()).doesNotContain("Verdict");
    }

    @Test
    void anUnknownCheckKindAndAWrongComparisonExit64() {
        SmokeJar jar = SmokeJar.in("bad-kind");
        jar.write("kind.yaml", "suite: bad\nsteps:\n  - title: x\n    checks:\n      - htp: { endpoint: api }\n");
        jar.write("compare.yaml", "suite: bad\nsteps:\n  - title: x\n    checks:\n"
                + "      - http: { endpoint: api, path: /health, json: [ { path: status } ] }\n");

        SmokeJar.Result kind = jar.run("run", "--suite", "kind.yaml");
        SmokeJar.Result compare = jar.run("plan", "--suite", "compare.yaml");

        assertThat(kind.exitCode()).as(kind.toString()).isEqualTo(64);
        assertThat(kind.stderr()).contains("kind.yaml line 5: unknown key [htp]", "did you mean [http]?",
                "[database, eventually, http, page, sustained, tls]");
        assertThat(compare.exitCode()).as(compare.toString()).isEqualTo(64);
        assertThat(compare.stderr()).contains("compare.yaml line 5: http: json[0] [status] compares nothing");
    }

    @Test
    void anUnknownEnvironmentExits64AndRunsNothing() throws IOException {
        try (LoopbackServer server = LoopbackServer.start().json("/health", 200, HEALTHY)) {
            SmokeJar jar = jarFor("unknown-env", server, SUITE);

            SmokeJar.Result result = jar.run("run", "--env", "prodution", "--suite", "smoke.yaml");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(64);
            assertThat(result.stderr()).contains("unknown environment [prodution]", "known environments: [staging]");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void aMissingSuiteFileAndAMissingCommandExit64() {
        SmokeJar jar = SmokeJar.in("usage");

        SmokeJar.Result missing = jar.run("run", "--suite", "nowhere.yaml");
        SmokeJar.Result nothing = jar.run("run");
        SmokeJar.Result unknownOption = jar.run("run", "--suit", "x.yaml");

        assertThat(missing.exitCode()).isEqualTo(64);
        assertThat(missing.stderr()).contains("--suite names a file that does not exist", "nowhere.yaml");
        assertThat(nothing.exitCode()).isEqualTo(64);
        assertThat(nothing.stderr()).contains("nothing to run");
        assertThat(unknownOption.exitCode()).isEqualTo(64);
        assertThat(unknownOption.stderr()).contains("Unknown options: '--suit'", "Possible solutions: --suite");
    }

    @Test
    void planContactsNothing() throws IOException {
        try (LoopbackServer server = LoopbackServer.start().route("/", exchange -> {
            throw new AssertionError("plan mode contacted the server: " + exchange.getRequestURI());
        })) {
            SmokeJar jar = jarFor("plan", server, SUITE);

            SmokeJar.Result plan = jar.run("plan", "--env", "staging", "--suite", "smoke.yaml");
            SmokeJar.Result runPlan = jar.run("run", "--plan", "--env", "staging", "--suite", "smoke.yaml");

            assertThat(plan.exitCode()).as(plan.toString()).isZero();
            assertThat(plan.stdout()).contains("▶ Plan: air-demand smoke", "nothing is run",
                    "▷ 1.1 API /health returns healthy — would run", "▷ 2.1 Roles served — would run");
            assertThat(runPlan.exitCode()).as(runPlan.toString()).isZero();
            assertThat(server.requests()).isEmpty();
            assertThat(jar.workDir().resolve("runbook-reports")).doesNotExist();
        }
    }

    @Test
    void aSecretFromTheEnvironmentNeverAppearsInOutputOrReports() throws IOException {
        try (LoopbackServer server = LoopbackServer.start().json("/health", 200, HEALTHY)) {
            SmokeJar jar = SmokeJar.in("secrets").env("API_PASSWORD", "s3cret-smoke-pass");
            jar.write("runbook.yaml", "environments:\n  staging:\n    endpoints:\n      api: \"http://smoke:${API_PASSWORD}@"
                    + server.uri().getAuthority() + "\"\n");
            jar.write("smoke.yaml", "suite: secrets\nsteps:\n  - title: API healthy\n    checks:\n"
                    + "      - http: { endpoint: api, path: /health, status: 201 }\n");

            SmokeJar.Result result = jar.run("run", "--env", "staging", "--suite", "smoke.yaml");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(server.requestHeaders()).hasSize(1);
            assertThat(result.stdout() + result.stderr()).doesNotContain("s3cret-smoke-pass");
            try (var files = Files.walk(jar.workDir().resolve("runbook-reports"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(file)).as(file.toString()).doesNotContain("s3cret-smoke-pass");
                }
            }
        }
    }

    static SmokeJar jarFor(String name, LoopbackServer server, String suite) {
        SmokeJar jar = SmokeJar.in(name);
        jar.write("runbook.yaml", "environments:\n  staging:\n    endpoints: { api: \"" + server.uri() + "\" }\n");
        jar.write("smoke.yaml", suite);
        return jar;
    }
}
