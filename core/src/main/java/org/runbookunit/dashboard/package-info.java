/**
 * Check web pages in a real browser: {@link org.runbookunit.dashboard.Dashboard}, a small facade over Playwright.
 *
 * <p>Playwright is an optional dependency: only the package-private {@code Playwright…} classes touch it, and they are
 * loaded when a step first opens a page, so runbooks without a {@code Dashboard} need neither Playwright nor a browser.
 */
package org.runbookunit.dashboard;
