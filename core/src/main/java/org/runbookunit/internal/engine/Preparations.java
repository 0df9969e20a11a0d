package org.runbookunit.internal.engine;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.RunResources;

/**
 * Run {@link FacadeProvider#prepare(RunResources)} for the facade types a run's steps declare, one after another on one
 * background thread while the run starts, and let a step wait for its facade's preparation before opening it, so a
 * class is never initialised by the preparation and the step at once. A preparation that fails or outlasts
 * {@link #WAIT} is passed over: the step opens its facade as it would have without one.
 */
public final class Preparations implements AutoCloseable {

    /** The longest a step waits for its facade's preparation. */
    static final Duration WAIT = Duration.ofSeconds(20);

    private final Map<Class<?>, CompletableFuture<Void>> started = new ConcurrentHashMap<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(work -> {
        Thread prepare = new Thread(work, "runbook-prepare");
        prepare.setDaemon(true);
        return prepare;
    });

    /** Return the run's preparations, kept among its shared resources. */
    public static Preparations of(RunResources shared) {
        return shared.get(Preparations.class, Preparations.class, Preparations::new);
    }

    /** Start preparing each type a provider offers and that is not prepared or being prepared already. */
    public void prepare(FacadeRegistry facades, Collection<Class<?>> types, RunResources shared) {
        for (Class<?> type : types) {
            facades.provider(type).ifPresent(provider -> started.computeIfAbsent(type,
                    key -> CompletableFuture.runAsync(() -> provider.prepare(shared), thread)));
        }
    }

    /** Wait until the preparation of a type, if one was started, has ended. */
    public void awaitPrepared(Class<?> type) {
        CompletableFuture<Void> preparation = started.get(type);
        if (preparation == null) {
            return;
        }
        try {
            preparation.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException passedOver) {
            // a warm-up is an optimisation: the step opens its facade without it
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
