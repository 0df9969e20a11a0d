package org.runbookunit.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.runbookunit.NotApplicableException;
import org.runbookunit.Outcome;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.db.Database;
import org.runbookunit.db.DatabaseOptions;
import org.runbookunit.db.LocalPostgresTools;
import org.runbookunit.db.Postgres;
import org.runbookunit.dashboard.Dashboard;
import org.runbookunit.dashboard.SharedBrowser;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.evidence.Warnings;
import org.runbookunit.http.Http;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.signoff.Attestation;
import org.runbookunit.windows.Windows;

/**
 * Track one running step: its clock, its evidence and the facades injected into it; finishing it records the result
 * and closes what the step opened (database connections, rehearsal copies, its browser context), last opened first.
 */
public final class StepExecution implements AutoCloseable {

    private final RunbookRun run;
    private final StepDefinition step;
    private final Instant startedAt;
    private final long startNanos = System.nanoTime();
    private final Evidence evidence;
    private final Warnings warnings = new Warnings();
    private final Optional<Attestation> attestation;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private Http http;
    private Database database;
    private Postgres postgres;
    private Dashboard dashboard;

    StepExecution(RunbookRun run, StepDefinition step, Instant startedAt, Evidence evidence,
            Optional<Attestation> attestation) {
        this.run = run;
        this.step = step;
        this.startedAt = startedAt;
        this.evidence = evidence;
        this.attestation = attestation;
    }

    /** Return the step being run. */
    public StepDefinition step() {
        return step;
    }

    /** Return the step's evidence recorder. */
    public Evidence evidence() {
        return evidence;
    }

    /** Return the step's {@link Http} facade, created on first use. */
    public synchronized Http http() {
        if (http == null) {
            Http created = new Http(run.environment(), run.settings().httpTimeout(), evidence, warnings);
            http = run.environment().ignoreHttpsErrors() ? created.withRelaxedTls() : created;
        }
        return http;
    }

    /**
     * Return the step's {@link Dashboard}: a fresh browser context of the shared browser, created on first use and
     * closed when the step ends.
     */
    public synchronized Dashboard dashboard(SharedBrowser browser) {
        if (dashboard == null) {
            dashboard = open(new Dashboard(run.environment(), browser, evidence));
        }
        return dashboard;
    }

    private <T extends AutoCloseable> T open(T resource) {
        resources.push(resource);
        return resource;
    }

    /** Return the step's {@link Windows} facade, scaled by the environment's {@code windows-scale}. */
    public Windows windows() {
        return new Windows(evidence, run.environment().windowsScale(), this::verifyPendingChecks);
    }

    /** Return the step's {@link Database} facade for the environment's database, created on first use. */
    public synchronized Database database() {
        if (database == null) {
            database = open(new Database(databaseSettings("Database"), databaseOptions(), evidence,
                    run.environment().secrets()));
        }
        return database;
    }

    /** Return the step's {@link Postgres} facade for the environment's database, created on first use. */
    public synchronized Postgres postgres() {
        if (postgres == null) {
            postgres = open(new Postgres(databaseSettings("Postgres"), databaseOptions(),
                    new LocalPostgresTools(run.settings().postgresBinDir(), LocalPostgresTools.DEBIAN_ROOT),
                    run.settings().postgresToolTimeout(), evidence, run.environment().secrets()));
        }
        return postgres;
    }

    private DatabaseSettings databaseSettings(String facade) {
        String environment = run.environment().name();
        return run.environment().database().orElseThrow(() -> new RunbookConfigurationException(facade + " is used by "
                + "step " + step.label() + " but environment [" + environment + "] has no database; add environments."
                + environment + ".database with url, user and password to runbook.yaml"));
    }

    /** Connections are read-only in a read-only environment, unless this is a @Destructive step explicitly allowed. */
    private DatabaseOptions databaseOptions() {
        boolean allowedToWrite = step.rules().destructive() && run.settings().allowDestructive();
        return new DatabaseOptions(run.environment().name(), run.settings().databaseTimeout(),
                run.settings().databaseQueryTimeout(), run.environment().readOnly() && !allowedToWrite);
    }

    /** Throw what the step's facades collected and did not report yet (e.g. failed HTTP expectations). */
    public synchronized void verifyPendingChecks() {
        AssertionError first = null;
        for (Runnable verify : verifiers()) {
            try {
                verify.run();
            } catch (AssertionError failed) {
                if (first == null) {
                    first = failed;
                } else {
                    first.addSuppressed(failed);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private List<Runnable> verifiers() {
        List<Runnable> verifiers = new ArrayList<>();
        if (http != null) {
            verifiers.add(http::verify);
        }
        if (dashboard != null) {
            verifiers.add(dashboard::verify);
        }
        return verifiers;
    }

    /** Return what made the step less than clean so far (retried calls, degraded latency). */
    public List<String> warnings() {
        return warnings.all();
    }

    /** Record that every check held: PASSED, or WARNED when a check was degraded or passed only after a retry. */
    public StepResult passed() {
        List<String> degraded = warnings.all();
        String attested = attestation.map(Attestation::describe).orElse("");
        return degraded.isEmpty() ? finish(Outcome.PASSED, attested)
                : finish(Outcome.WARNED, String.join("\n", degraded));
    }

    /**
     * Record a failure: FAILED for a CRITICAL step, WARNED for MAJOR and MINOR; a {@link NotApplicableException} is
     * no failure and records SKIPPED with its reason.
     */
    public StepResult failed(Throwable cause) {
        if (cause instanceof NotApplicableException notApplicable) {
            return skipped(describe(notApplicable));
        }
        captureFailure(cause);
        Outcome outcome = step.severity().blocksOnFailure() ? Outcome.FAILED : Outcome.WARNED;
        return finish(outcome, describe(cause));
    }

    /** Record that the step could not start because the runbook's time budget is spent: FAILED whatever its severity. */
    public StepResult exhausted(String reason) {
        return finish(Outcome.FAILED, reason);
    }

    /** Record that the step did not apply after all (e.g. an assumption did not hold). */
    public StepResult skipped(String reason) {
        return finish(Outcome.SKIPPED, reason);
    }

    /** Keep what the browser showed when the step failed: a screenshot and the Playwright trace. */
    private synchronized void captureFailure(Throwable cause) {
        if (dashboard == null) {
            return;
        }
        try {
            dashboard.closeAfterFailure();
        } catch (RuntimeException | AssertionError cannotCapture) {
            cause.addSuppressed(cannotCapture);
        }
    }

    /** Close what the step opened, last opened first; throw the first failure with the others suppressed. */
    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception closeFailure) {
                RuntimeException wrapped = closeFailure instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(closeFailure.getMessage(), closeFailure);
                if (failure == null) {
                    failure = wrapped;
                } else {
                    failure.addSuppressed(wrapped);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private StepResult finish(Outcome outcome, String message) {
        try {
            close();
        } catch (RuntimeException closeFailure) {
            if (outcome == Outcome.PASSED) {
                return finish(step.severity().blocksOnFailure() ? Outcome.FAILED : Outcome.WARNED, describe(closeFailure));
            }
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
        return run.record(new StepResult(step, outcome, startedAt, duration, message, evidence.items(), attestation,
                Optional.empty()));
    }

    /** Describe a failure by its message, or its type when it has none. */
    public static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getName() : message;
    }
}
