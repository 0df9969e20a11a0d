package org.runbookunit.dashboard;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.Tracing;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.microsoft.playwright.options.WaitUntilState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Drive one Playwright context and page; every call holds the browser's lock, since Playwright is single-threaded. */
final class PlaywrightSession implements PageSession {

    private static final double POLL_MILLIS = 25;
    private static final String TEXT_SHOWN = "t => !!document.body && document.body.innerText.includes(t)";

    private final PlaywrightBrowser browser;
    private final BrowserContext context;
    private final SessionOptions options;
    private final Page page;
    private final PageEvents events = new PageEvents();
    private final Set<String> blocked = ConcurrentHashMap.newKeySet();

    PlaywrightSession(PlaywrightBrowser browser, BrowserContext context, SessionOptions options) {
        this.browser = browser;
        this.context = context;
        this.options = options;
        context.route(url -> true, this::route);
        // DOM snapshots, no screencast: recording frames while every step runs cost about 200 ms a step on 2 cores,
        // and a failed step keeps its own full-page screenshot
        context.tracing().start(new Tracing.StartOptions().setScreenshots(false).setSnapshots(true).setSources(false));
        this.page = context.newPage();
        listen();
    }

    /** Let requests reach only the environment's hosts, adding the endpoint's basic authentication where it has one. */
    private void route(Route route) {
        String url = route.request().url();
        if (!options.allows(url)) {
            blocked.add(url);
            route.abort("blockedbyclient");
            return;
        }
        Optional<String> authorization = options.authorization(url);
        if (authorization.isEmpty()) {
            route.resume();
            return;
        }
        Map<String, String> headers = new HashMap<>(route.request().headers());
        headers.put("authorization", authorization.get());
        route.resume(new Route.ResumeOptions().setHeaders(headers));
    }

    private String failureOf(Request request) {
        if (!blocked.contains(request.url())) {
            return request.failure();
        }
        String host = SessionOptions.host(request.url()).orElse(request.url());
        return "blocked: [" + host + "] is not a host of the environment's endpoints; if the page may reach it, call "
                + "dashboard.allowHost(\"" + host + "\")";
    }

