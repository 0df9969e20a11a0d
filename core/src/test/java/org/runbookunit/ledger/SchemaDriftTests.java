package org.runbookunit.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.runbookunit.Outcome;
import org.runbookunit.db.Database;
import org.runbookunit.db.DatabaseOptions;
import org.runbookunit.history.History;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.testing.PostgresServer;

/** Schema drift between two runs of a real PostgreSQL database: tables and indexes added or removed. */
class SchemaDriftTests {

    private final PostgresServer server = PostgresServer.shared();
    private final RunbookPlan plan = new RunbookPlan("schema-watch", "schema watch",
            List.of(LedgerRuns.step(1, "Schema unchanged since the last run")));

    @Test
    void anIndexAddedAndATableDroppedSinceThePreviousRunAreDrift() {
        String database = server.createDatabase("drift");
        server.execute(database, "CREATE TABLE roles (id serial PRIMARY KEY, title text NOT NULL)",
                "CREATE TABLE role_briefings (role_id int PRIMARY KEY REFERENCES roles, summary text)");
        LedgerRuns runs = LedgerRuns.fileStore();

        RunbookResult first = runs.run(plan, LedgerRuns.at("2026-11-24T06:00:00Z"), List.of(step -> {
            try (Database db = new Database(server.superuser(database), DatabaseOptions.defaults("production"),
                    step.evidence(), step.secrets())) {
                step.facade(History.class).compareSchema(db.schema()).expectUnchanged();
            }
        }));
        assertThat(first.steps().get(0).outcome()).isEqualTo(Outcome.WARNED);

        server.execute(database, "CREATE INDEX idx_roles_title ON roles (title)", "DROP TABLE role_briefings");
        RunbookResult second = runs.run(plan, LedgerRuns.at("2026-11-25T06:00:00Z"), List.of(step -> {
            try (Database db = new Database(server.superuser(database), DatabaseOptions.defaults("production"),
                    step.evidence(), step.secrets())) {
                step.facade(History.class).compareSchema(db.schema()).expectUnchanged();
            }
        }));

        assertThat(second.steps().get(0).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(second.steps().get(0).message()).contains("[schema] of step 1 in runbook [schema-watch] in [production] "
                + "expected unchanged since the previous run (2026-11-24T06:00:00Z, commit c0ffee) but 1 added "
                + "[index public.roles.idx_roles_title] and 2 removed [index public.role_briefings.role_briefings_pkey, "
                + "table public.role_briefings]");
        assertThat(runs.ledger().runs("schema-watch", "production").get(1).step("1").orElseThrow().inventory("schema")
                .orElseThrow()).contains("table public.roles", "index public.roles.idx_roles_title");
    }
}
