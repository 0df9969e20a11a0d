package org.runbookunit.db;

import java.time.Duration;
import java.util.Objects;

/**
 * Say how a {@link Database} connects: its timeouts and whether it may write.
 *
 * @param environment the environment's name, shown in messages (e.g. why a write was refused)
 * @param connectTimeout the budget for opening a connection, logging in included
 * @param queryTimeout the budget for one statement; the socket times out a little later
 * @param readOnly open connections read-only ({@code setReadOnly(true)}, PostgreSQL's {@code default_transaction_read_only})
 */
public record DatabaseOptions(String environment, Duration connectTimeout, Duration queryTimeout, boolean readOnly) {

    /** Reject missing or non-positive values. */
    public DatabaseOptions {
        Objects.requireNonNull(environment, "environment");
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("queryTimeout", queryTimeout);
    }

    /** Return writable options with a 10 s connect timeout and a 60 s query timeout. */
    public static DatabaseOptions defaults(String environment) {
        return new DatabaseOptions(environment, Duration.ofSeconds(10), Duration.ofSeconds(60), false);
    }

    /** Return a copy that is read-only or not. */
    public DatabaseOptions withReadOnly(boolean newReadOnly) {
        return new DatabaseOptions(environment, connectTimeout, queryTimeout, newReadOnly);
    }

    /** Return a copy with another connect timeout. */
    public DatabaseOptions withConnectTimeout(Duration newConnectTimeout) {
        return new DatabaseOptions(environment, newConnectTimeout, queryTimeout, readOnly);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive but was [" + value + "]");
        }
    }
}
