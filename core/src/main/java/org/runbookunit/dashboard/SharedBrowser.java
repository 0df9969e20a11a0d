package org.runbookunit.dashboard;

import java.nio.file.Path;
import java.util.Optional;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.config.RunbookSettings;

/**
 * Start one headless Chromium on first use, share it among the steps of every runbook, and stop it on {@link #close()}.
 *
 * <p>{@link DashboardProvider} keeps one in the test run's shared resources (the JUnit root store, or a launcher's), so
 * a test run starts at most one browser. The executable is {@code runbook.browser.executable}, else a
 * Playwright-managed headless shell or Chromium, else the system's ({@code /usr/bin/chromium-headless-shell}, then
 * {@code /usr/bin/chromium}); nothing is ever downloaded. With {@code runbook.browser.ws-endpoint} it connects to a
 * remote Playwright browser server instead ({@code npx playwright run-server}), which launches the browser. A
 * browser that cannot start fails every step that asks for it with the same message.
 */
public final class SharedBrowser implements AutoCloseable {

    private static final String PLAYWRIGHT = "com.microsoft.playwright.Playwright";

    private final Optional<Path> configured;
    private final Optional<RemoteEndpoint> remote;
    private final BrowserExecutable executables;
    private PlaywrightBrowser browser;
    private RuntimeException startFailure;
    private boolean closed;

    /** Prepare a browser from the settings' {@code runbook.browser.executable}; nothing starts yet. */
    public SharedBrowser(RunbookSettings settings) {
        this(settings.browserExecutable(), RemoteEndpoint.of(settings), BrowserExecutable.ofThisMachine());
    }

    SharedBrowser(Optional<Path> configured, BrowserExecutable executables) {
        this(configured, Optional.empty(), executables);
    }

    private SharedBrowser(Optional<Path> configured, Optional<RemoteEndpoint> remote, BrowserExecutable executables) {
        this.configured = configured;
        this.remote = remote;
        this.executables = executables;
    }

    /** Tell whether the browser has been started. */
    public synchronized boolean started() {
        return browser != null;
    }

    /** Say which browser runs, e.g. {@code Chromium 156.0.8078.79 (/usr/bin/chromium)}. */
    synchronized String description() {
        return browser == null ? "not started" : browser.description();
    }

    /** Start the browser now rather than at the first page, e.g. to fail fast; starting twice does nothing. */
    public void start() {
        running();
    }

    /** Open a fresh context and page for one step, starting the browser first if needed. */
    PageSession newSession(SessionOptions options) {
        return running().newSession(options);
    }

    private synchronized PlaywrightBrowser running() {
        if (closed) {
            throw new IllegalStateException("the shared browser is closed: the test run is over");
        }
        if (startFailure != null) {
            throw startFailure;
        }
        if (browser == null) {
            try {
                requirePlaywright();
                browser = remote.isPresent() ? PlaywrightBrowser.connect(remote.get(), configured)
                        : PlaywrightBrowser.launch(executables.resolve(configured));
            } catch (RuntimeException cannotStart) {
                startFailure = cannotStart;
                throw cannotStart;
            }
        }
        return browser;
    }

    private static void requirePlaywright() {
        try {
            Class.forName(PLAYWRIGHT, false, SharedBrowser.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError missing) {
            throw new RunbookConfigurationException("Dashboard steps need Playwright for Java, which is not on the class "
                    + "path: add the dependency com.microsoft.playwright:playwright (test scope) next to runbookunit");
        }
    }

    /** Stop the browser and its Playwright driver, if they were started. */
    @Override
    public synchronized void close() {
        closed = true;
        if (browser != null) {
            PlaywrightBrowser started = browser;
            browser = null;
            started.close();
        }
    }
}
