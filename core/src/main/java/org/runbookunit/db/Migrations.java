package org.runbookunit.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Apply {@code .sql} files in name order, each in one transaction, naming the failing file and statement. */
final class Migrations {

    private Migrations() {
    }

    static List<Path> files(Path dir, String glob) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("applyMigrations(dir) needs a folder of .sql files but [" + dir.toAbsolutePath()
                    + "] is not a folder");
        }
        PathMatcher matcher = dir.getFileSystem().getPathMatcher("glob:" + glob);
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> files = entries.filter(file -> Files.isRegularFile(file) && matcher.matches(file.getFileName()))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException("applyMigrations found no file matching [" + glob + "] in ["
                        + dir.toAbsolutePath() + "]");
            }
            return files;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot list migrations in " + dir, unreadable);
        }
    }

    static List<AppliedMigration> apply(Session session, List<Path> files) {
        List<AppliedMigration> applied = new ArrayList<>();
        for (Path file : files) {
            applied.add(applyOne(session, file, files, applied));
        }
        return applied;
    }

    private static AppliedMigration applyOne(Session session, Path file, List<Path> all, List<AppliedMigration> before) {
        List<SqlScript.Statement> statements = SqlScript.split(read(file));
        Connection connection = session.connection();
        long start = System.nanoTime();
        int index = 0;
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            if (session.dialect().clientTimeout()) {
                statement.setQueryTimeout((int) Dialect.seconds(session.options().queryTimeout()));
            }
            for (SqlScript.Statement sql : statements) {
                index++;
                statement.execute(sql.sql());
            }
            connection.commit();
        } catch (SQLException failure) {
            rollback(connection);
            throw failed(session, file, statements, index, failure, all.size() - before.size() - 1, before);
        } finally {
            autoCommit(connection);
        }
        return new AppliedMigration(file.getFileName().toString(), statements.size(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static DatabaseException failed(Session session, Path file, List<SqlScript.Statement> statements, int index,
            SQLException failure, int notRun, List<AppliedMigration> before) {
        SqlScript.Statement statement = statements.get(Math.max(0, index - 1));
        String earlier = before.isEmpty() ? "" : " " + before.stream().map(AppliedMigration::file).toList()
                + " before it stay committed;";
        DatabaseException described = SqlFailures.statement(failure, statement.sql(), session);
        String message = "migration [" + file.getFileName() + "] failed at statement " + index + " of " + statements.size()
                + " (line " + statement.line() + ") and was rolled back;" + earlier + " " + notRun
                + " later file(s) not run. " + described.getMessage();
        return new DatabaseException(session.secrets().redact(message), failure);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read migration " + file, unreadable);
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the failure being reported matters more
        }
    }

    private static void autoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a broken connection fails the next statement with its own message
        }
    }
}
