package org.runbookunit.windows;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.evidence.EvidenceItem;

/** Summarise a window's samples and save them as evidence: a JSON timeline and a CSV one. */
final class Timeline {

    private Timeline() {
    }

    static int failures(List<Sample> samples) {
        return (int) samples.stream().filter(sample -> !sample.passed()).count();
    }

    static int longestFailureStreak(List<Sample> samples) {
        int longest = 0;
        int current = 0;
        for (Sample sample : samples) {
            current = sample.passed() ? 0 : current + 1;
            longest = Math.max(longest, current);
        }
        return longest;
    }

    static int trailingFailures(List<Sample> samples) {
        int streak = 0;
        for (int index = samples.size() - 1; index >= 0 && !samples.get(index).passed(); index--) {
            streak++;
        }
        return streak;
    }

    /** Return {@code "142 samples, 2 failures, longest failure streak 1"}. */
    static String summary(List<Sample> samples) {
        return samples.size() + (samples.size() == 1 ? " sample, " : " samples, ") + failures(samples)
                + (failures(samples) == 1 ? " failure" : " failures") + ", longest failure streak "
                + longestFailureStreak(samples);
    }

    /** Save the timeline as JSON and CSV; the JSON file's description carries the summary the report shows. */
    static EvidenceItem save(Evidence evidence, Map<String, Object> window, List<Sample> samples) {
        Map<String, Object> document = new LinkedHashMap<>(window);
        document.put("summary", summary(samples));
        document.put("samples", samples.stream().map(Timeline::row).toList());
        String name = "window " + window.get("name");
        EvidenceItem json = evidence.json(name, document, name + ": " + summary(samples));
        evidence.save(name, "csv", csv(samples).getBytes(StandardCharsets.UTF_8), name + " (CSV)");
        return json;
    }

    private static Map<String, Object> row(Sample sample) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("offsetMs", sample.offset().toMillis());
        row.put("passed", sample.passed());
        row.put("latencyMs", sample.latency().toMillis());
        row.put("message", sample.message());
        return row;
    }

    private static String csv(List<Sample> samples) {
        StringBuilder csv = new StringBuilder("offset_ms,passed,latency_ms,message\n");
        for (Sample sample : samples) {
            csv.append(sample.offset().toMillis()).append(',').append(sample.passed()).append(',')
                    .append(sample.latency().toMillis()).append(",\"")
                    .append(sample.message().replace("\"", "\"\"").replace("\n", " ")).append("\"\n");
        }
        return csv.toString();
    }
}
