package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.runbookunit.Severity;
import org.runbookunit.alerts.Alerts;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.containers.Containers;
import org.runbookunit.dashboard.Dashboard;
import org.runbookunit.db.Database;
import org.runbookunit.grafana.Grafana;
import org.runbookunit.http.Http;
import org.runbookunit.junit.Manual;
import org.runbookunit.junit.NotIn;
import org.runbookunit.junit.Phase;
import org.runbookunit.junit.Rehearsal;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;
import org.runbookunit.load.Load;
import org.runbookunit.load.Thresholds;
import org.runbookunit.metrics.Aggregate;
import org.runbookunit.metrics.Metrics;
import org.runbookunit.metrics.Threshold;
import org.runbookunit.redis.Redis;
import org.runbookunit.shell.CommandResult;
import org.runbookunit.shell.HostShell;
import org.runbookunit.shell.Shell;
import org.runbookunit.windows.Windows;

/**
 * Seed 003: the signal-harvester staging validation, through the system's own monitoring. Locally it rehearses
 * against {@link SignalHarvesterStack} (PostgreSQL made by schema-init, Redis, the API, real Prometheus and Alertmanager
 * behind nginx with TLS and basic auth); in staging it checks the deployed stack. Grafana, the compose services and the
 * hand-written status report are not in the rehearsal: those steps run in staging only, and say so.
 *
 * <p>Phase 8 validates the seed's compose file with its {@code .env.staging} on host {@code harvester} (the environment's
 * {@code harvester-home}) and sends a bounded load probe to the API as a service client (property {@code harvester-api-key}, the env file's
 * {@code HARVEST_API_KEY}, which the API exempts from its rate limit). Out of scope, as the seed itself treats them as done or as plans:
 * generating credentials, the SQLite fallback, the Week 7 work-back table. Building the images, {@code make
 * staging-stack-up} and the container networks are {@link SignalHarvesterContainerValidation}'s, on the Docker engine.
 */
@Runbook(value = "signal-harvester staging validation", budget = "1h")
@Rehearsal(SignalHarvesterStack.class)
class SignalHarvesterStagingValidation {

    static final String API = "harvester-api";
    static final String[] TABLES = {"accounts", "artifact_classifications", "artifact_relationships", "artifact_topics",
        "artifacts", "cursors", "discovery_labels", "entities", "experiment_runs", "experiments", "performance_metrics",
        "schema_version", "scores", "snapshots", "topic_clusters", "topic_evolution", "topic_similarity", "topics",
        "tweets"};
    static final String[] COMPOSE_SERVICES = {"db", "redis", "schema-init", "signal-harvester", "scheduler", "prometheus",
        "alertmanager", "grafana", "node-exporter", "caddy"};

    @Nested
    @Phase(order = 1, value = "PostgreSQL schema")
    class Schema {
        @Step(order = 1, value = "Connected to PostgreSQL 15")
        void connected(Database db) {
            db.expectConnectsWithin(Duration.ofSeconds(5));
            assertThat(db.query("SELECT current_setting('server_version_num')::int / 10000 AS major").single()
                    .number("major")).isEqualTo(15);
        }

        @Step(order = 2, value = "schema-init ran: schema initialized (version 9)")
        void version(Database db) {
            assertThat(db.schemaVersion().value()).isEqualTo("9");
        }

        @Step(order = 3, value = "Found 19 tables")
        void tables(Database db) {
            assertThat(db.expectTables(TABLES)).hasSize(19);
        }
    }

    @Nested
    @Phase(order = 2, value = "API health")
    class ApiHealth {
        @Step(order = 1, value = "/health/ready is healthy on PostgreSQL and Redis")
        void ready(Http http) {
            http.get(API, "/health/ready").expectStatus(200).expectJson("status", "healthy")
                    .expectJson("components.name", hasItems("database", "redis"))
                    .expectJson("components.status", everyItem(equalTo("healthy")));
        }

        @Step(order = 2, value = "/health/live: application process is running")
        void live(Http http) {
            http.get(API, "/health/live").expectStatus(200).expectJson("components[0].message", "Application process is running");
        }

        @Step(order = 3, value = "/health/startup lists database, redis, disk_space and memory")
        void startup(Http http) {
            http.get(API, "/health/startup").expectStatus(200)
                    .expectJson("components.name", hasItems("database", "redis", "disk_space", "memory"));
        }

