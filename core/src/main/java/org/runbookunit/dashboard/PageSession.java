package org.runbookunit.dashboard;

import java.time.Duration;
import java.util.Optional;

/** Drive one browser tab of one step; the only way {@link Dashboard} reaches Playwright, so it loads without it. */
interface PageSession {

    /** Go to a URL and wait for its load event; return the document's status code, or throw {@link BrowserFailure}. */
    int navigate(String url, Duration timeout);

    /** Return what the page did since it was last opened. */
    PageEvents events();

    /**
     * Wait until the page is loaded and nothing has been in flight for a moment; return the load time, empty when it
     * was still loading after {@code budget}.
     */
    Optional<Duration> waitForLoad(Duration budget);

    boolean waitForTitle(String title, Duration timeout);

    boolean waitForText(String text, Duration timeout);

    boolean waitForVisible(String selector, Duration timeout);

    String title();

    String visibleText();

    String url();

    int count(String selector);

    void click(String selector, Duration timeout);

    void fill(String selector, String value, Duration timeout);

    byte[] screenshot();

    /** Close the tab and its context; return the Playwright trace (a zip) when asked to keep it. */
    Optional<byte[]> close(boolean keepTrace);
}
