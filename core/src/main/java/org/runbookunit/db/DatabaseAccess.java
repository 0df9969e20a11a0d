package org.runbookunit.db;

import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.spi.StepContext;

/** Read a step's database settings and what it may do with them, for both database facades. */
final class DatabaseAccess {

    private DatabaseAccess() {
    }

    static DatabaseSettings settings(StepContext step, String facade) {
        String environment = step.environment().name();
        return step.environment().database().orElseThrow(() -> new RunbookConfigurationException(facade + " is used by "
                + "step " + step.step().label() + " but environment [" + environment + "] has no database; add "
                + "environments." + environment + ".database with url, user and password to runbook.yaml"));
    }

    /** Connections are read-only in a read-only environment, unless this is a @Destructive step explicitly allowed. */
    static DatabaseOptions options(StepContext step) {
        return new DatabaseOptions(step.environment().name(), step.settings().databaseTimeout(),
                step.settings().databaseQueryTimeout(), !step.mayWrite());
    }
}
