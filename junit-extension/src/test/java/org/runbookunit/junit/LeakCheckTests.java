package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;

class LeakCheckTests {

    private static final String TOKEN = "tok-9f8e7d6c5b4a";

    @Test
    void aSecretThatReachesAReportFileIsNoGoNamingTheFileNotTheValue() throws IOException {
        RunbookKit kit = RunbookKit.create().withConfig("environments:\n  local:\n    properties:\n"
                + "      admin-token: { value: \"" + TOKEN + "\", secret: true }\n");

        EngineExecutionResults results = kit.run(LeakingFixture.class);

        String reason = "secret leak: evidence/1-01-heap-dump.bin contains the value of "
                + "environments.local.properties.admin-token";
        results.containerEvents().assertThatEvents().haveExactly(1, event(RunbookKit.runbookClass(LeakingFixture.class),
                finishedWithFailure(message(text -> text.contains(reason) && !text.contains(TOKEN)))));
        JsonNode report = kit.reportJson("leaking");
        assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
        assertThat(report.get("reasons").get(0).asText()).isEqualTo(reason);
        assertThat(Files.readString(kit.reportDir("leaking").resolve("report.md"))).contains(reason).doesNotContain(TOKEN);
        assertThat(Files.readString(kit.reportDir("leaking").resolve("manifest.sha256"))).contains("report.md");
    }

    @Runbook("leaking")
    static class LeakingFixture {
        @Step(order = 1, value = "Capture a heap dump")
        void dump(Evidence evidence, RunbookEnvironment environment) {
            evidence.save("heap dump", "bin", ("...token=" + environment.property("admin-token") + "...")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}