        @Step(order = 4, value = "Rate-limit headers: limit 100, remaining, reset")
        void rateLimit(Http http) {
            http.get(API, "/health/live").expectStatus(200).expectHeader("X-RateLimit-Limit", "100")
                    .expectHeader("X-RateLimit-Remaining", matchesPattern("\\d+"))
                    .expectHeader("X-RateLimit-Reset", matchesPattern("\\d{10}"));
        }

        @Step(order = 5, value = "/metrics/prometheus exposes the API's metrics")
        void exposition(Http http) {
            http.get(API, "/metrics/prometheus").expectStatus(200).expectBodyContains("# TYPE http_requests_total counter")
                    .expectBodyContains("harvest_pipeline_heartbeats_total");
        }
    }

// tag::runbook[]
    @Nested
    @Phase(order = 3, value = "Monitoring over TLS and basic auth")
    class Monitoring {
        @Step(order = 1, value = "Prometheus and Alertmanager healthy behind TLS and basic auth")
        void healthy(Http http) {
            http.get("prometheus", "/-/healthy").expectStatus(200).expectBodyContains("Prometheus Server is Healthy.");
            http.get("alertmanager", "/-/healthy").expectStatus(200).expectBodyContains("OK");
            http.withBasicAuth("metrics", "not-the-password").get("prometheus", "/-/healthy").expectStatus(401);
        }

        @Step(order = 2, value = "Prometheus scrapes the API at /metrics/prometheus: target up")
        void scraped(Metrics metrics, Windows windows) {
            windows.eventually("signal-harvester target up", Duration.ofMinutes(10),
                    () -> assertThat(metrics.expectTargetsUp("signal-harvester", 1, Duration.ofMinutes(1)))
                            .allSatisfy(target -> assertThat(target.scrapeUrl()).endsWith("/metrics/prometheus")));
        }

        @Step(order = 3, value = "Alert rules loaded, none firing in Prometheus")
        void rules(Metrics metrics) {
            metrics.expectRuleLoaded("SignalHarvesterDown");
            metrics.expectRuleLoaded("HighErrorRate");
            metrics.expectNoAlertsFiring();
        }

        @Step(order = 4, value = "Alertmanager cluster ready, configuration loaded, no firing alerts")
        void alertmanager(Alerts alerts) {
            alerts.expectClusterReady().expectConfigLoaded("ops").expectNoneFiring();
        }

        @Step(order = 5, value = "Node Exporter running, metrics exposed and scraped")
        void nodeExporter(Http http, Metrics metrics, Windows windows) {
            http.get("node-exporter", "/metrics").expectStatus(200).expectBodyContains("node_memory_MemAvailable_bytes");
            windows.eventually("node target up", Duration.ofMinutes(10),
                    () -> metrics.expectTargetsUp("node", 1, Duration.ofMinutes(1)));
            metrics.expectQuery("node_memory_MemAvailable_bytes", Threshold.above(0));
            metrics.expectQuery("count(node_cpu_seconds_total{mode=\"idle\"})", Threshold.above(0));
        }
    }

    @Nested
    @Phase(order = 4, value = "Redis")
    class Cache {
        @Step(order = 1, value = "Redis 7 answers within 50 ms, memory < 80 % of maxmemory")
        void healthy(Redis redis) {
            assertThat(redis.info("server").get("redis_version")).as("Redis server version").startsWith("7.");
            redis.expectPingWithin(Duration.ofMillis(50));
            redis.expectMemoryBelow(0.80);
        }

        @Step(order = 2, value = "Cache hit rate > 60 %", severity = Severity.MAJOR)
        void hitRate(Redis redis) {
            redis.expectHitRateAbove(0.60);
        }
    }

// end::runbook[]
    @Nested
    @Phase(order = 5, value = "Grafana and containers")
    @NotIn("local")
    class GrafanaAndContainers {
        @Step(order = 1, value = "Grafana healthy: database ok, version 10.1")
        void grafana(Grafana grafana) {
            grafana.expectHealthy("10.1");
        }

