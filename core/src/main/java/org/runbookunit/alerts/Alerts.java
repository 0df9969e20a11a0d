package org.runbookunit.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.http.Http;
import org.runbookunit.internal.api.JsonApi;

/**
 * Check an Alertmanager through its v2 API, addressed by endpoint name: no alert firing (silenced and inhibited alerts
 * do not count; exceptions by label matcher), its cluster ready, its configuration loaded. Calls go through
 * {@link Http}; the alert list and the status are saved as evidence.
 *
 * <pre>{@code
 * @Step(order = 1, value = "Alertmanager: no firing alerts, configuration loaded")
 * void alerts(Alerts alerts) {
 *     alerts.expectClusterReady().expectConfigLoaded("default");
 *     alerts.expectNoneFiring("alertname=Watchdog");
 * }
 * }</pre>
 */
public final class Alerts {

    /** The endpoint name used unless {@link #on(String)} names another. */
    public static final String DEFAULT_ENDPOINT = "alertmanager";

    private final Http http;
    private final JsonApi api;
    private final Evidence evidence;

    /** Create the facade for one step, reading endpoint {@value #DEFAULT_ENDPOINT}. */
    public Alerts(Http http, Evidence evidence) {
        this(http, DEFAULT_ENDPOINT, evidence);
    }

    private Alerts(Http http, String endpoint, Evidence evidence) {
        this.http = http;
        this.api = new JsonApi(http, endpoint, "Alertmanager", AlertsExpectationError::new);
        this.evidence = evidence;
    }

    /** Read another endpoint of the environment. */
    public Alerts on(String endpoint) {
        return new Alerts(http, endpoint, evidence);
    }

    /** Return every alert Alertmanager holds, muted ones included, and save the list as evidence. */
    public List<Alert> alerts() {
        List<Alert> alerts = new ArrayList<>();
        for (JsonNode alert : api.get("/api/v2/alerts")) {
            Map<String, String> labels = new LinkedHashMap<>();
            alert.path("labels").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
            JsonNode status = alert.path("status");
            alerts.add(new Alert(labels, status.path("state").asText(), texts(status.path("silencedBy")),
                    texts(status.path("inhibitedBy")), alert.path("startsAt").asText()));
        }
        evidence.json("alertmanager alerts", alerts, "Alertmanager [" + api.endpoint() + "] alerts (" + alerts.size() + ")");
        return alerts;
    }

    /** Expect no active alert except those matching one of the label matchers, e.g. {@code "severity=info"}. */
    public Alerts expectNoneFiring(String... exceptions) {
        List<LabelMatcher> except = Arrays.stream(exceptions).map(LabelMatcher::parse).toList();
        List<Alert> firing = alerts().stream().filter(Alert::firing)
                .filter(alert -> except.stream().noneMatch(matcher -> matcher.matches(alert.labels()))).toList();
        if (!firing.isEmpty()) {
            throw new AlertsExpectationError("expected no alert firing in Alertmanager [" + api.endpoint() + "]"
                    + (except.isEmpty() ? "" : " except " + except) + " but " + firing.size() + " fire: "
                    + firing.stream().map(Alert::labels).toList());
        }
        return this;
    }

    /** Expect the cluster status {@code ready} (gossip settled); a single node without clustering says disabled. */
    public Alerts expectClusterReady() {
        JsonNode status = status();
        String cluster = status.path("cluster").path("status").asText();
        if (!"ready".equals(cluster)) {
            throw new AlertsExpectationError("Alertmanager [" + api.endpoint() + "] cluster: expected [ready] but was ["
                    + cluster + "]" + ("disabled".equals(cluster) ? "; it runs without --cluster.listen-address" : ""));
        }
        return this;
    }

    /** Expect a configuration loaded, holding every named receiver. */
    public Alerts expectConfigLoaded(String... receivers) {
        if (status().path("config").path("original").asText().isBlank()) {
            throw new AlertsExpectationError("Alertmanager [" + api.endpoint() + "] has no configuration loaded");
        }
        List<String> loaded = new ArrayList<>();
        api.get("/api/v2/receivers").forEach(receiver -> loaded.add(receiver.path("name").asText()));
        List<String> missing = Arrays.stream(receivers).filter(receiver -> !loaded.contains(receiver)).toList();
        if (!missing.isEmpty()) {
            throw new AlertsExpectationError("Alertmanager [" + api.endpoint() + "] configuration: expected receivers "
                    + missing + " but it has " + loaded);
        }
        return this;
    }

    /** Read {@code /api/v2/status}; save a summary: cluster state, peers, version and a hash of the configuration. */
    private JsonNode status() {
        JsonNode status = api.get("/api/v2/status");
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("cluster", status.path("cluster").path("status").asText());
        saved.put("peers", status.path("cluster").path("peers").size());
        saved.put("version", status.path("versionInfo").path("version").asText());
        saved.put("configSha256", sha256(status.path("config").path("original").asText()).substring(0, 12));
        saved.put("uptime", status.path("uptime").asText());
        evidence.json("alertmanager status", saved, "Alertmanager [" + api.endpoint() + "] status");
        return status;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
