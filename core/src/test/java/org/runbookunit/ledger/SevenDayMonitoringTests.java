package org.runbookunit.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.runbookunit.Verdict;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.evidence.Warnings;
import org.runbookunit.history.History;
import org.runbookunit.history.HistoryExpectationError;
import org.runbookunit.http.Http;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.run.StepExecution;
import org.runbookunit.testing.LoopbackServer;
import org.runbookunit.testing.PostgresServer;

/**
 * Seed 001, Phase 7: a week of twice-daily monitoring runs (05:30 and 17:30 UTC, after each scheduled scrape) against a
 * real HTTP service, recorded under a test clock in each store, then judged by {@link History}.
 */
class SevenDayMonitoringTests {

    private static final String RUNBOOK = "air-demand-daily-monitoring";
    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-11-24");
    private final RunbookPlan plan = new RunbookPlan(RUNBOOK, "air-demand daily monitoring", List.of(
            LedgerRuns.step(1, "API /health returns healthy"), LedgerRuns.step(2, "Scheduled scrape succeeded")));

    @Test
    void aCleanWeekInTheFileStoreIsSevenConsecutiveGoDaysAndFourteenScrapes() {
        aCleanWeekIsSevenConsecutiveGoDaysAndFourteenScrapes(LedgerRuns.fileStore());
    }

    @Test
    void aCleanWeekInPostgresIsSevenConsecutiveGoDaysAndFourteenScrapes() {
        PostgresServer server = PostgresServer.shared();
        aCleanWeekIsSevenConsecutiveGoDaysAndFourteenScrapes(new LedgerRuns(server.url(server.createDatabase("week")))
                .setting(ConfigKeys.LEDGER_USER, PostgresServer.SUPERUSER)
                .setting(ConfigKeys.LEDGER_PASSWORD, PostgresServer.SUPERUSER_PASSWORD));
    }

    private void aCleanWeekIsSevenConsecutiveGoDaysAndFourteenScrapes(LedgerRuns runs) {
        try (Service service = new Service()) {
            runs.endpoint("api", service.server.uri());
            week(runs, service, Set.of());

            History history = judgedAt(runs, "2026-12-01T06:00:00Z");
            history.expectGoOnConsecutiveDays(7).expectPassedOnConsecutiveDays("1", 7)
                    .expectPassingRuns("2", 14, Duration.ofDays(7).plusHours(1));
            assertThat(history.runs()).hasSize(14);
            assertThat(history.previousRun().orElseThrow().step("2").orElseThrow().measurement("roles")).hasValue(760.0);
            assertThatThrownBy(() -> history.expectGoOnConsecutiveDays(8)).isInstanceOf(HistoryExpectationError.class)
                    .hasMessageContaining("verdict GO on 7 consecutive days up to 2026-11-30")
                    .hasMessageContaining("needs 8: 2026-11-23 had no run");
        }
    }

    @Test
    void aFailedEveningBreaksTheStreakAndMissesAScrape() {
        try (Service service = new Service()) {
            LedgerRuns runs = LedgerRuns.fileStore().endpoint("api", service.server.uri());
            week(runs, service, Set.of("2026-11-27T17:30:00Z"));

            History history = judgedAt(runs, "2026-12-01T06:00:00Z");
            assertThatThrownBy(() -> history.expectGoOnConsecutiveDays(7)).isInstanceOf(HistoryExpectationError.class)
                    .hasMessageStartingWith("verdict GO on 3 consecutive days up to 2026-11-30 in runbook ["
                            + RUNBOOK + "] in [production] but needs 7: 2026-11-27 had a failed run")
                    .hasMessageContaining("2026-11-26 ✔, 2026-11-27 ✘, 2026-11-28 ✔");
            assertThatThrownBy(() -> history.expectPassingRuns("2", 14, Duration.ofDays(8)))
                    .hasMessageContaining("step 2 of runbook [" + RUNBOOK + "] in [production] passed in 13 runs");
            history.expectPassedOnConsecutiveDays("1", 3);
        }
    }

    @Test
    void aDayWithoutARunBreaksTheStreakAndTodayWithoutARunYetDoesNot() {
        try (Service service = new Service()) {
            LedgerRuns runs = LedgerRuns.fileStore().endpoint("api", service.server.uri());
            week(runs, service, Set.of());

            judgedAt(runs, "2026-11-30T23:59:00Z").expectGoOnConsecutiveDays(7);
            judgedAt(runs, "2026-12-01T23:00:00Z").expectGoOnConsecutiveDays(7);
            assertThatThrownBy(() -> judgedAt(runs, "2026-12-02T06:00:00Z").expectGoOnConsecutiveDays(1))
                    .hasMessageContaining("verdict GO on 0 consecutive days up to 2026-12-01")
                    .hasMessageContaining("2026-12-01 had no run");
        }
    }

