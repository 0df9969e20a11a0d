package org.runbookunit.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.runbookunit.NotApplicableException;

/** The Database facade against a real PostgreSQL server. */
class DatabaseTests {

    private final PgFixture fixture = new PgFixture();
    private final String name = fixture.airDemand();
    private final Database db = fixture.database(name);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void countsRowsAndConnectsWithinABudget() {
        assertThat(db.expectConnectsWithin(Duration.ofSeconds(5))).isLessThan(Duration.ofSeconds(5));
        assertThat(db.count("roles")).isEqualTo(747);
        assertThat(db.count("public.companies")).isEqualTo(11);
    }

    @Test
    void queryRowsAreUsableWithAssertJAndSavedAsEvidence() throws IOException {
        Rows rows = db.query("SELECT id, title, qualified FROM roles WHERE id <= ? ORDER BY id", 3);

        assertThat(rows).hasSize(3);
        assertThat(rows.columns()).containsExactly("id", "title", "qualified");
        assertThat(rows.column("title")).containsExactly("Role 1", "Role 2", "Role 3");
        assertThat(rows.get(0)).containsEntry("id", 1).containsEntry("qualified", false);
        assertThat(db.query("SELECT count(*) FROM roles WHERE qualified").value()).isEqualTo(106L);
        try (Stream<java.nio.file.Path> files = Files.list(fixture.evidenceDir())) {
            String evidence = Files.readString(files.filter(file -> file.toString().contains("db-query")).findFirst().orElseThrow());
            assertThat(evidence).contains("\"rowCount\" : 3", "\"title\" : \"Role 2\"", "WHERE id <= ?");
        }
    }

    @Test
    void expectTablesNamesTheMissingOnesAndListsWhatIsThere() {
        assertThat(db.expectTables("roles", "companies")).hasSize(4);

        assertThatThrownBy(() -> db.expectTables("roles", "scrapes", "digests"))
                .isInstanceOf(DatabaseExpectationError.class)
                .hasMessageStartingWith("2 of 3 expected tables missing in [jdbc:postgresql://127.0.0.1:")
                .hasMessageContaining("[scrapes, digests]; it has 4 tables [alembic_version, companies, role_briefings, roles]");
    }

    @Test
    void indexesAndViewsMatchLikePatterns() {
        fixture.server.execute(name, "CREATE INDEX idx_roles_company ON roles (company_id)",
                "CREATE INDEX idx_roles_qualified ON roles (qualified)",
                "CREATE VIEW v_qualified_roles AS SELECT * FROM roles WHERE qualified");

        assertThat(db.expectIndexes("idx_%")).containsExactly("idx_roles_company", "idx_roles_qualified");
        assertThat(db.indexes("%pkey")).contains("roles_pkey", "companies_pkey");
        assertThat(db.expectViews("v_%")).containsExactly("v_qualified_roles");
        assertThatThrownBy(() -> db.expectViews("mv_%")).isInstanceOf(DatabaseExpectationError.class)
                .hasMessageContaining("no views match [mv_%]").hasMessageContaining("it has 1 views [v_qualified_roles]");
    }

    @Test
    void schemaVersionComesFromAlembicFlywayOrASchemaVersionTable() {
        assertThat(db.schemaVersion()).isEqualTo(new SchemaVersion("1e42a12186da", "alembic_version"));

        String flyway = fixture.server.createDatabase("flyway");
        fixture.server.execute(flyway, "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version "
                + "varchar(50), success boolean NOT NULL)", "INSERT INTO flyway_schema_history VALUES (1, '1', true), "
                + "(2, '2', true), (3, '3', false), (4, NULL, true)");
        String harvester = fixture.server.createDatabase("harvester");
        fixture.server.execute(harvester, "CREATE TABLE schema_version (version int PRIMARY KEY, applied_at text)",
                "INSERT INTO schema_version VALUES (8, '2025-11-13'), (9, '2025-11-14T06:47:59Z'), (10, '2025-11-15')");
        try (Database flywayDb = fixture.database(flyway); Database harvesterDb = fixture.database(harvester)) {
            assertThat(flywayDb.schemaVersion().value()).isEqualTo("2");
            assertThat(harvesterDb.schemaVersion()).hasToString("10 (from schema_version)");
            assertThat(harvesterDb.schemaVersion("SELECT version FROM schema_version WHERE applied_at LIKE '%Z'").value())
                    .isEqualTo("9");
        }
    }

    @Test
    void aDatabaseWithoutAVersionTableSaysWhereItLookedAndHowToAsk() {
        fixture.server.execute(name, "DROP TABLE alembic_version");

        assertThatThrownBy(db::schemaVersion).isInstanceOf(DatabaseExpectationError.class)
                .hasMessageContaining("looked for alembic_version, flyway_schema_history and schema_version")
                .hasMessageContaining("schemaVersion(\"SELECT …\")");
    }

    @Test
    void activeConnectionsCountsClientSessions() {
        assertThat(db.activeConnections()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void slowQueriesComeFromPgStatStatementsWhenInstalled() {
        fixture.server.execute(name, "CREATE EXTENSION pg_stat_statements");
        db.query("SELECT pg_sleep(0.05)");

        assertThat(db.slowQueries(Duration.ofMillis(20))).anySatisfy(slow -> {
            assertThat(slow.query()).contains("pg_sleep");
            assertThat(slow.mean()).isGreaterThanOrEqualTo(Duration.ofMillis(40));
        });
        assertThat(db.slowQueries(Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void slowQueriesAreNotApplicableWithoutPgStatStatements() {
        assertThatThrownBy(() -> db.slowQueries(Duration.ofMillis(100))).isInstanceOf(NotApplicableException.class)
                .hasMessageContaining("pg_stat_statements is not installed in [jdbc:postgresql://127.0.0.1:")
                .hasMessageContaining("CREATE EXTENSION pg_stat_statements");
    }

    @Test
    void queryLatencyReportsOrderedPercentiles() {
        Latency latency = db.queryLatency("SELECT * FROM roles WHERE company_id = 3", 50);

        assertThat(latency.runs()).isEqualTo(50);
        assertThat(latency.p50()).isPositive().isLessThanOrEqualTo(latency.p95());
        assertThat(latency.p95()).isLessThanOrEqualTo(latency.p99());
        assertThat(latency.p99()).isLessThanOrEqualTo(latency.max());
        assertThatThrownBy(() -> db.queryLatency("SELECT 1", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("queryLatency(sql, runs) needs runs >= 1 but was [0]");
    }

    @Test
    void countTakesOnlyATableName() {
        assertThatThrownBy(() -> db.count("roles; DROP TABLE roles")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count(table) takes a table name like roles or public.roles but was [roles; DROP TABLE roles]; "
                        + "use query(\"SELECT count(*) …\") for anything else");
    }
}
