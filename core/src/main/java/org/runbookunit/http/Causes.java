package org.runbookunit.http;

import java.util.Optional;

/** Walk an exception's cause chain. */
final class Causes {

    private Causes() {
    }

    /** Return the first throwable of a type in the chain, the throwable itself included. */
    static <T extends Throwable> Optional<T> find(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    /** Tell whether any message in the chain contains a text (ignoring case). */
    static boolean mention(Throwable error, String text) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().toLowerCase(java.util.Locale.ROOT)
                    .contains(text.toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Return the deepest cause. */
    static Throwable root(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