        @Step(order = 2, value = "API Performance and Discovery Pipeline dashboards, screenshots kept")
        void dashboards(Grafana grafana, Dashboard dashboard) {
            grafana.expectDashboard("api-performance", "API Performance").screenshot(dashboard, "api-performance");
            grafana.expectDashboard("discovery-pipeline", "Discovery Pipeline").screenshot(dashboard, "discovery-pipeline");
        }

        @Step(order = 3, value = "docker compose ps: every service Up (healthy), no container restarting")
        void compose(Containers containers, RunbookEnvironment environment) {
            containers.expectComposeUp(environment.property("compose-project"));
        }
    }

    @Nested
    @Phase(order = 6, value = "Stability")
    class Stability {
        @Step(order = 1, value = "API and scheduler Up (healthy) for at least 30 minutes")
        void stable(Http http, Metrics metrics, Windows windows) {
            windows.sustain("healthy for 30 minutes", Duration.ofMinutes(30), Duration.ofMinutes(1), () -> {
                http.get(API, "/health/ready").expectStatus(200).expectJson("status", "healthy")
                        .expectFasterThan(Duration.ofSeconds(2));
                metrics.expectQuery("up{job=\"signal-harvester\"}", Threshold.equalTo(1));
                metrics.expectQuery("increase(harvest_pipeline_heartbeats_total[10s])", Threshold.above(0));
            });
        }

        @Step(order = 2, value = "No alert firing after the window")
        void quiet(Alerts alerts, Metrics metrics) {
            alerts.expectNoneFiring();
            metrics.expectQuery("sum(ALERTS{alertstate=\"firing\"}) or vector(0)", Threshold.equalTo(0));
        }

        @Step(order = 3, value = "Error rate < 1 % over 24 h", severity = Severity.MAJOR)
        void errorRate(Metrics metrics) {
            metrics.expectRange(MonitoringFiles.ERROR_RATIO, Duration.ofHours(24), Aggregate.MAX, Threshold.below(0.01));
        }
    }

    @Nested
    @Phase(order = 7, value = "Evidence and sign-off")
    @NotIn("local")
    class SignOff {
        @Step(order = 1, value = "Grafana screenshots pasted into the status report")
        @Manual("Paste the API Performance and Discovery Pipeline screenshots (this report's evidence/) into "
                + "docs/STAGING_VALIDATION_SUMMARY.md and the Week 7 status report")
        void screenshots() {
        }

        @Step(order = 2, value = "Rollback plan to SQLite (< 10 min RTO) in the runbook")
        @Manual("Check docs/STAGING_DEPLOYMENT_RUNBOOK.md holds the rollback to the SQLite DATABASE_URL, timed under 10 minutes")
        void rollbackPlan() {
        }
    }

    @Nested
    @Phase(order = 8, value = "Stack definition and performance")
    class StackAndPerformance {
        @Step(order = 1, value = "docker-compose.staging.yml validates with .env.staging: every service, no unset variable")
        void composeConfig(Shell shell, RunbookEnvironment environment) {
            HostShell host = shell.on("harvester").readOnly();
            String home = environment.property("harvester-home");
            String compose = "cd '" + home + "' && $(command -v docker-compose || echo docker compose) "
                    + "--env-file .env.staging -f docker-compose.staging.yml config";
            CommandResult quiet = host.run(compose + " -q").expectSuccess();
            assertThat(quiet.stderr()).as("compose's warnings: a variable .env.staging does not set")
                    .doesNotContainIgnoringCase("variable is not set");
            assertThat(host.run(compose + " --services").expectSuccess().outputLines()).contains(COMPOSE_SERVICES);
        }

        @Step(order = 2, value = "Performance test: /api/artifacts/top, 20 VUs for 5 minutes, p95 < 500 ms, errors < 1 %")
        void performance(Load load, RunbookEnvironment environment) {
            String key = environment.property("harvester-api-key");
            assertThat(key).as("property harvester-api-key (export HARVEST_API_KEY, the service key of .env.staging)")
                    .isNotBlank();
            load.probe("harvester api", API, "/api/artifacts/top").header("X-API-Key", key).virtualUsers(20)
                    .duration(Duration.ofMinutes(5)).maxRequests(50_000)
                    .expect(Thresholds.none().p95Below(Duration.ofMillis(500)).errorRateBelow(0.01)).run();
        }
    }
}
