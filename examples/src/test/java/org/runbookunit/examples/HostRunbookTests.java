package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.HostSettings;
import org.runbookunit.examples.hosts.AirDemandHostStack;
import org.runbookunit.rehearsal.StackBinding;
import org.runbookunit.testing.SshServer;

/**
 * The host runbooks of seeds 000 and 001 against droplets rehearsed by real sshd servers on loopback: GO when the
 * services run, NO-GO when one is stopped on the "host".
 */
class HostRunbookTests {

    private static final String VALIDATION = "air-demand-droplet-validation";
    private static final String CUTOVER = "air-demand-cutover-on-the-droplets";
    private static final String DEPLOYMENT = "air-demand-droplet-deployment";
    private final Path workDir = Path.of("target", "host-runs", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void theDropletValidationIsGoAgainstTheRehearsedDroplet() throws IOException {
        SshServer.requireSshd();

        JsonNode report = RunbookReports.run(AirDemandHostValidation.class, VALIDATION, workDir, Map.of());

        assertThat(report.get("verdict").asText()).isEqualTo("GO");
        assertThat(report.get("steps").findValuesAsText("outcome")).hasSize(13).containsOnly("PASSED");
    }

    @Test
    void theCutoverStopsTheOldServicesInstallsTheCronAndIsGo() throws IOException {
        SshServer.requireSshd();

        JsonNode report = RunbookReports.run(AirDemandHostCutover.class, CUTOVER, workDir, Map.of(
                "runbook.attest.air-demand-cutover-on-the-droplets.1.2", "Rich Roberts (DevOps): cutover window posted",
                "runbook.attest.air-demand-cutover-on-the-droplets.4.1", "Rich Roberts (DevOps): new production announced",
                "runbook.attest.air-demand-cutover-on-the-droplets.5.2",
                "Rich Roberts (DevOps): old droplet powered off, not destroyed"));

        assertThat(report.get("verdict").asText()).isEqualTo("GO");
        assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "PASSED", "PASSED",
                "PASSED", "PASSED", "PASSED", "PASSED", "PASSED", "PASSED", "PASSED", "PASSED", "PASSED", "PASSED", "PASSED",
                "PASSED");
    }

    @Test
    void aCutoverWhoseDropletPullsAStaleMirrorIsNoGoAtTheDeploy() throws Exception {
        SshServer.requireSshd();
        try (AirDemandHostStack droplets = new AirDemandHostStack()) {
            StackBinding binding = droplets.start();
            assertThat(processesMatching(binding.properties().get("old-process"))).as("the old droplet's processes, "
                    + "by the pattern its stack binds").hasSize(2);
            droplets.pullFromStaleMirrorOnApp();

            JsonNode report = RunbookReports.run(AirDemandHostCutover.class, CUTOVER, workDir, yaml(droplets, binding),
                    "droplet", Map.of("runbook.attest.air-demand-cutover-on-the-droplets.1.2", "Rich Roberts"));

            assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
            assertThat(report.get("steps").findValuesAsText("outcome")).startsWith("PASSED", "PASSED", "PASSED", "PASSED",
                    "PASSED", "FAILED", "BLOCKED");
            assertThat(report.get("reasons").get(0).asText()).contains("3.2 Deployed to the new production", "json [commit]");
        }
    }

