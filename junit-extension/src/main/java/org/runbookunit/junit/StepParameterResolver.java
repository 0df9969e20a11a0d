package org.runbookunit.junit;

import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.db.Database;
import org.runbookunit.db.Postgres;
import org.runbookunit.dashboard.Dashboard;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.http.Http;
import org.runbookunit.run.StepExecution;
import org.runbookunit.windows.Windows;

/**
 * Inject a step's facades: {@link Http}, {@link Windows}, {@link Database}, {@link Postgres}, {@link Dashboard},
 * {@link Evidence} and {@link RunbookEnvironment}. Connections and browser contexts are closed when the step ends.
 */
class StepParameterResolver implements ParameterResolver {

    private static final Set<Class<?>> SUPPORTED = Set.of(Http.class, Windows.class, Database.class, Postgres.class,
            Dashboard.class, Evidence.class, RunbookEnvironment.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getTestMethod().isPresent() && SUPPORTED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunbookState state = RunbookState.require(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == RunbookEnvironment.class) {
            return state.run().environment();
        }
        StepExecution execution = state.execution(context);
        if (type == Http.class) {
            return execution.http();
        }
        if (type == Windows.class) {
            return execution.windows();
        }
        if (type == Database.class) {
            return execution.database();
        }
        if (type == Dashboard.class) {
            return execution.dashboard(BrowserStore.shared(context, state.settings()));
        }
        return type == Postgres.class ? execution.postgres() : execution.evidence();
    }
}
