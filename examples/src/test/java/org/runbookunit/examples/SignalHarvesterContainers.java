package org.runbookunit.examples;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.runbookunit.rehearsal.ComposeService;
import org.runbookunit.rehearsal.Docker;
import org.runbookunit.rehearsal.RehearsalService;
import org.runbookunit.rehearsal.RehearsalStack;
import org.runbookunit.testing.Daemon;

/**
 * Seed 003's container stack on the real Docker engine, for {@link SignalHarvesterContainerValidation}: host
 * {@code harvester} is this machine ({@code local: true}) holding the deployment folder (by default
 * {@code target/signal-harvester-stack}, runbook.yaml's {@code harvester-stack-home}) that {@link HarvesterComposeProject}
 * lays out; the runbook builds the images and brings the stack up itself with {@code make}, as the seed's operator
 * does, and the stack takes it down at the end. Without a Docker engine, a compose binary, make or Prometheus the
 * runbook is skipped on a laptop and fails with {@code CI=true}.
 */
public class SignalHarvesterContainers extends RehearsalStack {

    private final Path folder;
    private HarvesterComposeProject project;

    /** Lay the deployment out in {@code target/signal-harvester-stack}. */
    public SignalHarvesterContainers() {
        this(Path.of("target", "signal-harvester-stack"));
    }

    /** Lay the deployment out in another folder, e.g. a test's own copy to break on purpose. */
    public SignalHarvesterContainers(Path folder) {
        this.folder = folder;
    }

    /** Return the deployment folder, once the stack started. */
    public Path folder() {
        return project.folder();
    }

    /** Return the compose project name its .env.staging sets, once the stack started. */
    public String project() {
        return project.project();
    }

    @Override
    protected List<RehearsalService> services() {
        requireDockerAndCompose();
        Daemon.require("/usr/bin/make", "make");
        project = new HarvesterComposeProject(folder, Daemon.require("/usr/bin/prometheus", "prometheus"));
        return List.of(project, new RunnerHost("harvester"));
    }

    private static void requireDockerAndCompose() {
        boolean engine = Docker.available();
        if (engine && ComposeService.available()) {
            return;
        }
        String missing = engine ? "no compose binary (docker compose or docker-compose)" : "no Docker engine answers";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("Docker-backed test cannot run: " + missing + " in CI; .ci/run must start "
                    + "one with scripts/airgap-docker.sh and install docker-compose");
        }
        Assumptions.abort("Docker-backed test skipped: " + missing + " (start one with scripts/airgap-docker.sh)");
    }
}
