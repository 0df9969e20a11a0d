package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.runbookunit.db.Database;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;

/** Seed 003: the PostgreSQL schema validation of the signal-harvester staging stack. */
@Runbook("signal-harvester postgres schema validation")
class SignalHarvesterSchemaCheck {

    static final String[] TABLES = {"accounts", "artifact_classifications", "artifact_relationships", "artifact_topics",
        "artifacts", "cursors", "discovery_labels", "entities", "experiment_runs", "experiments", "performance_metrics",
        "schema_version", "scores", "snapshots", "topic_clusters", "topic_evolution", "topic_similarity", "topics",
        "tweets"};

    @Step(order = 1, value = "Connected to PostgreSQL")
    void connected(Database db) {
        db.expectConnectsWithin(Duration.ofSeconds(5));
    }

    @Step(order = 2, value = "Schema initialized (version 9)")
    void schemaVersion(Database db) {
        assertThat(db.schemaVersion().value()).isEqualTo("9");
    }

    @Step(order = 3, value = "Found 19 tables")
    void tables(Database db) {
        assertThat(db.expectTables(TABLES)).hasSize(19);
    }
}
