package org.runbookunit.http;

import java.util.ArrayList;
import java.util.List;

/** Collect calls whose expectations failed until the step (or the next call) reports them together. */
final class PendingFailures {

    private final List<HttpCall> calls = new ArrayList<>();

    synchronized void add(HttpCall call) {
        if (!calls.contains(call)) {
            calls.add(call);
        }
    }

    synchronized void remove(HttpCall call) {
        calls.remove(call);
    }

    /** Throw the failures collected so far, once: the list is empty afterwards. */
    void throwIfAny() {
        List<HttpCall> failed;
        synchronized (this) {
            failed = List.copyOf(calls);
            calls.clear();
        }
        if (failed.size() == 1) {
            throw failed.get(0).failure();
        }
        if (!failed.isEmpty()) {
            StringBuilder message = new StringBuilder(failed.size() + " HTTP calls failed their expectations");
            failed.forEach(call -> message.append("\n").append(call.failure().getMessage().indent(2).stripTrailing()));
            throw new HttpExpectationError(message.toString());
        }
    }
}
