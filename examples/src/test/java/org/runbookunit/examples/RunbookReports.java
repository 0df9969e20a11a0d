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
import org.runbookunit.rehearsal.StackBinding;

/** Run one example runbook through the JUnit engine, reporting under a folder, and read its report. */
final class RunbookReports {

    private RunbookReports() {
    }

    /**
     * Write {@code yaml} as the folder's runbook.yaml, run the runbook in {@code environment} with these extra
     * parameters, reporting under the folder, and return report {@code reportId}'s report.json; fail naming what went
     * wrong when the run wrote none.
     */
    static JsonNode run(Class<?> runbook, String reportId, Path folder, String yaml, String environment,
            Map<String, String> extra) throws IOException {
        Map<String, String> parameters = new HashMap<>(extra);
        parameters.putAll(Map.of("runbook.config", config(folder, yaml).toString(), "runbook.env", environment));
        return run(runbook, reportId, folder, parameters);
    }

    /** Run the runbook with only these parameters, reporting under the folder, and read report {@code reportId}. */
    static JsonNode run(Class<?> runbook, String reportId, Path folder, Map<String, String> parameters)
            throws IOException {
        return report(folder, reportId, execute(runbook, folder, parameters));
    }

    /** Run the runbook with only these parameters, reporting under the folder, and return the engine's events. */
    static EngineExecutionResults execute(Class<?> runbook, Path folder, Map<String, String> parameters) {
        Map<String, String> all = new HashMap<>(parameters);
        all.put("runbook.reports.dir", folder.resolve("reports").toString());
        return EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(false)
                .configurationParameters(all).selectors(selectClass(runbook)).execute();
    }

    /** Read the folder's report {@code reportId}; fail naming the run's failures when the run wrote none. */
    static JsonNode report(Path folder, String reportId, EngineExecutionResults results) throws IOException {
        Path report = folder.resolve("reports/" + reportId + "/report.json");
        if (!Files.exists(report)) {
            throw new AssertionError("the runbook wrote no report: " + results.allEvents().failed().stream()
                    .map(event -> event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                            .map(Throwable::toString).orElse("?")).toList());
        }
        return new ObjectMapper().readTree(report.toFile());
    }

    /** Write {@code yaml} as the folder's runbook.yaml and return its path. */
    static Path config(Path folder, String yaml) throws IOException {
        return Files.writeString(Files.createDirectories(folder).resolve("runbook.yaml"), yaml);
    }

    /** Return these parameters with a run ledger kept in the folder's {@code ledger} directory. */
    static Map<String, String> withLedger(Path folder, Map<String, String> parameters) {
        Map<String, String> all = new HashMap<>(parameters);
        all.put("runbook.ledger", folder.resolve("ledger").toString());
        return all;
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

    /** Return a stack's endpoints as the lines of an {@code endpoints:} block of runbook.yaml, indented six spaces. */
    static String endpointLines(StackBinding binding) {
        return binding.endpoints().entrySet().stream()
                .map(endpoint -> "      " + endpoint.getKey() + ": \"" + endpoint.getValue() + "\"")
                .collect(Collectors.joining("\n"));
    }
}
