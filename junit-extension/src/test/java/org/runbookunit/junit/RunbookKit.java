package org.runbookunit.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Condition;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Run a runbook fixture through the real JUnit engine, with its own reports folder and runbook.yaml. */
final class RunbookKit {

    private final Path workDir = Path.of("target", "runbook-kit", UUID.randomUUID().toString()).toAbsolutePath();
    private final Map<String, String> parameters = new HashMap<>();

    private RunbookKit() {
        parameters.put("runbook.reports.dir", workDir.resolve("reports").toString());
        parameters.put("runbook.ledger", workDir.resolve("ledger").toString());
    }

    /** Create a kit whose {@code local} environment has no endpoints. */
    static RunbookKit create() {
        return new RunbookKit();
    }

    /** Create a kit whose {@code local} environment points endpoint {@code api} at a URI. */
    static RunbookKit withApi(URI api) {
        return create().withConfig("environments:\n  local:\n    endpoints:\n      api: \"" + api + "\"\n"
                + "  staging:\n    endpoints:\n      api: \"http://api.staging.example:8123\"\n");
    }

    RunbookKit withConfig(String yaml) {
        try {
            Files.createDirectories(workDir);
            Path file = Files.writeString(workDir.resolve("runbook.yaml"), yaml);
            return parameter("runbook.config", file.toString());
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
    }

    RunbookKit parameter(String key, String value) {
        parameters.put(key, value);
        return this;
    }

    /** Return the configuration parameters a run gets: reports folder, ledger, runbook.yaml and any set. */
    Map<String, String> parameters() {
        return Map.copyOf(parameters);
    }

    EngineExecutionResults run(Class<?>... fixtures) {
        return EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(parameters)
                .selectors(Arrays.stream(fixtures).map(fixture -> selectClass(fixture)).toArray(DiscoverySelector[]::new))
                .execute();
    }

    /** Match events of the runbook class itself, not of its nested phases. */
    static Condition<Event> runbookClass(Class<?> fixture) {
        String suffix = "[class:" + fixture.getName() + "]";
        return new Condition<>(event -> event.getTestDescriptor().getUniqueId().toString().endsWith(suffix),
                "the runbook class %s", fixture.getSimpleName());
    }

    Path reportDir(String runbookId) {
        return workDir.resolve("reports").resolve(runbookId);
    }

    JsonNode reportJson(String runbookId) {
        try {
            return new ObjectMapper().readTree(reportDir(runbookId).resolve("report.json").toFile());
        } catch (IOException cannotRead) {
            throw new UncheckedIOException(cannotRead);
        }
    }
}
