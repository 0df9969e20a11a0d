package org.runbookunit.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.runbookunit.testing.LoopbackServer;

/** Run a compiled {@code @Runbook} class from a runbook jar through the built jar's JUnit Platform Launcher. */
class ClassPathJarTests {

    private static final String RUNBOOK = """
            package com.acme.runbooks;

            import java.time.Duration;
            import org.junit.jupiter.api.Nested;
            import org.runbookunit.Severity;
            import org.runbookunit.http.Http;
            import org.runbookunit.junit.Manual;
            import org.runbookunit.junit.Phase;
            import org.runbookunit.junit.Runbook;
            import org.runbookunit.junit.Step;

            @Runbook("acme cutover")
            class CutoverRunbook {

                @Nested
                @Phase(order = 1, value = "Health")
                class Health {
                    @Step(order = 1, value = "API healthy")
                    void health(Http http) {
                        http.get("api", "/health").expectStatus(200).expectJson("status", "healthy")
                                .expectFasterThan(Duration.ofSeconds(5));
                    }

                    @Step(order = 2, value = "Errors endpoint answers", severity = Severity.MINOR)
                    void errors(Http http) {
                        http.get("api", "/monitoring/errors").expectStatus(200);
                    }
                }

                @Nested
                @Phase(order = 2, value = "Cutover")
                class Cutover {
                    @Step(order = 1, value = "Power off the old droplet")
                    @Manual("Power off the old droplet in the console; do NOT destroy it")
                    void powerOff() {
                    }
                }
            }
            """;

    @Test
    void aCompiledRunbookRunsAsUnderSurefireWithItsVerdictAsExitCode() throws IOException {
        AtomicBoolean healthy = new AtomicBoolean(true);
        try (LoopbackServer server = LoopbackServer.start().route("/health", exchange -> LoopbackServer.respond(exchange,
                healthy.get() ? 200 : 503, "application/json", (healthy.get() ? "{\"status\":\"healthy\"}"
                        : "{\"status\":\"down\"}").getBytes(StandardCharsets.UTF_8))).json("/monitoring/errors", 500, "{}")) {
            SmokeJar jar = SuiteJarTests.jarFor("class-path", server, "unused: true\n");
            Path runbooks = RunbookJars.build(jar, "com/acme/runbooks/CutoverRunbook.java", RUNBOOK);

            SmokeJar.Result pending = jar.run("run", "--env", "staging", "--class-path", runbooks.toString(),
                    "--select-class", "com.acme.runbooks.CutoverRunbook");
            SmokeJar.Result attested = jar.run("run", "--env", "staging", "--class-path", runbooks.toString(),
                    "--select-package", "com.acme.runbooks", "-Drunbook.attest.acme-cutover.2.1=Jane Doe: powered off");
            healthy.set(false);
            SmokeJar.Result down = jar.run("run", "--env", "staging", "--class-path", runbooks.toString(),
                    "--select-class", "com.acme.runbooks.CutoverRunbook", "-Drunbook.attest.acme-cutover.2.1=Jane Doe: powered off");

            assertThat(pending.exitCode()).as(pending.toString()).isEqualTo(2);
            assertThat(pending.stdout()).contains("▶ Runbook: acme cutover", "✔ 1.1 API healthy",
                    "⚠ 1.2 Errors endpoint answers", "⏸ 2.1 Power off the old droplet", "Verdict: HOLD");
            assertThat(attested.exitCode()).as(attested.toString()).isZero();
            assertThat(attested.stdout()).contains("Verdict: GO");
            assertThat(down.exitCode()).as(down.toString()).isEqualTo(1);
            assertThat(down.stdout()).contains("✘ 1.1 API healthy", "Verdict: NO-GO");
            assertThat(Files.readString(jar.workDir().resolve("runbook-reports/acme-cutover/report.json")))
                    .contains("\"verdict\" : \"NO-GO\"");
            assertThat(jar.workDir().resolve("runbook-reports/TEST-junit-jupiter.xml")).isRegularFile();
        }
    }

    @Test
    void aCheckKindFromAJarOnTheClassPathIsUsableInASuite() throws IOException {
        try (LoopbackServer server = LoopbackServer.start().json("/version", 200, "{\"version\":\"1.8.0\"}")) {
            SmokeJar jar = SuiteJarTests.jarFor("custom-kind", server, """
                    suite: custom kind
                    steps:
                      - title: Deployed version is 1.8.0
                        checks:
                          - deployed-version: { endpoint: api, expected: 1.8.0 }
                    """);
            Path extension = RunbookJars.build(jar, "com/acme/smoke/VersionKind.java", """
                    package com.acme.smoke;

                    import com.fasterxml.jackson.annotation.JsonProperty;
                    import org.runbookunit.http.Http;
                    import org.runbookunit.smoke.spi.CheckKind;
                    import org.runbookunit.smoke.spi.SmokeCheck;
                    import org.runbookunit.spi.StepContext;

                    public final class VersionKind implements CheckKind<VersionKind.VersionCheck> {
                        public String name() { return "deployed-version"; }
                        public Class<VersionCheck> spec() { return VersionCheck.class; }

                        public static final class VersionCheck implements SmokeCheck {
                            @JsonProperty("endpoint") String endpoint;
                            @JsonProperty("expected") String expected;
                            public String describe() { return "version of " + endpoint + " is " + expected; }
                            public void run(StepContext context) {
                                context.facade(Http.class).get(endpoint, "/version").expectStatus(200)
                                        .expectJson("version", expected);
                            }
                        }
                    }
                    """, "META-INF/services/org.runbookunit.smoke.spi.CheckKind", "com.acme.smoke.VersionKind\n");

            SmokeJar.Result result = jar.run("run", "--env", "staging", "--class-path", extension.toString(), "--suite",
                    "smoke.yaml");
            SmokeJar.Result without = jar.run("run", "--env", "staging", "--suite", "smoke.yaml");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("✔ 1 Deployed version is 1.8.0", "Verdict: GO");
            assertThat(without.exitCode()).isEqualTo(64);
            assertThat(without.stderr()).contains("unknown key [deployed-version]");
        }
    }

    @Test
    void planOfACompiledRunbookContactsNothingAndAMissingClassExits64() throws IOException {
        try (LoopbackServer server = LoopbackServer.start().route("/", exchange -> {
            throw new AssertionError("plan mode contacted " + exchange.getRequestURI());
        })) {
            SmokeJar jar = SuiteJarTests.jarFor("class-path-plan", server, "unused: true\n");
            Path runbooks = RunbookJars.build(jar, "com/acme/runbooks/CutoverRunbook.java", RUNBOOK);

            SmokeJar.Result plan = jar.run("plan", "--env", "staging", "--class-path", runbooks.toString(),
                    "--select-class", "com.acme.runbooks.CutoverRunbook");
            SmokeJar.Result missing = jar.run("run", "--env", "staging", "--class-path", runbooks.toString(),
                    "--select-class", "com.acme.runbooks.NoSuchRunbook");

            assertThat(plan.exitCode()).as(plan.toString()).isZero();
            assertThat(plan.stdout()).contains("▶ Plan: acme cutover", "▷ 1.1 API healthy — would run",
                    "✋ 2.1 Power off the old droplet — manual");
            assertThat(server.requests()).isEmpty();
            assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(64);
            assertThat(missing.stderr()).contains("com.acme.runbooks.NoSuchRunbook");
        }
    }
}
