package org.runbookunit.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.secrets.Secrets;

/**
 * Run PostgreSQL operations a runbook rehearses: a backup proven restorable, and migrations tried on a template copy.
 *
 * <pre>{@code
 * @Step(order = 1, value = "Backup taken and proven restorable")
 * void backup(Postgres postgres) {
 *     Backup backup = postgres.backup(Path.of("target/backups/production.dump"));
 *     postgres.verifyBackup(backup); // restores into a scratch database, compares row counts and schema, drops it
 * }
 *
 * @Step(order = 2, value = "Migrations 006 and 007 apply on a copy")
 * void migrations(Postgres postgres) {
 *     Database copy = postgres.copyForRehearsal(); // CREATE DATABASE … TEMPLATE …, dropped when the step ends
 *     copy.applyMigrations(Path.of("migrations"), "00[67]_*.sql");
 *     copy.expectIndexes("idx_%");
 *     copy.expectViews("v_%");
 * }
 * }</pre>
 *
 * <p>pg_dump and pg_restore must have the server's major version ({@link PostgresTools}); each run has a budget
 * ({@code runbook.postgres.tool-timeout}). Operations that create databases are refused in read-only environments.
 */
public final class Postgres implements AutoCloseable {

    private static final int MAX_NAME = 63;

    private final Session source;
    private final PostgresTools tools;
    private final Duration toolTimeout;
    private final Evidence evidence;
    private final List<Database> copies = new ArrayList<>();
    private final List<String> copyNames = new ArrayList<>();
    private ServerVersion version;

    /**
     * Create the facade; nothing connects until the first operation.
     *
     * @param settings the source database (a {@code jdbc:postgresql://host:port/database} URL)
     * @param options timeouts and whether the environment is read-only
     * @param tools where pg_dump and pg_restore come from
     * @param toolTimeout the budget for one pg_dump or pg_restore run
     * @param evidence where backups and verifications are described
     * @param secrets values masked in messages and evidence
     */
    public Postgres(DatabaseSettings settings, DatabaseOptions options, PostgresTools tools, Duration toolTimeout,
            Evidence evidence, Secrets secrets) {
        PostgresTarget.of(settings, options.connectTimeout()); // validate the URL before anything connects
        this.source = new Session(settings, options, secrets);
        this.tools = tools;
        this.toolTimeout = toolTimeout;
        this.evidence = evidence;
    }

    /** Return the server's version. */
    public synchronized ServerVersion serverVersion() {
        if (version == null) {
            Row row = source.query("SELECT current_setting('server_version_num')::int AS num, "
                    + "current_setting('server_version') AS full", List.of()).single();
            version = ServerVersion.of((int) row.number("num"), row.text("full"));
        }
        return version;
    }

    /** Dump the database with pg_dump in custom format to a new file, with a manifest of its row counts and schema. */
    public Backup backup(Path to) {
        Backup backup = Dumper.dump(source, tools, serverVersion(), to, toolTimeout);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("file", to.toAbsolutePath().toString());
        content.put("sizeBytes", backup.sizeBytes());
        content.put("durationMs", backup.duration().toMillis());
        content.put("serverVersion", backup.manifest().serverVersion());
        content.put("rowCounts", backup.manifest().rowCounts());
        evidence.json("postgres backup", content);
        return backup;
    }

    /** Restore a backup into a scratch database and fail listing every row count or schema difference from its manifest. */
    public BackupVerification verifyBackup(Backup backup) {
        return verify(backup.file(), backup.manifest(), "the manifest read in the dumped snapshot");
    }

    /**
     * Restore an archive into a scratch database and compare it with its {@code .manifest.json}, or with the live
     * source database when the archive has none (a backup made by another tool), failing with every difference.
     */
    public BackupVerification verifyBackup(Path archive) {
        if (Files.exists(Backup.manifestFile(archive))) {
            return verify(archive, Dumper.readManifest(archive), "the manifest " + Backup.manifestFile(archive).getFileName());
        }
        Catalog catalog = new Catalog(source);
        BackupManifest live = new BackupManifest(PostgresTarget.of(source.settings(), source.options().connectTimeout())
                .database(), serverVersion().full(), java.time.Instant.now().toString(), catalog.rowCounts(), catalog.schema());
        return verify(archive, live, "the live source database (the archive has no manifest)");
    }

    /**
     * Restore a backup into the environment's database itself, for a rollback: {@code pg_restore --clean --if-exists
     * --single-transaction} (all or nothing), then compare row counts and schema with the backup's manifest and fail
     * listing every difference (e.g. a table created after the backup). Refused in a read-only environment unless the
     * step is {@code @Destructive} and {@code runbook.allow-destructive=true}.
     *
     * <pre>{@code
     * @Step(order = 2, value = "Database restored from the pre-cutover backup") @Destructive
     * void restore(Postgres postgres, RunbookEnvironment environment) {
     *     postgres.restore(Path.of(environment.property("backup-file")));
     * }
     * }</pre>
     */
    public BackupVerification restore(Backup backup) {
        return restore(backup.file(), backup.manifest(), "the manifest read in the dumped snapshot");
    }

