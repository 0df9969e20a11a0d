package org.runbookunit.junit;

import java.util.Optional;
import java.util.function.Supplier;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.SelectorResolutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.engine.support.store.NamespacedHierarchicalStore;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.internal.engine.FacadeRegistry;
import org.runbookunit.internal.engine.Preparations;
import org.runbookunit.spi.RunResources;

/**
 * Start preparing a runbook's facades ({@link org.runbookunit.spi.FacadeProvider#prepare}) as soon as JUnit has
 * discovered its class, before the test run starts: under Surefire or an IDE that is the launcher session's start, a
 * few hundred milliseconds before the first step. The preparations are kept in the launcher session's store, where
 * {@link RunStore} finds them, so a step still waits for its facade's preparation and nothing is prepared twice.
 * {@code runbook.prepare=false} turns it off; a launch without a session (the test kit) prepares when the run starts.
 */
public final class EarlyPreparation implements LauncherSessionListener {

    /** Register the discovery listener on the session's launcher; JUnit finds this class through ServiceLoader. */
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        session.getLauncher().registerLauncherDiscoveryListeners(new Discovery(session.getStore()));
    }

    /** Hear of each class JUnit resolves, and start preparing the facades of a runbook's steps. */
    private static final class Discovery implements LauncherDiscoveryListener {

        private final NamespacedHierarchicalStore<Namespace> sessionStore;
        private boolean enabled;
        private FacadeRegistry facades;

        Discovery(NamespacedHierarchicalStore<Namespace> sessionStore) {
            this.sessionStore = sessionStore;
        }

        @Override
        public void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
            ConfigSource parameters = key -> request.getConfigurationParameters().get(key);
            try {
                enabled = new RunbookSettings(parameters.orEnvironment(System.getenv())).prepareFacades();
            } catch (RuntimeException badSetting) {
                enabled = false; // the run fails naming the setting; discovery goes on
            }
        }

        @Override
        public void selectorProcessed(UniqueId engineId, DiscoverySelector selector, SelectorResolutionResult result) {
            if (!enabled || result.getStatus() != SelectorResolutionResult.Status.RESOLVED) {
                return;
            }
            selectedClass(selector).filter(type -> type.isAnnotationPresent(Runbook.class)).ifPresent(this::prepare);
        }

        private void prepare(Class<?> runbookClass) {
            try {
                if (facades == null) {
                    facades = FacadeRegistry.load(RunStore.classLoader(runbookClass));
                }
                RunResources session = sessionResources();
                Preparations.of(session).prepare(facades, RunbookStructure.of(runbookClass).parameterTypes(), session);
            } catch (RuntimeException invalidRunbook) {
                // the run reports what is wrong with the class; preparing is only an optimisation
            }
        }

        private RunResources sessionResources() {
            return new RunResources() {
                @Override
                public <R extends AutoCloseable> R get(Object key, Class<R> type, Supplier<R> factory) {
                    return sessionStore.getOrComputeIfAbsent(RunStore.SESSION_NAMESPACE, key, ignored -> factory.get(),
                            type);
                }
            };
        }

        private static Optional<Class<?>> selectedClass(DiscoverySelector selector) {
            if (selector instanceof ClassSelector classSelector) {
                return Optional.of(classSelector.getJavaClass());
            }
            if (selector instanceof MethodSelector methodSelector) {
                return Optional.of(methodSelector.getJavaClass());
            }
            return Optional.empty();
        }
    }
}
