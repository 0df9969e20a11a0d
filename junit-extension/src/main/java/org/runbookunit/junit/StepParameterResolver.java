package org.runbookunit.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Inject any facade a registered {@link org.runbookunit.spi.FacadeProvider} offers (Http, Database, Dashboard, …);
 * the step's execution opens it on first use and closes it when the step ends.
 */
class StepParameterResolver implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getTestMethod().isPresent()
                && RunStore.facades(context).provides(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return RunbookState.require(context).execution(context).facade(parameter.getParameter().getType());
    }
}
