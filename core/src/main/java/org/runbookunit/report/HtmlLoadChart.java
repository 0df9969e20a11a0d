package org.runbookunit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.runbookunit.evidence.EvidenceItem;

/**
 * Draw a load probe's per-second timeline (the JSON that {@code Load} saves) as an inline SVG: a bar per second for
 * its requests (failed ones red) and a line for its p95.
 */
final class HtmlLoadChart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlLoadChart() {
    }

    /** Tell whether an evidence item is a load probe's timeline. */
    static boolean isLoadTimeline(EvidenceItem item) {
        return item.path().endsWith(".json") && item.description().startsWith("load ");
    }

    /** Return the SVG of a load timeline, empty when the file has no per-second rows. */
    static Optional<String> svg(Path reportDir, EvidenceItem item) {
        try {
            JsonNode probe = JSON.readTree(reportDir.resolve(item.path()).toFile());
            JsonNode seconds = probe.path("seconds");
            return seconds.isArray() && seconds.size() > 0 ? Optional.of(draw(probe, seconds)) : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static String draw(JsonNode probe, JsonNode seconds) {
        int span = seconds.get(seconds.size() - 1).path("second").asInt() + 1;
        double maxRequests = 1;
        double maxP95 = 0.001;
        for (JsonNode second : seconds) {
            maxRequests = Math.max(maxRequests, second.path("requests").asDouble());
            maxP95 = Math.max(maxP95, second.path("p95Ms").asDouble());
        }
        double slot = (double) WIDTH / span;
        StringBuilder svg = new StringBuilder("<svg class=\"timeline\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT + 14).append("\" role=\"img\" aria-label=\"")
                .append(HtmlText.escape(probe.path("summary").asText())).append("\">")
                .append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#f1f3f5\"/>");
        StringBuilder line = new StringBuilder();
        for (JsonNode second : seconds) {
            double x = slot * second.path("second").asInt();
            double requests = second.path("requests").asDouble();
            double failed = second.path("failed").asDouble();
            double height = (HEIGHT - 4) * requests / maxRequests;
            double failedHeight = (HEIGHT - 4) * failed / maxRequests;
            svg.append(rect(x, HEIGHT - height, slot, height - failedHeight, "#90a4ae", title(second)));
            if (failed > 0) {
                svg.append(rect(x, HEIGHT - failedHeight, slot, failedHeight, "#c62828", title(second)));
            }
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x + slot / 2,
                    HEIGHT - (HEIGHT - 4) * second.path("p95Ms").asDouble() / maxP95));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#e65100\" stroke-width=\"2\" points=\"").append(line.toString().trim())
                .append("\"/>");
        svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">0 s · bars: requests/s (max %.0f) · line: p95 "
                + "(max %.1f ms)</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d s</text></svg>", HEIGHT + 12,
                maxRequests, maxP95, WIDTH, HEIGHT + 12, span));
        return svg.toString();
    }

    private static String rect(double x, double y, double width, double height, String fill, String title) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                + "<title>%s</title></rect>", x, y, Math.max(1, width - 1), Math.max(0, height), fill, HtmlText.escape(title));
    }

    private static String title(JsonNode second) {
        return String.format(Locale.ROOT, "second %d: %d requests, %d failed, p95 %.1f ms", second.path("second").asInt(),
                second.path("requests").asLong(), second.path("failed").asLong(), second.path("p95Ms").asDouble());
    }
}
