package org.runbookunit.config;

/**
 * Name every configuration key RunbookUnit reads.
 *
 * <p>Each key is read, in this order, from a JUnit configuration parameter ({@code -Drunbook.env=staging} or
 * {@code junit-platform.properties}), then from the environment variable named by {@link #environmentVariable(String)}
 * ({@code RUNBOOK_ENV}), then the default applies.
 */
public final class ConfigKeys {

    /** Select the environment of {@code runbook.yaml} to run against; default {@code local}. */
    public static final String ENV = "runbook.env";

    /** Point at the environments file; default: {@code runbook.yaml} on the test class path. */
    public static final String CONFIG = "runbook.config";

    /** Choose where reports are written; default {@code target/runbook-reports}. */
    public static final String REPORTS_DIR = "runbook.reports.dir";

    /**
     * Set the lowest pass rate (PASSED ÷ steps that ran) that still allows GO, e.g. {@code 0.83}; default 0 (off).
     */
    public static final String GATE_MIN_PASS_RATE = "runbook.gate.min-pass-rate";

    /**
     * Set the deadline of every {@code Http} call, e.g. {@code 5s}; default {@code 10s}. It bounds the whole call —
     * connecting, the headers and the body — not each read.
     */
    public static final String HTTP_TIMEOUT = "runbook.http.timeout";

    /**
     * Set the largest response body an {@code Http} call reads, e.g. {@code 64MB}; default {@code 16MB}. A bigger
     * body fails the step instead of filling the memory.
     *
     * <pre>{@code mvn verify -Drunbook.http.max-body=64MB}</pre>
     */
    public static final String HTTP_MAX_BODY = "runbook.http.max-body";

    /** Let {@code @Destructive} steps run in a read-only environment (e.g. a planned production change); default false. */
    public static final String ALLOW_DESTRUCTIVE = "runbook.allow-destructive";

    /** Print what every step would do in the selected environment and run nothing, not even a connection; default false. */
    public static final String PLAN = "runbook.plan";

    /** Let a run whose manual steps are PENDING pass the build with verdict HOLD; default false. */
    public static final String GATE_ALLOW_PENDING = "runbook.gate.allow-pending";

    /** Point at the YAML file of attestations of manual steps (step id → by, at, note). */
    public static final String ATTESTATIONS = "runbook.attestations";

    /** Point at the YAML file of waivers (step, reason, owner, expires). */
    public static final String WAIVERS = "runbook.waivers";

    /**
     * Point at the Chrome or Chromium that {@code Dashboard} steps drive, e.g. {@code /usr/bin/chromium}; default: a
     * Playwright-managed headless shell or Chromium if one is installed, else {@code /usr/bin/chromium-headless-shell},
     * else {@code /usr/bin/chromium}. No browser is ever downloaded.
     *
     * <pre>{@code mvn verify -Drunbook.browser.executable=/opt/google/chrome/chrome}</pre>
     */
    public static final String BROWSER_EXECUTABLE = "runbook.browser.executable";

    /**
     * Connect {@code Dashboard} steps to a remote Playwright browser server instead of launching a local browser, e.g.
     * {@code ws://127.0.0.1:3000/} from {@code npx playwright run-server --port 3000 --host 127.0.0.1} (the same
     * Playwright version as RunbookUnit's). The server launches the browser; {@link #BROWSER_EXECUTABLE}, if set, names
     * the executable on the server's machine and needs a server started with {@code --unsafe}.
     *
     * <pre>{@code mvn verify -Drunbook.browser.ws-endpoint=ws://browsers.ci.example:3000/}</pre>
     */
    public static final String BROWSER_WS_ENDPOINT = "runbook.browser.ws-endpoint";

    /** Prefix of a one-step attestation: {@code -Drunbook.attest.5.2="Jane Doe: powered off, not destroyed"}. */
    public static final String ATTEST_PREFIX = "runbook.attest.";

