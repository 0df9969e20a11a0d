package org.runbookunit.run;

import java.util.Optional;
import org.runbookunit.internal.engine.FacadeRegistry;
import org.runbookunit.internal.engine.SharedResources;
import org.runbookunit.spi.RunResources;

/**
 * Say where a run's steps get their facades: the registered providers, and the resources shared by every runbook of
 * the test run (owned by the run itself when nobody else keeps them).
 *
 * @param registry the facade providers
 * @param shared the resources shared by every step
 * @param owned the resources this run closes when it finishes, when the run owns them
 */
public record Facades(FacadeRegistry registry, RunResources shared, Optional<SharedResources> owned) {

    /** Use the providers registered for a thread's context class loader, with resources kept by someone else. */
    public static Facades of(FacadeRegistry registry, RunResources shared) {
        return new Facades(registry, shared, Optional.empty());
    }

    /** Use the providers registered for the thread's context class loader, with resources the run closes itself. */
    static Facades loadedFor(Thread thread) {
        ClassLoader loader = thread.getContextClassLoader() != null ? thread.getContextClassLoader()
                : Facades.class.getClassLoader();
        SharedResources own = new SharedResources();
        return new Facades(FacadeRegistry.load(loader), own, Optional.of(own));
    }
}
