package org.runbookunit.dashboard;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;

/**
 * Open an environment's pages by endpoint name in a real browser and check what a person would see: a small fluent
 * facade over Playwright and headless Chromium.
 *
 * <pre>{@code
 * @Step(order = 1, value = "Dashboard loads within 2 s, no errors")
 * void dashboard(Dashboard dashboard) {
 *     dashboard.open("dashboard", "/").expectTitle("Air Demand").expectText("Paraform Roles")
 *         .expectVisible("#roles tbody tr").expectLoadedWithin(Duration.ofSeconds(2))
 *         .expectNoConsoleErrors().expectNoFailedRequests();
 * }
 *
 * @Step(order = 2, value = "Operator can log in")
 * void login(Dashboard dashboard, RunbookEnvironment environment) {
 *     dashboard.open("dashboard", "/login").fill("#username", "operator")
 *         .fill("#password", environment.property("dashboard-password")).click("button[type=submit]")
 *         .expectText("Signed in as operator");
 * }
 * }</pre>
 *
 * <p>A {@code Dashboard} is one browser tab of one step: every step gets a fresh context (no cookies or storage from
 * another step) of the run's one shared browser, closed when the step ends. Expectations wait up to the timeout
 * (10 s unless {@link #timeout(Duration)}) and are collected, not thrown one by one: they surface together at the next
 * {@code open}, {@code click} or {@code fill}, at {@link #verify()}, or when the step ends. A failed step keeps a
 * full-page screenshot and a Playwright trace in its evidence; every opened page is recorded as JSON evidence.
 *
 * <p>The page may reach only the hosts of the environment's endpoints (others are blocked and reported as failed
 * requests unless {@link #allowHost(String)}); an endpoint written {@code https://user:${PASSWORD}@host} gets basic
 * authentication, and {@code ignore-https-errors: true} in the environment accepts self-signed certificates.
 */
public final class Dashboard implements AutoCloseable {

    /** How long checks and actions wait unless {@link #timeout(Duration)} says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final RunbookEnvironment environment;
    private final SharedBrowser browser;
    private final Evidence evidence;
    private final Tab tab;
    private final Duration timeout;

    /**
     * Create the facade for one step; the browser starts when the first page is opened.
     *
     * @param environment where endpoint names point, and its secrets
     * @param browser the run's browser
     * @param evidence where screenshots, page records and traces are saved
     */
    public Dashboard(RunbookEnvironment environment, SharedBrowser browser, Evidence evidence) {
        this(environment, browser, evidence, new Tab(), DEFAULT_TIMEOUT);
        environment.endpoints().values().forEach(endpoint -> tab.allow(endpoint.getHost()));
    }

    private Dashboard(RunbookEnvironment environment, SharedBrowser browser, Evidence evidence, Tab tab,
            Duration timeout) {
        this.environment = environment;
        this.browser = browser;
        this.evidence = evidence;
        this.tab = tab;
        this.timeout = timeout;
    }

    /**
     * Return a Dashboard of the same tab whose checks and actions wait up to this long, e.g.
     * {@code timeout(Duration.ofSeconds(30))}; this one keeps its own timeout.
     */
    public Dashboard timeout(Duration newTimeout) {
        if (newTimeout.isNegative() || newTimeout.isZero()) {
            throw new IllegalArgumentException("Dashboard.timeout(…) must be > 0 but was [" + newTimeout + "]");
        }
        return new Dashboard(environment, browser, evidence, tab, newTimeout);
    }

    /** Return the timeout checks and actions wait for. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Return a Dashboard of the same tab whose pages may also reach a host outside the environment's endpoints, e.g. a
     * CDN; the host is allowed for the step's tab, which every Dashboard derived from it shares.
     */
    public Dashboard allowHost(String host) {
        tab.allow(host);
        return new Dashboard(environment, browser, evidence, tab, timeout);
    }