    /**
     * How old an attestation may be and still sign off a run (default {@code 7d}): an attestations file committed
     * weeks ago does not sign off a new run.
     */
    public static final String ATTESTATIONS_MAX_AGE = "runbook.attestations.max-age";

    /**
     * Whether the providers of the facades a runbook's steps declare get ready on a background thread while the run
     * starts (default {@code true}: REST Assured is loaded before the first HTTP step); {@code false} loads each on
     * its first step.
     */
    public static final String PREPARE = "runbook.prepare";

    /** How many steps of a {@code @Phase(parallel = true)} run at once (default 16). */
    public static final String PARALLELISM = "runbook.parallelism";

    /**
     * Set the budget for opening a database connection, logging in included, e.g. {@code 5s}; default {@code 10s}.
     *
     * <pre>{@code mvn verify -Drunbook.env=staging -Drunbook.database.timeout=5s}</pre>
     */
    public static final String DATABASE_TIMEOUT = "runbook.database.timeout";

    /** Set the budget for one SQL statement of a {@code Database} check, e.g. {@code 2m}; default {@code 60s}. */
    public static final String DATABASE_QUERY_TIMEOUT = "runbook.database.query-timeout";

    /** Set the budget for one {@code pg_dump} or {@code pg_restore} run of {@code Postgres}, e.g. {@code 2h}; default {@code 1h}. */
    public static final String POSTGRES_TOOL_TIMEOUT = "runbook.postgres.tool-timeout";

    /**
     * Name the folder holding the {@code pg_dump} and {@code pg_restore} to use, e.g.
     * {@code /opt/homebrew/opt/postgresql@16/bin}; default {@code /usr/lib/postgresql/<server major>/bin}. Its major
     * version must be the server's.
     */
    public static final String POSTGRES_BIN_DIR = "runbook.postgres.bin-dir";

    /**
     * Set the budget of one {@code Shell} command, on the runner or over SSH (connecting included), e.g. {@code 2m};
     * default {@code 30s}. A command still running then is stopped and its step fails.
     *
     * <pre>{@code mvn verify -Drunbook.env=staging -Drunbook.shell.timeout=2m}</pre>
     */
    public static final String SHELL_TIMEOUT = "runbook.shell.timeout";

    /** Set how much of each output stream of a {@code Shell} command is kept, e.g. {@code 4MB}; default {@code 1MB}. */
    public static final String SHELL_MAX_OUTPUT = "runbook.shell.max-output";

    /**
     * Say where runs are recorded: unset, an embedded file store under {@code .runbookunit/ledger} in the working
     * directory; a folder path for a file store elsewhere; {@code jdbc:postgresql://host:port/database} for a ledger
     * shared by CI runners, days and regions (its table is made on first use); {@code off} to record nothing.
     *
     * <pre>{@code mvn verify -Drunbook.ledger=jdbc:postgresql://ledger.example:5432/runbooks}</pre>
     */
    public static final String LEDGER = "runbook.ledger";

    /** Name the user of a PostgreSQL {@link #LEDGER}; default: none (the driver's default). */
    public static final String LEDGER_USER = "runbook.ledger.user";

    /** Give the password of a PostgreSQL {@link #LEDGER}, best as env var {@code RUNBOOK_LEDGER_PASSWORD}; it is redacted. */
    public static final String LEDGER_PASSWORD = "runbook.ledger.password";

    /**
     * Start the run's clock at an instant, e.g. {@code 2026-11-24T05:30:00Z}: report, ledger and {@code History} see that
     * time. Only in a rehearsal environment (to rehearse a week of daily monitoring runs); refused elsewhere.
     */
    public static final String CLOCK = "runbook.clock";

    private ConfigKeys() {
    }

    /** Return the environment variable that can also carry a key: {@code runbook.gate.min-pass-rate → RUNBOOK_GATE_MIN_PASS_RATE}. */
    public static String environmentVariable(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
