package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.containers.Containers;
import org.runbookunit.http.Http;
import org.runbookunit.junit.Destructive;
import org.runbookunit.junit.Phase;
import org.runbookunit.junit.Rehearsal;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;
import org.runbookunit.metrics.Metrics;
import org.runbookunit.shell.CommandResult;
import org.runbookunit.shell.Shell;
import org.runbookunit.windows.Windows;

/**
 * Seed 003's Docker stack: the API and scheduler images build from the multi-stage Dockerfile, {@code make
 * staging-stack-up} brings the stack up, schema-init exits 0 before the API starts, and the containers talk over the
 * app and monitoring networks by service name, each network holding only its services. Locally it rehearses against
 * {@link SignalHarvesterContainers} on the real Docker engine: the runbook itself builds and brings the stack up in the
 * deployment folder {@code harvester-stack-home} on host {@code harvester}; the stack takes it down at the end.
 *
 * <p>The isolation checked is by name (a container cannot resolve a service of a network it is not on). Packets are
 * not checked: the engine here runs with {@code --iptables=false}, so it does not firewall one bridge from another.
 */
@Runbook(value = "signal-harvester staging containers", budget = "30m")
@Rehearsal(SignalHarvesterContainers.class)
class SignalHarvesterContainerValidation {

    static final List<String> RUNNING = List.of("db", "signal-harvester", "scheduler", "prometheus");

    @Nested
    @Phase(order = 1, value = "Images and stack")
    class ImagesAndStack {
        @Step(order = 1, value = "API and scheduler images build (multi-stage Dockerfile)")
        @Destructive
        void images(Shell shell, RunbookEnvironment environment) {
            HarvesterDeployment stack = HarvesterDeployment.of(shell, environment);
            List<String> dockerfile = stack.look("grep -E '^(FROM|COPY --from=)' Dockerfile").expectSuccess().outputLines();
            assertThat(dockerfile).as("the Dockerfile's stages").filteredOn(line -> line.startsWith("FROM ")).hasSizeGreaterThan(1);
            assertThat(dockerfile).as("a stage copying from an earlier one").anyMatch(line -> line.startsWith("COPY --from="));
            stack.make("staging-images");
            List<String> images = stack.look("docker image ls --format '{{.Repository}}'").expectSuccess().outputLines()
                    .stream().map(image -> image.replace(stack.project() + "-", stack.project() + "_")).toList(); // compose v2
            assertThat(images).as("images built for compose project " + stack.project())
                    .contains(stack.project() + "_signal-harvester", stack.project() + "_scheduler");
        }

        @Step(order = 2, value = "make staging-stack-up brings the stack up: every service Up (healthy)")
        @Destructive
        void stackUp(Shell shell, RunbookEnvironment environment, Containers containers, Windows windows) {
            HarvesterDeployment stack = HarvesterDeployment.of(shell, environment);
            stack.make("staging-stack-up");
            windows.eventually("every long-running service Up (healthy)", Duration.ofMinutes(10),
                    () -> RUNNING.forEach(service -> containers.expectHealthy(stack.container(service))));
        }

        @Step(order = 3, value = "schema-init exited 0, before the API started, schema version 9")
        void schemaInit(Shell shell, RunbookEnvironment environment) {
            HarvesterDeployment stack = HarvesterDeployment.of(shell, environment);
            String[] init = stack.inspect("schema-init", "{{.State.Status}} {{.State.ExitCode}} {{.State.FinishedAt}}")
                    .split(" ");
            Instant apiStarted = Instant.parse(stack.inspect("signal-harvester", "{{.State.StartedAt}}"));
            assertThat(init[0] + " " + init[1]).as("schema-init's state and exit code").isEqualTo("exited 0");
            assertThat(Instant.parse(init[2])).as("schema-init finished before the API started").isBeforeOrEqualTo(apiStarted);
            assertThat(stack.logs("schema-init", 50)).contains("Connection verified", "Schema initialized (version 9)");
        }
    }

    @Nested
    @Phase(order = 2, value = "Networks")
    class Networks {
        @Step(order = 1, value = "app network: the API reaches PostgreSQL as db, the scheduler reaches the API")
        void app(Http http, Shell shell, RunbookEnvironment environment) {
            HarvesterDeployment stack = HarvesterDeployment.of(shell, environment);
            http.get("harvester-stack-api", "/health/ready")
                    .expectJson("components.find { it.name == 'database' }.status", "healthy")
                    .expectJson("components.find { it.name == 'database' }.message", "PostgreSQL schema version 9");
            assertThat(stack.logs("scheduler", 5)).as("the scheduler's last lines")
                    .contains("pipeline heartbeat: signal-harvester answered 200");
        }

        @Step(order = 2, value = "monitoring network: Prometheus scrapes the API, target up")
        void monitoring(Metrics metrics, Windows windows) {
            windows.eventually("signal-harvester target up", Duration.ofMinutes(10), () -> assertThat(
                    metrics.on("harvester-stack-prometheus").expectTargetsUp("signal-harvester", 1, Duration.ofMinutes(1)))
                    .allSatisfy(target -> assertThat(target.scrapeUrl()).endsWith("/metrics/prometheus")));
        }

        @Step(order = 3, value = "each container on its networks only; none resolves a service of another network")
        void isolation(Shell shell, RunbookEnvironment environment) {
            HarvesterDeployment stack = HarvesterDeployment.of(shell, environment);
            String app = stack.project() + "_app";
            String monitoring = stack.project() + "_monitoring";
            assertThat(stack.networks("db")).as("db's networks").containsExactly(app);
            assertThat(stack.networks("scheduler")).as("the scheduler's networks").containsExactly(app);
            assertThat(stack.networks("signal-harvester")).as("the API's networks").containsExactly(app, monitoring);
            assertThat(stack.networks("prometheus")).as("Prometheus's networks").containsExactly(monitoring);
            stack.exec("prometheus", "getent hosts signal-harvester").expectSuccess();
            unresolved(stack.exec("prometheus", "getent hosts db"), "db from prometheus (monitoring only)");
            unresolved(stack.exec("scheduler", "getent hosts prometheus"), "prometheus from the scheduler (app only)");
        }

        private void unresolved(CommandResult lookup, String what) {
            assertThat(lookup.exitCode()).as(what + ": getent's exit code (2: not found)").isNotZero();
            assertThat(lookup.output()).as(what + ": the address it resolved").isBlank();
        }
    }
}
