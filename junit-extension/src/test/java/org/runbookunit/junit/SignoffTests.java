package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.runbookunit.Severity;

class SignoffTests {

    private final Path dir = Path.of("target", "signoffs", java.util.UUID.randomUUID().toString());

    @Test
    void anUnattestedManualStepIsPendingAndTheGateHolds() {
        RunbookKit kit = RunbookKit.create();

        EngineExecutionResults results = kit.run(CutoverFixture.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("powerOff"), skippedWithReason(reason ->
                reason.startsWith("PENDING: manual step waits for attestation: In the DigitalOcean console: Power Off")
                        && reason.contains("-Drunbook.attest.cutover.2=\"Your Name: what you saw\" or under cutover: \"2\" in the "
                                + "runbook.attestations file"))));
        results.testEvents().assertThatEvents().haveExactly(1, event(test("after"), finishedSuccessfully()));
        results.containerEvents().assertThatEvents().haveExactly(1, event(RunbookKit.runbookClass(CutoverFixture.class),
                finishedWithFailure(message(text -> text.startsWith("HOLD for runbook [cutover]")
                        && text.contains("2 Power off the old droplet PENDING: manual step waits for attestation")))));
        JsonNode report = kit.reportJson("cutover");
        assertThat(report.get("verdict").asText()).isEqualTo("HOLD");
        assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "PENDING", "PASSED");
    }

    @Test
    void allowPendingLetsAHoldPassTheBuild() {
        EngineExecutionResults results = RunbookKit.create().parameter("runbook.gate.allow-pending", "true")
                .run(CutoverFixture.class);

        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(RunbookKit.runbookClass(CutoverFixture.class), finishedSuccessfully()));
    }

    @Test
    void anAttestationFromTheFileMakesTheStepPassWithByAtAndNote() throws IOException {
        String at = Instant.now().minus(Duration.ofHours(3)).toString();
        Path attestations = write("attestations.yaml", "cutover:\n  \"2\":\n    by: \"Rich Roberts (DevOps)\"\n"
                + "    at: \"" + at + "\"\n    note: \"droplet powered off, not destroyed\"\n");
        RunbookKit kit = RunbookKit.create().parameter("runbook.attestations", attestations.toString());

        EngineExecutionResults results = kit.run(CutoverFixture.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("powerOff"), finishedSuccessfully()));
        JsonNode step = kit.reportJson("cutover").get("steps").get(1);
        assertThat(step.get("outcome").asText()).isEqualTo("PASSED");
        assertThat(step.get("attestation").get("by").asText()).isEqualTo("Rich Roberts (DevOps)");
        assertThat(step.get("attestation").get("at").asText()).isEqualTo(at);
        assertThat(step.get("attestation").get("note").asText()).isEqualTo("droplet powered off, not destroyed");
        assertThat(kit.reportJson("cutover").get("verdict").asText()).isEqualTo("GO");
    }

    @Test
    void anAttestationParameterWorksWithoutAFile() {
        RunbookKit kit = RunbookKit.create().parameter("runbook.attest.cutover.2", "Jane Doe: checked in the console");

        kit.run(CutoverFixture.class);

        JsonNode attestation = kit.reportJson("cutover").get("steps").get(1).get("attestation");
        assertThat(attestation.get("by").asText()).isEqualTo("Jane Doe");
        assertThat(attestation.get("note").asText()).isEqualTo("checked in the console");
        assertThat(attestation.get("at").asText()).isNotBlank();
    }

    @Test
    void anAttestationCountsOnlyForItsOwnRunbook() throws IOException {
        String at = Instant.now().minus(Duration.ofHours(1)).toString();
        Path attestations = write("attestations.yaml", "other-change:\n  \"2\":\n    by: \"Someone Else\"\n"
                + "    at: \"" + at + "\"\n");
        RunbookKit kit = RunbookKit.create().parameter("runbook.attestations", attestations.toString())
                .parameter("runbook.attest.other-change.2", "Someone Else");

        kit.run(CutoverFixture.class);

        assertThat(kit.reportJson("cutover").get("steps").get(1).get("outcome").asText()).isEqualTo("PENDING");
        assertThat(kit.reportJson("cutover").get("verdict").asText()).isEqualTo("HOLD");
    }

    @Test
    void anAttestationOlderThanTheMaximumAgeDoesNotSignOffAndIsNamed() throws IOException {
        Path attestations = write("attestations.yaml", "cutover:\n  \"2\":\n    by: \"Rich Roberts (DevOps)\"\n"
                + "    at: \"2025-12-19T10:04:00Z\"\n  \"1\":\n    by: \"Nobody\"\n    at: \"" + LocalDate.now() + "\"\n");
        RunbookKit kit = RunbookKit.create().parameter("runbook.attestations", attestations.toString());

        EngineExecutionResults results = kit.run(CutoverFixture.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("powerOff"), skippedWithReason(reason ->
                reason.contains("attestation of cutover 2 (by Rich Roberts (DevOps) at 2025-12-19T10:04:00Z) is older than "
                        + "7d (runbook.attestations.max-age) and does not count; attest again"))));
        JsonNode report = kit.reportJson("cutover");
        assertThat(report.get("verdict").asText()).isEqualTo("HOLD");
        assertThat(report.get("warnings").toString()).contains("attestation of cutover 2 (by Rich Roberts (DevOps) at "
                + "2025-12-19T10:04:00Z) is older than 7d", "attestation of cutover [1] (by Nobody) matches no manual step");
    }

    @Test
    void aLongerMaximumAgeAcceptsAnOlderAttestation() throws IOException {
        Path attestations = write("attestations.yaml", "cutover:\n  \"2\":\n    by: \"Rich Roberts (DevOps)\"\n"
                + "    at: \"" + LocalDate.now().minusDays(20) + "\"\n");
        RunbookKit kit = RunbookKit.create().parameter("runbook.attestations", attestations.toString())
                .parameter("runbook.attestations.max-age", "30d");

        kit.run(CutoverFixture.class);

        assertThat(kit.reportJson("cutover").get("verdict").asText()).isEqualTo("GO");
    }

    @Test
    void anAttestationsFileWithoutRunbookIdsIsRefusedWithTheFix() throws IOException {
        Path attestations = write("attestations.yaml", "\"2\":\n  by: \"Rich Roberts\"\n  at: \"2025-12-19\"\n");

        EngineExecutionResults results = RunbookKit.create().parameter("runbook.attestations", attestations.toString())
                .run(CutoverFixture.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(RunbookKit.runbookClass(CutoverFixture.class),
                finishedWithFailure(message(text -> text.endsWith("attestations are scoped to a runbook, but [2] holds "
                        + "by and at directly; write the runbook id first:\n<runbook-id>:\n  \"2\":\n    by: …\n    at: …")))));
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void aValidWaiverTurnsAFailureIntoWaivedWithReasonAndOwner() throws IOException {
        RunbookKit kit = RunbookKit.create().parameter("runbook.waivers", waivers(LocalDate.now().plusDays(30)).toString());

        EngineExecutionResults results = kit.run(KnownIssueFixture.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("errors"), abortedWithReason(
                message(text -> text.contains("waived by ops-lead until")))));
        JsonNode report = kit.reportJson("known-issue");
        assertThat(report.get("verdict").asText()).isEqualTo("GO");
        JsonNode step = report.get("steps").get(0);
        assertThat(step.get("outcome").asText()).isEqualTo("WAIVED");
        assertThat(step.get("waiver").get("owner").asText()).isEqualTo("ops-lead");
        assertThat(step.get("waiver").get("reason").asText()).isEqualTo("scraper quota errors, ticket OPS-112");
        assertThat(report.get("steps").get(1).get("outcome").asText()).isEqualTo("PASSED");
        assertThat(report.get("warnings").toString()).contains("waiver for [9.9] (owner nobody) matches no step");
    }

    @Test
    void anExpiredWaiverFailsClosedWithItsDate() throws IOException {
        LocalDate expired = LocalDate.now().minusDays(1);
        RunbookKit kit = RunbookKit.create().parameter("runbook.waivers", waivers(expired).toString());

        EngineExecutionResults results = kit.run(KnownIssueFixture.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(RunbookKit.runbookClass(KnownIssueFixture.class),
                finishedWithFailure(message(text -> text.contains("waiver for [1] (owner ops-lead) expired on " + expired)))));
        assertThat(kit.reportJson("known-issue").get("steps").get(0).get("outcome").asText()).isEqualTo("FAILED");
    }

    @Test
    void aStepThatWouldStartAfterTheBudgetIsSpentFails() {
        RunbookKit kit = RunbookKit.create();

        EngineExecutionResults results = kit.run(SlowFixture.class);

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("second"), finishedWithFailure(message("runbook budget of 200ms exhausted"))))
                .haveExactly(1, event(test("third"), skippedWithReason("blocked by 2 Second")));
        assertThat(kit.reportJson("slow").get("steps").findValuesAsText("outcome"))
                .containsExactly("PASSED", "FAILED", "BLOCKED");
    }

    private Path waivers(LocalDate expires) throws IOException {
        return write("waivers.yaml", "- step: \"1\"\n  reason: \"scraper quota errors, ticket OPS-112\"\n"
                + "  owner: ops-lead\n  expires: " + expires + "\n"
                + "- step: \"9.9\"\n  reason: old\n  owner: nobody\n  expires: 2099-01-01\n");
    }

    private Path write(String name, String content) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name), content);
    }

    @Runbook("cutover")
    static class CutoverFixture {
        @Step(order = 1, value = "Smoke tests pass")
        void smoke() {
        }

        @Step(order = 2, value = "Power off the old droplet")
        @Manual("In the DigitalOcean console: Power Off the old droplet. Do NOT destroy it.")
        void powerOff() {
        }

        @Step(order = 3, value = "Monitoring set up")
        void after() {
        }
    }

    @Runbook("known issue")
    static class KnownIssueFixture {
        @Step(order = 1, value = "No scraper errors", severity = Severity.CRITICAL)
        void errors() {
            throw new AssertionError("errors_last_hour was [3]");
        }

        @Step(order = 2, value = "Still checked")
        void after() {
        }
    }

    @Runbook(value = "slow", budget = "200ms")
    static class SlowFixture {
        @Step(order = 1, value = "First")
        void first() throws InterruptedException {
            Thread.sleep(300);
        }

        @Step(order = 2, value = "Second")
        void second() {
        }

        @Step(order = 3, value = "Third")
        void third() {
        }
    }
}