    /** Open a page of an endpoint, e.g. {@code open("dashboard", "/")}, and wait for its load event. */
    public Dashboard open(String endpoint, String path) {
        throwPending();
        URI base = environment.endpoint(endpoint);
        String url = url(base, path);
        if (tab.page == null) {
            tab.page = browser.newSession(new SessionOptions(environment.ignoreHttpsErrors(), tab.allowedHosts,
                    Credentials.byOrigin(environment)));
        } else {
            saveVisit();
        }
        tab.visit = null;
        try {
            int status = tab.page.navigate(url, timeout);
            tab.visit = new PageVisit(endpoint, path, url, status);
        } catch (BrowserFailure failure) {
            tab.visit = new PageVisit(endpoint, path, url, 0);
            throw new DashboardExpectationError("page " + endpoint + " " + path + ": did not load within "
                    + timeout.toMillis() + " ms: " + failure.getMessage() + "\n  url: " + url, failure);
        }
        return this;
    }

    /** Expect the page's title to become exactly this. */
    public Dashboard expectTitle(String title) {
        PageVisit current = current("expectTitle");
        if (!tab.page.waitForTitle(title, timeout)) {
            current.fail("title: expected [\"" + title + "\"] within " + timeout.toMillis() + " ms but was [\""
                    + tab.page.title() + "\"]");
        }
        return this;
    }

    /** Expect the page to show a text (case-sensitive, visible text only), like {@code curl … | grep "Paraform Roles"}. */
    public Dashboard expectText(String text) {
        PageVisit current = current("expectText");
        if (!tab.page.waitForText(text, timeout)) {
            current.fail("text: expected the page to show [\"" + text + "\"] within " + timeout.toMillis()
                    + " ms but it did not");
        }
        return this;
    }

    /** Expect an element matching a CSS (or Playwright) selector to be visible, e.g. {@code "#roles tbody tr"}. */
    public Dashboard expectVisible(String selector) {
        PageVisit current = current("expectVisible");
        try {
            if (!tab.page.waitForVisible(selector, timeout)) {
                current.fail("visible: expected an element matching [" + selector + "] within " + timeout.toMillis()
                        + " ms but " + tab.page.count(selector) + " matched and none was visible");
            }
        } catch (BrowserFailure invalid) {
            current.fail("visible: selector [" + selector + "] cannot be used: " + invalid.getMessage());
        }
        return this;
    }

    /**
     * Expect the page, once loaded and quiet, to have logged no console error and thrown no uncaught exception; the
     * browser's own favicon request is ignored.
     */
    public Dashboard expectNoConsoleErrors() {
        PageVisit current = current("expectNoConsoleErrors");
        tab.page.waitForLoad(timeout).ifPresent(current::loaded);
        List<String> errors = tab.page.events().consoleErrors();
        if (!errors.isEmpty()) {
            current.fail("console: expected no errors but saw " + errors.size() + ":" + bullets(errors));
        }
        return this;
    }

    /**
     * Expect none of the page's requests, once it is loaded and quiet, to have answered 4xx or 5xx or failed on the
     * network (the favicon excepted): the "no 500 errors" of a runbook.
     */
    public Dashboard expectNoFailedRequests() {
        PageVisit current = current("expectNoFailedRequests");
        tab.page.waitForLoad(timeout).ifPresent(current::loaded);
        List<String> failed = tab.page.events().failedRequests();
        if (!failed.isEmpty()) {
            current.fail("requests: expected none to fail but " + failed.size() + " did:" + bullets(failed));
        }
        return this;
    }