    @Test
    void aRoleCountThatShrankSinceThePreviousRunFailsWithBothValuesInTheEvidence() throws Exception {
        try (Service service = new Service()) {
            LedgerRuns runs = LedgerRuns.fileStore().endpoint("api", service.server.uri());
            RunbookResult first = runs.run(plan, LedgerRuns.at("2026-11-24T05:30:00Z"), bodies(service));
            assertThat(first.decision().verdict()).isEqualTo(Verdict.GO);
            assertThat(first.decision().warnings()).singleElement().asString()
                    .contains("no earlier run recorded [roles] of step 2").contains("nothing to compare with yet");

            service.roles.set(700);
            RunbookResult second = runs.run(plan, LedgerRuns.at("2026-11-24T17:30:00Z"), bodies(service));

            assertThat(second.decision().verdict()).isEqualTo(Verdict.NO_GO);
            assertThat(second.steps().get(1).message()).startsWith("[roles] of step 2 in runbook [" + RUNBOOK
                    + "] in [production] is 700 but expected not smaller than in the previous run: 747 at "
                    + "2026-11-24T05:30:00Z (commit c0ffee");
            Path comparison = second.reportDir().resolve(second.steps().get(1).evidence().stream()
                    .filter(item -> item.description().startsWith("history: roles")).findFirst().orElseThrow().path());
            assertThat(java.nio.file.Files.readString(comparison)).contains("\"current\" : 700.0", "\"previous\" : 747.0",
                    "\"holds\" : false");
        }
    }

    @Test
    void latencyAndThroughputAreComparedWithThePreviousRun() {
        LedgerRuns runs = LedgerRuns.fileStore();
        RunbookPlan load = new RunbookPlan("load", "load probe", List.of(LedgerRuns.step(1, "p95 and throughput")));
        runs.run(load, LedgerRuns.at("2026-11-24T05:30:00Z"), List.of(step -> step.facade(History.class)
                .record("p95_ms", 40).record("rps", 200)));

        RunbookResult slower = runs.run(load, LedgerRuns.at("2026-11-25T05:30:00Z"), List.of(step -> {
            History history = step.facade(History.class);
            history.compare("p95_ms", 55).expectNotSlowerThan(1.5).expectWithinPercent(40);
            history.compare("rps", 90).expectNotLowerThan(0.5);
        }));
        assertThat(slower.steps().get(0).message()).contains("[rps] of step 1 in runbook [load] in [production] is 90 "
                + "but expected at least 0.5× the previous run: 200");

        RunbookResult degraded = runs.run(load, LedgerRuns.at("2026-11-26T05:30:00Z"), List.of(step ->
                step.facade(History.class).compare("p95_ms", 90).expectNotSlowerThan(1.5)));
        assertThat(degraded.steps().get(0).message()).contains("is 90 but expected not slower than 1.5× the previous "
                + "run: 55");
        assertThat(judgedAt(runs, "2026-11-27T00:00:00Z").of("load").runs()).hasSize(3);
    }

    /** Run two monitoring runs a day for seven days; runs at the given instants find the API down. */
    private void week(LedgerRuns runs, Service service, Set<String> apiDownAt) {
        for (int day = 0; day < 7; day++) {
            for (String time : List.of("T05:30:00Z", "T17:30:00Z")) {
                String instant = FIRST_DAY.plusDays(day) + time;
                service.down = apiDownAt.contains(instant);
                runs.run(plan, LedgerRuns.at(instant), bodies(service));
                service.roles.incrementAndGet();
            }
        }
        service.down = false;
    }

    private static List<Consumer<StepExecution>> bodies(Service service) {
        return List.of(
                step -> step.facade(Http.class).get("api", "/health").expectStatus(200).expectJson("status", "healthy"),
                step -> {
                    int roles = step.facade(Http.class).get("api", "/monitoring/scrapes/last").expectStatus(200)
                            .expectJson("status", "success").json("roles_total");
                    step.facade(History.class).compare("roles", roles).expectNotShrunk();
                });
    }

    private static History judgedAt(LedgerRuns runs, String instant) {
        Clock clock = LedgerRuns.at(instant);
        return new History(runs.ledger(), clock, RUNBOOK, "production", "3",
                new Evidence(runs.workDir.resolve("judge"), "3"), new Warnings());
    }

    /** The air-demand API's health and last-scrape routes; the role count grows by one per scrape. */
    private static final class Service implements AutoCloseable {
        final AtomicInteger roles = new AtomicInteger(747);
        volatile boolean down;
        final LoopbackServer server = LoopbackServer.start()
                .route("/health", exchange -> LoopbackServer.respond(exchange, down ? 503 : 200, "application/json",
                        (down ? "{\"status\":\"unhealthy\"}" : "{\"status\":\"healthy\"}").getBytes()))
                .route("/monitoring/scrapes/last", exchange -> LoopbackServer.respond(exchange, 200, "application/json",
                        ("{\"status\":\"success\",\"roles_total\":" + roles.get() + "}").getBytes()));

        @Override
        public void close() {
            server.close();
        }
    }
}
