package org.runbookunit.smoke.checks;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.runbookunit.dashboard.Dashboard;
import org.runbookunit.smoke.spi.SmokeCheck;
import org.runbookunit.spi.StepContext;

/**
 * Open a page in a browser through {@link Dashboard} and check it; needs Playwright on {@code --class-path} and a
 * Chrome or Chromium ({@code runbook.browser.executable}).
 *
 * <pre>{@code
 * - page: { endpoint: dashboard, path: /, title: "Air demand", text: "Paraform Roles", no-console-errors: true }
 * }</pre>
 */
public final class PageCheck implements SmokeCheck {

    private static final String PLAYWRIGHT = "com.microsoft.playwright.Playwright";

    @JsonProperty("endpoint")
    String endpoint;
    @JsonProperty("path")
    String path = "/";
    @JsonProperty("title")
    String title;
    @JsonProperty("text")
    String text;
    @JsonProperty("no-console-errors")
    Boolean noConsoleErrors;

    /** Read by Jackson. */
    public PageCheck() {
    }

    @Override
    public void validate() {
        Checks.required(endpoint, "endpoint", "dashboard");
        if (title == null && text == null && noConsoleErrors == null) {
            throw new IllegalArgumentException("checks nothing on the page; add title, text or no-console-errors: true");
        }
    }

    @Override
    public String describe() {
        return "page " + endpoint + " " + path + (title == null ? "" : " title \"" + title + "\"")
                + (text == null ? "" : " shows \"" + text + "\"");
    }

    @Override
    public void run(StepContext context) {
        requirePlaywright();
        Dashboard page = context.facade(Dashboard.class).open(endpoint, path);
        if (title != null) {
            page.expectTitle(title);
        }
        if (text != null) {
            page.expectText(text);
        }
        if (Boolean.TRUE.equals(noConsoleErrors)) {
            page.expectNoConsoleErrors();
        }
    }

    private static void requirePlaywright() {
        try {
            Class.forName(PLAYWRIGHT, false, PageCheck.class.getClassLoader());
        } catch (ClassNotFoundException absent) {
            throw new SmokeExpectationError("page checks drive a browser through Playwright, which is not on the class "
                    + "path; add its jars (playwright, driver, driver-bundle, gson) with --class-path and point "
                    + "-Drunbook.browser.executable at a Chrome or Chromium");
        }
    }
}