    /**
     * Expect the page to be loaded within a limit: from {@code open} until its load event fired and its last request
     * (the data its scripts fetch) ended.
     */
    public Dashboard expectLoadedWithin(Duration limit) {
        PageVisit current = current("expectLoadedWithin");
        Optional<Duration> loaded = tab.page.waitForLoad(limit);
        loaded.ifPresent(current::loaded);
        if (loaded.isEmpty()) {
            current.fail("load: expected within [" + limit.toMillis() + " ms] but the page was still loading then;"
                    + " in flight: " + String.join(", ", tab.page.events().inFlight()));
        } else if (loaded.get().compareTo(limit) > 0) {
            current.fail("load: expected within [" + limit.toMillis() + " ms] but took [" + loaded.get().toMillis() + " ms]");
        }
        return this;
    }

    /** Click the element matching a selector, waiting for it to be visible and enabled; fail at once if it never is. */
    public Dashboard click(String selector) {
        return act("click [" + selector + "]", () -> tab.page.click(selector, timeout));
    }

    /** Type a value into the field matching a selector; the value never appears in messages or reports. */
    public Dashboard fill(String selector, String value) {
        return act("fill [" + selector + "]", () -> tab.page.fill(selector, value, timeout));
    }

    /** Save a full-page screenshot of the current page as evidence, named e.g. {@code "roles table"}. */
    public Dashboard screenshot(String name) {
        current("screenshot");
        evidence.save(name, "png", tab.page.screenshot(), "screenshot " + name);
        return this;
    }

    /** Throw every failed expectation not reported yet. */
    public void verify() {
        throwPending();
    }

    /** Save a screenshot and the Playwright trace of this step as evidence, then close: what a failed step does. */
    public void closeAfterFailure() {
        if (tab.page == null) {
            return;
        }
        try {
            evidence.save("screenshot at failure", "png", tab.page.screenshot(), "screenshot at failure");
        } catch (BrowserFailure noScreenshot) {
            evidence.text("screenshot at failure", "no screenshot: " + noScreenshot.getMessage());
        }
        finish(true);
    }

    /** Record the page and close the step's browser context; the browser itself stays for later steps. */
    @Override
    public void close() {
        if (tab.page != null) {
            finish(false);
        }
    }

    private void finish(boolean keepTrace) {
        PageSession closing = tab.page;
        tab.page = null;
        try {
            saveVisit(closing);
        } finally {
            closing.close(keepTrace).ifPresent(trace -> evidence.save("playwright trace at failure", "zip",
                    TraceRedaction.redact(trace, environment.secrets()),
                    "Playwright trace at failure (open with: npx playwright show-trace <file>)"));
        }
    }

    private void saveVisit() {
        saveVisit(tab.page);
    }

    private void saveVisit(PageSession session) {
        if (tab.visit != null) {
            tab.visit.save(evidence, session, browser.description());
        }
    }

    private Dashboard act(String action, Runnable doIt) {
        current(action.substring(0, action.indexOf(' ')));
        throwPending();
        try {
            doIt.run();
        } catch (BrowserFailure failure) {
            tab.visit.fail(action + ": " + failure.getMessage());
            throwPending();
        }
        return this;
    }

    private PageVisit current(String method) {
        if (tab.page == null || tab.visit == null) {
            throw new IllegalStateException("Dashboard." + method + "(…) needs an open page: call open(endpoint, path) "
                    + "first");
        }
        return tab.visit;
    }

    private void throwPending() {
        if (tab.visit == null || tab.page == null) {
            return;
        }
        List<String> failures = tab.visit.takeFailures();
        if (!failures.isEmpty()) {
            throw new DashboardExpectationError(PageVisit.message(tab.visit, failures, tab.page));
        }
    }

    private static String bullets(List<String> items) {
        return items.stream().map(item -> "\n    " + item).collect(Collectors.joining());
    }

    /** Build the URL without the endpoint's user-info: credentials travel in the Authorization header instead. */
    static String url(URI base, String path) {
        String withoutUserInfo = base.getRawUserInfo() == null ? base.toString()
                : base.toString().replace(base.getRawUserInfo() + "@", "");
        return withoutUserInfo.replaceAll("/+$", "") + (path.startsWith("/") ? path : "/" + path);
    }
}
