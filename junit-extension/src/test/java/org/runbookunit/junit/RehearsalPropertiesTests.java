package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.rehearsal.RehearsalService;
import org.runbookunit.rehearsal.RehearsalStack;

/**
 * A rehearsal stack binds environment properties only it knows once it started (a generated marker here): they replace
 * runbook.yaml's property of the same name in a rehearsal, and runbook.yaml's value stays everywhere else.
 */
class RehearsalPropertiesTests {

    private static final List<String> SEEN = new CopyOnWriteArrayList<>();

    private static final String CONFIG = "environments:\n  local:\n    rehearsal: true\n    properties:\n"
            + "      process-pattern: \"from-runbook-yaml\"\n      kept: \"only in runbook.yaml\"\n"
            + "  staging:\n    properties:\n      process-pattern: \"staging-pattern\"\n      kept: \"staging\"\n";

    @Test
    void aRehearsalStacksPropertiesReplaceRunbookYamlsOfTheSameName() {
        SEEN.clear();

        RunbookKit.create().withConfig(CONFIG).run(PatternFixture.class).testEvents()
                .assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).startsWith("marker=").isEqualTo("marker=" + MarkerStack.marker);
        assertThat(SEEN.get(1)).isEqualTo("only in runbook.yaml");
    }

    @Test
    void outsideARehearsalRunbookYamlsValueStays() {
        SEEN.clear();

        RunbookKit.create().withConfig(CONFIG).parameter("runbook.env", "staging").run(PatternFixture.class)
                .testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN).containsExactly("staging-pattern", "staging");
    }

    /** One in-JVM service whose marker is made when it starts, as a stack's process name would be. */
    public static class MarkerStack extends RehearsalStack {
        static volatile String marker;

        @Override
        protected List<RehearsalService> services() {
            return List.of(new RehearsalService() {
                private String started;

                @Override
                public String name() {
                    return "marker";
                }

                @Override
                public void start() {
                    started = UUID.randomUUID().toString();
                    marker = started;
                }

                @Override
                public Map<String, String> properties() {
                    return Map.of("process-pattern", "marker=" + started);
                }

                @Override
                public void close() {
                }
            });
        }
    }

    @Runbook("pattern")
    @Rehearsal(MarkerStack.class)
    static class PatternFixture {
        @Step(order = 1, value = "Read the properties")
        void read(RunbookEnvironment environment) {
            SEEN.add(environment.property("process-pattern"));
            SEEN.add(environment.property("kept"));
        }
    }
}