    @Test
    void theDeploymentScriptAndTheRedeployOfThePushedFixAreGo() throws IOException {
        SshServer.requireSshd();

        JsonNode report = RunbookReports.run(AirDemandHostDeployment.class, DEPLOYMENT, workDir, Map.of());

        assertThat(report.get("verdict").asText()).isEqualTo("GO");
        assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "PASSED");
    }

    @Test
    void aRedeployThatPullsAStaleMirrorKeepsServingTheOldCommitAndIsNoGo() throws Exception {
        SshServer.requireSshd();
        try (AirDemandHostStack droplets = new AirDemandHostStack()) {
            StackBinding binding = droplets.start();
            droplets.pullFromStaleMirrorOnApp();

            JsonNode report = RunbookReports.run(AirDemandHostDeployment.class, DEPLOYMENT, workDir,
                    yaml(droplets, binding), "droplet", Map.of());

            assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
            assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "FAILED");
            assertThat(report.get("reasons").get(0).asText()).contains("5.1 Pull the fix on staging", "json [commit]");
        }
    }

    @Test
    void aStoppedSchedulerOnTheDropletIsNoGo() throws Exception {
        SshServer.requireSshd();
        try (AirDemandHostStack droplets = new AirDemandHostStack()) {
            StackBinding binding = droplets.start();
            droplets.stopOnApp("air-demand-scheduler");

            JsonNode report = RunbookReports.run(AirDemandHostValidation.class, VALIDATION, workDir,
                    yaml(droplets, binding), "droplet", Map.of());

            assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
            assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("FAILED", "BLOCKED", "BLOCKED",
                    "BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED");
            assertThat(report.get("reasons").get(0).asText()).contains("1.1 air-demand-api and air-demand-scheduler "
                    + "active FAILED", "command [systemctl is-active 'air-demand-scheduler'] on host [app] printed "
                    + "[inactive], expected [active]");
        }
    }

    @Test
    void aFailingScheduledScrapeIsNoGoAtCheckHealth() throws Exception {
        SshServer.requireSshd();
        try (AirDemandHostStack droplets = new AirDemandHostStack()) {
            StackBinding binding = droplets.start();
            droplets.breakScrapeOnApp();
            awaitFailedScrape(droplets.fileOnApp("air-demand/state/jobs.json"));

            JsonNode report = RunbookReports.run(AirDemandHostValidation.class, VALIDATION, workDir,
                    yaml(droplets, binding), "droplet", Map.of());

            assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
            assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "PASSED", "PASSED",
                    "PASSED", "PASSED", "PASSED", "FAILED", "BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED");
            assertThat(report.get("reasons").get(0).asText()).contains("2.3 System health",
                    "scrape.last.errors=1 scrape.last.error=cannot read the job board listing");
        }
    }

    /** Wait (at most 30 s) until the scheduler's state records a failed scrape: one every 3 s at its clock's speed. */
    private static void awaitFailedScrape(Path state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(Files.exists(state) && Files.readString(state).contains("\"errors\" : 1"))) {
            assertThat(System.nanoTime()).as("a failed scrape recorded in " + state + " within 30 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static List<String> processesMatching(String pattern) throws Exception {
        Process pgrep = new ProcessBuilder("pgrep", "-f", "--", pattern).redirectErrorStream(true).start();
        assertThat(pgrep.waitFor(10, TimeUnit.SECONDS)).as("pgrep within 10 s").isTrue();
        return new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }

    private String yaml(AirDemandHostStack droplets, StackBinding binding) {
        return "environments:\n  droplet:\n    windows-scale: 0.005\n    endpoints:\n"
                + "      api: \"" + binding.endpoints().get("api") + "\"\n"
                + "      old-api: \"" + binding.endpoints().get("old-api") + "\"\n    hosts:\n"
                + host(droplets.hosts().get("app")) + host(droplets.hosts().get("old-prod"))
                + host(droplets.hosts().get("workstation")) + "    properties:\n"
                + "      api-process: \"org.runbookunit.examples.airdemand.AirDemandService\"\n"
                + "      health-log: \"var/log/air-demand-health.log\"\n"
                + "      scheduler-heartbeat: \"air-demand/state/scheduler.heartbeat\"\n"
                + "      check-health: \"air-demand/scripts/check_health.sh\"\n"
                + "      app-repo: \"air-demand\"\n      workstation-repo: \"air-demand\"\n"
                + "      local-backups: \"" + workDir.resolve("air-demand-backups") + "\"\n"
                + "      old-process: \"" + binding.properties().get("old-process") + "\"\n"
                + "      new-origin: \"http://app.airdemand.example:3000\"\n"
                + "      old-origin: \"http://old-prod.airdemand.example:3000\"\n";
    }

    private static String host(HostSettings host) {
        return "      " + host.name() + ": { ssh: \"ssh://" + host.user() + "@" + host.hostname() + ":" + host.port()
                + "\", identity: \"" + host.identity().orElseThrow() + "\", known-hosts: \""
                + host.knownHosts().orElseThrow() + "\" }\n";
    }
}
