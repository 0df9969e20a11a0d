package org.runbookunit.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.runbookunit.evidence.EvidenceItem;
import org.runbookunit.model.GateDecision;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.model.StepResult;

/**
 * Write {@code report.html}: the sign-off report in one self-contained page — inline CSS, screenshots inline as
 * {@code data:} URIs, window timelines as inline SVG, and a Content-Security-Policy that lets it load nothing else.
 */
final class HtmlReport {

    static final String FILE_NAME = "report.html";

    private static final String POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
    private static final String CSS = String.join("",
            "body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1100px;",
            "padding:0 1rem;color:#1d2125}h1{margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #dee2e6}",
            "table{border-collapse:collapse;width:100%}th,td{border:1px solid #dee2e6;padding:.35rem .5rem;",
            "text-align:left;vertical-align:top}th{background:#f8f9fa}.facts th{width:12rem}",
            ".verdict{display:inline-block;font-size:1.4rem;font-weight:700;padding:.2rem .8rem;border-radius:4px;",
            "color:#fff}.GO{background:#2e7d32}.NO-GO{background:#c62828}.HOLD{background:#1565c0}",
            ".outcome{font-weight:600;white-space:nowrap}.PASSED{color:#2e7d32}.WARNED{color:#b26a00}",
            ".FAILED{color:#c62828}.BLOCKED{color:#6c757d}.SKIPPED{color:#6c757d}.PENDING{color:#1565c0}",
            ".WAIVED{color:#6a1b9a}.time{text-align:right;white-space:nowrap}pre{background:#f8f9fa;padding:.6rem;",
            "overflow-x:auto;white-space:pre-wrap}figure{margin:1rem 0}figcaption{font-weight:600;margin-bottom:.3rem}",
            "img.shot{max-width:100%;border:1px solid #dee2e6}svg.timeline text{font-size:11px;fill:#495057}");

    private final Path reportDir;

    HtmlReport(Path reportDir) {
        this.reportDir = reportDir;
    }

