package org.runbookunit.examples.hosts;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.runbookunit.rehearsal.RehearsalService;
import org.runbookunit.rehearsal.RehearsalStack;
import org.runbookunit.rehearsal.SshHostService;

/**
 * Seeds 000 and 001's two droplets: {@code app} (the validated staging droplet, to become production: API on
 * endpoint {@code api}) and {@code old-prod} (the old production droplet, still running the old services until the
 * cutover stops them: API on endpoint {@code old-api}). Each is a real sshd on loopback with the sample's processes and
 * a git checkout of its release; both use one production database (a PostgreSQL database, bound as the runbooks'
 * database too). Host {@code workstation} (a third sshd) is the developer's machine, whose
 * {@code air-demand/} clone holds seed 001's CORS change committed but not pushed to the new droplet's origin. The stack
 * binds property {@code old-process}: a pattern that matches the old droplet's processes and no other build's.
 */
public class AirDemandHostStack extends RehearsalStack {

    private final Path folder = Path.of("target", "hosts", UUID.randomUUID().toString().substring(0, 8));
    private final ProductionDatabase database = new ProductionDatabase();
    private final AirDemandHost app = new AirDemandHost("app", "api", folder.resolve("app"), true, database);
    private final AirDemandHost oldProd = new AirDemandHost("old-prod", "old-api", folder.resolve("old-prod"), false,
            database).bindingProcessPatternAs("old-process");
    private final SshHostService workstation = SshHostService.host("workstation").folder(folder.resolve("workstation-sshd"))
            .workingDirectory(app.workstation());

    @Override
    protected List<RehearsalService> services() {
        return List.of(database, app, oldProd, workstation);
    }

    /** Make the new droplet pull from a stale copy of its origin: a deploy there keeps serving the old release. */
    public void pullFromStaleMirrorOnApp() throws java.io.IOException, InterruptedException {
        app.pullFromStaleMirror();
    }

    /** Stop a unit on the new droplet as a crash would, for tests that break it on purpose. */
    public void stopOnApp(String unit) throws java.io.IOException, InterruptedException {
        app.stopUnit(unit);
    }

    /** Take the new droplet's job board away, so its scheduled scrapes fail from now on. */
    public void breakScrapeOnApp() throws java.io.IOException {
        app.breakScrape();
    }

    /** Return a file of the new droplet, by its path under the droplet's root folder. */
    public Path fileOnApp(String path) {
        return app.root().resolve(path);
    }

    /** Return the droplets as runbook.yaml would name them: {@code app} and {@code old-prod}. */
    public java.util.Map<String, org.runbookunit.config.HostSettings> hosts() {
        return java.util.Map.of("app", app.settings(), "old-prod", oldProd.settings(), "workstation",
                workstation.settings());
    }
}
