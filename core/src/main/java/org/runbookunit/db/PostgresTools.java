package org.runbookunit.db;

import java.util.List;

/**
 * Find the {@code pg_dump} and {@code pg_restore} that fit a server and build the process that runs one. The local
 * implementation uses {@code /usr/lib/postgresql/<major>/bin}; one for Testcontainers would run the tool inside the
 * server's container ({@code docker exec -i}), which is why archives travel through standard input and output.
 */
public interface PostgresTools {

    /**
     * Return a process running a client tool against a target, or fail naming the version mismatch.
     *
     * @param tool {@code pg_dump} or {@code pg_restore}
     * @param server the server's version: the tool's major version must fit it
     * @param target where the tool connects; the password goes into the environment, not the command line
     * @param arguments the tool's arguments
     */
    ProcessBuilder process(String tool, ServerVersion server, PostgresTarget target, List<String> arguments);
}
