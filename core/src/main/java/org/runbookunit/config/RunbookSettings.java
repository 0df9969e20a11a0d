package org.runbookunit.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Read RunbookUnit's configuration keys with their defaults, failing clearly on a bad value. */
public final class RunbookSettings {

    /** The environment used when {@link ConfigKeys#ENV} is not set. */
    public static final String DEFAULT_ENVIRONMENT = "local";

    /** The largest response body read when {@link ConfigKeys#HTTP_MAX_BODY} is not set: 16 MB. */
    public static final long DEFAULT_HTTP_MAX_BODY = 16L << 20;

    private final ConfigSource source;

    /** Read settings from a source; use {@link ConfigSource#orEnvironment} to add the {@code RUNBOOK_X_Y} fallback. */
    public RunbookSettings(ConfigSource source) {
        this.source = source;
    }

    /** Return the selected environment's name. */
    public String environmentName() {
        return value(ConfigKeys.ENV).orElse(DEFAULT_ENVIRONMENT);
    }

    /** Return the environments file named by {@link ConfigKeys#CONFIG}, if any. */
    public Optional<Path> configFile() {
        return value(ConfigKeys.CONFIG).map(Path::of);
    }

    /** Return the folder that holds one report folder per runbook. */
    public Path reportsDir() {
        return Path.of(value(ConfigKeys.REPORTS_DIR).orElse("target/runbook-reports"));
    }

    /** Return the minimum pass rate, 0 when the rule is off. */
    public double minPassRate() {
        Optional<String> raw = value(ConfigKeys.GATE_MIN_PASS_RATE);
        if (raw.isEmpty()) {
            return 0;
        }
        try {
            double rate = Double.parseDouble(raw.get());
            if (rate >= 0 && rate <= 1) {
                return rate;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the key and the value
        }
        throw new RunbookConfigurationException(ConfigKeys.GATE_MIN_PASS_RATE
                + " must be a number between 0 and 1 (e.g. 0.83) but was [" + raw.get() + "]");
    }

    /** Return the largest response body an HTTP call reads, in bytes. */
    public long httpMaxBody() {
        return value(ConfigKeys.HTTP_MAX_BODY).map(raw -> ByteSizes.parse(ConfigKeys.HTTP_MAX_BODY, raw))
                .orElse(DEFAULT_HTTP_MAX_BODY);
    }

    /** Return the deadline of every HTTP call: connecting, headers and body together. */
    public Duration httpTimeout() {
        return value(ConfigKeys.HTTP_TIMEOUT).map(raw -> Durations.parse(ConfigKeys.HTTP_TIMEOUT, raw))
                .orElse(Duration.ofSeconds(10));
    }

    /** Return the budget for opening a database connection. */
    public Duration databaseTimeout() {
        return duration(ConfigKeys.DATABASE_TIMEOUT, Duration.ofSeconds(10));
    }

    /** Return the budget for one SQL statement. */
    public Duration databaseQueryTimeout() {
        return duration(ConfigKeys.DATABASE_QUERY_TIMEOUT, Duration.ofSeconds(60));
    }

    /** Return the budget for one pg_dump or pg_restore run. */
    public Duration postgresToolTimeout() {
        return duration(ConfigKeys.POSTGRES_TOOL_TIMEOUT, Duration.ofHours(1));
    }

    /** Return the folder of pg_dump and pg_restore, when one is configured. */
    public Optional<Path> postgresBinDir() {
        return value(ConfigKeys.POSTGRES_BIN_DIR).map(Path::of);
    }

    private Duration duration(String key, Duration fallback) {
        Duration duration = value(key).map(raw -> Durations.parse(key, raw)).orElse(fallback);
        if (duration.isZero()) {
            throw new RunbookConfigurationException(key + " must be longer than 0 but was [" + value(key).orElse("")
                    + "]; write e.g. 10s");
        }
        return duration;
    }

    /** Return the browser executable named by {@link ConfigKeys#BROWSER_EXECUTABLE}, if set. */
    public Optional<Path> browserExecutable() {
        return value(ConfigKeys.BROWSER_EXECUTABLE).map(Path::of);
    }

    /** Tell whether {@code @Destructive} steps may run in a read-only environment. */
    public boolean allowDestructive() {
        return flag(ConfigKeys.ALLOW_DESTRUCTIVE);
    }

    /** Tell whether PENDING manual steps (verdict HOLD) may pass the build. */
    public boolean allowPending() {
        return flag(ConfigKeys.GATE_ALLOW_PENDING);
    }

    /** Return the attestations file, if set. */
    public Optional<Path> attestationsFile() {
        return value(ConfigKeys.ATTESTATIONS).map(Path::of);
    }

    /** Return how many steps of a parallel phase run at once; default 16. */
    public int parallelism() {
        int parallelism = value(ConfigKeys.PARALLELISM).map(raw -> {
            try {
                return Integer.parseInt(raw.trim());
            } catch (NumberFormatException notANumber) {
                return 0;
            }
        }).orElse(16);
        if (parallelism < 1) {
            throw new RunbookConfigurationException(ConfigKeys.PARALLELISM + " must be a whole number >= 1 (e.g. 8) but "
                    + "was [" + value(ConfigKeys.PARALLELISM).orElse("") + "]");
        }
        return parallelism;
    }

    /** Return how old an attestation may be and still count; default 7 days. */
    public Duration attestationsMaxAge() {
        return value(ConfigKeys.ATTESTATIONS_MAX_AGE).map(raw -> Durations.parse(ConfigKeys.ATTESTATIONS_MAX_AGE, raw))
                .orElse(Duration.ofDays(7));
    }

    /** Return the waivers file, if set. */
    public Optional<Path> waiversFile() {
        return value(ConfigKeys.WAIVERS).map(Path::of);
    }

    /** Return a raw value, e.g. a {@code runbook.attest.<step-id>} attestation. */
    public Optional<String> raw(String key) {
        return value(key);
    }

    /** Tell whether this is a plan-only run: print what would happen, run nothing. */
    public boolean planOnly() {
        return flag(ConfigKeys.PLAN);
    }

    /** Tell whether facade providers prepare on a background thread while a run starts ({@link ConfigKeys#PREPARE}). */
    public boolean prepareFacades() {
        return value(ConfigKeys.PREPARE).isEmpty() || flag(ConfigKeys.PREPARE);
    }

    private boolean flag(String key) {
        Optional<String> raw = value(key);
        if (raw.isEmpty() || raw.get().equalsIgnoreCase("false")) {
            return false;
        }
        if (raw.get().equalsIgnoreCase("true")) {
            return true;
        }
        throw new RunbookConfigurationException(key + " must be true or false but was [" + raw.get() + "]");
    }

    /** Read every key once so a bad value fails before the first step, not after the last. */
    public void validate() {
        minPassRate();
        httpTimeout();
        attestationsMaxAge();
        parallelism();
        httpMaxBody();
        databaseTimeout();
        databaseQueryTimeout();
        postgresToolTimeout();
        allowDestructive();
        planOnly();
        prepareFacades();
        allowPending();
    }

    private Optional<String> value(String key) {
        return source.get(key).map(String::trim).filter(raw -> !raw.isEmpty());
    }
}
