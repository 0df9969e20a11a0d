package org.runbookunit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunbookConfigLoaderTests {

    private final Path dir = Path.of("target", "config-tests", UUID.randomUUID().toString());

    @Test
    void endpointsOfTheSelectedEnvironmentAreRead() throws IOException {
        RunbookConfig config = load("environments:\n  local:\n    endpoints:\n      api: \"http://127.0.0.1:8123\"\n"
                + "  staging:\n    endpoints: { api: \"http://api.staging.example:8123/\" }\n");

        assertThat(config.environment("staging", Map.of()).endpoint("api")).isEqualTo(URI.create("http://api.staging.example:8123/"));
        assertThat(config.environment("local", Map.of()).endpoints()).containsOnlyKeys("api");
    }

    @Test
    void anUnknownEnvironmentListsTheKnownOnes() throws IOException {
        RunbookConfig config = load("environments:\n  local: {}\n  staging: {}\n");

        assertThatThrownBy(() -> config.environment("prod", Map.of())).isInstanceOf(RunbookConfigurationException.class)
                .hasMessageContaining("runbook.env names an unknown environment [prod]")
                .hasMessageContaining("known environments: [local, staging]");
    }

    @Test
    void anUnknownEndpointNamesTheEnvironmentAndTheFix() throws IOException {
        RunbookEnvironment local = load("environments:\n  local:\n    endpoints: { api: \"http://127.0.0.1:1\" }\n")
                .environment("local", Map.of());

        assertThatThrownBy(() -> local.endpoint("dashboard")).hasMessage("endpoint [dashboard] is not defined in "
                + "environment [local]; known endpoints: [api]. Add it under environments.local.endpoints in runbook.yaml");
    }

    @Test
    void anUnknownKeyNamesTheLineAndTheValidKeys() throws IOException {
        assertThatThrownBy(() -> load("environments:\n  local:\n    endpoint: { api: \"http://127.0.0.1:1\" }\n"))
                .isInstanceOf(RunbookConfigurationException.class)
                .hasMessageContaining("line 3: unknown key [endpoint] at environments.local.endpoint; did you mean "
                        + "[endpoints]? valid keys here: [database, endpoints, health-paths, hosts, ignore-https-errors, properties, read-only, rehearsal, windows-scale]");
    }

    @Test
    void healthPathsAreReadPerEndpointAndMustNameAnEndpointAndAPath() throws IOException {
        RunbookConfig config = load("environments:\n  local:\n    endpoints: { api: \"http://127.0.0.1:1\", web: "
                + "\"http://127.0.0.1:2\" }\n    health-paths: { api: /health }\n  typo:\n    endpoints: { api: "
                + "\"http://127.0.0.1:1\" }\n    health-paths: { apí: /health }\n  relative:\n    endpoints: { api: "
                + "\"http://127.0.0.1:1\" }\n    health-paths: { api: health }\n");

        assertThat(config.environment("local", Map.of()).healthPaths()).containsExactly(Map.entry("api", "/health"));
        assertThatThrownBy(() -> config.environment("typo", Map.of())).hasMessageContaining("environments.typo."
                + "health-paths.apí names no endpoint of [typo]; its endpoints are [api]");
        assertThatThrownBy(() -> config.environment("relative", Map.of())).hasMessageContaining("environments.relative."
                + "health-paths.api must be a path starting with / like /health but was [health]");
    }

    @Test
    void aMalformedEndpointUrlIsRejectedWithItsKey() throws IOException {
        RunbookConfig config = load("environments:\n  local:\n    endpoints: { api: \"127.0.0.1:8123\" }\n");

        assertThatThrownBy(() -> config.environment("local", Map.of()))
                .hasMessageEndingWith("environments.local.endpoints.api must be an http(s) URL like "
                        + "http://api.staging.example:8123 (or redis:// for Redis) but was [127.0.0.1:8123]");
    }

    @Test
    void aMissingConfigFileIsNamed() {
        RunbookSettings settings = new RunbookSettings(ConfigSource.of(Map.of(ConfigKeys.CONFIG, "nope/runbook.yaml")));

        assertThatThrownBy(() -> new RunbookConfigLoader().load(settings, getClass().getClassLoader()))
                .hasMessageStartingWith("runbook.config points at a file that does not exist: [");
    }

    @Test
    void withoutAnyFileOnlyAnEmptyLocalEnvironmentExists() {
        RunbookSettings settings = new RunbookSettings(ConfigSource.empty());

        RunbookConfig config = new RunbookConfigLoader().load(settings, new ClassLoader(null) { });

        assertThat(config.environment("local", Map.of()).endpoints()).isEmpty();
    }

    @Test
    void settingsFallBackToRunbookEnvironmentVariables() {
        RunbookSettings settings = new RunbookSettings(ConfigSource.of(Map.of(ConfigKeys.ENV, "staging"))
                .orEnvironment(Map.of("RUNBOOK_ENV", "production", "RUNBOOK_HTTP_TIMEOUT", "3s")));

        assertThat(settings.environmentName()).isEqualTo("staging");
        assertThat(settings.httpTimeout()).hasSeconds(3);
    }

    private RunbookConfig load(String yaml) throws IOException {
        Files.createDirectories(dir);
        Path file = Files.writeString(dir.resolve("runbook.yaml"), yaml);
        RunbookSettings settings = new RunbookSettings(ConfigSource.of(Map.of(ConfigKeys.CONFIG, file.toString())));
        return new RunbookConfigLoader().load(settings, getClass().getClassLoader());
    }
}
