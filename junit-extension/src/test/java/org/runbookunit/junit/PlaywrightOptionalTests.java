package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runbookunit.dashboard.Dashboard;
import org.runbookunit.evidence.Evidence;

/** Playwright is optional: a JVM without it on the class path runs runbooks, and a Dashboard step says what to add. */
class PlaywrightOptionalTests {

    private final Path workDir = Path.of("target", "optional-playwright", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void withoutPlaywrightOnTheClassPathRunbooksRunAndDashboardStepsFailSayingWhatToAdd() throws Exception {
        String output = ChildJvm.run(MixedFixture.class, Map.of(), Map.of("runbook.config", config().toString(),
                "runbook.reports.dir", workDir.resolve("reports").toString()),
                entry -> !entry.contains("com/microsoft/playwright"));

        assertThat(output).contains("✔ 1 Evidence only", "✘ 2 Dashboard",
                "Dashboard steps need Playwright for Java, which is not on the class path: add the dependency "
                        + "com.microsoft.playwright:playwright (test scope) next to runbookunit")
                .doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
    }

    private Path config() throws IOException {
        Files.createDirectories(workDir);
        return Files.writeString(workDir.resolve("runbook.yaml"),
                "environments:\n  local:\n    endpoints: { web: \"http://127.0.0.1:9\" }\n");
    }

    @Runbook("mixed")
    static class MixedFixture {
        @Step(order = 1, value = "Evidence only")
        void evidence(Evidence evidence) {
            evidence.text("note", "no browser needed");
        }

        @Step(order = 2, value = "Dashboard")
        void dashboard(Dashboard dashboard) {
            dashboard.open("web", "/");
        }
    }
}
