package org.runbookunit.examples;

import static org.hamcrest.Matchers.not;

import java.time.Duration;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.http.Http;
import org.runbookunit.shell.Shell;
import org.runbookunit.windows.Poll;
import org.runbookunit.windows.Windows;

/**
 * The release steps seeds 000 and 001 share: push what the workstation committed ({@code git push origin main} in
 * the {@code workstation-repo} property's folder) and wait until the droplet's API serves a commit from a fresh start.
 */
final class DropletRelease {

    private DropletRelease() {
    }

    /** Push the workstation's commits and return the short hash origin's main holds now; nothing may stay uncommitted. */
    static String push(Shell shell, RunbookEnvironment environment) {
        String repo = "cd '" + environment.property("workstation-repo") + "' && ";
        shell.on("workstation").run(repo + "git status --porcelain").expectSuccess().expectOutput("");
        shell.on("workstation").run(repo + "git push -q origin HEAD:main").expectSuccess();
        String head = shell.on("workstation").run(repo + "git rev-parse HEAD").expectSuccess().output().strip();
        shell.on("workstation").run(repo + "git ls-remote origin refs/heads/main").expectSuccess()
                .expectOutputMatches("(?s)" + head + "\\s+refs/heads/main\\s*");
        return shell.on("workstation").run(repo + "git rev-parse --short HEAD").expectSuccess().output().strip();
    }

    /** Return when the API's process started, to tell a restart from a process that kept running. */
    static String startedAt(Http http) {
        return http.get("api", "/health").expectStatus(200).json("started_at");
    }

    /** Wait (10 minutes, scaled) until the API answers healthy from a process started after {@code startedBefore}. */
    static void awaitServed(Http http, Windows windows, String commit, String startedBefore) {
        windows.eventually("the API serves commit " + commit + " after a restart", Duration.ofMinutes(10),
                Poll.every(Duration.ofSeconds(10)), () -> http.get("api", "/health").expectStatus(200)
                        .expectJson("status", "healthy").expectJson("started_at", not(startedBefore))
                        .expectJson("commit", commit));
    }
}
