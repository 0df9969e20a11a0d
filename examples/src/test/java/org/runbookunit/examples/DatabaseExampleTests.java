package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
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
            JsonNode report = run(AirDemandDatabaseRunbook.class, postgres(database, "api: \"" + service.baseUri() + "\""));

            assertThat(report.get("verdict").asText()).isEqualTo("GO");
            assertThat(outcome(report, 0)).isEqualTo("PASSED");
            assertThat(outcome(report, 1)).isIn("PASSED", "WARNED"); // a latency budget: a loaded machine only warns
            assertThat(outcome(report, 2)).isEqualTo("PASSED");
        }
    }

    private String postgres(String database, String endpoint) {
        DatabaseSettings settings = server.superuser(database);
        return "environments:\n  local:\n    endpoints: {" + endpoint + "}\n    database:\n      url: \"" + settings.url()
                + "\"\n      user: " + settings.user() + "\n      password: \"" + settings.password() + "\"\n"
                + "    properties:\n      backup-dir: \"" + workDir.resolve("backups") + "\"\n";
    }

    private JsonNode run(Class<?> runbook, String yaml) throws IOException {
        Files.createDirectories(workDir);
        Path config = Files.writeString(workDir.resolve(runbook.getSimpleName() + ".yaml"), yaml);
        Path reports = workDir.resolve("reports");
        EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(false)
                .configurationParameters(Map.of("runbook.config", config.toString(), "runbook.reports.dir", reports.toString()))
                .selectors(selectClass(runbook)).execute();
        try (var folders = Files.list(reports)) {
            Path report = folders.filter(folder -> Files.exists(folder.resolve("report.json"))).collect(Collectors.toList())
                    .stream().filter(folder -> folder.getFileName().toString().startsWith(runbookId(runbook)))
                    .findFirst().orElseThrow().resolve("report.json");
            return new ObjectMapper().readTree(report.toFile());
        }
    }

    private static String runbookId(Class<?> runbook) {
        return runbook.getAnnotation(org.runbookunit.junit.Runbook.class).value().toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String outcome(JsonNode report, int step) {
        return report.get("steps").get(step).get("outcome").asText();
    }
}
