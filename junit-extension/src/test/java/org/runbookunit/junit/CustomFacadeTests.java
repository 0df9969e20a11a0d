package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.junit.custom.Tally;

/** A facade registered through META-INF/services is injected, closed after its step, and named in errors. */
class CustomFacadeTests {

    @Test
    void aRegisteredFacadeIsInjectedIntoAStepAndClosedWhenTheStepEnds() throws IOException {
        RunbookKit kit = RunbookKit.create();
        int closedBefore = Tally.CLOSED.get();

        EngineExecutionResults results = kit.run(TallyFixture.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(Tally.CLOSED.get() - closedBefore).isEqualTo(2);
        JsonNode steps = kit.reportJson("tally").get("steps");
        assertThat(steps.get(0).get("outcome").asText()).isEqualTo("PASSED");
        String evidence = steps.get(1).get("evidence").get(0).get("path").asText();
        assertThat(Files.readString(kit.reportDir("tally").resolve(evidence))).isEqualTo("counted 3");
    }

    @Test
    void aDeclaredFacadeIsPreparedOnceBeforeItsFirstStepOpensIt() {
        int preparedBefore = Tally.PREPARED.get();

        EngineExecutionResults results = RunbookKit.create().run(PreparedFixture.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(Tally.PREPARED.get() - preparedBefore).as("one preparation for the run").isEqualTo(1);
        assertThat(PreparedFixture.seen).as("the first step waited for it").containsExactly(preparedBefore + 1,
                preparedBefore + 1);
    }

    @Test
    void withPrepareOffOrInPlanModeNothingIsPrepared() {
        int preparedBefore = Tally.PREPARED.get();

        RunbookKit.create().parameter("runbook.prepare", "false").run(TallyFixture.class).testEvents()
                .assertStatistics(stats -> stats.succeeded(2));
        RunbookKit.create().parameter("runbook.plan", "true").run(TallyFixture.class);

        assertThat(Tally.PREPARED.get()).isEqualTo(preparedBefore);
    }

    @Test
    void aParameterTypeNobodyProvidesFailsBeforeAnythingRunsListingTheKnownTypes() {
        EngineExecutionResults results = RunbookKit.create().run(UnknownFacadeFixture.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(RunbookKit.runbookClass(UnknownFacadeFixture.class),
                finishedWithFailure(instanceOf(RunbookConfigurationException.class), message(text -> text.startsWith(
                        "no facade provides parameter type [" + Kafka.class.getName() + "] of @Step method "
                        + "UnknownFacadeFixture.publish(); steps can be given ")
                        && text.contains("Http") && text.contains("Database") && text.contains("Tally")
                        && text.endsWith("or register a org.runbookunit.spi.FacadeProvider for it in META-INF/services")))));
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Runbook("tally")
    static class TallyFixture {
        @Step(order = 1, value = "Opened for its step")
        void opened(Tally tally) {
            assertThat(tally.step()).isEqualTo("1 Opened for its step");
        }

        @Step(order = 2, value = "Counts")
        void counts(Tally tally) {
            tally.add().add().add();
        }
    }

    @Runbook("prepared tally")
    static class PreparedFixture {
        static final java.util.List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Step(order = 1, value = "Opened after its preparation")
        void first(Tally tally) {
            seen.add(tally.preparedWhenOpened());
        }

        @Step(order = 2, value = "Not prepared again")
        void second(Tally tally) {
            seen.add(tally.preparedWhenOpened());
        }
    }

    /** A type of a team's own that nobody registered. */
    static final class Kafka {
    }

    @Runbook("unknown facade")
    static class UnknownFacadeFixture {
        @Step(order = 1, value = "Publish")
        void publish(Kafka kafka) {
        }
    }
}
