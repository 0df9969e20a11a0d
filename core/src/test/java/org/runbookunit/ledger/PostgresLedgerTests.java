package org.runbookunit.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.runbookunit.Verdict;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.history.History;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.testing.PostgresServer;

/** The shared store on a real PostgreSQL: schema made on first use, concurrent writers, a ledger that refuses us. */
class PostgresLedgerTests {

    private final PostgresServer server = PostgresServer.shared();

    private LedgerRuns runsOn(String database) {
        return new LedgerRuns(server.url(database)).setting(ConfigKeys.LEDGER_USER, PostgresServer.SUPERUSER)
                .setting(ConfigKeys.LEDGER_PASSWORD, PostgresServer.SUPERUSER_PASSWORD);
    }

    @Test
    void aRunIsRecordedInATableMadeOnFirstUse() {
        String database = server.createDatabase("ledger");
        LedgerRuns runs = runsOn(database);
        RunbookPlan plan = new RunbookPlan("daily-health", "daily health", List.of(LedgerRuns.step(1, "Rows counted")));

        RunbookResult result = runs.run(plan, LedgerRuns.at("2026-11-24T06:00:00Z"),
                List.of(step -> step.facade(History.class).record("roles", 747)));

        assertThat(result.decision().warnings()).isEmpty();
        List<LedgerEntry> recorded = runs.ledger().runs("daily-health", "production");
        assertThat(recorded).singleElement().satisfies(entry -> {
            assertThat(entry.verdict()).isEqualTo("GO");
            assertThat(entry.startedAt()).hasToString("2026-11-24T06:00:00Z");
            assertThat(entry.step("1").orElseThrow().measurements()).containsEntry("roles", 747.0);
        });
    }

    @Test
    void twoRunnersWritingAtOnceFromAnEmptyDatabaseBothKeepEveryRun() throws Exception {
        String database = server.createDatabase("ledger_concurrent");
        RunLedger first = runsOn(database).ledger();
        RunLedger second = runsOn(database).ledger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService runners = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (RunLedger ledger : List.of(first, second)) {
            String name = ledger == first ? "eu" : "us";
            done.add(runners.submit(() -> {
                start.await();
                for (int run = 0; run < 30; run++) {
                    ledger.append(Entries.go("daily-health", "2026-11-" + (10 + run % 20) + "T06:00:00Z",
                            name + "-" + run));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> runner : done) {
            runner.get(120, TimeUnit.SECONDS);
        }
        runners.shutdown();

        List<LedgerEntry> recorded = first.runs("daily-health", "production");
        assertThat(recorded).hasSize(60);
        assertThat(recorded).extracting(LedgerEntry::commit).doesNotHaveDuplicates()
                .contains("eu-0", "eu-29", "us-0", "us-29");
        assertThat(recorded).extracting(LedgerEntry::startedAt).isSorted();
        assertThat(second.runs("daily-health", "production")).hasSize(60);
        assertThat(recorded.get(0).step("1").orElseThrow().inventory("schema")).hasValue(List.of("table public.roles"));
    }

    @Test
    void aLedgerThatRefusesTheLoginIsAWarningWithoutThePassword() throws Exception {
        String database = server.createDatabase("ledger_refused");
        LedgerRuns runs = runsOn(database).setting(ConfigKeys.LEDGER_PASSWORD, "wrong-ledger-password");

        RunbookResult result = runs.run(new RunbookPlan("noop", "noop", List.of(LedgerRuns.step(1, "Noop"))),
                LedgerRuns.at("2026-11-24T06:00:00Z"), List.of(step -> { }));

        assertThat(result.decision().verdict()).isEqualTo(Verdict.GO);
        assertThat(result.decision().warnings()).singleElement().asString()
                .startsWith("run not recorded in the ledger [" + server.url(database) + "]: cannot append to the run ledger")
                .contains("28P01").doesNotContain("wrong-ledger-password");
        assertThat(Files.readString(result.reportDir().resolve("report.json"))).contains("run not recorded in the ledger")
                .doesNotContain("wrong-ledger-password");
        assertThat(runs.console()).contains("⚠ run not recorded in the ledger").doesNotContain("wrong-ledger-password");
    }
}
