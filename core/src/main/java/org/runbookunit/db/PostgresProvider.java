package org.runbookunit.db;

import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.StepContext;

/** Provide {@link Postgres} for the environment's database, with the local PostgreSQL client tools. */
public final class PostgresProvider implements FacadeProvider<Postgres> {

    @Override
    public Class<Postgres> type() {
        return Postgres.class;
    }

    @Override
    public Postgres open(StepContext step) {
        return new Postgres(DatabaseAccess.settings(step, "Postgres"), DatabaseAccess.options(step),
                new LocalPostgresTools(step.settings().postgresBinDir(), LocalPostgresTools.DEBIAN_ROOT),
                step.settings().postgresToolTimeout(), step.evidence(), step.secrets());
    }
}
