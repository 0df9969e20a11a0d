package org.runbookunit.junit;

import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.dashboard.Dashboard;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.http.Http;
import org.runbookunit.windows.Windows;

/**
 * Inject a step's facades: {@link Http}, {@link Windows}, {@link Dashboard}, {@link Evidence} and
 * {@link RunbookEnvironment}.
 */
class StepParameterResolver implements ParameterResolver {

    private static final Set<Class<?>> SUPPORTED = Set.of(Http.class, Evidence.class, RunbookEnvironment.class,
            Windows.class, Dashboard.class);

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
        if (type == Windows.class) {
            return state.execution(context).windows();
        }
        if (type == Dashboard.class) {
            return state.execution(context).dashboard(BrowserStore.shared(context, state.settings()));
        }
        return type == Http.class ? state.execution(context).http() : state.execution(context).evidence();
    }
}
