package org.runbookunit.examples.hosts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rehearse air-demand's git repository for one droplet: a bare {@code origin}, the droplet's checkout
 * ({@code air-demand/}) and the workstation's clone, where seed 001's CORS change can be committed but not yet pushed
 * ("Code changes committed locally, ready to push"). The release holds {@code config/app.properties} (the CORS
 * allowed origins the API reads at start) and {@code scripts/deploy.sh}.
 */
final class AirDemandRepository {

    static final String OLD_ORIGIN = "http://old-prod.airdemand.example:3000";
    static final String NEW_ORIGIN = "http://app.airdemand.example:3000";
    private static final String COMMIT = "git -c user.name='Rich Roberts' -c user.email=rich@airdemand.example commit -q -m ";
    private static final String DEPLOY = """
            #!/bin/sh
            # Deploy air-demand on this droplet: fetch the release, restart the API and the scheduler, check them.
            set -eu
            cd "$(dirname "$0")/.."
            git pull --ff-only -q
            systemctl restart air-demand-api air-demand-scheduler
            systemctl is-active air-demand-api air-demand-scheduler > /dev/null
            echo "deployed $(git rev-parse --short HEAD)"
            """;

    private final Path origin;
    private final Path workstation;

    AirDemandRepository(Path folder) {
        this.origin = folder.toAbsolutePath().resolve("origin/air-demand.git");
        this.workstation = folder.toAbsolutePath().resolve("workstation/air-demand");
    }

    /** Create {@code origin} with the first release, from the workstation, and clone it to the droplet's checkout. */
    void create(Path checkout) throws IOException, InterruptedException {
        Files.createDirectories(origin);
        git(origin, "git init -q --bare -b main .");
        Files.createDirectories(workstation.getParent());
        git(workstation.getParent(), "git clone -q '" + origin + "' air-demand 2>/dev/null");
        Files.createDirectories(workstation.resolve("config"));
        Files.writeString(workstation.resolve("config/app.properties"), "# CORS: the dashboards allowed to call the API\n"
                + "allowed_origins=http://localhost:3000," + OLD_ORIGIN + "\n");
        HostScripts.script(workstation.resolve("scripts/deploy.sh"), DEPLOY);
        Files.writeString(workstation.resolve(".gitignore"), ".env\nstate/\ndata/\noutbox/\nscripts/monitor_health.sh\n"
                + "scripts/check_health.sh\n");
        git(workstation, "git add -A && " + COMMIT + "'air-demand 0.9.0' && git push -q origin HEAD:main");
        git(checkout.getParent(), "git clone -q '" + origin + "' '" + checkout.getFileName() + "'");
    }

    /** Commit seed 001's CORS change on the workstation (the old production origin out, the new one in), unpushed. */
    void commitCorsChange() throws IOException, InterruptedException {
        Path config = workstation.resolve("config/app.properties");
        Files.writeString(config, Files.readString(config).replace(OLD_ORIGIN, NEW_ORIGIN));
        git(workstation, "git add -A && " + COMMIT + "'chore: update production IP for M11 cutover'");
    }

    /** Point the droplet's checkout at a copy of origin taken now, so later pushes never reach its pulls. */
    void pullFromStaleMirror(Path checkout) throws IOException, InterruptedException {
        Path mirror = origin.resolveSibling("stale-mirror.git");
        git(origin.getParent(), "git clone -q --bare '" + origin + "' '" + mirror + "'");
        git(checkout, "git remote set-url origin '" + mirror + "'");
    }

    Path workstation() {
        return workstation;
    }

    private static void git(Path folder, String command) throws IOException, InterruptedException {
        HostScripts.run(folder, command);
    }
}
