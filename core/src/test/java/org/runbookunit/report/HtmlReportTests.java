package org.runbookunit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.runbookunit.Severity;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.StepId;
import org.runbookunit.internal.run.ConsoleProgress;
import org.runbookunit.model.RunInfo;
import org.runbookunit.run.RunbookRun;
import org.runbookunit.run.StepExecution;

/** report.html from plain Java: self-contained, screenshots and timelines inline, secrets redacted, in the manifest. */
class HtmlReportTests {

    private static final String SECRET = "tok-4f9a1c77";
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private final Path reports = Path.of("target", "html-report-tests", UUID.randomUUID().toString());

    @Test
    void theReportIsOneSelfContainedPageWithScreenshotsTimelinesAndNoSecret() throws IOException {
        Path dir = run();
        String html = Files.readString(dir.resolve("report.html"));

        assertThat(html).startsWith("<!doctype html>")
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
                        + "style-src 'unsafe-inline'\">", "<style>", "<p class=\"verdict NO-GO\">NO-GO</p>")
                .doesNotContain("<script", "<link", "@import", "url(", SECRET)
                .contains("<td class=\"outcome PASSED\">✔ PASSED</td>", "<td class=\"outcome FAILED\">✘ FAILED</td>")
                .contains("Roles &lt;b&gt;table&lt;/b&gt;", "status was ***")
                .contains("<a href=\"evidence/1-01-roles-table.png\">screenshot roles table</a>");
        assertThat(sources(html)).containsExactly("data:image/png;base64," + Base64.getEncoder().encodeToString(PNG));
        assertThat(html).contains("<svg class=\"timeline\"").contains("fill=\"#c62828\"><title>+500 ms: failed in 20 ms: "
                + "status 503</title>");
    }

    @Test
    void theManifestCoversReportHtml() throws IOException {
        Path dir = run();

        assertThat(Files.readString(dir.resolve("manifest.sha256")))
                .contains(Manifest.sha256(dir.resolve("report.html")) + "  report.html\n");
    }

    private Path run() {
        RunbookEnvironment environment = new RunbookEnvironment("local", Map.of());
        environment.secrets().add("${API_TOKEN}", SECRET);
        RunbookPlan plan = new RunbookPlan("html", "html report", List.of(step(1, "Roles <b>table</b>"), step(2, "Red flags")));
        RunbookRun run = RunbookRun.start(plan, environment,
                new RunbookSettings(ConfigSource.of(Map.of(ConfigKeys.REPORTS_DIR, reports.toString()))),
                new RunInfo("local", "inline", "", "unknown", "tester"),
                new ConsoleProgress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        StepExecution first = run.begin(plan.steps().get(0));
        first.evidence().save("roles table", "png", PNG, "screenshot roles table");
        first.passed();
        StepExecution second = run.begin(plan.steps().get(1));
        second.evidence().json("window red flags", Map.of("name", "red flags", "scaledMs", 1000, "summary", "2 samples",
                "samples", List.of(Map.of("offsetMs", 0, "passed", true, "latencyMs", 15, "message", ""),
                        Map.of("offsetMs", 500, "passed", false, "latencyMs", 20, "message", "status 503"))),
                "window red flags: 2 samples, 1 failure, longest failure streak 1");
        second.failed(new AssertionError("token " + SECRET + " rejected: status was " + SECRET));
        return run.finish().reportDir();
    }

    private static List<String> sources(String html) {
        Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
        List<String> sources = new java.util.ArrayList<>();
        while (src.find()) {
            sources.add(src.group(1));
        }
        return sources;
    }

    private static StepDefinition step(int order, String title) {
        return new StepDefinition(StepId.of(order), title, Severity.CRITICAL, "");
    }
}
