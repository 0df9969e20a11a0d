package org.runbookunit.junit.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.runbookunit.junit.Phase;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;

/**
 * Measure the wall time of a runbook whose one phase holds 20 independent 500 ms steps, run in parallel
 * ({@code @Phase(parallel = true)}, {@code runbook.parallelism=20}) and, as the peer in the same run, sequentially.
 * Run it with {@code bench/parallel-steps.sh}; {@code bench.runs} sets the rounds. Goal: parallel ≤ 1.5 s.
 */
public final class ParallelStepsBenchmark {

    private ParallelStepsBenchmark() {
    }

    /** Run interleaved rounds of both runbooks and print the median wall time of each. */
    public static void main(String[] args) {
        int runs = Integer.getInteger("bench.runs", 5);
        Path reports = Path.of(System.getProperty("bench.dir", "target/bench"), "parallel-reports");
        List<Long> parallel = new ArrayList<>();
        List<Long> sequential = new ArrayList<>();
        run(ParallelRunbook.class, reports);
        for (int round = 0; round < runs; round++) {
            parallel.add(run(ParallelRunbook.class, reports));
            sequential.add(run(SequentialRunbook.class, reports));
        }
        System.out.printf(Locale.ROOT, "20 x 500 ms steps, %d rounds: parallel phase median %d ms (goal <= 1500 ms: %s), "
                + "sequential phase median %d ms%n", runs, median(parallel), median(parallel) <= 1500 ? "met" : "NOT met",
                median(sequential));
    }

    private static long run(Class<?> runbook, Path reports) {
        long start = System.nanoTime();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(false)
                .configurationParameters(Map.of("runbook.reports.dir", reports.toString(), "runbook.parallelism", "20"))
                .selectors(selectClass(runbook)).execute();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (results.testEvents().succeeded().count() != 20) {
            throw new IllegalStateException(runbook.getSimpleName() + ": not every step passed");
        }
        return millis;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static void pause() throws InterruptedException {
        Thread.sleep(500);
    }

    @Runbook("parallel steps")
    static class ParallelRunbook {
        @Nested
        @Phase(order = 1, value = "Twenty checks", parallel = true)
        class Checks {
            @Step(order = 1, value = "Check 1")
            void check1() throws InterruptedException {
                pause();
            }

            @Step(order = 2, value = "Check 2")
            void check2() throws InterruptedException {
                pause();
            }

            @Step(order = 3, value = "Check 3")
            void check3() throws InterruptedException {
                pause();
            }

            @Step(order = 4, value = "Check 4")
            void check4() throws InterruptedException {
                pause();
            }

            @Step(order = 5, value = "Check 5")
            void check5() throws InterruptedException {
                pause();
            }

            @Step(order = 6, value = "Check 6")
            void check6() throws InterruptedException {
                pause();
            }

            @Step(order = 7, value = "Check 7")
            void check7() throws InterruptedException {
                pause();
            }

            @Step(order = 8, value = "Check 8")
            void check8() throws InterruptedException {
                pause();
            }

            @Step(order = 9, value = "Check 9")
            void check9() throws InterruptedException {
                pause();
            }

            @Step(order = 10, value = "Check 10")
            void check10() throws InterruptedException {
                pause();
            }

            @Step(order = 11, value = "Check 11")
            void check11() throws InterruptedException {
                pause();
            }

            @Step(order = 12, value = "Check 12")
            void check12() throws InterruptedException {
                pause();
            }

            @Step(order = 13, value = "Check 13")
            void check13() throws InterruptedException {
                pause();
            }

            @Step(order = 14, value = "Check 14")
            void check14() throws InterruptedException {
                pause();
            }

            @Step(order = 15, value = "Check 15")
            void check15() throws InterruptedException {
                pause();
            }

            @Step(order = 16, value = "Check 16")
            void check16() throws InterruptedException {
                pause();
            }

            @Step(order = 17, value = "Check 17")
            void check17() throws InterruptedException {
                pause();
            }

            @Step(order = 18, value = "Check 18")
            void check18() throws InterruptedException {
                pause();
            }

            @Step(order = 19, value = "Check 19")
            void check19() throws InterruptedException {
                pause();
            }

            @Step(order = 20, value = "Check 20")
            void check20() throws InterruptedException {
                pause();
            }
        }
    }

    @Runbook("sequential steps")
    static class SequentialRunbook {
        @Nested
        @Phase(order = 1, value = "Twenty checks")
        class Checks {
            @Step(order = 1, value = "Check 1")
            void check1() throws InterruptedException {
                pause();
            }

            @Step(order = 2, value = "Check 2")
            void check2() throws InterruptedException {
                pause();
            }

            @Step(order = 3, value = "Check 3")
            void check3() throws InterruptedException {
                pause();
            }

            @Step(order = 4, value = "Check 4")
            void check4() throws InterruptedException {
                pause();
            }

            @Step(order = 5, value = "Check 5")
            void check5() throws InterruptedException {
                pause();
            }

            @Step(order = 6, value = "Check 6")
            void check6() throws InterruptedException {
                pause();
            }

            @Step(order = 7, value = "Check 7")
            void check7() throws InterruptedException {
                pause();
            }

            @Step(order = 8, value = "Check 8")
            void check8() throws InterruptedException {
                pause();
            }

            @Step(order = 9, value = "Check 9")
            void check9() throws InterruptedException {
                pause();
            }

            @Step(order = 10, value = "Check 10")
            void check10() throws InterruptedException {
                pause();
            }

            @Step(order = 11, value = "Check 11")
            void check11() throws InterruptedException {
                pause();
            }

            @Step(order = 12, value = "Check 12")
            void check12() throws InterruptedException {
                pause();
            }

            @Step(order = 13, value = "Check 13")
            void check13() throws InterruptedException {
                pause();
            }

            @Step(order = 14, value = "Check 14")
            void check14() throws InterruptedException {
                pause();
            }

            @Step(order = 15, value = "Check 15")
            void check15() throws InterruptedException {
                pause();
            }

            @Step(order = 16, value = "Check 16")
            void check16() throws InterruptedException {
                pause();
            }

            @Step(order = 17, value = "Check 17")
            void check17() throws InterruptedException {
                pause();
            }

            @Step(order = 18, value = "Check 18")
            void check18() throws InterruptedException {
                pause();
            }

            @Step(order = 19, value = "Check 19")
            void check19() throws InterruptedException {
                pause();
            }

            @Step(order = 20, value = "Check 20")
            void check20() throws InterruptedException {
                pause();
            }
        }
    }
}
