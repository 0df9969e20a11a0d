package org.runbookunit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.runbookunit.config.DatabaseSettings;

/**
 * Run a real PostgreSQL server for tests: Debian's {@code initdb} and {@code pg_ctl} into a folder under {@code target/},
 * listening on a free port of 127.0.0.1 only, with password authentication and {@code pg_stat_statements} preloaded.
 * One server per test JVM, started on first use and stopped when the JVM exits; each test makes its own databases.
 *
 * <p>Binaries: {@code RUNBOOK_TEST_PG_BIN}, else the newest {@code /usr/lib/postgresql/<major>/bin}. Without them a
 * test is skipped with the reason, except when {@code CI=true}: there it fails, since CI must run every test.
 * As root the server runs as the {@code postgres} user through {@code runuser}, because initdb refuses root.
 */
public final class PostgresServer {

    /** The superuser's password; a loopback test server's, not a secret. */
    public static final String SUPERUSER_PASSWORD = "runbook-test-superuser";
    public static final String SUPERUSER = "postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path binDir;
    private final Path dataDir;
    private final int port;
    private final List<String> runAs;

    private PostgresServer(Path binDir, Path dataDir, int port, List<String> runAs) {
        this.binDir = binDir;
        this.dataDir = dataDir;
        this.port = port;
        this.runAs = runAs;
    }

    /**
     * Start a server of the test's own, for tests that restart it (the shared one serves every other test); stop it
     * with {@link #stopNow()}. Skips (or, with CI=true, fails) like {@link #shared()} when PostgreSQL is missing.
     */
    public static PostgresServer dedicated() {
        shared();
        return start().orElseThrow();
    }

    /** Restart the server on the same port, dropping every connection, as a maintenance restart does. */
    public void restart() throws IOException {
        run(runAs, List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l",
                dataDir.getParent().resolve("server.log").toString(), "-m", "fast", "-w", "-t", "60", "restart"),
                dataDir.getParent().resolve("pg_ctl-restart.log"));
    }

    /** Stop a dedicated server and remove its data. */
    public void stopNow() {
        stop();
    }

    /** Return the JVM's server, starting it on first use; skip (or, with CI=true, fail) when PostgreSQL is missing. */
    public static PostgresServer shared() {
        return Holder.SERVER.orElseGet(() -> {
            String reason = "PostgreSQL server binaries not found (set RUNBOOK_TEST_PG_BIN or apt-get install postgresql-15)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + "; CI=true, so tests that need PostgreSQL must not be skipped");
            }
            Assumptions.abort(reason);
            return null;
        });
    }

    /** Return the folder of initdb, pg_ctl, pg_dump and pg_restore. */
    public Path binDir() {
        return binDir;
    }

    /** Return the major version of the binaries, e.g. 15. */
    public int major() {
        return Integer.parseInt(binDir.getParent().getFileName().toString().replaceAll("\\D.*", ""));
    }

    /** Return the port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Return the JDBC URL of a database on this server. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Return the superuser's settings for a database. */
    public DatabaseSettings superuser(String database) {
        return new DatabaseSettings(url(database), SUPERUSER, SUPERUSER_PASSWORD);
    }

    /** Create an empty database with a unique name starting with the prefix, and return its name. */
    public String createDatabase(String prefix) {
        String name = prefix.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_"
                + DATABASES.incrementAndGet();
        execute("postgres", "CREATE DATABASE " + name);
        return name;
    }

    /** Run statements as the superuser in a database. */
    public void execute(String database, String... statements) {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", SUPERUSER_PASSWORD);
        properties.setProperty("connectTimeout", "10");
        try (Connection connection = DriverManager.getConnection(url(database), properties);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("test setup SQL failed in [" + database + "]: " + failure.getMessage(), failure);
        }
    }

    private static Optional<PostgresServer> start() {
        Optional<Path> binDir = findBinaries();
        if (binDir.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(initAndStart(binDir.get()));
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot start the test PostgreSQL server", failure);
        }
    }

    private static PostgresServer initAndStart(Path binDir) throws IOException {
        Path root = Path.of("target", "postgres", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(root);
        List<String> runAs = asPostgresUserWhenRoot(root);
        Path passwordFile = Files.writeString(root.resolve("pwfile"), SUPERUSER_PASSWORD + "\n");
        Path dataDir = root.resolve("data");
        run(runAs, List.of(binDir.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", SUPERUSER,
                "--pwfile=" + passwordFile, "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8",
                "--locale=C.UTF-8", "--no-sync"), root.resolve("initdb.log"));
        int port = freePort();
        Files.writeString(dataDir.resolve("postgresql.conf"), String.join("\n", "", "listen_addresses = '127.0.0.1'",
                "port = " + port, "unix_socket_directories = ''", "fsync = off", "synchronous_commit = off",
                "full_page_writes = off", "max_connections = 60", "shared_preload_libraries = 'pg_stat_statements'", ""),
                StandardOpenOption.APPEND);
        run(runAs, List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l",
                root.resolve("server.log").toString(), "-w", "-t", "60", "start"), root.resolve("pg_ctl.log"));
        PostgresServer server = new PostgresServer(binDir, dataDir, port, runAs);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-postgres-stop"));
        return server;
    }

    private void stop() {
        try {
            run(runAs, List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w",
                    "stop"), dataDir.getParent().resolve("pg_ctl-stop.log"));
            Folders.deleteTree(dataDir);
        } catch (IOException | RuntimeException ignored) {
            // the JVM is exiting; mvn clean removes what is left
        }
    }

    private static List<String> asPostgresUserWhenRoot(Path root) throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        UserPrincipal postgres = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(root, postgres);
        return List.of("runuser", "-u", "postgres", "--");
    }

    private static void run(List<String> runAs, List<String> command, Path log) throws IOException {
        List<String> full = new ArrayList<>(runAs);
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("test PostgreSQL: " + String.join(" ", command) + " failed: "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, interrupted);
        }
    }

    private static Optional<Path> findBinaries() {
        String configured = System.getenv("RUNBOOK_TEST_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(dir -> Files.isExecutable(dir.resolve("initdb")));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max((a, b) -> Integer.compare(majorOf(a), majorOf(b)));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static int majorOf(Path bin) {
        String digits = bin.getParent().getFileName().toString().replaceAll("\\D.*", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** Start the server once per JVM, on first use. */
    private static final class Holder {
        static final Optional<PostgresServer> SERVER = start();
    }
}
