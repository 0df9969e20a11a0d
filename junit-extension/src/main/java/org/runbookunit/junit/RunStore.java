package org.runbookunit.junit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.support.store.Namespace;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.internal.engine.FacadeRegistry;
import org.runbookunit.spi.RunResources;

/**
 * Keep what lives as long as the whole test run in JUnit's root store: the facade registry and the resources shared by
 * every runbook (one browser, rehearsal stacks), closed by JUnit when the run ends. A resource put in the launcher
 * session's store before the run ({@link EarlyPreparation}'s preparations) is found there first.
 */
final class RunStore implements RunResources {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunStore.class);

    /** The same namespace in the launcher session's store, as a session listener writes to it. */
    static final Namespace SESSION_NAMESPACE = Namespace.create(NAMESPACE.getParts().toArray());

    private final ExtensionContext.Store store;
    private final ExtensionContext.Store session;

    private RunStore(ExtensionContext.Store store, ExtensionContext.Store session) {
        this.store = store;
        this.session = session;
    }

    static RunStore of(ExtensionContext context) {
        return new RunStore(context.getRoot().getStore(NAMESPACE),
                context.getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, NAMESPACE));
    }

    static FacadeRegistry facades(ExtensionContext context) {
        return of(context).store.getOrComputeIfAbsent(FacadeRegistry.class,
                type -> FacadeRegistry.load(classLoader(context)), FacadeRegistry.class);
    }

    /**
     * Claim a runbook id for one class; a second class with the same id fails naming both, before its steps run, so
     * its report cannot overwrite the first one's.
     */
    static void claim(ExtensionContext context, String runbookId, Class<?> runbookClass) {
        Map<String, Class<?>> owners = of(context).store.getOrComputeIfAbsent(RunbookIds.class, type -> new RunbookIds(),
                RunbookIds.class).owners;
        Class<?> earlier = owners.putIfAbsent(runbookId, runbookClass);
        if (earlier != null && earlier != runbookClass) {
            throw new RunbookConfigurationException("two runbooks have the id [" + runbookId + "]: " + earlier.getName()
                    + " and " + runbookClass.getName() + "; their reports would share one folder. Give one another "
                    + "title, or set @Runbook(id = \"…\")");
        }
    }

    /** The ids of the runbooks of this test run, by the class that claimed each. */
    private static final class RunbookIds {
        final Map<String, Class<?>> owners = new ConcurrentHashMap<>();
    }

    @Override
    public <R extends AutoCloseable> R get(Object key, Class<R> type, Supplier<R> factory) {
        R early = session.get(key, type);
        return early != null ? early : store.getOrComputeIfAbsent(key, ignored -> factory.get(), type);
    }

    static ClassLoader classLoader(ExtensionContext context) {
        return classLoader(context.getRequiredTestClass());
    }

    /** Return the thread's context class loader, else the runbook class's. */
    static ClassLoader classLoader(Class<?> runbookClass) {
        ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
        return contextLoader != null ? contextLoader : runbookClass.getClassLoader();
    }
}
