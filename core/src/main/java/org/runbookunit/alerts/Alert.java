package org.runbookunit.alerts;

import java.util.List;
import java.util.Map;

/**
 * Describe one alert as Alertmanager's {@code /api/v2/alerts} lists it.
 *
 * @param labels its labels, {@code alertname} among them
 * @param state {@code active}, {@code suppressed} (silenced or inhibited) or {@code unprocessed}
 * @param silencedBy the ids of the silences that mute it
 * @param inhibitedBy the fingerprints of the alerts that inhibit it
 * @param startsAt when it started firing, as Alertmanager wrote it
 */
public record Alert(Map<String, String> labels, String state, List<String> silencedBy, List<String> inhibitedBy,
        String startsAt) {

    /** Tell whether it fires and nobody muted it: state {@code active}. */
    public boolean firing() {
        return "active".equals(state);
    }
}
