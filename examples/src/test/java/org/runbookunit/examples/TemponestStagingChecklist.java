package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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
import org.runbookunit.suites.Suites;
import org.runbookunit.windows.Windows;

/**
 * Seed 004: the temponest v1.8.0 staging checklist, phases numbered as the seed's sections (12, the rollback, is
 * {@code TemponestRollback}; steps needing containers, Grafana or the real server run in staging only). Smoke,
 * integration and E2E are temponest's own pytest suites in the checkout {@code temponest-home}, run by
 * {@code Suites}. Rehearsed by {@code TemponestChecklistTests} against {@link TemponestStack}: the runner is host
 * {@code local}, its {@code .env}, log file and migrations folder come from the environment's properties
 * ({@code env-file}, {@code log-file}, {@code migrations-dir}, {@code backup-dir}, {@code min-free-disk-gb},
 * {@code min-free-memory-gb}, {@code baseline-rps}, {@code compose-project}, {@code temponest-home}).
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

        @Step(order = 3, value = "Old containers and images pruned; v1.8.0 checked out")
        @NotIn("local")
        @Manual("On the staging server run docker system prune -af --volumes, then in /opt/temponest-staging "
                + "git fetch origin && git checkout v1.8.0 && git pull origin v1.8.0; attest the commit checked out")
        void pruneAndCheckout() {
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

        @Step(order = 2, value = "docker compose config shows no errors")
        @NotIn("local")
        @Manual("Run docker compose -f docker-compose.prod.yml config on the staging server: it prints the configuration "
                + "and no error")
        void composeConfig() {
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
    @Phase(order = 4, value = "Build Docker images")
    @NotIn("local")
    class Images {
        @Step(order = 1, value = "All seven service images built with --no-cache and tagged v1.8.0")
        @Manual("Build agents, scheduler, auth, web-ui, approval-ui, ingestion and temporal-workers with docker compose "
                + "-f docker-compose.prod.yml build --no-cache <service>, tag each temponest-staging-<service>:v1.8.0; "
                + "docker images | grep temponest-staging lists all seven")
        void build() {
        }

        @Step(order = 2, value = "Image sizes as expected")
        @Manual("docker images --format \"table {{.Repository}}\\t{{.Size}}\" | grep staging: agents ~400-500MB, "
                + "scheduler and auth ~200-300MB, web-ui ~300-400MB")
        void sizes() {
        }
    }

    @Nested
    @Phase(order = 5, value = "Apply database migrations")
    class Migrations {
        @Step(order = 1, value = "Application services stopped, database kept running")
        @NotIn("local")
        @Manual("docker compose -f docker-compose.prod.yml stop agents scheduler auth web-ui; staging-postgres stays up")
        void stopServices() {
        }

        @Step(order = 2, value = "Migrations 006 and 007 applied to staging; idx_ indexes and v_ views present")
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
        @Step(order = 1, value = "Smoke tests (smoke-tests.sh): all pass")
        void smoke(Suites suites, RunbookEnvironment environment) {
            TemponestSuites.smoke(suites, environment);
        }

        @Step(order = 2, value = "Integration suites of web-ui, agents and auth: 100 % pass")
        void integration(Suites suites, RunbookEnvironment environment) {
            TemponestSuites.integration(suites, environment);
        }

        @Step(order = 3, value = "Load: agents and auth APIs, 50 VUs for 5 minutes, p95 < 500 ms, errors < 1 %, above baseline")
        void load(Load load, RunbookEnvironment environment) {
            double baseline = Double.parseDouble(environment.property("baseline-rps"));
            load.probe("agents api", "agents", "/agents").virtualUsers(50).duration(Duration.ofMinutes(5))
                    .expect(SLO.throughputAtLeast(baseline)).run();
            load.probe("auth api", "auth", "/health").virtualUsers(50).duration(Duration.ofMinutes(5))
                    .expect(SLO.throughputAtLeast(baseline)).run();
        }

        @Step(order = 4, value = "E2E suite: all pass")
        void endToEnd(Suites suites, RunbookEnvironment environment) {
            TemponestSuites.endToEnd(suites, environment);
        }
    }

    @Nested
    @Phase(order = 8, value = "Manual testing: critical flows")
    class ManualFlows {
        @Step(order = 1, value = "Flow 1: register, login, logout in the web UI")
        @Manual("In https://staging.temponest.io register a new user (email, password, confirm): redirected to the "
                + "dashboard; log in with it: JWT received, redirected to the dashboard; profile menu → Logout: on the login page")
        void authentication() {
        }

        @Step(order = 2, value = "Flow 2: agent execution from the Agents page")
        @Manual("On Agents, execute \"Developer\" with \"Create a simple Python function\": task created, status goes "
                + "queued → running → completed within 60 s; the completed execution shows output, logs and cost metrics")
        void agentExecution() {
        }

        @Step(order = 3, value = "Flow 3: dashboard and metrics")
        @Manual("Open the Dashboard: metrics load within 2 s with total cost, token usage and execution count; filter "
                + "Last 7 days → Apply: metrics update, no 500 error; on Costs: cost by agent, model and period")
        void dashboard() {
        }

        @Step(order = 4, value = "Flow 4: scheduled tasks")
        @Manual("On Scheduler → New Schedule create \"Test Hourly Task\" (cron 0 * * * *, agent Developer, task \"Check "
                + "system health\"): listed as Active; Run Now: an execution starts at once")
        void schedules() {
        }

        @Step(order = 5, value = "Flow 5: webhooks")
        @Manual("On Webhooks → New Webhook add a webhook.site URL for agent.execution.completed; complete an agent "
                + "execution: webhook.site shows the delivery with the execution's payload")
        void webhooks() {
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
            containers.expectComposeUp(environment.property("compose-project"))
                    .forEach(container -> containers.expectResourcesWithin(container.name(), 0.50, 0.80));
        }
    }

    @Nested
    @Phase(order = 10, value = "Error monitoring")
    class Errors {
        @Step(order = 1, value = "Application logs of the last 30 minutes: no ERROR or CRITICAL")
        void applicationLogs(Logs logs, RunbookEnvironment environment) {
            logs.file("local", environment.property("log-file")).since(Duration.ofMinutes(30)).expectNo("ERROR|CRITICAL");
        }

        @Step(order = 2, value = "PostgreSQL and Redis logs of the last 30 minutes: no errors")
        @NotIn("local")
        void dataLogs(Logs logs) {
            logs.container("staging-postgres").since(Duration.ofMinutes(30)).expectNo("(?i)error");
            logs.container("staging-redis").since(Duration.ofMinutes(30)).expectNo("(?i)error");
        }

        @Step(order = 3, value = "Grafana Error Rate dashboard: error rate < 1 %")
        @NotIn("local")
        @Manual("Open https://grafana-staging.temponest.io, dashboard \"Error Rate\": the error rate stays below 1 %")
        void grafanaErrorRate() {
        }
    }

    @Nested
    @Phase(order = 11, value = "24-hour stability period")
    class Stability {
        @Step(order = 1, value = "Healthy, fast and error-free for 24 hours, checked every 30 minutes")
        void stable(Http http, Logs logs, Redis redis, Database db, Windows windows, RunbookEnvironment environment) {
            windows.sustain("stable for 24 hours", Duration.ofHours(24), Duration.ofMinutes(30), () -> {
                for (String service : SERVICES) {
                    http.get(service, "/health").expectStatus(200).expectFasterThan(Duration.ofMillis(500));
                }
                http.get("agents", "/scheduler/status").expectStatus(200).expectJson("status", "running");
                redis.expectPingWithin(Duration.ofMillis(100));
                logs.file("local", environment.property("log-file")).since(Duration.ofHours(24)).expectNo("ERROR|CRITICAL");
                assertThat(db.queryLatency("SELECT * FROM v_run_metrics_summary", 5).p95()).isLessThan(Duration.ofMillis(500));
            });
        }

        @Step(order = 2, value = "Day 2: the full test suite again")
        void again(Suites suites, RunbookEnvironment environment) {
            TemponestSuites.full(suites, environment);
        }

        @Step(order = 3, value = "24 h: no container restarted, CPU and memory within limits")
        @NotIn("local")
        void containers(Containers containers, RunbookEnvironment environment) {
            Instant dayAgo = Instant.now().minus(Duration.ofHours(24));
            containers.expectComposeUp(environment.property("compose-project")).forEach(container -> {
                containers.expectNoRestartsSince(container.name(), dayAgo);
                containers.expectResourcesWithin(container.name(), 0.50, 0.80);
            });
        }

        @Step(order = 4, value = "Hours 4-8: critical alerts reviewed")
        @NotIn("local")
        @Manual("Review every critical alert raised in hours 4-8 in Grafana/Alertmanager; attest each was handled")
        void alertsReviewed() {
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
