package org.runbookunit.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.http.Http;
import org.runbookunit.testing.AlertmanagerServer;

/**
 * Check {@link Alerts} against a real Alertmanager (Debian's {@code /usr/bin/prometheus-alertmanager}) on loopback;
 * alerts are pushed and silenced through its own v2 API, so "silenced" and "inhibited" are Alertmanager's verdicts.
 */
class AlertsTests {

    static final Path REPORTS = Path.of("target", "alerts-tests");

    AlertmanagerServer alertmanager;
    Evidence evidence = new Evidence(REPORTS, "a" + System.nanoTime());

    @BeforeEach
    void start() {
        alertmanager = AlertmanagerServer.start();
    }

    @AfterEach
    void stop() {
        alertmanager.close();
    }

    Alerts alerts() {
        RunbookEnvironment environment = new RunbookEnvironment("local", Map.of("alertmanager", alertmanager.uri()));
        return new Alerts(new Http(environment, Duration.ofSeconds(5), evidence), evidence);
    }

    @Test
    void aQuietAlertmanagerIsReadyWithItsConfigurationAndNothingFiring() throws Exception {
        alerts().expectClusterReady().expectConfigLoaded("blackhole").expectNoneFiring();
        assertThat(evidence.items()).extracting(item -> item.path())
                .anySatisfy(path -> assertThat(path).contains("alertmanager-status"))
                .anySatisfy(path -> assertThat(path).contains("alertmanager-alerts"));
        String status = Files.readString(REPORTS.resolve(evidence.items().stream()
                .filter(item -> item.path().contains("alertmanager-status")).findFirst().orElseThrow().path()));
        assertThat(status).contains("\"cluster\" : \"ready\"").contains("configSha256").contains("\"version\" : \"0.");
    }

    @Test
    void aFiringAlertFailsNamingItsLabels() {
        alertmanager.fire(Map.of("alertname", "ApiDown", "severity", "critical", "service", "api")).awaitAlerts(1);
        assertThatThrownBy(() -> alerts().expectNoneFiring()).isInstanceOf(AlertsExpectationError.class)
                .hasMessageContaining("but 1 fire").hasMessageContaining("alertname=ApiDown");
    }

    @Test
    void silencedInhibitedAndExceptedAlertsDoNotCount() {
        alertmanager.fire(Map.of("alertname", "DiskFilling", "severity", "critical", "service", "db"))
                .fire(Map.of("alertname", "SlowQueries", "severity", "warning", "service", "db"))
                .fire(Map.of("alertname", "Watchdog", "severity", "none", "service", "monitoring"))
                .silence("alertname", "DiskFilling").awaitAlerts(3);
        assertThat(alerts().alerts()).filteredOn(alert -> alert.labels().get("alertname").equals("DiskFilling"))
                .singleElement().satisfies(alert -> assertThat(alert.silencedBy()).hasSize(1));
        // Alertmanager's own rule: a silenced critical alert still inhibits the warnings of its service
        assertThat(alerts().alerts()).filteredOn(alert -> alert.labels().get("alertname").equals("SlowQueries"))
                .singleElement().satisfies(alert -> assertThat(alert.inhibitedBy()).hasSize(1));
        assertThatThrownBy(() -> alerts().expectNoneFiring()).hasMessageContaining("alertname=Watchdog")
                .hasMessageContaining("but 1 fire");
        alerts().expectNoneFiring("alertname=~Watch.*");
        assertThat(alerts().alerts()).filteredOn(Alert::firing).extracting(alert -> alert.labels().get("alertname"))
                .containsExactly("Watchdog");
    }

    @Test
    void aMissingReceiverOrABadMatcherIsNamed() {
        assertThatThrownBy(() -> alerts().expectConfigLoaded("pagerduty")).isInstanceOf(AlertsExpectationError.class)
                .hasMessageContaining("expected receivers [pagerduty] but it has [blackhole]");
        assertThatThrownBy(() -> alerts().expectNoneFiring("severity~info")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label matcher [severity~info] is not valid");
    }

    @Test
    void labelMatchersFollowAlertmanagerSyntax() {
        Map<String, String> labels = Map.of("alertname", "Watchdog", "severity", "info");
        assertThat(LabelMatcher.parse("severity=info").matches(labels)).isTrue();
        assertThat(LabelMatcher.parse("severity!=info").matches(labels)).isFalse();
        assertThat(LabelMatcher.parse("alertname=~\"Watch.*\"").matches(labels)).isTrue();
        assertThat(LabelMatcher.parse("alertname!~Watch").matches(labels)).isTrue();
        assertThat(LabelMatcher.parse("team=").matches(labels)).isTrue();
    }
}