    /** Restore an archive with its {@code .manifest.json} into the environment's database, like {@link #restore(Backup)}. */
    public BackupVerification restore(Path archive) {
        if (!Files.exists(Backup.manifestFile(archive))) {
            throw new DatabaseException("Postgres.restore(" + archive + ") needs the archive's manifest ["
                    + Backup.manifestFile(archive) + "] to prove the restore; make the backup with Postgres.backup(…)");
        }
        return restore(archive, Dumper.readManifest(archive), "the manifest " + Backup.manifestFile(archive).getFileName());
    }

    private BackupVerification restore(Path archive, BackupManifest expected, String comparedWith) {
        if (source.options().readOnly()) {
            throw new DatabaseException("Postgres.restore(…) replaces the contents of database [" + PostgresTarget.of(
                    source.settings(), source.options().connectTimeout()).database() + "], and environment ["
                    + source.options().environment() + "] is read-only; mark the rollback step @Destructive and run with "
                    + "runbook.allow-destructive=true");
        }
        ServerVersion server = serverVersion();
        String target = PostgresTarget.of(source.settings(), source.options().connectTimeout()).database();
        source.close(); // our own idle session must not hold what pg_restore --clean drops
        BackupVerification restored = BackupVerifier.verify(databaseNamed(target), tools, server, archive, expected,
                comparedWith, toolTimeout, List.of("--clean", "--if-exists", "--single-transaction"));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("file", archive.toAbsolutePath().toString());
        content.put("database", target);
        content.put("comparedWith", comparedWith);
        content.put("restoredRowCounts", restored.restoredRowCounts());
        content.put("differences", restored.differences());
        evidence.json("postgres restore", content);
        if (!restored.differences().isEmpty()) {
            throw new DatabaseExpectationError("database [" + target + "] restored from [" + archive.toAbsolutePath()
                    + "] differs in " + restored.differences().size() + " way(s) from " + comparedWith + ":\n  - "
                    + String.join("\n  - ", restored.differences()));
        }
        return restored;
    }

    /** Copy the database with {@code CREATE DATABASE … TEMPLATE …} and return the copy; it is dropped when the step ends. */
    public Database copyForRehearsal() {
        refuseWhenReadOnly("copyForRehearsal()");
        String sourceName = PostgresTarget.of(source.settings(), source.options().connectTimeout()).database();
        String copy = scratchName(sourceName, "rehearsal");
        source.close(); // a template must have no other sessions, ours included
        Servers.createCopy(admin(), sourceName, copy);
        Database database = databaseNamed(copy);
        synchronized (this) {
            copyNames.add(copy);
            copies.add(database);
        }
        evidence.json("postgres copy", Map.of("source", sourceName, "copy", copy));
        return database;
    }

    /** Close every connection and drop the rehearsal copies, reporting a copy that could not be dropped. */
    @Override
    public synchronized void close() {
        copies.forEach(Database::close);
        copies.clear();
        source.close();
        List<String> toDrop = List.copyOf(copyNames);
        copyNames.clear();
        if (!toDrop.isEmpty()) {
            Servers.drop(admin(), toDrop, serverVersion());
        }
    }

    private BackupVerification verify(Path archive, BackupManifest expected, String comparedWith) {
        refuseWhenReadOnly("verifyBackup(…)");
        ServerVersion server = serverVersion();
        String scratch = scratchName(expected.database(), "verify");
        Servers.create(admin(), scratch);
        BackupVerification verification;
        try {
            verification = BackupVerifier.verify(databaseNamed(scratch), tools, server, archive, expected, comparedWith,
                    toolTimeout);
        } finally {
            Servers.drop(admin(), List.of(scratch), server);
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("file", archive.toAbsolutePath().toString());
        content.put("comparedWith", comparedWith);
        content.put("restoredRowCounts", verification.restoredRowCounts());
        content.put("differences", verification.differences());
        evidence.json("postgres backup verification", content);
        if (!verification.differences().isEmpty()) {
            throw new DatabaseExpectationError("backup [" + archive.toAbsolutePath() + "] restores with "
                    + verification.differences().size() + " difference(s) from " + comparedWith + ":\n  - "
                    + String.join("\n  - ", verification.differences()));
        }
        return verification;
    }

    private Session admin() {
        return new Session(PostgresTarget.settingsFor(source.settings(), "postgres"), source.options().withReadOnly(false),
                source.secrets());
    }

    private Database databaseNamed(String name) {
        return new Database(PostgresTarget.settingsFor(source.settings(), name), source.options(), evidence, source.secrets());
    }

    private void refuseWhenReadOnly(String operation) {
        if (source.options().readOnly()) {
            throw new DatabaseException("Postgres." + operation + " creates a database on the server, and environment ["
                    + source.options().environment() + "] is read-only; rehearse it in a writable environment, or mark "
                    + "the step @Destructive and run with runbook.allow-destructive=true for a planned change");
        }
    }

    private static String scratchName(String database, String purpose) {
        String suffix = "_" + purpose + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
        String base = database.length() + suffix.length() > MAX_NAME ? database.substring(0, MAX_NAME - suffix.length())
                : database;
        return base + suffix;
    }
}
