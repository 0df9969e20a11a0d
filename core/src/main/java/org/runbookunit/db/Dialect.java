package org.runbookunit.db;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/** Tell the few things that differ between the databases RunbookUnit knows: timeouts, read-only and names. */
enum Dialect {

    POSTGRESQL("PostgreSQL") {
        @Override
        void configure(Properties properties, DatabaseOptions options, Duration connectBudget) {
            String connectSeconds = Long.toString(seconds(connectBudget));
            properties.setProperty("connectTimeout", connectSeconds);
            properties.setProperty("loginTimeout", connectSeconds);
            properties.setProperty("socketTimeout", Long.toString(seconds(options.queryTimeout()) + SOCKET_MARGIN_SECONDS));
            properties.setProperty("ApplicationName", "runbookunit");
            // The server enforces the statement budget: no client-side cancel timer per statement (see clientTimeout).
            String serverOptions = "-c statement_timeout=" + options.queryTimeout().toMillis();
            if (options.readOnly()) {
                properties.setProperty("readOnly", "true");
                properties.setProperty("readOnlyMode", "always");
                serverOptions += " -c default_transaction_read_only=on";
            }
            properties.setProperty("options", serverOptions);
        }

        @Override
        boolean clientTimeout() {
            return false;
        }
    },

    SQLITE("SQLite") {
        @Override
        void configure(Properties properties, DatabaseOptions options, Duration connectBudget) {
            properties.setProperty("busy_timeout", Long.toString(options.queryTimeout().toMillis()));
            if (options.readOnly()) {
                properties.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: the driver cannot switch later
            }
        }
    },

    OTHER("JDBC") {
        @Override
        void configure(Properties properties, DatabaseOptions options, Duration connectBudget) {
            // setReadOnly and setQueryTimeout are all a generic driver is told
        }
    };

    /** The socket waits this much longer than a statement's timeout, so the server's cancel arrives first. */
    private static final long SOCKET_MARGIN_SECONDS = 5;

    private final String label;

    Dialect(String label) {
        this.label = label;
    }

    /** Pick the dialect of a JDBC URL. */
    static Dialect of(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        return lower.startsWith("jdbc:sqlite:") ? SQLITE : OTHER;
    }

    /** Add the driver properties for timeouts and read-only connections. */
    abstract void configure(Properties properties, DatabaseOptions options, Duration connectBudget);

    /** Tell whether statements need JDBC's client-side {@code setQueryTimeout}; PostgreSQL's server enforces it. */
    boolean clientTimeout() {
        return true;
    }

    /** Return the name shown in messages, e.g. {@code PostgreSQL}. */
    String label() {
        return label;
    }

    /** Round a duration up to whole seconds, at least 1: JDBC timeouts are in seconds. */
    static long seconds(Duration duration) {
        long millis = duration.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
