package org.runbookunit.db;

import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.StepContext;

/** Provide {@link Database} for the environment's database; its connection closes when the step ends. */
public final class DatabaseProvider implements FacadeProvider<Database> {

    @Override
    public Class<Database> type() {
        return Database.class;
    }

    @Override
    public Database open(StepContext step) {
        return new Database(DatabaseAccess.settings(step, "Database"), DatabaseAccess.options(step), step.evidence(),
                step.secrets());
    }
}
