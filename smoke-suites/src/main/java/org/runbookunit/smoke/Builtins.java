package org.runbookunit.smoke;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runbookunit.Severity;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.StepId;
import org.runbookunit.smoke.checks.Comparison;
import org.runbookunit.smoke.checks.DatabaseCheck;
import org.runbookunit.smoke.checks.HttpCheck;
import org.runbookunit.smoke.checks.TlsCheck;
import org.runbookunit.smoke.spi.SmokeCheck;

/** Build the ready-made suites that ship inside the jar, for the endpoints and database of one environment. */
final class Builtins {

    /** Every ready-made suite's name and what it checks, as {@code list-suites} prints them. */
    static final Map<String, String> DESCRIPTIONS = descriptions();

    /** How long a certificate must stay valid for {@code builtin:tls}. */
    static final int TLS_MIN_DAYS = 14;

    private Builtins() {
    }

    private static Map<String, String> descriptions() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        descriptions.put("http-health", "every endpoint with a health path (environments.<env>.health-paths: "
                + "{ api: /health }) answers it with 200");
        descriptions.put("postgres", "the database connects within 5s, SELECT 1 p95 under 250ms, its server version is "
                + "recorded, and its schema version equals the schema-version property when one is set");
        descriptions.put("tls", "every https endpoint's certificate is valid for at least " + TLS_MIN_DAYS
                + " days and names its host");
        return descriptions;
    }

    /** Build a ready-made suite, or fail naming the known ones. */
    static Suite build(String name, RunbookEnvironment environment) {
        return switch (name) {
            case "http-health" -> httpHealth(environment);
            case "postgres" -> postgres(environment);
            case "tls" -> tls(environment);
            default -> throw new RunbookConfigurationException("--suite names an unknown ready-made suite [builtin:" + name
                    + "]; the jar has " + DESCRIPTIONS.keySet().stream().map(known -> "builtin:" + known).toList()
                    + " (see list-suites), or give a suite file");
        };
    }

    private static Suite httpHealth(RunbookEnvironment environment) {
        Map<String, String> paths = environment.healthPaths();
        if (paths.isEmpty()) {
            throw new RunbookConfigurationException("builtin:http-health needs the health path of each endpoint, but "
                    + "environment [" + environment.name() + "] has none; add environments." + environment.name()
                    + ".health-paths: { api: /health } to runbook.yaml");
        }
        Steps steps = new Steps("Health endpoints");
        paths.forEach((endpoint, path) -> steps.add(endpoint + " " + path + " answers 200", Severity.CRITICAL,
                HttpCheck.get(endpoint, path, 200)));
        return steps.suite("builtin:http-health", "http-health", "HTTP health [" + environment.name() + "]");
    }

    private static Suite postgres(RunbookEnvironment environment) {
        if (environment.database().isEmpty()) {
            throw new RunbookConfigurationException("builtin:postgres checks the environment's database, but environment ["
                    + environment.name() + "] has none; add environments." + environment.name() + ".database with url, "
                    + "user and password to runbook.yaml");
        }
        Steps steps = new Steps("PostgreSQL");
        steps.add("Database connects within 5 s", Severity.CRITICAL, DatabaseCheck.connectsWithin("5s"));
        steps.add("SELECT 1 p95 under 250 ms", Severity.MAJOR, DatabaseCheck.queryLatency("SELECT 1", 20, "250ms"));
        steps.add("Server version recorded", Severity.MINOR, DatabaseCheck.serverVersion(Comparison.present()));
        String expected = environment.properties().get("schema-version");
        if (expected != null && !expected.isBlank()) {
            steps.add("Schema version is " + expected, Severity.CRITICAL,
                    DatabaseCheck.schemaVersion(Comparison.equalTo(expected.trim())));
        }
        return steps.suite("builtin:postgres", "postgres", "PostgreSQL [" + environment.name() + "]");
    }

    private static Suite tls(RunbookEnvironment environment) {
        Steps steps = new Steps("TLS certificates");
        environment.endpoints().forEach((endpoint, uri) -> {
            if ("https".equals(uri.getScheme())) {
                steps.add(endpoint + " certificate valid for at least " + TLS_MIN_DAYS + " days", Severity.CRITICAL,
                        TlsCheck.validFor(endpoint, TLS_MIN_DAYS));
            }
        });
        if (steps.isEmpty()) {
            throw new RunbookConfigurationException("builtin:tls checks https endpoints, but environment ["
                    + environment.name() + "] has none among " + environment.endpoints().keySet());
        }
        return steps.suite("builtin:tls", "tls", "TLS certificates [" + environment.name() + "]");
    }

    /** Collect the steps of a one-phase suite. */
    private static final class Steps {
        private final String phase;
        private final List<StepDefinition> steps = new ArrayList<>();
        private final Map<StepId, List<SmokeCheck>> checks = new LinkedHashMap<>();

        Steps(String phase) {
            this.phase = phase;
        }

        void add(String title, Severity severity, SmokeCheck check) {
            check.validate();
            StepId id = StepId.of(1, steps.size() + 1);
            steps.add(new StepDefinition(id, title, severity, phase));
            checks.put(id, List.of(check));
        }

        boolean isEmpty() {
            return steps.isEmpty();
        }

        Suite suite(String source, String id, String title) {
            return new Suite(source, new RunbookPlan(id, title, steps), checks);
        }
    }
}
