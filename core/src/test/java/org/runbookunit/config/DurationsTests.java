package org.runbookunit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTests {

    @Test
    void everyUnitOfTheRunbookNotationParses() {
        assertThat(Durations.parse("k", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("k", "10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("k", "5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("k", "2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("k", " 7d ")).isEqualTo(Duration.ofDays(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "10 s", "1.5s", "-1s", "ten seconds", ""})
    void badDurationsNameTheKeyAndTheValue(String value) {
        assertThatThrownBy(() -> Durations.parse("runbook.http.timeout", value))
                .isInstanceOf(RunbookConfigurationException.class)
                .hasMessage("runbook.http.timeout must be a duration like 500ms, 10s, 5m, 2h or 7d but was [" + value + "]");
    }

    @Test
    void formatPicksTheLargestExactUnit() {
        assertThat(Durations.format(Duration.ofSeconds(120))).isEqualTo("2m");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ofHours(48))).isEqualTo("2d");
    }
}
