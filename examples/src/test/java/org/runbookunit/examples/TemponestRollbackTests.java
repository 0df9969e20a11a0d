package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runbookunit.examples.RunbookReports.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runbookunit.rehearsal.StackBinding;
import org.runbookunit.testing.RequiredTool;

/**
 * Seed 004's rollback (section 12) after the staging checklist went NO-GO on a faulty v1.8.0 (its agents require an
 * Ollama staging does not have): {@link TemponestRollback} is GO once v1.7.0 answers on the restored schema-005 database
 * and passes the smoke tests; NO-GO when the backup is missing (no checklist ran) or was taken after the migrations.
 */
class TemponestRollbackTests {

    private static final String ROLLBACK = "temponest-staging-rollback";

    private TemponestStack stack;
    private StackBinding binding;

    @BeforeEach
    void deployFaultyRelease() throws IOException {
        RequiredTool.require("pytest", "install python3-pytest (apt-get install python3-pytest)", "python3", "-m",
                "pytest", "--version");
        RequiredTool.require("git", "install git (apt-get install git)", "git", "--version");
        stack = TemponestStack.deployedFromFaultyRelease();
        binding = stack.start();
    }

    /** Run the staging checklist on the faulty v1.8.0: backed up (1.2) and migrated (5.2), then NO-GO at 6.2. */
    private void checklistGoesNoGo() throws IOException {
        JsonNode checklist = checklist();
        assertThat(checklist.get("verdict").asText()).isEqualTo("NO-GO");
        assertThat(outcome(checklist, "1.2")).isEqualTo("PASSED");
        assertThat(outcome(checklist, "5.2")).isEqualTo("PASSED");
        assertThat(outcome(checklist, "6.2")).isEqualTo("FAILED");
        assertThat(checklist.get("reasons").get(0).asText()).contains("ERROR agents: Ollama unreachable");
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    @Test
    void theRollbackToV170OnTheRestoredBackupIsGoAndPassesTheSmokeTests() throws IOException {
        checklistGoesNoGo();

        JsonNode report = rollback();

        assertThat(report.get("verdict").asText()).as(String.valueOf(report.get("reasons"))).isEqualTo("GO");
        for (String step : new String[] {"12.1", "12.2", "12.3", "12.4", "12.5"}) {
            assertThat(outcome(report, step)).as(step).isEqualTo("PASSED");
        }
        JsonNode smoke = new ObjectMapper().readTree(evidence("suite-smoke.json").toFile());
        assertThat(smoke.get("summary").asText()).isEqualTo("5/5 passed (100.0 %), 0 skipped");
    }

    @Test
    void aMissingBackupIsNoGoWithTheServicesLeftStopped() throws IOException {
        JsonNode report = rollback();

        assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
        assertThat(outcome(report, "12.1")).isEqualTo("PASSED");
        assertThat(outcome(report, "12.2")).isEqualTo("FAILED");
        assertThat(outcome(report, "12.4")).isEqualTo("BLOCKED");
        assertThat(report.get("reasons").get(0).asText()).contains("no backup staging_*.dump", "step 1.2");
    }

    @Test
    void aBackupTakenAfterTheMigrationsRestoresTheWrongSchemaAndIsNoGo() throws IOException {
        checklistGoesNoGo();
        JsonNode again = checklist(); // its backup (step 1.2) now holds v1.8.0's views and indexes
        assertThat(outcome(again, "1.2")).isEqualTo("PASSED");

        JsonNode report = rollback();

        assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
        assertThat(outcome(report, "12.2")).isEqualTo("FAILED");
        assertThat(outcome(report, "12.3")).isEqualTo("BLOCKED");
        assertThat(report.get("reasons").get(0).asText()).contains("views of migration 007", "v_run_metrics_summary");
    }

    private JsonNode checklist() throws IOException {
        return TemponestRuns.run(stack, binding, TemponestStack.resource("migrations"), TemponestStagingChecklist.class,
                TemponestChecklistTests.ID, TemponestChecklistTests.attestations(true));
    }

    private JsonNode rollback() throws IOException {
        return TemponestRuns.run(stack, binding, TemponestStack.resource("migrations"), TemponestRollback.class, ROLLBACK,
                Map.of());
    }

    private Path evidence(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(stack.folder().resolve("reports/" + ROLLBACK + "/evidence"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no evidence *" + suffix));
        }
    }
}
