package org.runbookunit.dashboard;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collect what a page did since it was opened: console errors, failed requests and the requests still in flight, so
 * that checks can tell when the page went quiet. Thread-safe; plain Java, fed by the Playwright listeners.
 */
final class PageEvents {

    /**
     * How long nothing may be in flight before a loaded page counts as quiet: long enough for a response handler or a
     * short timer to start the next request (scripts chain theirs within milliseconds), short enough not to dominate a
     * step. It was 250 ms, about half of a later dashboard step's time; Playwright's networkidle waits 500 ms.
     */
    static final long QUIET_NANOS = Duration.ofMillis(100).toNanos();

    private final List<String> consoleErrors = new ArrayList<>();
    private final List<String> failedRequests = new ArrayList<>();
    private final Map<Object, InFlight> inFlight = new IdentityHashMap<>();
    private long openedNanos;
    private long navigationNanos;
    private long loadedNanos;
    private long quietSinceNanos;

    /** Forget everything: a new page is being opened now. */
    synchronized void reset(long nowNanos) {
        consoleErrors.clear();
        failedRequests.clear();
        inFlight.clear();
        openedNanos = nowNanos;
        navigationNanos = nowNanos;
        loadedNanos = 0;
        quietSinceNanos = nowNanos;
    }

    /**
     * Record the main frame's load event; requests the former document left unfinished (a navigation cancels them,
     * and the browser does not always report it) no longer count as in flight.
     */
    synchronized void loaded(long nowNanos) {
        loadedNanos = nowNanos;
        if (inFlight.values().removeIf(request -> request.startNanos() < navigationNanos) && inFlight.isEmpty()) {
            quietSinceNanos = nowNanos;
        }
    }

    /** Record a request; one that loads a new document into the main frame means waiting for its load event again. */
    synchronized void requestStarted(Object request, String name, boolean newDocument, long nowNanos) {
        if (newDocument) {
            navigationNanos = nowNanos;
            loadedNanos = 0;
        }
        inFlight.put(request, new InFlight(name, nowNanos));
    }

    synchronized void requestEnded(Object request, long nowNanos) {
        if (inFlight.remove(request) != null && inFlight.isEmpty()) {
            quietSinceNanos = nowNanos;
        }
    }

    synchronized void consoleError(String text, String location) {
        if (!isFavicon(location)) {
            consoleErrors.add(location.isEmpty() ? text : text + " (" + location + ")");
        }
    }

    synchronized void pageError(String message) {
        consoleErrors.add("uncaught " + message);
    }

    synchronized void failedRequest(String url, String description) {
        if (!isFavicon(url)) {
            failedRequests.add(description);
        }
    }

    synchronized List<String> consoleErrors() {
        return List.copyOf(consoleErrors);
    }

    synchronized List<String> failedRequests() {
        return List.copyOf(failedRequests);
    }

    synchronized List<String> inFlight() {
        return inFlight.values().stream().map(InFlight::name).toList();
    }

    /**
     * Return how long the page took to load — from opening it until its load event fired and its last request ended —
     * once nothing has been in flight for {@link #QUIET_NANOS}; empty while it is still loading.
     */
    synchronized Optional<Long> loadNanos(long nowNanos) {
        if (loadedNanos == 0 || !inFlight.isEmpty() || nowNanos - quietSinceNanos < QUIET_NANOS) {
            return Optional.empty();
        }
        return Optional.of(Math.max(loadedNanos, quietSinceNanos) - openedNanos);
    }

    /** Tell whether a URL, or a console location such as {@code http://host/favicon.ico:0:0}, is the favicon. */
    static boolean isFavicon(String urlOrLocation) {
        String url = urlOrLocation.replaceFirst(":\\d+:\\d+$", "");
        try {
            String path = URI.create(url).getPath();
            return path != null && path.endsWith("/favicon.ico");
        } catch (IllegalArgumentException notAUrl) {
            return false;
        }
    }

    /** A request not finished yet, and when it started. */
    private record InFlight(String name, long startNanos) {
    }
}
