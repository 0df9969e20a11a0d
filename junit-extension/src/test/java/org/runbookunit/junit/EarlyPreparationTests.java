package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.runbookunit.junit.custom.Tally;

/**
 * Through a real launcher session, as Surefire and IDEs run tests: a runbook's facades start preparing while JUnit
 * discovers its class, before the run starts, once, and not at all with {@code runbook.prepare=false}.
 */
class EarlyPreparationTests {

    @Test
    void discoveringARunbookStartsPreparingItsFacadesOnceBeforeTheRunStarts() {
        int startedBefore = Tally.PREPARING.get();
        int preparedBefore = Tally.PREPARED.get();
        RunbookKit kit = RunbookKit.create();

        try (LauncherSession session = LauncherFactory.openSession()) {
            TestPlan plan = discover(session, kit);
            await("preparing before the run starts").atMost(Duration.ofSeconds(1))
                    .until(() -> Tally.PREPARING.get() > startedBefore);
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            session.getLauncher().execute(plan, summary);

            assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(2);
        }
        assertThat(Tally.PREPARING.get() - startedBefore).as("one preparation for discovery and run").isEqualTo(1);
        assertThat(EarlyFixture.seen).as("the first step waited for it").containsExactly(preparedBefore + 1,
                preparedBefore + 1);
        assertThat(kit.reportJson("early tally").get("verdict").asText()).isEqualTo("GO");
    }

    @Test
    void withPrepareOffDiscoveryPreparesNothing() {
        int startedBefore = Tally.PREPARING.get();
        RunbookKit kit = RunbookKit.create().parameter("runbook.prepare", "false");

        try (LauncherSession session = LauncherFactory.openSession()) {
            TestPlan plan = discover(session, kit);
            await("nothing preparing for a second").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                    .until(() -> Tally.PREPARING.get() == startedBefore);
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            session.getLauncher().execute(plan, summary);

            assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(2);
        }
        assertThat(Tally.PREPARING.get()).isEqualTo(startedBefore);
    }

    @Test
    void aBadPrepareSettingLeavesDiscoveryAloneAndFailsTheRunNamingIt() {
        int startedBefore = Tally.PREPARING.get();
        RunbookKit kit = RunbookKit.create().parameter("runbook.prepare", "maybe");

        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(discover(session, kit), summary);
        }

        assertThat(summary.getSummary().getFailures()).singleElement().satisfies(failure -> assertThat(
                failure.getException()).hasMessage("runbook.prepare must be true or false but was [maybe]"));
        assertThat(Tally.PREPARING.get()).isEqualTo(startedBefore);
    }

    private static TestPlan discover(LauncherSession session, RunbookKit kit) {
        EarlyFixture.seen.clear();
        return session.getLauncher().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(EarlyFixture.class)).configurationParameters(kit.parameters())
                .enableImplicitConfigurationParameters(false).build());
    }

    @Runbook(value = "early tally", id = "early tally")
    static class EarlyFixture {
        static final List<Integer> seen = new CopyOnWriteArrayList<>();

        @Step(order = 1, value = "Opened after its preparation")
        void first(Tally tally) {
            seen.add(tally.preparedWhenOpened());
        }

        @Step(order = 2, value = "Not prepared again")
        void second(Tally tally) {
            seen.add(tally.preparedWhenOpened());
        }
    }
}
