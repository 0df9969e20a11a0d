package org.runbookunit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.evidence.Evidence;

/** {@code timeout} and {@code allowHost} return a new Dashboard that keeps every earlier setting (no browser starts). */
class DashboardCopyTests {

    private final RunbookEnvironment environment = new RunbookEnvironment("local",
            Map.of("dashboard", URI.create("http://127.0.0.1:9")));

    @Test
    void timeoutAndAllowHostCopyAndKeepEarlierSettings() {
        try (SharedBrowser browser = new SharedBrowser(new RunbookSettings(ConfigSource.of(Map.of())))) {
            Dashboard original = new Dashboard(environment, browser, new Evidence(Path.of("target", "dashboard-copy"), "1"));

            Dashboard patient = original.timeout(Duration.ofSeconds(30));
            Dashboard withCdn = patient.allowHost("cdn.example");

            assertThat(patient).isNotSameAs(original);
            assertThat(original.timeout()).isEqualTo(Dashboard.DEFAULT_TIMEOUT);
            assertThat(patient.timeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(withCdn).isNotSameAs(patient);
            assertThat(withCdn.timeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(withCdn.timeout(Duration.ofSeconds(5)).timeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(browser.started()).isFalse();
        }
    }
}
