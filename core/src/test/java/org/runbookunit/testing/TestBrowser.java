package org.runbookunit.testing;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.dashboard.SharedBrowser;

/**
 * Give browser tests the JVM's one {@link SharedBrowser}, started on first use and stopped when the JVM exits. Found as
 * a user's run would find it ({@code RUNBOOK_BROWSER_EXECUTABLE}, a Playwright-managed headless shell or Chromium,
 * /usr/bin/chromium-headless-shell, /usr/bin/chromium).
 * Without a browser a test is skipped with the reason, except when {@code CI=true}: there it fails, since CI must run
 * every browser test.
 */
public final class TestBrowser {

    private TestBrowser() {
    }

    /** Return the shared browser, or skip (fail with CI=true) when this machine has none. */
    public static SharedBrowser shared() {
        if (Holder.FAILURE != null) {
            String reason = "no browser for Dashboard tests: " + Holder.FAILURE.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + "; CI=true, so browser tests must not be skipped", Holder.FAILURE);
            }
            Assumptions.abort(reason);
        }
        return Holder.BROWSER;
    }

    /** Return the settings a runbook of this JVM would read: only {@code RUNBOOK_BROWSER_EXECUTABLE} matters here. */
    public static RunbookSettings settings() {
        return new RunbookSettings(ConfigSource.of(Map.of()).orEnvironment(System.getenv()));
    }

    /** Starts the browser once, when a test first asks for it. */
    private static final class Holder {
        static final SharedBrowser BROWSER = new SharedBrowser(settings());
        static final RuntimeException FAILURE = start();

        private static RuntimeException start() {
            try {
                BROWSER.start();
                Runtime.getRuntime().addShutdownHook(new Thread(BROWSER::close, "test-browser-stop"));
                return null;
            } catch (RunbookConfigurationException noBrowser) {
                return noBrowser;
            }
        }
    }
}
