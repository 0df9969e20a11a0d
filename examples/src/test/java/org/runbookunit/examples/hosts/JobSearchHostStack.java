package org.runbookunit.examples.hosts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.runbookunit.rehearsal.RehearsalService;
import org.runbookunit.rehearsal.RehearsalStack;

/**
 * Seed 002's production machine, {@code jobsearch}: a real sshd on loopback with the sample JobSearchAI system
 * ({@link JobSearchHost}), offering host {@code jobsearch}, endpoint {@code dashboard} and its SQLite database.
 */
public class JobSearchHostStack extends RehearsalStack {

    private final JobSearchHost host = new JobSearchHost("jobsearch",
            Path.of("target", "hosts", "jobsearch-" + UUID.randomUUID().toString().substring(0, 8)));

    @Override
    protected List<RehearsalService> services() {
        return List.of(host);
    }

    /** Ship a faulty release whose schema upgrade loses every tenth job match, for tests that break it on purpose. */
    public void shipReleaseLosingRows() throws IOException, InterruptedException {
        host.shipReleaseLosingRows();
    }

    /** Return the runbook.yaml lines (under an environment) that bind this stack's host, endpoint and database. */
    public String environmentYaml() {
        var ssh = host.hosts().get("jobsearch");
        return "    hosts:\n      jobsearch: { ssh: \"ssh://" + ssh.user() + "@" + ssh.hostname() + ":" + ssh.port()
                + "\", identity: \"" + ssh.identity().orElseThrow() + "\", known-hosts: \""
                + ssh.knownHosts().orElseThrow() + "\" }\n    endpoints:\n      dashboard: \""
                + host.endpoints().get("dashboard") + "\"\n    database:\n      url: \""
                + host.database().orElseThrow().url() + "\"\n";
    }
}
