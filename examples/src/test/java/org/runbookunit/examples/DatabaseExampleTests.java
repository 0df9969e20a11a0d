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

/** Run the seed database runbooks through the JUnit engine against a real PostgreSQL. */
class DatabaseExampleTests {

    private final Path workDir = Path.of("target", "database-examples", UUID.randomUUID().toString()).toAbsolutePath();
    private final PostgresServer server = PostgresServer.shared();

    @Test
    void seed001RoleCountAndARestorableBackupAgainstTheServiceStoringRolesInPostgres() throws IOException {
        String database = server.createDatabase("air_demand_db");
        PostgresRoleStore store = new PostgresRoleStore(server.url(database), PostgresServer.SUPERUSER,
                PostgresServer.SUPERUSER_PASSWORD);
        store.createSampleRoles(747);
        try (AirDemandService service = AirDemandService.start(0, store)) {
            JsonNode report = RunbookReports.run(AirDemandDatabaseRunbook.class, "air-demand-database-checks", workDir,
                    Map.of("runbook.config", postgres(database, "api: \"" + service.baseUri() + "\"").toString()));

            assertThat(report.get("verdict").asText()).isEqualTo("GO");
            assertThat(outcome(report, 0)).isEqualTo("PASSED");
            assertThat(outcome(report, 1)).isIn("PASSED", "WARNED"); // a latency budget: a loaded machine only warns
            assertThat(outcome(report, 2)).isEqualTo("PASSED");
        }
    }

    private Path postgres(String database, String endpoint) throws IOException {
        DatabaseSettings settings = server.superuser(database);
        return RunbookReports.config(workDir, "environments:\n  local:\n    endpoints: {" + endpoint + "}\n"
                + "    database:\n      url: \"" + settings.url() + "\"\n      user: " + settings.user() + "\n"
                + "      password: \"" + settings.password() + "\"\n"
                + "    properties:\n      backup-dir: \"" + workDir.resolve("backups") + "\"\n");
    }

    private static String outcome(JsonNode report, int step) {
        return report.get("steps").get(step).get("outcome").asText();
    }
}
