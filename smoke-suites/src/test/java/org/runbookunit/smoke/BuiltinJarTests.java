package org.runbookunit.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.runbookunit.testing.LoopbackServer;
import org.runbookunit.testing.PostgresServer;

/** Run the ready-made suites inside the jar against real loopback HTTP, HTTPS and PostgreSQL servers. */
class BuiltinJarTests {

    @Test
    void httpHealthCallsEveryEndpointsHealthPath() {
        try (LoopbackServer api = LoopbackServer.start().json("/health", 200, "{\"status\":\"healthy\"}");
                LoopbackServer dashboard = LoopbackServer.start().json("/api/health", 200, "{}")) {
            SmokeJar jar = SmokeJar.in("builtin-http-health");
            jar.write("runbook.yaml", "environments:\n  staging:\n    endpoints:\n      api: \"" + api.uri()
                    + "\"\n      dashboard: \"" + dashboard.uri() + "\"\n      docs: \"http://docs.staging.example\"\n"
                    + "    health-paths: { api: /health, dashboard: /api/health }\n");

            SmokeJar.Result result = jar.run("run", "--env", "staging", "--suite", "builtin:http-health");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("✔ 1.1 api /health answers 200", "✔ 1.2 dashboard /api/health answers 200",
                    "Verdict: GO").doesNotContain("docs");
            assertThat(api.requests()).containsExactly("GET /health");
            assertThat(dashboard.requests()).containsExactly("GET /api/health");
        }
    }

    @Test
    void httpHealthWithoutHealthPathsExits64NamingTheKey() {
        SmokeJar jar = SmokeJar.in("builtin-http-health-unset");
        jar.write("runbook.yaml", "environments:\n  staging:\n    endpoints: { api: \"http://127.0.0.1:9\" }\n");

        SmokeJar.Result result = jar.run("run", "--env", "staging", "--suite", "builtin:http-health");
        SmokeJar.Result unknown = jar.run("run", "--env", "staging", "--suite", "builtin:prometeus");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(64);
        assertThat(result.stderr()).contains("add environments.staging.health-paths: { api: /health }");
        assertThat(unknown.exitCode()).isEqualTo(64);
        assertThat(unknown.stderr()).contains("unknown ready-made suite [builtin:prometeus]", "builtin:tls");
    }

    @Test
    void tlsIsGoForALongLivedCertificateAndNoGoForOneAboutToExpireOrForAnotherHost() throws Exception {
        Path keys = Path.of(System.getProperty("smoke.work", "target/jar-tests"), "keys").toAbsolutePath();
        try (TlsServer good = TlsServer.start(keys, 60, "ip:127.0.0.1");
                TlsServer expiring = TlsServer.start(keys, 3, "ip:127.0.0.1");
                TlsServer otherHost = TlsServer.start(keys, 60, "dns:api.staging.example")) {
            SmokeJar jar = SmokeJar.in("builtin-tls");
            jar.write("runbook.yaml", "environments:\n  good:\n    ignore-https-errors: true\n    endpoints: { api: \""
                    + good.uri() + "\", plain: \"http://127.0.0.1:9\" }\n  bad:\n    ignore-https-errors: true\n"
                    + "    endpoints: { api: \"" + expiring.uri() + "\" }\n  moved:\n    ignore-https-errors: true\n"
                    + "    endpoints: { web: \"" + otherHost.uri() + "\" }\n"
                    + "  strict:\n    endpoints: { api: \"" + good.uri() + "\" }\n");

            SmokeJar.Result goodRun = jar.run("run", "--env", "good", "--suite", "builtin:tls");
            SmokeJar.Result badRun = jar.run("run", "--env", "bad", "--suite", "builtin:tls");
            SmokeJar.Result movedRun = jar.run("run", "--env", "moved", "--suite", "builtin:tls");
            SmokeJar.Result strictRun = jar.run("run", "--env", "strict", "--suite", "builtin:tls");

            assertThat(goodRun.exitCode()).as(goodRun.toString()).isZero();
            assertThat(goodRun.stdout()).contains("✔ 1.1 api certificate valid for at least 14 days", "Verdict: GO")
                    .doesNotContain("plain");
            assertThat(badRun.exitCode()).as(badRun.toString()).isEqualTo(1);
            assertThat(badRun.stdout()).contains("expected the certificate to be valid for at least 14 days", "days left",
                    "Verdict: NO-GO");
            assertThat(movedRun.exitCode()).as(movedRun.toString()).isEqualTo(1);
            assertThat(movedRun.stdout()).contains("expected the certificate to name host [127.0.0.1] but it names "
                    + "[api.staging.example]");
            assertThat(strictRun.exitCode()).as(strictRun.toString()).isEqualTo(1);
            assertThat(strictRun.stdout()).contains("the certificate chain is not trusted");
            assertThat(Files.readString(jar.workDir().resolve("runbook-reports/tls/evidence/1.1-01-tls-certificate-api.txt")))
                    .contains("subject: CN=api.staging.example", "names: [127.0.0.1]");
        }
    }

    @Test
    void postgresConnectsMeasuresAndComparesTheSchemaVersion() {
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.createDatabase("smoke_builtin");
        postgres.execute(database, "CREATE TABLE schema_version (version text)", "INSERT INTO schema_version VALUES ('007')");
        SmokeJar jar = SmokeJar.in("builtin-postgres").env("PG_PASSWORD", PostgresServer.SUPERUSER_PASSWORD);
        String environment = "    database: { url: \"" + postgres.url(database) + "\", user: " + PostgresServer.SUPERUSER
                + ", password: \"${PG_PASSWORD}\" }\n    properties: { schema-version: \"%s\" }\n";
        jar.write("runbook.yaml", "environments:\n  staging:\n" + environment.formatted("007") + "  ahead:\n"
                + environment.formatted("008"));

        SmokeJar.Result result = jar.run("run", "--env", "staging", "--suite", "builtin:postgres");
        SmokeJar.Result ahead = jar.run("run", "--env", "ahead", "--suite", "builtin:postgres");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("✔ 1.1 Database connects within 5 s", "✔ 1.2 SELECT 1 p95 under 250 ms",
                "✔ 1.3 Server version recorded", "✔ 1.4 Schema version is 007", "Verdict: GO")
                .doesNotContain(PostgresServer.SUPERUSER_PASSWORD);
        assertThat(ahead.exitCode()).as(ahead.toString()).isEqualTo(1);
        assertThat(ahead.stdout()).contains("schema version: expected \"008\" but was \"007\"");
    }
}
