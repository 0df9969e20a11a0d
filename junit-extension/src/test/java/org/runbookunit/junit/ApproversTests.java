package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.runbookunit.config.RunbookConfigurationException;

/** {@code @Manual(approvers = …)}: seed 004's sign-off by Tech Lead, QA Lead and DevOps, each attesting separately. */
class ApproversTests {

    @Test
    void aSignOffWithOneOfThreeApprovalsHoldsNamingWhoIsMissing() {
        RunbookKit kit = RunbookKit.create().parameter("runbook.attest.sign-off.9.1.tech-lead", "Jane Doe: report reviewed");

        EngineExecutionResults results = kit.run(SignOffFixture.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("approved"), skippedWithReason(reason ->
                reason.startsWith("PENDING: manual step waits for attestation by QA Lead, DevOps (attested by Tech Lead): "
                        + "Review this report")
                        && reason.contains("-Drunbook.attest.sign-off.9.1.qa-lead=\"Your Name: what you saw\"")
                        && reason.contains("-Drunbook.attest.sign-off.9.1.devops=\"Your Name: what you saw\""))));
        results.containerEvents().assertThatEvents().haveExactly(1, event(RunbookKit.runbookClass(SignOffFixture.class),
                finishedWithFailure(message(text -> text.startsWith("HOLD for runbook [sign-off]") && text.contains(
                        "9.1 GO/NO-GO approved PENDING: manual step waits for attestation by QA Lead, DevOps")))));
        assertThat(kit.reportJson("sign-off").get("verdict").asText()).isEqualTo("HOLD");
    }

    @Test
    void aSingleStepAttestationDoesNotStandInForTheApprovers() {
        RunbookKit kit = RunbookKit.create().parameter("runbook.attest.sign-off.9.1", "Jane Doe: approved for everyone");

        kit.run(SignOffFixture.class);

        JsonNode report = kit.reportJson("sign-off");
        assertThat(report.get("verdict").asText()).isEqualTo("HOLD");
        assertThat(report.get("reasons").get(0).asText()).contains("waits for attestation by Tech Lead, QA Lead, DevOps:");
    }

    @Test
    void everyApproverAttestingInTheFileOrAsAParameterMakesTheStepPassNamingThemAll() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "approvers", java.util.UUID.randomUUID().toString()));
        Path attestations = Files.writeString(dir.resolve("attestations.yaml"), String.join("\n",
                "sign-off:", "  \"9.1.tech-lead\":", "    by: \"Jane Doe\"", "    at: \"" + hoursAgo(3) + "\"",
                "    note: \"report reviewed\"", "  \"9.1.qa-lead\":", "    by: \"Bob Ray\"", "    at: \"" + hoursAgo(2) + "\"",
                ""));
        RunbookKit kit = RunbookKit.create().parameter("runbook.attestations", attestations.toString())
                .parameter("runbook.attest.sign-off.9.1.devops", "Rich Roberts: droplet kept for a week");

        EngineExecutionResults results = kit.run(SignOffFixture.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("approved"), finishedSuccessfully()));
        JsonNode step = kit.reportJson("sign-off").get("steps").get(0);
        assertThat(step.get("outcome").asText()).isEqualTo("PASSED");
        assertThat(step.get("attestation").get("by").asText())
                .isEqualTo("Jane Doe (Tech Lead), Bob Ray (QA Lead), Rich Roberts (DevOps)");
        assertThat(step.get("attestation").get("note").asText())
                .isEqualTo("Tech Lead: report reviewed; DevOps: droplet kept for a week");
        assertThat(kit.reportJson("sign-off").get("verdict").asText()).isEqualTo("GO");
    }

    private static String hoursAgo(int hours) {
        return java.time.Instant.now().minus(java.time.Duration.ofHours(hours)).toString();
    }

    @Test
    void twoApproversWithTheSameSlugAreAConfigurationError() {
        EngineExecutionResults results = RunbookKit.create().run(TwinApproversFixture.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                instanceOf(RunbookConfigurationException.class), message(text -> text.equals("@Manual(approvers) must "
                        + "name each approver once but [QA Lead] and [qa-lead] both attest as [qa-lead] on "
                        + "SignOff.approved()")))));
    }

    @Runbook("sign-off")
    static class SignOffFixture {
        @Nested
        @Phase(order = 9, value = "Sign-off")
        class SignOff {
            @Step(order = 1, value = "GO/NO-GO approved")
            @Manual(value = "Review this report and approve the production deployment",
                    approvers = {"Tech Lead", "QA Lead", "DevOps"})
            void approved() {
            }
        }
    }

    @Runbook("twins")
    static class TwinApproversFixture {
        @Nested
        @Phase(order = 9, value = "Sign-off")
        class SignOff {
            @Step(order = 1, value = "GO/NO-GO approved")
            @Manual(value = "Approve", approvers = {"QA Lead", "qa-lead"})
            void approved() {
            }
        }
    }
}