    /** Render the page; screenshots are placeholders until {@link Html#inlineImages} runs on the redacted text. */
    String render(RunbookResult result) {
        GateDecision decision = result.decision();
        String title = "Runbook: " + result.plan().title();
        StringBuilder html = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">")
                .append("<title>").append(HtmlText.escape(title + " — " + decision.verdict().label())).append("</title>")
                .append("<style>").append(CSS).append("</style></head><body>\n");
        html.append("<h1>").append(HtmlText.escape(title)).append("</h1>\n<p class=\"verdict ")
                .append(decision.verdict().label()).append("\">").append(decision.verdict().label()).append("</p>\n");
        html.append(facts(result));
        html.append(list("Reasons for " + decision.verdict().label(), decision.reasons()));
        html.append(list("Warnings", decision.warnings()));
        html.append(steps(result));
        html.append(timelines(result));
        html.append(loadCharts(result));
        html.append(screenshots(result));
        html.append(details(result));
        html.append("<p>Every file of this report is listed with its SHA-256 in <code>").append(Manifest.FILE_NAME)
                .append("</code> (check with <code>sha256sum -c ").append(Manifest.FILE_NAME).append("</code>).</p>\n");
        return html.append("</body></html>\n").toString();
    }

    private static String facts(RunbookResult result) {
        GateDecision decision = result.decision();
        String rollback = result.rollback().state() == org.runbookunit.model.Rollback.State.NONE ? ""
                : fact("Rollback", result.rollback().describe());
        return "<table class=\"facts\">" + rollback + fact("Environment", result.environment())
                + fact("Configuration", result.info().configSource()
                        + (result.info().configSha256().isEmpty() ? "" : " (sha256 " + result.info().configSha256() + ")"))
                + fact("Commit", result.info().commit()) + fact("Run by", result.info().runBy())
                + fact("Started", result.startedAt().toString()) + fact("Finished", result.finishedAt().toString())
                + fact("Pass rate", decision.passed() + " of " + decision.ran() + " steps that ran") + "</table>\n";
    }

    private static String fact(String name, String value) {
        return "<tr><th>" + name + "</th><td>" + HtmlText.escape(value) + "</td></tr>";
    }

    private static String list(String heading, List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        return "<h2>" + HtmlText.escape(heading) + "</h2><ul>" + items.stream()
                .map(item -> "<li><pre>" + HtmlText.escape(item) + "</pre></li>").collect(Collectors.joining()) + "</ul>\n";
    }

    private static String steps(RunbookResult result) {
        StringBuilder html = new StringBuilder("<h2>Steps</h2><table class=\"steps\"><thead><tr><th>#</th><th>Phase</th>"
                + "<th>Step</th><th>Severity</th><th>Outcome</th><th>Time</th><th>Evidence</th></tr></thead><tbody>\n");
        for (StepResult step : result.steps()) {
            html.append("<tr><td>").append(step.step().id()).append("</td><td>").append(HtmlText.escape(step.step().phase()))
                    .append("</td><td>").append(HtmlText.escape(step.step().title())).append("</td><td>")
                    .append(step.step().severity()).append("</td><td class=\"outcome ").append(step.outcome()).append("\">")
                    .append(step.outcome().symbol()).append(' ').append(step.outcome()).append("</td><td class=\"time\">")
                    .append(step.duration().toMillis()).append(" ms</td><td>").append(links(step.evidence()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
        List<String> notRun = JsonReport.notRun(result);
        if (!notRun.isEmpty()) {
            html.append("<p>Not run in this execution (filtered out): ").append(HtmlText.escape(String.join("; ", notRun)))
                    .append("</p>\n");
        }
        return html.toString();
    }

    private static String links(List<EvidenceItem> evidence) {
        return evidence.stream().map(item -> "<a href=\"" + HtmlText.escape(item.path()) + "\">"
                + HtmlText.escape(item.description()) + "</a>").collect(Collectors.joining("<br>"));
    }

    private String timelines(RunbookResult result) {
        StringBuilder html = new StringBuilder();
        for (StepResult step : result.steps()) {
            for (EvidenceItem item : step.evidence()) {
                if (HtmlTimeline.isTimeline(item)) {
                    HtmlTimeline.svg(reportDir, item).ifPresent(svg -> html.append(figure(step, item, svg)));
                }
            }
        }
        return html.length() == 0 ? "" : "<h2>Window timelines</h2>\n" + html;
    }

    private String loadCharts(RunbookResult result) {
        StringBuilder html = new StringBuilder();
        for (StepResult step : result.steps()) {
            for (EvidenceItem item : step.evidence()) {
                if (HtmlLoadChart.isLoadTimeline(item)) {
                    HtmlLoadChart.svg(reportDir, item).ifPresent(svg -> html.append(figure(step, item, svg)));
                }
            }
        }
        return html.length() == 0 ? "" : "<h2>Load probes</h2>\n" + html;
    }

    private static String screenshots(RunbookResult result) {
        StringBuilder html = new StringBuilder();
        for (StepResult step : result.steps()) {
            for (EvidenceItem item : step.evidence()) {
                if (item.path().toLowerCase(Locale.ROOT).endsWith(".png")) {
                    html.append(figure(step, item, "<img class=\"shot\" alt=\"" + HtmlText.escape(item.description())
                            + "\" src=\"" + HtmlText.inlinePng(item.path()) + "\">"));
                }
            }
        }
        return html.length() == 0 ? "" : "<h2>Screenshots</h2>\n" + html;
    }

    private static String figure(StepResult step, EvidenceItem item, String content) {
        return "<figure><figcaption>" + HtmlText.escape(step.step().label() + " — " + item.description()) + " (<a href=\""
                + HtmlText.escape(item.path()) + "\">" + HtmlText.escape(item.path()) + "</a>)</figcaption>" + content
                + "</figure>\n";
    }

    private static String details(RunbookResult result) {
        List<StepResult> explained = result.steps().stream().filter(step -> !step.message().isEmpty()).toList();
        if (explained.isEmpty()) {
            return "";
        }
        return "<h2>Details</h2>\n" + explained.stream().map(step -> "<h3>" + HtmlText.escape(step.step().label()) + " — "
                + step.outcome() + "</h3><pre>" + HtmlText.escape(step.message()) + "</pre>\n").collect(Collectors.joining());
    }
}
