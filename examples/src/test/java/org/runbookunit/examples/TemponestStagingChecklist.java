package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.runbookunit.Severity;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.containers.Containers;
import org.runbookunit.db.Database;
import org.runbookunit.db.Postgres;
import org.runbookunit.http.Http;
import org.runbookunit.junit.Manual;
import org.runbookunit.junit.NotIn;
import org.runbookunit.junit.Phase;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;
import org.runbookunit.load.Load;
import org.runbookunit.load.Thresholds;
import org.runbookunit.logs.Logs;
import org.runbookunit.redis.Redis;
import org.runbookunit.shell.Shell;
import org.runbookunit.windows.Windows;

/**
 * Seed 004: the temponest v1.8.0 staging checklist, phases numbered as the seed's sections (4, 8 and 12 have no
 * step here; see docs/seeds.md). Rehearsed by {@code TemponestChecklistTests} against {@link TemponestStack}: the
 * runner is host {@code local}, its {@code .env}, log file and migrations folder come from the environment's
 * properties ({@code env-file}, {@code log-file}, {@code migrations-dir}, {@code backup-dir}, {@code min-free-disk-gb},
 * {@code min-free-memory-gb}, {@code baseline-rps}, {@code compose-project}).
 */
@Runbook(value = "temponest staging checklist", budget = "48h")
class TemponestStagingChecklist {

    static final String[] SERVICES = {"agents", "auth", "web-ui"};
    static final Thresholds SLO = Thresholds.none().p95Below(Duration.ofMillis(500)).errorRateBelow(0.01);

    @Nested
    @Phase(order = 1, value = "Environment preparation")
    class Environment {
        @Step(order = 1, value = "Disk and memory free on the staging host")
        void resources(Shell shell, RunbookEnvironment environment) {
            shell.on("local").checks().freeDiskAtLeast("/", gigabytes(environment, "min-free-disk-gb"))
                    .freeMemoryAtLeast(gigabytes(environment, "min-free-memory-gb"));
        }

