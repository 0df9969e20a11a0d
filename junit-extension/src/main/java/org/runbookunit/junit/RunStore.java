package org.runbookunit.junit;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.runbookunit.internal.engine.FacadeRegistry;
import org.runbookunit.spi.RunResources;

/**
 * Keep what lives as long as the whole test run in JUnit's root store: the facade registry and the resources shared by
 * every runbook (one browser, rehearsal stacks), closed by JUnit when the run ends.
 */
final class RunStore implements RunResources {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunStore.class);

    private final ExtensionContext.Store store;

    private RunStore(ExtensionContext.Store store) {
        this.store = store;
    }

    static RunStore of(ExtensionContext context) {
        return new RunStore(context.getRoot().getStore(NAMESPACE));
    }

    static FacadeRegistry facades(ExtensionContext context) {
        return of(context).store.getOrComputeIfAbsent(FacadeRegistry.class,
                type -> FacadeRegistry.load(classLoader(context)), FacadeRegistry.class);
    }

    @Override
    public <R extends AutoCloseable> R get(Object key, Class<R> type, Supplier<R> factory) {
        return store.getOrComputeIfAbsent(key, ignored -> factory.get(), type);
    }

    static ClassLoader classLoader(ExtensionContext context) {
        ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
        return contextLoader != null ? contextLoader : context.getRequiredTestClass().getClassLoader();
    }
}
