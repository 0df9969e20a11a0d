package org.runbookunit.internal.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.runbookunit.spi.RunResources;

/** Hold a run's shared resources in memory and close them, last created first, when the run ends. */
public final class SharedResources implements RunResources, AutoCloseable {

    private final Map<Object, AutoCloseable> resources = new LinkedHashMap<>();
    private final Deque<AutoCloseable> creationOrder = new ArrayDeque<>();

    @Override
    public synchronized <R extends AutoCloseable> R get(Object key, Class<R> type, Supplier<R> factory) {
        AutoCloseable existing = resources.get(key);
        if (existing != null) {
            return type.cast(existing);
        }
        R created = factory.get();
        resources.put(key, created);
        creationOrder.push(created);
        return created;
    }

    @Override
    public synchronized void close() {
        Closer closer = new Closer();
        while (!creationOrder.isEmpty()) {
            closer.close(creationOrder.pop());
        }
        resources.clear();
        closer.rethrow();
    }
}
