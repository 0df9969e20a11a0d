package org.runbookunit.internal.engine;

/** Close several things, keep every failure (the first thrown, the others suppressed in it), and drop none. */
public final class Closer {

    private RuntimeException failure;

    /** Close one resource, remembering a failure instead of throwing it. */
    public void close(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception closeFailure) {
            add(closeFailure);
        }
    }

    /** Remember a failure that happened while closing. */
    public void add(Exception closeFailure) {
        RuntimeException wrapped = closeFailure instanceof RuntimeException runtime ? runtime
                : new IllegalStateException(closeFailure.getMessage(), closeFailure);
        if (failure == null) {
            failure = wrapped;
        } else if (failure != wrapped) {
            failure.addSuppressed(wrapped);
        }
    }

    /** Throw the first failure, with the others suppressed, if any happened. */
    public void rethrow() {
        if (failure != null) {
            throw failure;
        }
    }
}
