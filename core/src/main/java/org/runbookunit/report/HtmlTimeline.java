package org.runbookunit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.runbookunit.evidence.EvidenceItem;

/** Draw a window's timeline evidence (the JSON that {@code Windows} saves) as an inline SVG strip of its samples. */
final class HtmlTimeline {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 28;
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlTimeline() {
    }

    /** Tell whether an evidence item is a window timeline. */
    static boolean isTimeline(EvidenceItem item) {
        return item.path().endsWith(".json") && item.description().startsWith("window ");
    }

    /** Return the SVG of a timeline, empty when the file cannot be read as one. */
    static Optional<String> svg(Path reportDir, EvidenceItem item) {
        try {
            JsonNode window = JSON.readTree(reportDir.resolve(item.path()).toFile());
            JsonNode samples = window.path("samples");
            return samples.isArray() ? Optional.of(draw(window, samples)) : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static String draw(JsonNode window, JsonNode samples) {
        double span = Math.max(1, window.path("scaledMs").asDouble(0));
        for (JsonNode sample : samples) {
            span = Math.max(span, sample.path("offsetMs").asDouble() + sample.path("latencyMs").asDouble());
        }
        StringBuilder svg = new StringBuilder("<svg class=\"timeline\" width=\"")
                .append(WIDTH).append("\" height=\"").append(HEIGHT + 14).append("\" role=\"img\" aria-label=\"")
                .append(HtmlText.escape(window.path("summary").asText())).append("\">");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#f1f3f5\"/>");
        for (JsonNode sample : samples) {
            svg.append(bar(sample, span));
        }
        svg.append("<text x=\"0\" y=\"").append(HEIGHT + 12).append("\">0</text><text x=\"").append(WIDTH)
                .append("\" y=\"").append(HEIGHT + 12).append("\" text-anchor=\"end\">").append(Math.round(span))
                .append(" ms</text></svg>");
        return svg.toString();
    }

    private static String bar(JsonNode sample, double span) {
        boolean passed = sample.path("passed").asBoolean();
        double x = WIDTH * sample.path("offsetMs").asDouble() / span;
        double width = Math.max(2, WIDTH * sample.path("latencyMs").asDouble() / span);
        String title = "+" + sample.path("offsetMs").asLong() + " ms: " + (passed ? "passed" : "failed") + " in "
                + sample.path("latencyMs").asLong() + " ms" + (passed ? "" : ": " + sample.path("message").asText());
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"3\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s"
                + "</title></rect>", Math.min(x, WIDTH - 2.0), width, HEIGHT - 6, passed ? "#2e7d32" : "#c62828",
                HtmlText.escape(title));
    }
}
