package org.runbookunit.spi;

import java.util.function.Supplier;

/** Keep resources that live as long as the whole test run (a browser, a connection per host), closed when it ends. */
public interface RunResources {

    /** Return the resource stored under a key, created by the factory the first time it is asked for. */
    <R extends AutoCloseable> R get(Object key, Class<R> type, Supplier<R> factory);
}
