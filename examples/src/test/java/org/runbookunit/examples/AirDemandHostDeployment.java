package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.examples.hosts.AirDemandHostStack;
import org.runbookunit.http.Http;
import org.runbookunit.junit.Destructive;
import org.runbookunit.junit.Phase;
import org.runbookunit.junit.Rehearsal;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;
import org.runbookunit.shell.Shell;
import org.runbookunit.windows.Windows;

/**
 * Seed 000's deployment to the staging droplet (the guide's step 3: run the deployment script) and its rollback plan's
 * last step (fix and redeploy: pull on staging, restart the services). Locally the droplet is
 * {@link AirDemandHostStack}'s, whose workstation holds a committed fix not yet pushed. Every step changes the host:
 * {@code @Destructive}.
 */
// tag::runbook[]
@Runbook("air-demand droplet deployment")
@Rehearsal(AirDemandHostStack.class)
class AirDemandHostDeployment {

    @Nested
    @Phase(order = 3, value = "Deploy to staging")
    @Destructive
    class Deploy {

        @Step(order = 1, value = "Run the deployment script: origin's release served, API and scheduler restarted")
        void deploy(Shell shell, Http http, RunbookEnvironment environment, Windows windows) {
            String repo = "cd '" + environment.property("app-repo") + "' && ";
            String released = shell.on("app").run(repo + "git ls-remote origin refs/heads/main").expectSuccess().output()
                    .substring(0, 7);
            String startedBefore = DropletRelease.startedAt(http);
            shell.on("app").run(repo + "scripts/deploy.sh").expectSuccess().expectOutputContains("deployed " + released);
            DropletRelease.awaitServed(http, windows, released, startedBefore);
            shell.on("app").checks().serviceActive("air-demand-api").serviceActive("air-demand-scheduler")
                    .fileFresherThan(environment.property("scheduler-heartbeat"), Duration.ofMinutes(1));
        }
    }

    @Nested
    @Phase(order = 5, value = "Fix and redeploy")
    @Destructive
    class Redeploy {

        @Step(order = 1, value = "Pull the fix on staging and restart the services: the fix is served")
        void redeploy(Shell shell, Http http, RunbookEnvironment environment, Windows windows) {
            String fix = DropletRelease.push(shell, environment);
            String startedBefore = DropletRelease.startedAt(http);
            shell.on("app").run("cd '" + environment.property("app-repo") + "' && git pull --ff-only -q && "
                    + "systemctl restart air-demand-scheduler air-demand-api").expectSuccess();
            DropletRelease.awaitServed(http, windows, fix, startedBefore);
            assertThat(shell.on("app").checks().serviceActive("air-demand-scheduler")
                    .fileAge(environment.property("scheduler-heartbeat"))).isLessThan(Duration.ofMinutes(1));
        }
    }
}
// end::runbook[]