        @Step(order = 2, value = "Staging database backed up and proven restorable")
        void backup(Postgres postgres, RunbookEnvironment environment) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss_SSS"));
            var backup = postgres.backup(Path.of(environment.property("backup-dir"), "staging_" + stamp + ".dump"));
            assertThat(postgres.verifyBackup(backup).restoredRowCounts()).containsKey("public.agent_runs");
        }
    }

    @Nested
    @Phase(order = 2, value = "Configuration validation")
    class Configuration {
        @Step(order = 1, value = ".env holds DATABASE_URL, REDIS_URL, OLLAMA_URL, AUTH_SERVICE_URL and the secrets")
        void env(Shell shell, RunbookEnvironment environment) {
            shell.on("local").checks().readEnv(environment.property("env-file"), "DATABASE_URL", "REDIS_URL",
                    "OLLAMA_URL", "AUTH_SERVICE_URL", "JWT_SECRET", "DB_PASSWORD", "API_KEYS");
        }
    }

    @Nested
    @Phase(order = 3, value = "Database preparation")
    class Preparation {
        @Step(order = 1, value = "Migrations 006 and 007 ready")
        void ready(RunbookEnvironment environment) {
            assertThat(migrations(environment)).isDirectoryContaining("glob:**/006_composite_indexes.sql")
                    .isDirectoryContaining("glob:**/007_metrics_views.sql");
        }

        @Step(order = 2, value = "Migrations apply on a template copy of staging; indexes and views created")
        void rehearse(Postgres postgres, RunbookEnvironment environment) {
            Database copy = postgres.copyForRehearsal(); // CREATE DATABASE … TEMPLATE; dropped after the step
            assertThat(copy.applyMigrations(migrations(environment), "00[67]_*.sql")).hasSize(2);
            copy.expectIndexes("idx_%");
            copy.expectViews("v_%");
            assertThat(copy.query("SELECT * FROM v_run_metrics_summary LIMIT 5")).isNotEmpty();
        }
    }

    @Nested
    @Phase(order = 5, value = "Apply database migrations")
    class Migrations {
        @Step(order = 1, value = "Migrations 006 and 007 applied to staging; idx_ indexes and v_ views present")
        void apply(Database db, RunbookEnvironment environment) {
            assertThat(db.applyMigrations(migrations(environment), "00[67]_*.sql")).hasSize(2);
            db.expectTables("users", "agents", "agent_runs", "schedules", "webhooks");
            db.expectIndexes("idx_agent_runs_%");
            assertThat(db.expectViews("v_%")).contains("v_run_metrics_summary", "v_failed_runs");
            assertThat(db.query("SELECT * FROM v_run_metrics_summary LIMIT 5")).isNotEmpty();
        }
    }

    @Nested
    @Phase(order = 6, value = "Deploy services")
    class Deploy {
        @Step(order = 1, value = "All services healthy within 300 s")
        void healthy(Http http, Windows windows) {
            windows.eventually("all services healthy", Duration.ofSeconds(300), () -> {
                for (String service : SERVICES) {
                    http.get(service, "/health").expectStatus(200).expectJson("status", "healthy");
                }
            });
        }

        @Step(order = 2, value = "Startup logs: application, database and Redis up, no ERROR or CRITICAL")
        void startupLogs(Logs logs, RunbookEnvironment environment) {
            var log = logs.file("local", environment.property("log-file"));
            log.expectLine("Application startup complete", Duration.ofSeconds(30));
            log.expectLine("Database connection successful", Duration.ofSeconds(1));
            log.expectLine("Redis connected", Duration.ofSeconds(1));
            log.expectNo("ERROR|CRITICAL");
        }
    }

    @Nested
    @Phase(order = 7, value = "Automated testing")
    class Automated {
        @Step(order = 1, value = "Smoke: register, login (token), agent execution, logout")
        void smoke(Http http) {
            String email = "smoke-" + UUID.randomUUID() + "@temponest.example";
            Map<String, String> user = Map.of("email", email, "password", "s3cret-smoke", "confirm_password", "s3cret-smoke");
            http.post("auth", "/auth/register", user).expectStatus(201).expectJson("redirect", "/dashboard");
            String token = http.post("auth", "/auth/login", user).expectStatus(200).expectJson("redirect", "/dashboard")
                    .json("token");
            Http session = http.withBearerToken(token);
            session.post("agents", "/agents/execute", Map.of("agent", "Developer", "task", "Create a simple Python function"))
                    .expectStatus(201).expectJson("status", "completed").expectJson("tokens", greaterThanOrEqualTo(1));
            session.post("auth", "/auth/logout").expectStatus(200).expectJson("redirect", "/login");
            session.post("agents", "/agents/execute", Map.of("agent", "Developer", "task", "after logout")).expectStatus(401);
        }

        @Step(order = 2, value = "Integration: scheduler lists an active schedule; a webhook is delivered on completion")
        void integration(Http http, RunbookEnvironment environment) {
            http.post("agents", "/scheduler/schedules", Map.of("name", "Test Hourly Task", "cron", "0 * * * *",
                    "agent", "Developer", "task", "Check system health")).expectStatus(201);
            http.get("agents", "/scheduler/status").expectStatus(200).expectJson("status", "running")
                    .expectJson("active", greaterThanOrEqualTo(1));
            http.post("agents", "/webhooks", Map.of("url", environment.endpoint("agents") + "/webhooks/sink",
                    "event", "agent.execution.completed")).expectStatus(201);
            Map<String, String> user = Map.of("email", "hook-" + UUID.randomUUID() + "@temponest.example",
                    "password", "hook-pw", "confirm_password", "hook-pw");
            http.post("auth", "/auth/register", user).expectStatus(201);
            String token = http.post("auth", "/auth/login", user).expectStatus(200).json("token");
            int run = http.withBearerToken(token).post("agents", "/agents/execute", Map.of("agent", "Reviewer",
                    "task", "Review the webhook")).expectStatus(201).json("id");
            http.get("agents", "/webhooks/sink").expectStatus(200).expectJson("received.run", hasItem(run))
                    .expectJson("received.event", hasItem("agent.execution.completed"));
        }

        @Step(order = 3, value = "Load: agents and auth APIs, 50 VUs for 5 minutes, p95 < 500 ms, errors < 1 %, above baseline")
        void load(Load load, RunbookEnvironment environment) {
            double baseline = Double.parseDouble(environment.property("baseline-rps"));
            load.probe("agents api", "agents", "/agents").virtualUsers(50).duration(Duration.ofMinutes(5))
                    .expect(SLO.throughputAtLeast(baseline)).run();
            load.probe("auth api", "auth", "/health").virtualUsers(50).duration(Duration.ofMinutes(5))
                    .expect(SLO.throughputAtLeast(baseline)).run();
        }
    }

    @Nested
    @Phase(order = 9, value = "Performance validation")
    class Performance {
        @Step(order = 1, value = "API response times < 500 ms")
        void responseTimes(Http http) {
            http.get("web-ui", "/health").expectStatus(200).expectFasterThan(Duration.ofMillis(500));
            http.get("agents", "/scheduler/status").expectStatus(200).expectFasterThan(Duration.ofMillis(500));
            http.get("agents", "/agents").expectStatus(200).expectFasterThan(Duration.ofMillis(500));
        }

        @Step(order = 2, value = "No query slower than 500 ms mean (pg_stat_statements)", severity = Severity.MAJOR)
        void slowQueries(Database db) {
            assertThat(db.slowQueries(Duration.ofMillis(500))).isEmpty();
        }

        @Step(order = 3, value = "Redis cache hit rate > 60 % after warming", severity = Severity.MAJOR)
        void hitRate(Redis redis) {
            redis.expectPingWithin(Duration.ofMillis(100));
            redis.expectHitRateAbove(0.60);
        }

        @Step(order = 4, value = "docker stats: containers within CPU and memory limits, none restarting")
        @NotIn("local")
        void containers(Containers containers, RunbookEnvironment environment) {
            containers.expectComposeUp(environment.property("compose-project"));
        }
    }

    @Nested
    @Phase(order = 10, value = "Error monitoring")
    class Errors {
        @Step(order = 1, value = "Application logs of the last 30 minutes: no ERROR or CRITICAL")
        void applicationLogs(Logs logs, RunbookEnvironment environment) {
            logs.file("local", environment.property("log-file")).since(Duration.ofMinutes(30)).expectNo("ERROR|CRITICAL");
        }
    }

    @Nested
    @Phase(order = 11, value = "24-hour stability period")
    class Stability {
        @Step(order = 1, value = "Healthy, fast and error-free for 24 hours, checked every hour")
        void stable(Http http, Logs logs, Redis redis, Windows windows, RunbookEnvironment environment) {
            windows.sustain("stable for 24 hours", Duration.ofHours(24), Duration.ofHours(1), () -> {
                for (String service : SERVICES) {
                    http.get(service, "/health").expectStatus(200).expectFasterThan(Duration.ofMillis(500));
                }
                http.get("agents", "/scheduler/status").expectStatus(200).expectJson("status", "running");
                redis.expectPingWithin(Duration.ofMillis(100));
                logs.file("local", environment.property("log-file")).since(Duration.ofHours(24)).expectNo("ERROR|CRITICAL");
            });
        }
    }

    @Nested
    @Phase(order = 13, value = "Sign-off")
    class SignOff {
        @Step(order = 1, value = "Staging validation approved for production")
        @Manual(value = "Review this report (all automated steps, the manual flows of section 8, performance against the "
                + "baseline, no critical issue, 24-hour stability) and record GO or NO-GO with the reason",
                approvers = {"Tech Lead", "QA Lead", "DevOps"})
        void approved() {
        }
    }

    private static Path migrations(RunbookEnvironment environment) {
        return Path.of(environment.property("migrations-dir"));
    }

    private static long gigabytes(RunbookEnvironment environment, String property) {
        return (long) (Double.parseDouble(environment.property(property)) * (1L << 30));
    }
}
