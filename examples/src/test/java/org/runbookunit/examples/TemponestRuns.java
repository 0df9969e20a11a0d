package org.runbookunit.examples;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.rehearsal.StackBinding;

/** Run one of seed 004's runbooks against a started {@link TemponestStack} as environment {@code local}. */
final class TemponestRuns {

    private TemponestRuns() {
    }

    /** Write the environment for the stack, run the runbook with these extra parameters, and return its report. */
    static JsonNode run(TemponestStack stack, StackBinding binding, Path migrations, Class<?> runbook, String id,
            Map<String, String> extra) throws IOException {
        Path work = stack.folder();
        Path config = Files.writeString(work.resolve("runbook.yaml"), yaml(stack, binding, migrations));
        Map<String, String> parameters = new HashMap<>(extra);
        parameters.putAll(Map.of("runbook.config", config.toString(), "runbook.env", "local",
                "runbook.reports.dir", work.resolve("reports").toString()));
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(false)
                .configurationParameters(parameters).selectors(selectClass(runbook)).execute();
        Path report = work.resolve("reports/" + id + "/report.json");
        if (!Files.exists(report)) {
            throw new AssertionError("the runbook wrote no report: " + results.allEvents().failed().stream()
                    .map(event -> event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                            .map(Throwable::toString).orElse("?")).toList());
        }
        return new ObjectMapper().readTree(report.toFile());
    }

    /** Return a step's outcome in a report, e.g. {@code PASSED}. */
    static String outcome(JsonNode report, String id) {
        for (JsonNode step : report.get("steps")) {
            if (step.get("id").asText().equals(id)) {
                return step.get("outcome").asText();
            }
        }
        throw new AssertionError("no step " + id + " in " + report.get("steps"));
    }

    private static String yaml(TemponestStack stack, StackBinding binding, Path migrations) throws IOException {
        DatabaseSettings db = binding.database().orElseThrow();
        String agents = binding.endpoints().get("agents").toString();
        String endpoints = binding.endpoints().entrySet().stream()
                .map(endpoint -> "      " + endpoint.getKey() + ": \"" + endpoint.getValue() + "\"")
                .collect(Collectors.joining("\n"));
        return "environments:\n  local:\n    rehearsal: true\n    windows-scale: 0.0002\n    endpoints:\n" + endpoints
                + "\n      auth: \"" + agents + "\"\n      web-ui: \"" + agents + "\"\n"
                + "    database: { url: \"" + db.url() + "\", user: \"" + db.user() + "\", password: \"" + db.password() + "\" }\n"
                + "    hosts:\n      local: { local: true }\n"
                + "    properties:\n      env-file: \"" + stack.envFile() + "\"\n      log-file: \"" + stack.logFile() + "\"\n"
                + "      migrations-dir: \"" + migrations + "\"\n      backup-dir: \""
                + Files.createDirectories(stack.folder().resolve("backups")) + "\"\n"
                + "      min-free-disk-gb: \"1\"\n      min-free-memory-gb: \"0.25\"\n      baseline-rps: \"10\"\n"
                + "      compose-project: temponest-staging\n      temponest-home: \"" + stack.checkout() + "\"\n"
                + "      down-command: ./scripts/deploy/down.sh\n      up-command: ./scripts/deploy/up.sh\n";
    }
}
