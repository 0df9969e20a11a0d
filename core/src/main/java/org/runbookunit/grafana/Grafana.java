package org.runbookunit.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.runbookunit.dashboard.Dashboard;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.http.Http;
import org.runbookunit.internal.api.JsonApi;

/**
 * Check a Grafana through its HTTP API, addressed by endpoint name ({@code grafana} by default): healthy with its
 * database, a dashboard by uid with its title, and a screenshot of that dashboard through {@link Dashboard}.
 *
 * <pre>{@code
 * @Step(order = 1, value = "Grafana healthy, API Performance dashboard present")
 * void grafana(Grafana grafana, Dashboard dashboard) {
 *     grafana.expectHealthy("10.");
 *     grafana.expectDashboard("api-performance", "API Performance").screenshot(dashboard, "api-performance");
 * }
 * }</pre>
 *
 * <p>Calls go through {@link Http}: an endpoint written {@code https://admin:${GRAFANA_PASSWORD}@grafana…} sends basic
 * authentication, and every exchange is evidence.
 */
public final class Grafana {

    /** The endpoint name used unless {@link #on(String)} names another. */
    public static final String DEFAULT_ENDPOINT = "grafana";

    private final Http http;
    private final JsonApi api;
    private final Evidence evidence;

    /** Create the facade for one step, reading endpoint {@value #DEFAULT_ENDPOINT}. */
    public Grafana(Http http, Evidence evidence) {
        this(http, DEFAULT_ENDPOINT, evidence);
    }

    private Grafana(Http http, String endpoint, Evidence evidence) {
        this.http = http;
        this.api = new JsonApi(http, endpoint, "Grafana", GrafanaExpectationError::new);
        this.evidence = evidence;
    }

    /** Read another endpoint of the environment. */
    public Grafana on(String endpoint) {
        return new Grafana(http, endpoint, evidence);
    }

    /** Expect {@code /api/health} to say {@code "database": "ok"}; return the version it reports. */
    public String expectHealthy() {
        JsonNode health = api.get("/api/health");
        String database = health.path("database").asText();
        String version = health.path("version").asText();
        evidence.json("grafana health", Map.of("database", database, "version", version),
                "Grafana [" + api.endpoint() + "] health: database " + database + ", version " + version);
        if (!"ok".equals(database)) {
            throw new GrafanaExpectationError("Grafana [" + api.endpoint() + "] /api/health: expected database [ok] but was ["
                    + database + "]");
        }
        return version;
    }

    /** Expect Grafana healthy and its version to start with a prefix, e.g. {@code "10.1"}; return the version. */
    public String expectHealthy(String versionPrefix) {
        String version = expectHealthy();
        if (!version.startsWith(versionPrefix)) {
            throw new GrafanaExpectationError("Grafana [" + api.endpoint() + "] version: expected [" + versionPrefix
                    + "…] but was [" + version + "]");
        }
        return version;
    }

    /** Expect the dashboard with this uid to exist and carry this title. */
    public Grafana expectDashboard(String uid, String title) {
        JsonNode answer = api.get("/api/dashboards/uid/" + JsonApi.encode(uid));
        String actual = answer.path("dashboard").path("title").asText();
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("uid", uid);
        saved.put("title", actual);
        saved.put("url", answer.path("meta").path("url").asText());
        saved.put("version", answer.path("dashboard").path("version").asInt());
        evidence.json("grafana dashboard " + uid, saved, "Grafana [" + api.endpoint() + "] dashboard " + uid + ": " + actual);
        if (!title.equals(actual)) {
            throw new GrafanaExpectationError("Grafana [" + api.endpoint() + "] dashboard [" + uid + "]: expected title ["
                    + title + "] but was [" + actual + "]");
        }
        return this;
    }

    /** Open the dashboard ({@code /d/<uid>}) in the step's browser and save a full-page screenshot as evidence. */
    public Grafana screenshot(Dashboard dashboard, String uid) {
        dashboard.open(api.endpoint(), "/d/" + JsonApi.encode(uid)).screenshot("grafana dashboard " + uid);
        return this;
    }
}
