package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The steps of a @Phase(parallel = true) run at once, bounded, blocking later phases, reported in step order. */
class ParallelPhaseTests {

    @Test
    void stepsOfAParallelPhaseRunAtTheSameTime() {
        RunbookKit kit = RunbookKit.create();

        EngineExecutionResults results = kit.run(TogetherFixture.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(5).failed(0));
        assertThat(kit.reportJson("together").get("verdict").asText()).isEqualTo("GO");
    }

    @Test
    void aCriticalFailureBlocksLaterPhasesNotItsSiblingsAndTheReportKeepsStepOrder() {
        RunbookKit kit = RunbookKit.create();

        EngineExecutionResults results = kit.run(FailingSiblingFixture.class);

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("fails"), finishedWithFailure()))
                .haveExactly(1, event(test("later"), skippedWithReason("blocked by 1.1 Fails at once")));
        assertThat(kit.reportJson("failing-sibling").get("steps").findValuesAsText("id"))
                .containsExactly("1.1", "1.2", "1.3", "2.1");
        assertThat(kit.reportJson("failing-sibling").get("steps").findValuesAsText("outcome"))
                .containsExactly("FAILED", "PASSED", "PASSED", "BLOCKED");
    }

    @Test
    void runbookParallelismBoundsHowManyStepsRunAtOnce() {
        RunbookKit kit = RunbookKit.create().parameter("runbook.parallelism", "2");
        BoundedFixture.RUNNING.set(0);
        BoundedFixture.MOST.set(0);

        kit.run(BoundedFixture.class);

        assertThat(BoundedFixture.MOST.get()).isEqualTo(2);
        assertThat(kit.reportJson("bounded").get("verdict").asText()).isEqualTo("GO");
    }

    @Runbook("together")
    static class TogetherFixture {
        static final CyclicBarrier ALL_FIVE = new CyclicBarrier(5);

        @Nested
        @Phase(order = 1, value = "Five checks at once", parallel = true)
        class AtOnce {
            @Step(order = 1, value = "One")
            void one() throws Exception {
                ALL_FIVE.await(20, TimeUnit.SECONDS);
            }

            @Step(order = 2, value = "Two")
            void two() throws Exception {
                ALL_FIVE.await(20, TimeUnit.SECONDS);
            }

            @Step(order = 3, value = "Three")
            void three() throws Exception {
                ALL_FIVE.await(20, TimeUnit.SECONDS);
            }

            @Step(order = 4, value = "Four")
            void four() throws Exception {
                ALL_FIVE.await(20, TimeUnit.SECONDS);
            }

            @Step(order = 5, value = "Five")
            void five() throws Exception {
                ALL_FIVE.await(20, TimeUnit.SECONDS);
            }
        }
    }

    @Runbook("failing-sibling")
    static class FailingSiblingFixture {
        @Nested
        @Phase(order = 1, value = "Checks", parallel = true)
        class Checks {
            @Step(order = 1, value = "Fails at once")
            void fails() {
                throw new AssertionError("health: expected 200 but was 503");
            }

            @Step(order = 2, value = "Slow sibling")
            void slow() throws InterruptedException {
                Thread.sleep(300);
            }

            @Step(order = 3, value = "Quick sibling")
            void quick() {
            }
        }

        @Nested
        @Phase(order = 2, value = "After")
        class After {
            @Step(order = 1, value = "Later")
            void later() {
            }
        }
    }

    @Runbook("bounded")
    static class BoundedFixture {
        static final AtomicInteger RUNNING = new AtomicInteger();
        static final AtomicInteger MOST = new AtomicInteger();

        static void work() throws InterruptedException {
            MOST.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
            Thread.sleep(200);
            RUNNING.decrementAndGet();
        }

        @Nested
        @Phase(order = 1, value = "Four checks, two at a time", parallel = true)
        class TwoAtATime {
            @Step(order = 1, value = "One")
            void one() throws InterruptedException {
                work();
            }

            @Step(order = 2, value = "Two")
            void two() throws InterruptedException {
                work();
            }

            @Step(order = 3, value = "Three")
            void three() throws InterruptedException {
                work();
            }

            @Step(order = 4, value = "Four")
            void four() throws InterruptedException {
                work();
            }
        }
    }
}
