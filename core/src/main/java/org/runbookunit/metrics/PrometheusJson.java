package org.runbookunit.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read the answers of the Prometheus HTTP API: {@code {"status":"success","data":…}}. */
final class PrometheusJson {

    private PrometheusJson() {
    }

    static JsonNode data(JsonNode answer, String what) {
        if (!"success".equals(answer.path("status").asText())) {
            throw new MetricsExpectationError("Prometheus refused " + what + ": " + answer.path("errorType").asText()
                    + " " + answer.path("error").asText());
        }
        return answer.path("data");
    }

    static List<Target> targets(JsonNode data) {
        List<Target> targets = new ArrayList<>();
        for (JsonNode target : data.path("activeTargets")) {
            JsonNode labels = target.path("labels");
            targets.add(new Target(labels.path("job").asText(), labels.path("instance").asText(),
                    target.path("scrapeUrl").asText(), target.path("health").asText(),
                    instant(target.path("lastScrape").asText()), target.path("lastError").asText()));
        }
        return targets;
    }

    /** Read a vector or matrix result; a scalar becomes one series without labels. */
    static List<Series> series(JsonNode data) {
        List<Series> series = new ArrayList<>();
        JsonNode result = data.path("result");
        if ("scalar".equals(data.path("resultType").asText())) {
            return List.of(new Series(Map.of(), List.of(number(result))));
        }
        for (JsonNode one : result) {
            List<Double> values = new ArrayList<>();
            if (one.has("value")) {
                values.add(number(one.path("value")));
            }
            one.path("values").forEach(point -> values.add(number(point)));
            series.add(new Series(labels(one.path("metric")), values));
        }
        return series;
    }

    static Map<String, String> labels(JsonNode metric) {
        Map<String, String> labels = new LinkedHashMap<>();
        metric.fields().forEachRemaining(field -> labels.put(field.getKey(), field.getValue().asText()));
        return labels;
    }

    private static double number(JsonNode point) {
        String text = point.path(1).asText();
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static Optional<Instant> instant(String text) {
        try {
            Instant at = Instant.parse(text);
            return at.getEpochSecond() <= 0 ? Optional.empty() : Optional.of(at);
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
    }
}
