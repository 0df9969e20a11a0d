package org.runbookunit.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.config.HostSettings;
import org.runbookunit.db.Database;
import org.runbookunit.db.DatabaseOptions;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.rehearsal.InProcessService;
import org.runbookunit.rehearsal.RehearsalService;
import org.runbookunit.rehearsal.RehearsalStack;
import org.runbookunit.secrets.Secrets;
import org.runbookunit.testing.Daemon;
import org.runbookunit.testing.PostgresServer;

/**
 * Seed 004's staging on one machine: database {@code agentic_staging_N} of the machine's PostgreSQL 15 at schema 005
 * (users, agents, 2000 agent runs, schedules, webhooks; migrations 006/007 are left for the runbook), Redis, and one
 * in-process temponest service answering as {@code agents}, {@code auth} and {@code web-ui}, logging to
 * {@link #logFile()}, or deployed by the checkout's own scripts ({@link #deployedFromFaultyRelease()}). The runner is
 * host {@code local} ({@code local: true}) with the deployment's {@link #envFile()} and a git {@link #checkout()} of
 * releases v1.7.0 and v1.8.0 holding temponest's pytest suites. Every file is under {@code target/temponest/}.
 */
public class TemponestStack extends RehearsalStack {

    private final Path folder = Path.of("target", "temponest", UUID.randomUUID().toString()).toAbsolutePath();
    private final boolean failingAgents;
    private final boolean deployedByScripts;

    /** Describe a healthy stack. */
    public TemponestStack() {
        this(false, false);
    }

    private TemponestStack(boolean failingAgents, boolean deployedByScripts) {
        this.failingAgents = failingAgents;
        this.deployedByScripts = deployedByScripts;
    }

    /** Describe a stack whose agents service fails every execution and logs an ERROR (a fault to inject). */
    static TemponestStack withFailingAgents() {
        return new TemponestStack(true, false);
    }

    /**
     * Describe a stack whose service is deployed by the checkout's {@code scripts/deploy/up.sh} as a child process
     * (so a rollback can stop it, check out v1.7.0 and redeploy), from a faulty v1.8.0 that requires Ollama: its agents
     * fail every execution and log an ERROR, and v1.7.0's do not.
     */
    static TemponestStack deployedFromFaultyRelease() {
        return new TemponestStack(true, true);
    }

    /** Return the rehearsal's git checkout of temponest (tags v1.7.0 and v1.8.0, at v1.8.0 when the stack starts). */
    Path checkout() {
        return folder.resolve("checkout");
    }

    /** Return the service's log file. */
    Path logFile() {
        return folder.resolve("logs/temponest.log");
    }

    /** Return the deployment's {@code .env} file, in the checkout. */
    Path envFile() {
        return checkout().resolve(".env");
    }

    /** Return a folder of this run's files. */
    Path folder() {
        return folder;
    }

    /** Return the schema folder holding migrations 001–005 (the schema staging has before v1.8.0). */
    static Path resource(String name) {
        try {
            return Path.of(TemponestStack.class.getResource("/seed004/" + name).toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    protected List<RehearsalService> services() {
        Daemon.require("/usr/bin/redis-server", "redis-server");
        TemponestCheckout.create(checkout(), failingAgents && deployedByScripts);
        Db db = new Db(folder);
        HarvesterServices.Redis redis = new HarvesterServices.Redis();
        if (deployedByScripts) {
            return List.of(db, redis, new Aliases(() -> writeEnv(db.settings(), redis.uri())),
                    new TemponestDeployment(checkout(), logFile(), db::settings));
        }
        return List.of(db, redis, InProcessService.http("agents", () -> {
            writeEnv(db.settings(), redis.uri());
            TemponestService service = TemponestService.start(new TemponestStore(db.settings(), redis.uri()), logFile(),
                    failingAgents);
            return new InProcessService.Started(service.baseUri(), service);
        }), new Aliases(() -> { }));
    }

    private void writeEnv(DatabaseSettings db, URI redis) {
        try {
            Files.writeString(envFile(), "DATABASE_URL=" + db.url() + "\nREDIS_URL=" + redis + "\nOLLAMA_URL=http://127.0.0.1:11434\n"
                    + "AUTH_SERVICE_URL=" + "http://127.0.0.1/auth\nJWT_SECRET=" + UUID.randomUUID() + "\nDB_PASSWORD="
                    + db.password() + "\nAPI_KEYS=" + UUID.randomUUID() + "\n");
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
    }

    /** Offer the runner as host {@code local}. */
    private static final class Aliases implements RehearsalService {
        private final Runnable prepare;

        Aliases(Runnable prepare) {
            this.prepare = prepare;
        }

        @Override
        public String name() {
            return "runner (local host)";
        }

        @Override
        public void start() {
            prepare.run(); // commands run on this machine; a scripted deployment needs its .env first
        }

        @Override
        public Map<String, HostSettings> hosts() {
            return Map.of("local", HostSettings.local("local"));
        }

        @Override
        public void close() {
            // nothing to stop
        }
    }

    /** Offer database {@code agentic_staging_N} at schema 005, made with the 001–005 scripts. */
    private static final class Db implements RehearsalService {
        private final Path folder;
        private DatabaseSettings settings;

        Db(Path folder) {
            this.folder = folder;
        }

        @Override
        public String name() {
            return "postgres (local PostgreSQL, schema 005)";
        }

        @Override
        public void start() throws IOException {
            PostgresServer server = PostgresServer.shared();
            settings = server.superuser(server.createDatabase("agentic_staging"));
            Files.createDirectories(folder.resolve("logs"));
            try (Database db = new Database(settings, DatabaseOptions.defaults("schema-005"),
                    new Evidence(folder.resolve("schema-005"), "schema-005"), Secrets.none())) {
                db.applyMigrations(resource("schema"));
            }
        }

        DatabaseSettings settings() {
            return settings;
        }

        @Override
        public Optional<DatabaseSettings> database() {
            return Optional.ofNullable(settings);
        }

        @Override
        public void close() {
            // the shared server stops with the JVM
        }
    }
}
