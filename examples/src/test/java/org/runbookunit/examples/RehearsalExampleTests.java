package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.examples.airdemand.AirDemandService;
import org.runbookunit.examples.airdemand.PostgresRoleStore;
import org.runbookunit.testing.PostgresServer;
import org.runbookunit.testing.RequiresDocker;

/** The same @Rehearsal runbook: a container stack locally, an already running copy on loopback as "staging". */
class RehearsalExampleTests {

    private final Path workDir = Path.of("target", "rehearsal-runs", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    @RequiresDocker
    void locallyTheStackStartsInContainersAndIsBound() throws IOException {
        JsonNode report = run("environments:\n  local:\n    rehearsal: true\n", "local");

        assertThat(report.get("verdict").asText()).isEqualTo("GO");
        assertThat(report.get("steps").findValuesAsText("outcome")).containsOnly("PASSED");
        assertThat(report.get("runEvidence").findValuesAsText("description"))
                .containsExactly("stack engine", "stack db logs", "stack api logs");
    }

    @Test
    void againstStagingTheSameRunbookChecksARunningCopyAndStartsNothing() throws IOException {
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.createDatabase("staging_copy");
        DatabaseSettings settings = postgres.superuser(database);
        PostgresRoleStore roles = new PostgresRoleStore(settings.url(), settings.user(), settings.password());
        roles.createSampleRoles(747);
        try (AirDemandService staging = AirDemandService.start(0, roles, null)) {
            JsonNode report = run("environments:\n  local:\n    rehearsal: true\n  staging:\n"
                    + "    endpoints: { api: \"" + staging.baseUri() + "\" }\n"
                    + "    database: { url: \"" + settings.url() + "\", user: \"" + settings.user() + "\", password: \""
                    + settings.password() + "\" }\n", "staging");

            assertThat(report.get("verdict").asText()).isEqualTo("GO");
            assertThat(report.get("runEvidence")).isEmpty();
        }
    }

    private JsonNode run(String yaml, String environment) throws IOException {
        return RunbookReports.run(AirDemandLocalRehearsal.class, "air-demand-local-rehearsal",
                workDir.resolve(environment), yaml, environment, Map.of());
    }
}
