package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

class RunbookOrderingTests {

    @Test
    void phasesAndStepsRunByOrderWhateverTheirSourceOrder() {
        RunbookKit kit = RunbookKit.create();

        EngineExecutionResults results = kit.run(OutOfOrderFixture.class);

        List<String> started = results.testEvents().started().stream().map(RunbookOrderingTests::methodName).toList();
        assertThat(started).containsExactly("unpack", "check", "verify", "announce", "monitor");
        JsonNode steps = kit.reportJson("out-of-order").get("steps");
        assertThat(StreamSupport.stream(steps.spliterator(), false).map(step -> step.get("id").asText()))
                .containsExactly("1.1", "1.2", "1.10", "2.1", "2.3");
    }

    @Test
    void stepsOfARunbookWithoutPhasesAreNumberedPlainly() {
        RunbookKit kit = RunbookKit.create();

        EngineExecutionResults results = kit.run(FlatFixture.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(kit.reportJson("flat").get("steps").get(0).get("id").asText()).isEqualTo("1");
        assertThat(kit.reportJson("flat").get("steps").get(1).get("id").asText()).isEqualTo("2");
    }

    private static String methodName(Event event) {
        return ((MethodSource) event.getTestDescriptor().getSource().orElseThrow()).getMethodName();
    }

    @Runbook(value = "out of order")
    static class OutOfOrderFixture {

        @Nested
        @Phase(order = 2, value = "Announce")
        class Later {
            @Step(order = 3, value = "Monitor")
            void monitor() {
            }

            @Step(order = 1, value = "Announce")
            void announce() {
            }
        }

        @Nested
        @Phase(order = 1, value = "Prepare")
        class Earlier {
            @Step(order = 10, value = "Verify")
            void verify() {
            }

            @Step(order = 2, value = "Check")
            void check() {
            }

            @Step(order = 1, value = "Unpack")
            void unpack() {
            }
        }
    }

    @Runbook("flat")
    static class FlatFixture {
        @Step(order = 2, value = "Second")
        void second() {
        }

        @Step(order = 1, value = "First")
        void first() {
        }
    }
}
