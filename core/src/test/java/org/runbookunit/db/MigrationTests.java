package org.runbookunit.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Seed 004 section 3: migrations 006 and 007 tried on a template copy, the source untouched. */
class MigrationTests {

    static final String INDEXES_006 = """
            -- 006: composite indexes for the dashboard's queries
            CREATE INDEX idx_roles_company_qualified ON roles (company_id, qualified);
            CREATE INDEX idx_roles_first_seen ON roles (first_seen DESC);
            """;
    static final String VIEWS_007 = """
            /* 007: metrics views; the function body holds semicolons */
            CREATE VIEW v_run_metrics_summary AS
              SELECT c.name AS company, count(*) AS roles, count(*) FILTER (WHERE r.qualified) AS qualified
              FROM roles r JOIN companies c ON c.id = r.company_id GROUP BY c.name;
            CREATE FUNCTION qualified_share() RETURNS numeric LANGUAGE plpgsql AS $$
              BEGIN RETURN (SELECT avg(CASE WHEN qualified THEN 1 ELSE 0 END) FROM roles); END;
            $$;
            CREATE VIEW v_qualified_share AS SELECT qualified_share() AS share;
            """;

    private final PgFixture fixture = new PgFixture();
    private final String name = fixture.airDemand();

    @Test
    void migrationsApplyOnATemplateCopyAndTheSourceStaysUntouched() throws IOException {
        Path dir = migrations(INDEXES_006, VIEWS_007);
        Database copy;
        try (Postgres postgres = fixture.postgres(name); Database source = fixture.database(name)) {
            copy = postgres.copyForRehearsal();

            assertThat(copy.applyMigrations(dir)).extracting(AppliedMigration::file, AppliedMigration::statements)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("006_composite_indexes.sql", 2),
                            org.assertj.core.groups.Tuple.tuple("007_metrics_views.sql", 3));
            assertThat(copy.expectIndexes("idx_%")).containsExactly("idx_roles_company_qualified", "idx_roles_first_seen");
            assertThat(copy.expectViews("v_%")).containsExactly("v_qualified_share", "v_run_metrics_summary");
            assertThat(copy.query("SELECT * FROM v_run_metrics_summary ORDER BY company LIMIT 5")).hasSize(5);
            assertThat(copy.count("roles")).isEqualTo(747);
            assertThat(copy.url()).contains(name + "_rehearsal_");

            assertThat(source.indexes("idx_%")).isEmpty();
            assertThat(source.views("%")).isEmpty();
        }
        String copyName = copy.url().substring(copy.url().lastIndexOf('/') + 1);
        try (Database server = fixture.database("postgres")) {
            assertThat(server.query("SELECT datname FROM pg_database WHERE datname = ?", copyName)).isEmpty();
        }
    }

    @Test
    void aFailingMigrationNamesFileStatementAndLineAndRollsItsFileBack() throws IOException {
        Path dir = migrations(INDEXES_006, """
                CREATE VIEW v_ok AS SELECT 1 AS one;

                CREATE VIEW v_broken AS
                  SELECT nme FROM roles;
                """);
        try (Database db = fixture.database(name)) {
            assertThatThrownBy(() -> db.applyMigrations(dir)).isInstanceOf(DatabaseException.class)
                    .hasMessageStartingWith("migration [007_metrics_views.sql] failed at statement 2 of 2 (line 3) and was "
                            + "rolled back; [006_composite_indexes.sql] before it stay committed; 0 later file(s) not run. "
                            + "SQL failed on [")
                    .hasMessageContaining("ERROR: column \"nme\" does not exist")
                    .hasMessageContaining("    SELECT nme FROM roles");

            assertThat(db.indexes("idx_%")).hasSize(2);
            assertThat(db.views("v_%")).isEmpty();
        }
    }

    @Test
    void aTemplateCopyIsRefusedWhileTheSourceHasSessionsAndTheMessageSaysWhy() {
        try (Postgres postgres = fixture.postgres(name); Database busy = fixture.database(name)) {
            busy.count("roles");

            assertThatThrownBy(postgres::copyForRehearsal).isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("TEMPLATE " + name + " refused: [" + name + "] has 1 other session(s) (runbookunit)")
                    .hasMessageContaining("close the step's Database first with db.close()");
        }
    }

    @Test
    void anEmptyFolderOrGlobIsReportedWithThePath() throws IOException {
        Path dir = migrations(INDEXES_006);
        try (Database db = fixture.database(name)) {
            assertThatThrownBy(() -> db.applyMigrations(dir, "9*.sql")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("applyMigrations found no file matching [9*.sql] in [" + dir + "]");
        }
    }

    private Path migrations(String... files) throws IOException {
        Path dir = Files.createDirectories(fixture.workDir.resolve("migrations"));
        String[] names = {"006_composite_indexes.sql", "007_metrics_views.sql"};
        for (int i = 0; i < files.length; i++) {
            Files.writeString(dir.resolve(names[i]), files[i]);
        }
        return dir;
    }
}
