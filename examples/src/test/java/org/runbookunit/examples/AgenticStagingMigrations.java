package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.runbookunit.db.Database;
import org.runbookunit.db.Postgres;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;

/** Seed 004, section 3: test migrations 006 and 007 on a template copy of staging, then verify indexes and views. */
@Runbook("agentic staging migrations rehearsal")
class AgenticStagingMigrations {

    @Step(order = 1, value = "Migrations 006 and 007 ready")
    void ready() {
        assertThat(migrations()).isDirectoryContaining("glob:**/006_composite_indexes.sql")
                .isDirectoryContaining("glob:**/007_metrics_views.sql");
    }

    @Step(order = 2, value = "Migrations apply on a template copy; indexes and views created")
    void rehearse(Postgres postgres) {
        Database copy = postgres.copyForRehearsal(); // CREATE DATABASE … TEMPLATE agentic_staging; dropped after the step

        assertThat(copy.applyMigrations(migrations(), "00[67]_*.sql")).hasSize(2);
        copy.expectIndexes("idx_%");
        copy.expectViews("v_%");
        assertThat(copy.query("SELECT * FROM v_run_metrics_summary LIMIT 5")).isNotEmpty();
    }

    @Step(order = 3, value = "Staging itself untouched by the rehearsal")
    void untouched(Database db) {
        assertThat(db.indexes("idx_%")).isEmpty();
        assertThat(db.views("v_%")).isEmpty();
    }

    private static Path migrations() {
        try {
            return Path.of(AgenticStagingMigrations.class.getResource("/seed004/migrations").toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
