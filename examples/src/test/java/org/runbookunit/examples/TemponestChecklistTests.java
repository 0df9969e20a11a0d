package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runbookunit.rehearsal.StackBinding;
import org.runbookunit.testing.RequiredTool;

/**
 * Seed 004's checklist against {@link TemponestStack}: GO with the three approvers' sign-off given as parameters of
 * this run, NO-GO with migration 007 broken, with the agents service failing and logging ERRORs, or with a smoke case
 * failing (the checkout moved to v1.7.0 while v1.8.0 runs).
 */
class TemponestChecklistTests {

    static final String ID = "temponest-staging-checklist";

    private TemponestStack stack;

    @BeforeEach
    void requireTheSuitesTools() {
        RequiredTool.require("pytest", "install python3-pytest (apt-get install python3-pytest)", "python3", "-m",
                "pytest", "--version");
        RequiredTool.require("git", "install git (apt-get install git)", "git", "--version");
    }

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theRehearsedStagingIsGoOnceTheThreeApproversSignOff() throws IOException {
        stack = new TemponestStack();
        JsonNode report = run(stack.start(), TemponestStack.resource("migrations"), true);

        assertThat(report.get("verdict").asText()).as(String.valueOf(report.get("reasons"))).isEqualTo("GO");
        assertThat(outcome(report, "3.2")).isEqualTo("PASSED");
        assertThat(outcome(report, "5.2")).isEqualTo("PASSED");
        assertThat(outcome(report, "7.1")).isEqualTo("PASSED");
        assertThat(outcome(report, "7.2")).isEqualTo("PASSED");
        assertThat(outcome(report, "7.4")).isEqualTo("PASSED");
        assertThat(outcome(report, "8.5")).isEqualTo("PASSED");
        assertThat(outcome(report, "9.2")).isIn("PASSED", "SKIPPED"); // SKIPPED: pg_stat_statements not loaded here
        assertThat(outcome(report, "9.3")).isEqualTo("PASSED");
        assertThat(outcome(report, "9.4")).isEqualTo("SKIPPED");
        assertThat(outcome(report, "11.1")).isEqualTo("PASSED");
        assertThat(outcome(report, "11.2")).isEqualTo("PASSED");
        assertThat(outcome(report, "11.3")).isEqualTo("SKIPPED");
        assertThat(outcome(report, "13.1")).isEqualTo("PASSED");
    }

    @Test
    void aBrokenMigration007IsNoGoOnTheTemplateCopyAndStagingIsNotTouched() throws IOException {
        stack = new TemponestStack();
        StackBinding binding = stack.start();
        Path broken = Files.createDirectories(stack.folder().resolve("broken-migrations"));
        Files.copy(TemponestStack.resource("migrations/006_composite_indexes.sql"), broken.resolve("006_composite_indexes.sql"));
        Files.writeString(broken.resolve("007_metrics_views.sql"),
                "CREATE VIEW v_run_metrics_summary AS SELECT agent_name, count(*) FROM agent_runs GROUP BY agent_name;\n");

        JsonNode report = run(binding, broken, true);

        assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
        assertThat(outcome(report, "3.2")).isEqualTo("FAILED");
        assertThat(outcome(report, "5.2")).isEqualTo("BLOCKED");
        assertThat(report.get("reasons").get(0).asText()).contains("007_metrics_views.sql", "agent_name");
    }

    @Test
    void anAgentsServiceLoggingErrorsIsNoGo() throws IOException {
        stack = TemponestStack.withFailingAgents();
        JsonNode report = run(stack.start(), TemponestStack.resource("migrations"), true);

        assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
        assertThat(outcome(report, "6.1")).isEqualTo("PASSED");
        assertThat(outcome(report, "6.2")).isEqualTo("FAILED");
        assertThat(outcome(report, "7.1")).isEqualTo("BLOCKED");
        assertThat(report.get("reasons").get(0).asText()).contains("ERROR agents: Ollama unreachable");
    }

    @Test
    void aSmokeSuiteWithAFailedCaseIsNoGoAndTheReportNamesTheCase() throws IOException {
        stack = new TemponestStack();
        StackBinding binding = stack.start();
        TemponestCheckout.checkOut(stack.checkout(), "v1.7.0"); // the tests of v1.7.0 against the v1.8.0 running

        JsonNode report = run(binding, TemponestStack.resource("migrations"), true);

        assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
        assertThat(outcome(report, "6.2")).isEqualTo("PASSED");
        assertThat(outcome(report, "7.1")).isEqualTo("FAILED");
        assertThat(outcome(report, "7.2")).isEqualTo("BLOCKED");
        assertThat(report.get("reasons").get(0).asText()).contains("suite [smoke] missed its gate", "4/5 passed",
                "test_the_deployed_release_is_the_checked_out_one");
    }

    private JsonNode run(StackBinding binding, Path migrations, boolean signed) throws IOException {
        return TemponestRuns.run(stack, binding, migrations, TemponestStagingChecklist.class, ID, attestations(signed));
    }

    /** Return the manual flows' and, when signed, the three approvers' attestations as run parameters. */
    static Map<String, String> attestations(boolean signed) {
        Map<String, String> parameters = new HashMap<>();
        for (int flow = 1; flow <= 5; flow++) {
            parameters.put("runbook.attest." + ID + ".8." + flow, "Quinn Tester: flow " + flow + " as the seed expects");
        }
        if (signed) {
            parameters.put("runbook.attest." + ID + ".13.1.tech-lead", "Tara Lead: report reviewed");
            parameters.put("runbook.attest." + ID + ".13.1.qa-lead", "Quinn Tester: flows of section 8 passed");
            parameters.put("runbook.attest." + ID + ".13.1.devops", "Dev Ops: GO");
        }
        return parameters;
    }

    private static String outcome(JsonNode report, String id) {
        return RunbookReports.outcome(report, id);
    }
}
