package org.runbookunit.db;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.config.Durations;
import org.runbookunit.secrets.Secrets;

/** Turn JDBC failures into messages that name the database, the statement, the position and the fix; never a password. */
final class SqlFailures {

    private static final int MAX_STATEMENT = 2000;

    private SqlFailures() {
    }

    /** Return the URL without a {@code password=} parameter and with every secret masked. */
    static String target(DatabaseSettings settings, Secrets secrets) {
        String url = settings.url().replaceAll("(?i)([?&;]password=)[^&;]*", "$1***");
        return secrets.redact(url);
    }

    static DatabaseException connect(SQLException failure, Session session, Duration budget) {
        String message = "cannot connect to [" + session.target() + "]" + user(session) + " within "
                + Durations.format(budget) + ": " + describe(failure) + "; " + connectHint(failure, session);
        return new DatabaseException(session.secrets().redact(message), failure);
    }

    static DatabaseException statement(SQLException failure, String sql, Session session) {
        String message;
        if (isReadOnlyRefusal(failure)) {
            message = "write refused: environment [" + session.options().environment() + "] is read-only, so its database "
                    + "connections are read-only; mark the step @Destructive and run with " + ConfigKeys.ALLOW_DESTRUCTIVE
                    + "=true for a planned change. " + describe(failure) + "\n" + quote(sql, -1);
        } else if ("57014".equals(failure.getSQLState())) {
            message = "statement cancelled on [" + session.target() + "] after " + ConfigKeys.DATABASE_QUERY_TIMEOUT + " ["
                    + Durations.format(session.options().queryTimeout()) + "]: " + describe(failure) + "\n" + quote(sql, -1);
        } else {
            message = "SQL failed on [" + session.target() + "]: " + describe(failure) + "\n" + quote(sql, position(failure));
        }
        return new DatabaseException(session.secrets().redact(message), failure);
    }

    /** Describe a failure by its first line and SQLState; PostgreSQL's server message without the driver's extra lines. */
    static String describe(SQLException failure) {
        ServerErrorMessage server = failure instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        String text = server != null && server.getMessage() != null ? server.getSeverity() + ": " + server.getMessage()
                : String.valueOf(failure.getMessage()).lines().findFirst().orElse("");
        String hint = server != null && server.getHint() != null ? " (hint: " + server.getHint() + ")" : "";
        return text + hint + (failure.getSQLState() == null ? "" : " [SQLState " + failure.getSQLState() + "]");
    }

    /** Show a statement indented, with a caret under the 1-based character position when there is one. */
    static String quote(String sql, int position) {
        String shown = sql.length() > MAX_STATEMENT ? sql.substring(0, MAX_STATEMENT) + "…" : sql;
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String line : shown.split("\n", -1)) {
            out.append("  ").append(line).append('\n');
            int column = position - 1 - lineStart;
            if (position > 0 && column >= 0 && column <= line.length()) {
                out.append("  ").append(" ".repeat(column)).append("^ position ").append(position).append('\n');
            }
            lineStart += line.length() + 1;
        }
        return out.toString().stripTrailing();
    }

    private static int position(SQLException failure) {
        if (failure instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            return psql.getServerErrorMessage().getPosition();
        }
        return -1;
    }

    private static boolean isReadOnlyRefusal(SQLException failure) {
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        return "25006".equals(failure.getSQLState()) || message.contains("attempt to write a readonly database");
    }

    private static String user(Session session) {
        String user = session.settings().user();
        return user == null || user.isEmpty() ? "" : " as [" + user + "]";
    }

    private static String connectHint(SQLException failure, Session session) {
        String state = String.valueOf(failure.getSQLState());
        String entry = "environments." + session.options().environment() + ".database";
        if (state.startsWith("28")) {
            return "check the user and password of " + entry + " in runbook.yaml";
        }
        if ("3D000".equals(state)) {
            return "check the database name in " + entry + ".url";
        }
        if (String.valueOf(failure.getMessage()).startsWith("No suitable driver")) {
            return "put the JDBC driver for this URL on the test class path (org.postgresql:postgresql for "
                    + "jdbc:postgresql:, org.xerial:sqlite-jdbc for jdbc:sqlite:)";
        }
        return "check that the database is up and reachable from here, and the host and port of " + entry + ".url ("
                + ConfigKeys.DATABASE_TIMEOUT + " sets the budget)";
    }
}
