package org.runbookunit.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.RunbookConfigurationException;

/** Read runbook.shell.timeout and runbook.shell.max-output, and quote words for the host's shell. */
class ShellOptionsTests {

    @Test
    void defaultsAndValuesAreRead() {
        assertThat(ShellOptions.from(Optional.empty(), Optional.empty()))
                .isEqualTo(new ShellOptions(Duration.ofSeconds(30), 1024 * 1024));
        assertThat(ShellOptions.from(Optional.of("2m"), Optional.of("512KB")))
                .isEqualTo(new ShellOptions(Duration.ofMinutes(2), 512 * 1024));
        assertThat(ShellOptions.from(Optional.empty(), Optional.of("4MB")).maxOutput()).isEqualTo(4 << 20);
    }

    @Test
    void badValuesNameTheKeyAndTheValue() {
        assertThatThrownBy(() -> ShellOptions.from(Optional.empty(), Optional.of("lots")))
                .isInstanceOf(RunbookConfigurationException.class)
                .hasMessage("runbook.shell.max-output must be a size like 512KB or 4MB (at most 2047MB) but was [lots]");
        assertThatThrownBy(() -> ShellOptions.from(Optional.of("0s"), Optional.empty()))
                .hasMessageContaining("runbook.shell.timeout must be longer than 0 but was [0s]");
    }

    @Test
    void wordsAreQuotedAndPgrepPatternsDoNotMatchThemselves() {
        assertThat(ShellQuoting.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellQuoting.notSelfMatching("uvicorn|air-demand")).isEqualTo("[u]vicorn|[a]ir-demand");
        assertThat(ShellQuoting.notSelfMatching("(uvicorn|python) app")).isEqualTo("(uvicorn|python) app");
        assertThat(ShellQuoting.notSelfMatching("sleep 30[2]")).isEqualTo("[s]leep 30[2]");
    }
}
