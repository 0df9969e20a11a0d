package org.runbookunit.db;

import java.util.ArrayList;
import java.util.List;

/** Create and drop databases through a maintenance connection, explaining the usual refusals. */
final class Servers {

    private static final int FIRST_MAJOR_WITH_FORCE = 13;

    private Servers() {
    }

    static void create(Session admin, String name) {
        try (admin) {
            admin.update("CREATE DATABASE " + quote(name) + " TEMPLATE template0", List.of());
        } catch (DatabaseException failure) {
            throw new DatabaseException("cannot create the scratch database [" + name + "] (the user needs CREATEDB): "
                    + failure.getMessage(), failure);
        }
    }

    static void createCopy(Session admin, String source, String copy) {
        try (admin) {
            try {
                admin.update("CREATE DATABASE " + quote(copy) + " TEMPLATE " + quote(source), List.of());
            } catch (DatabaseException failure) {
                if (!String.valueOf(failure.getMessage()).contains("55006")) {
                    throw failure;
                }
                Row sessions = admin.query("SELECT count(*) AS n, string_agg(DISTINCT coalesce(nullif(application_name, ''),"
                        + " '(no name)'), ', ') AS apps FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()",
                        List.of(source)).single();
                throw new DatabaseException("CREATE DATABASE " + copy + " TEMPLATE " + source + " refused: [" + source
                        + "] has " + sessions.number("n") + " other session(s) (" + sessions.text("apps") + "), and a "
                        + "template must have none. Stop its clients for the copy (close the step's Database first with "
                        + "db.close()), or rehearse on a restored backup instead", failure);
            }
        }
    }

    static void drop(Session admin, List<String> names, ServerVersion server) {
        List<String> failures = new ArrayList<>();
        try (admin) {
            for (String name : names) {
                try {
                    admin.update("DROP DATABASE IF EXISTS " + quote(name)
                            + (server.major() >= FIRST_MAJOR_WITH_FORCE ? " WITH (FORCE)" : ""), List.of());
                } catch (DatabaseException failure) {
                    failures.add(name + ": " + failure.getMessage());
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new DatabaseException("could not drop the scratch database(s), drop them by hand: " + failures);
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
