package org.runbookunit.dashboard;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.internal.Texts;

/** Own one Playwright driver and one headless Chromium; hand out a fresh context per step. */
final class PlaywrightBrowser implements AutoCloseable {

    /** Keep Chromium off the network it would otherwise reach for on its own (updates, sync, QUIC probes). */
    static final List<String> ARGS = List.of("--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    /** Playwright Java installs browsers when it starts unless told not to; RunbookUnit never downloads one. */
    static final Map<String, String> NO_DOWNLOAD = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

    private final ReentrantLock lock = new ReentrantLock();
    private final Playwright playwright;
    private final Browser browser;
    private final String description;

    private PlaywrightBrowser(Playwright playwright, Browser browser, String where) {
        this.playwright = playwright;
        this.browser = browser;
        this.description = "Chromium " + browser.version() + " (" + where + ")";
    }

    static PlaywrightBrowser launch(Path executable) {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(NO_DOWNLOAD));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
                    .setHeadless(true).setChromiumSandbox(false).setArgs(ARGS));
            return new PlaywrightBrowser(playwright, browser, executable.toString());
        } catch (PlaywrightException cannotLaunch) {
            playwright.close();
            throw new RunbookConfigurationException("cannot start the browser [" + executable + "]: "
                    + Texts.firstLine(String.valueOf(cannotLaunch.getMessage())) + ". Point " + ConfigKeys.BROWSER_EXECUTABLE
                    + " at a working Chrome or Chromium (e.g. " + BrowserExecutable.SYSTEM.get(0) + " from "
                    + BrowserExecutable.INSTALL + ")", cannotLaunch);
        }
    }

    /**
     * Connect to a remote Playwright browser server, which launches the browser (headless, the same arguments as a local
     * one; the executable only when one is configured and the server allows it with {@code --unsafe}).
     */
    static PlaywrightBrowser connect(RemoteEndpoint endpoint, java.util.Optional<Path> executable) {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(NO_DOWNLOAD));
        try {
            Browser browser = playwright.chromium().connect(endpoint.uri().toString(), new BrowserType.ConnectOptions()
                    .setHeaders(Map.of(RemoteEndpoint.LAUNCH_OPTIONS_HEADER, endpoint.launchOptions(ARGS, executable)))
                    .setTimeout(endpoint.connectTimeout().toMillis()));
            return new PlaywrightBrowser(playwright, browser, "remote " + endpoint);
        } catch (PlaywrightException cannotConnect) {
            playwright.close();
            throw new RunbookConfigurationException("cannot connect to the remote browser [" + endpoint + "] ("
                    + ConfigKeys.BROWSER_WS_ENDPOINT + "): " + Texts.firstLine(String.valueOf(cannotConnect.getMessage()))
                    + ". Start one with npx playwright@" + RemoteEndpoint.playwrightVersion()
                    + " run-server --port 3000 --host 127.0.0.1, or unset the key to launch a local browser", cannotConnect);
        }
    }

    /** Say which browser this is, e.g. {@code Chromium 156.0.8078.79 (/usr/bin/chromium)}. */
    String description() {
        return description;
    }

    PageSession newSession(SessionOptions options) {
        return locked(() -> {
            BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                    .setIgnoreHTTPSErrors(options.ignoreHttpsErrors()).setServiceWorkers(ServiceWorkerPolicy.BLOCK)
                    .setViewportSize(1280, 800));
            try {
                return new PlaywrightSession(this, context, options);
            } catch (RuntimeException cannotPrepare) {
                context.close();
                throw cannotPrepare;
            }
        });
    }

    /** Run a call while no other thread uses Playwright: its objects may only be used by one thread at a time. */
    <T> T locked(Supplier<T> call) {
        lock.lock();
        try {
            return call.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        locked(() -> {
            try {
                browser.close();
            } finally {
                playwright.close();
            }
            return null;
        });
    }
}