    private void listen() {
        page.onLoad(loaded -> events.loaded(System.nanoTime()));
        page.onRequest(request -> events.requestStarted(request, request.method() + " " + request.url(),
                request.isNavigationRequest() && request.frame() == page.mainFrame(), System.nanoTime()));
        page.onRequestFinished(request -> events.requestEnded(request, System.nanoTime()));
        page.onRequestFailed(request -> {
            events.failedRequest(request.url(), request.method() + " " + request.url() + " failed: "
                    + failureOf(request));
            events.requestEnded(request, System.nanoTime());
        });
        page.onResponse(response -> {
            if (response.status() >= 400) {
                events.failedRequest(response.url(), response.request().method() + " " + response.url() + " → "
                        + response.status() + " " + response.statusText());
            }
        });
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                events.consoleError(message.text(), message.location());
            }
        });
        page.onPageError(events::pageError);
    }

    @Override
    public int navigate(String url, Duration timeout) {
        return browser.locked(() -> {
            events.reset(System.nanoTime());
            Response response = attempt(() -> page.navigate(url, new Page.NavigateOptions()
                    .setTimeout(timeout.toMillis()).setWaitUntil(WaitUntilState.LOAD)));
            return response == null ? 0 : response.status();
        });
    }

    @Override
    public PageEvents events() {
        return events;
    }

    @Override
    public Optional<Duration> waitForLoad(Duration budget) {
        return browser.locked(() -> {
            long deadline = System.nanoTime() + budget.toNanos() + PageEvents.QUIET_NANOS;
            while (true) {
                Optional<Long> load = events.loadNanos(System.nanoTime());
                if (load.isPresent() || System.nanoTime() > deadline) {
                    return load.map(Duration::ofNanos);
                }
                page.waitForTimeout(POLL_MILLIS);
            }
        });
    }

    @Override
    public boolean waitForTitle(String title, Duration timeout) {
        return poll(timeout, () -> title.equals(page.title()));
    }

    @Override
    public boolean waitForText(String text, Duration timeout) {
        return poll(timeout, () -> Boolean.TRUE.equals(page.evaluate(TEXT_SHOWN, text)));
    }

    @Override
    public boolean waitForVisible(String selector, Duration timeout) {
        return browser.locked(() -> {
            try {
                page.locator(selector).first().waitFor(new Locator.WaitForOptions()
                        .setState(WaitForSelectorState.VISIBLE).setTimeout(timeout.toMillis()));
                return true;
            } catch (TimeoutError notVisible) {
                return false;
            } catch (PlaywrightException invalid) {
                throw failure(invalid);
            }
        });
    }

    @Override
    public String title() {
        return browser.locked(() -> quietly(page::title, ""));
    }

    @Override
    public String visibleText() {
        return browser.locked(() -> quietly(() -> String.valueOf(page.evaluate("() => document.body ? "
                + "document.body.innerText : ''")), ""));
    }

    @Override
    public String url() {
        return browser.locked(page::url);
    }

    @Override
    public int count(String selector) {
        return browser.locked(() -> quietly(() -> page.locator(selector).count(), 0));
    }

    @Override
    public void click(String selector, Duration timeout) {
        browser.locked(() -> attempt(() -> {
            page.locator(selector).click(new Locator.ClickOptions().setTimeout(timeout.toMillis()));
            return null;
        }));
    }

    @Override
    public void fill(String selector, String value, Duration timeout) {
        browser.locked(() -> attempt(() -> {
            page.locator(selector).fill(value, new Locator.FillOptions().setTimeout(timeout.toMillis()));
            return null;
        }));
    }

    @Override
    public byte[] screenshot() {
        return browser.locked(() -> attempt(() -> page.screenshot(new Page.ScreenshotOptions().setFullPage(true))));
    }

    @Override
    public Optional<byte[]> close(boolean keepTrace) {
        return browser.locked(() -> {
            try {
                return keepTrace ? Optional.of(trace()) : stopTracing();
            } finally {
                context.close();
            }
        });
    }

    private Optional<byte[]> stopTracing() {
        context.tracing().stop();
        return Optional.empty();
    }

    private byte[] trace() {
        try {
            Path file = Files.createTempFile("runbook-trace", ".zip");
            try {
                context.tracing().stop(new Tracing.StopOptions().setPath(file));
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException("cannot save the Playwright trace", cannotWrite);
        }
    }

    /** Re-check a condition until it holds or the time is up; a page navigating meanwhile just means "not yet". */
    private boolean poll(Duration timeout, BooleanSupplier condition) {
        return browser.locked(() -> {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                if (quietly(condition::getAsBoolean, false)) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                page.waitForTimeout(POLL_MILLIS);
            }
        });
    }

    private static <T> T quietly(Supplier<T> call, T fallback) {
        try {
            return call.get();
        } catch (PlaywrightException navigating) {
            return fallback;
        }
    }

    private static <T> T attempt(Supplier<T> call) {
        try {
            return call.get();
        } catch (PlaywrightException failed) {
            throw failure(failed);
        }
    }

    private static BrowserFailure failure(PlaywrightException cause) {
        return new BrowserFailure(describe(cause), cause);
    }

    /** Keep the message of Playwright's {@code Error { message='…' name='…' stack='…' }}, without the call log. */
    static String describe(PlaywrightException cause) {
        String message = String.valueOf(cause.getMessage());
        int start = message.indexOf("message='");
        if (start >= 0) {
            int end = message.indexOf("\n  name='", start);
            message = message.substring(start + "message='".length(), end < 0 ? message.length() : end);
        }
        int callLog = message.indexOf("\nCall log:");
        return (callLog < 0 ? message : message.substring(0, callLog)).replaceFirst("^Error: ", "").trim();
    }
}
