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

class VariablesTests {

    private final Path dir = Path.of("target", "variables-tests", UUID.randomUUID().toString());

    @Test
    void credentialsInAUrlAreEncodedWithoutHelp() throws IOException {
        RunbookEnvironment staging = load("environments:\n  staging:\n    endpoints:\n"
                + "      alertmanager: \"https://${AM_USER}:${AM_PASSWORD}@alerts.staging.example:9093/api?token=${AM_TOKEN}\"\n")
                .environment("staging", Map.of("AM_USER", "ops team", "AM_PASSWORD", "p@ss:w/rd%", "AM_TOKEN", "a&b=c"));

        URI alertmanager = staging.endpoint("alertmanager");

        assertThat(alertmanager.getUserInfo()).isEqualTo("ops team:p@ss:w/rd%");
        assertThat(alertmanager.getHost()).isEqualTo("alerts.staging.example");
        assertThat(alertmanager.getPath()).isEqualTo("/api");
        assertThat(alertmanager.getQuery()).isEqualTo("token=a&b=c");
        assertThat(alertmanager.getRawQuery()).isEqualTo("token=a%26b%3Dc");
    }

    @Test
    void hostAndPathVariablesAreUsedAsWritten() throws IOException {
        RunbookEnvironment staging = load("environments:\n  staging:\n    endpoints:\n"
                + "      api: \"http://${STAGING_IP}:8123${API_PREFIX:-/v1}\"\n")
                .environment("staging", Map.of("STAGING_IP", "10.0.0.7"));

        assertThat(staging.endpoint("api")).isEqualTo(URI.create("http://10.0.0.7:8123/v1"));
        assertThat(staging.secrets().redact("GET http://10.0.0.7:8123/v1")).isEqualTo("GET http://***:8123/v1");
    }

    @Test
    void everyValueFromTheEnvironmentIsASecretButDefaultsAreNot() throws IOException {
        RunbookEnvironment staging = load("environments:\n  staging:\n    properties:\n"
                + "      recipient: \"${DIGEST_RECIPIENT:-ops@example.com}\"\n      token: \"${API_TOKEN}\"\n")
                .environment("staging", Map.of("API_TOKEN", "tok-abcdef"));

        assertThat(staging.property("recipient")).isEqualTo("ops@example.com");
        assertThat(staging.secrets().redact("ops@example.com tok-abcdef")).isEqualTo("ops@example.com ***");
    }

    @Test
    void databasePasswordsAreSecretsEvenWhenWrittenInTheFile() throws IOException {
        RunbookEnvironment local = load("environments:\n  local:\n    database:\n"
                + "      url: \"jdbc:postgresql://127.0.0.1:5432/app\"\n      user: app\n      password: \"local-only-pw\"\n")
                .environment("local", Map.of());

        assertThat(local.database()).get().hasToString(
                "DatabaseSettings[url=jdbc:postgresql://127.0.0.1:5432/app, user=app, password=***]");
        assertThat(local.secrets().redact("password=local-only-pw")).isEqualTo("password=***");
    }

    @Test
    void readOnlyRehearsalAndWindowsScaleAreRead() throws IOException {
        RunbookConfig config = load("environments:\n  local:\n    rehearsal: true\n    windows-scale: 0.01\n"
                + "  production:\n    read-only: true\n");

        assertThat(config.environment("local", Map.of()).rehearsal()).isTrue();
        assertThat(config.environment("local", Map.of()).windowsScale()).isEqualTo(0.01);
        assertThat(config.environment("production", Map.of()).readOnly()).isTrue();
        assertThat(config.environment("production", Map.of()).windowsScale()).isEqualTo(1.0);
    }

    @Test
    void aWindowsScaleAboveOneIsRejected() throws IOException {
        RunbookConfig config = load("environments:\n  local:\n    windows-scale: 2\n");

        assertThatThrownBy(() -> config.environment("local", Map.of()))
                .hasMessageContaining("environments.local.windows-scale must be above 0 and at most 1");
    }

    @Test
    void aMistypedKeySuggestsTheRightOne() {
        assertThatThrownBy(() -> load("environments:\n  production:\n    readonly: true\n"))
                .hasMessageContaining("line 3: unknown key [readonly] at environments.production.readonly; "
                        + "did you mean [read-only]?");
    }

    @Test
    void aWrongTypeNamesThePath() {
        assertThatThrownBy(() -> load("environments:\n  production:\n    read-only: sometimes\n"))
                .hasMessageContaining("line 3: environments.production.read-only has the wrong type");
    }

    @Test
    void planModeListsMissingVariablesInsteadOfFailing() throws IOException {
        RunbookConfig.PlannedEnvironment planned = load("environments:\n  production:\n    endpoints:\n"
                + "      api: \"https://${PROD_HOST}\"\n").planEnvironment("production", Map.of());

        assertThat(planned.missingVariables()).containsExactly("PROD_HOST");
        assertThat(planned.environment().endpoint("api")).isEqualTo(URI.create("https://unset-prod-host"));
    }

    private RunbookConfig load(String yaml) throws IOException {
        Files.createDirectories(dir);
        Path file = Files.writeString(dir.resolve("runbook.yaml"), yaml);
        RunbookSettings settings = new RunbookSettings(ConfigSource.of(Map.of(ConfigKeys.CONFIG, file.toString())));
        return new RunbookConfigLoader().load(settings, getClass().getClassLoader());
    }
}
