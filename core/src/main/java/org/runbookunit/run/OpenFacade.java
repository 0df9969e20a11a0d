package org.runbookunit.run;

import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.StepContext;

/** One facade a step opened, with the provider that verifies, captures and closes it. */
record OpenFacade<T>(FacadeProvider<T> provider, T facade) {

    static <T> OpenFacade<T> open(FacadeProvider<T> provider, StepContext step) {
        return new OpenFacade<>(provider, provider.open(step));
    }

    void verify() {
        provider.verify(facade);
    }

    void captureFailure(StepContext step) {
        provider.captureFailure(facade, step);
    }

    void close() throws Exception {
        provider.close(facade);
    }
}
