package org.runbookunit.db;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Take a custom-format backup with pg_dump inside an exported snapshot, and read the row counts and schema in that
 * same snapshot, so the manifest describes exactly what the archive holds even while the database takes writes.
 */
final class Dumper {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Dumper() {
    }

    static Backup dump(Session source, PostgresTools tools, ServerVersion server, Path to, Duration toolTimeout) {
        if (Files.exists(to)) {
            throw new IllegalArgumentException("backup(to) will not overwrite [" + to.toAbsolutePath() + "]; choose a new "
                    + "file name, e.g. with a timestamp");
        }
        createParent(to);
        PostgresTarget target = PostgresTarget.of(source.settings(), source.options().connectTimeout());
        Connection connection = source.connection();
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String snapshot = String.valueOf(source.query("SELECT pg_export_snapshot()", List.of()).value());
            Catalog catalog = new Catalog(source);
            BackupManifest manifest = new BackupManifest(target.database(), server.full(), Instant.now().toString(),
                    catalog.rowCounts(), catalog.schema());
            ToolRun run = ToolRun.run(tools.process("pg_dump", server, target, List.of("--format=custom", "--no-password",
                    "--snapshot=" + snapshot)), null, to, toolTimeout);
            if (!run.succeeded()) {
                Files.deleteIfExists(to);
                throw new DatabaseException(source.secrets().redact("pg_dump of [" + target + "] failed with exit code "
                        + run.exitCode() + ": " + run.stderr()));
            }
            JSON.writeValue(Backup.manifestFile(to).toFile(), manifest);
            return new Backup(to, Files.size(to), run.duration(), manifest);
        } catch (SQLException failure) {
            throw SqlFailures.statement(failure, "-- snapshot for pg_dump", source);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write the backup " + to, failure);
        } finally {
            endSnapshot(connection);
        }
    }

    static BackupManifest readManifest(Path archive) {
        try {
            return JSON.readValue(Backup.manifestFile(archive).toFile(), BackupManifest.class);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the manifest " + Backup.manifestFile(archive), unreadable);
        }
    }

    private static void createParent(Path to) {
        try {
            Path parent = to.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException cannotCreate) {
            throw new UncheckedIOException("cannot create the folder of " + to, cannotCreate);
        }
    }

    private static void endSnapshot(Connection connection) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the session is closed right after
        }
    }
}
