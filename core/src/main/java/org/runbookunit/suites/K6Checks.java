package org.runbookunit.suites;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Count the checks of a k6 summary ({@code --summary-export} or {@code handleSummary} JSON) as a suite's cases: every
 * check evaluation that passed or failed, with each check that failed at least once listed by its group path.
 */
final class K6Checks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private K6Checks() {
    }

    static SuiteResult read(String name, Path summary, int exitCode, Duration elapsed) {
        JsonNode root = tree(summary);
        List<FailedCase> failures = new ArrayList<>();
        long[] counts = new long[2];
        group(root.path("root_group"), counts, failures);
        return new SuiteResult(name, exitCode, (int) counts[0], (int) counts[1], 0, failures, elapsed);
    }

    private static void group(JsonNode group, long[] counts, List<FailedCase> failures) {
        for (JsonNode check : group.path("checks")) {
            long passes = check.path("passes").asLong();
            long fails = check.path("fails").asLong();
            counts[0] += passes;
            counts[1] += fails;
            if (fails > 0) {
                failures.add(new FailedCase(group.path("path").asText(), check.path("name").asText(),
                        fails + " of " + (passes + fails) + " failed"));
            }
        }
        for (JsonNode child : group.path("groups")) {
            group(child, counts, failures);
        }
    }

    private static JsonNode tree(Path summary) {
        try {
            JsonNode root = JSON.readTree(summary.toFile());
            if (root == null || !root.has("root_group")) {
                throw new SuiteException("the k6 summary [" + summary + "] has no \"root_group\"; write it with k6 run "
                        + "--summary-export=" + summary.getFileName() + " script.js");
            }
            return root;
        } catch (IOException unreadable) {
            throw new SuiteException("cannot read the k6 summary [" + summary + "]: " + unreadable.getMessage(), unreadable);
        }
    }
}
