package org.runbookunit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bookkeeping behind the console, failed-request and load checks, without a browser. */
class PageEventsTests {

    private static final long MS = Duration.ofMillis(1).toNanos();

    private final PageEvents events = new PageEvents();

    @Test
    void theFaviconIsIgnoredInConsoleErrorsAndFailedRequests() {
        events.consoleError("Failed to load resource: the server responded with a status of 404 (Not Found)",
                "http://127.0.0.1:8123/favicon.ico:0:0");
        events.failedRequest("http://127.0.0.1:8123/favicon.ico", "GET http://127.0.0.1:8123/favicon.ico → 404");
        events.consoleError("boom", "http://127.0.0.1:8123/app.js:3:9");
        events.failedRequest("http://127.0.0.1:8123/api", "GET http://127.0.0.1:8123/api → 500");

        assertThat(events.consoleErrors()).containsExactly("boom (http://127.0.0.1:8123/app.js:3:9)");
        assertThat(events.failedRequests()).containsExactly("GET http://127.0.0.1:8123/api → 500");
    }

    @Test
    void aPageIsLoadedWhenItsLastRequestEndedAfterTheLoadEventAndThenItWasQuiet() {
        Object xhr = new Object();
        events.reset(0);
        events.loaded(100 * MS);
        events.requestStarted(xhr, "GET /api/roles", false, 150 * MS);

        assertThat(events.loadNanos(2000 * MS)).isEmpty();
        assertThat(events.inFlight()).containsExactly("GET /api/roles");

        events.requestEnded(xhr, 700 * MS);
        assertThat(events.loadNanos(750 * MS)).as("not quiet for long enough yet").isEmpty();
        assertThat(events.loadNanos(1000 * MS)).contains(700 * MS);
    }

    @Test
    void requestsTheFormerDocumentLeftUnfinishedStopCountingWhenTheNextDocumentLoads() {
        Object cancelled = new Object();
        Object navigation = new Object();
        events.reset(0);
        events.loaded(100 * MS);
        events.requestStarted(cancelled, "GET /demand/roles", false, 200 * MS);
        events.requestStarted(navigation, "GET /dashboard/login", true, 300 * MS);
        events.requestEnded(navigation, 350 * MS);

        assertThat(events.loadNanos(2000 * MS)).as("the new document has not loaded yet").isEmpty();

        events.loaded(400 * MS);
        assertThat(events.inFlight()).isEmpty();
        assertThat(events.loadNanos(1000 * MS)).contains(400 * MS);
    }

    @Test
    void withoutRequestsAfterItTheLoadEventIsTheLoadTime() {
        events.reset(10 * MS);
        events.loaded(60 * MS);

        assertThat(events.loadNanos(500 * MS)).contains(50 * MS);
    }

    @Test
    void openingAnotherPageForgetsTheFormerOne() {
        events.consoleError("boom", "");
        events.reset(0);

        assertThat(events.consoleErrors()).isEmpty();
        assertThat(events.loadNanos(Long.MAX_VALUE)).isEmpty();
    }
}
