package org.runbookunit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.RunbookConfigurationException;

/** Which browser is driven, without starting one. */
class BrowserExecutableTests {

    private final Path dir = Path.of("target", "browser-executable-tests", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void theConfiguredExecutableWins() throws IOException {
        Path chrome = executable("opt/chrome");
        executable("cache/chromium-1200/chrome-linux/chrome");

        assertThat(locator(List.of()).resolve(Optional.of(chrome))).isEqualTo(chrome);
    }

    @Test
    void aConfiguredPathThatDoesNotExistNamesTheKeyTheValueAndTheFix() {
        Path missing = dir.resolve("no/chrome");

        assertThatThrownBy(() -> locator(List.of()).resolve(Optional.of(missing)))
                .isInstanceOf(RunbookConfigurationException.class)
                .hasMessage("runbook.browser.executable must name an executable Chrome or Chromium but was [" + missing
                        + "]: no such file. Fix the path, or unset it to use /usr/bin/chromium-headless-shell (apt-get "
                        + "install chromium-headless-shell)");
    }

    @Test
    void theNewestPlaywrightManagedChromiumComesBeforeTheSystemOne() throws IOException {
        executable("cache/chromium-1100/chrome-linux/chrome");
        Path newest = executable("cache/chromium-1200/chrome-linux64/chrome");
        Path system = executable("usr/bin/chromium");

        assertThat(locator(List.of(system)).resolve(Optional.empty())).isEqualTo(newest);
    }

    @Test
    void aPlaywrightManagedHeadlessShellComesBeforeAManagedChromium() throws IOException {
        executable("cache/chromium-1300/chrome-linux64/chrome");
        executable("cache/chromium_headless_shell-1100/chrome-headless-shell-linux64/chrome-headless-shell");
        Path newest = executable("cache/chromium_headless_shell-1200/chrome-linux/headless_shell");

        assertThat(locator(List.of()).resolve(Optional.empty())).isEqualTo(newest);
    }

    @Test
    void theSystemHeadlessShellComesBeforeTheSystemChromium() throws IOException {
        Path shell = executable("usr/bin/chromium-headless-shell");
        Path chromium = executable("usr/bin/chromium");

        assertThat(locator(List.of(shell, chromium)).resolve(Optional.empty())).isEqualTo(shell);
        assertThat(BrowserExecutable.SYSTEM).startsWith(Path.of("/usr/bin/chromium-headless-shell"),
                Path.of("/usr/bin/chromium"));
    }

    @Test
    void withoutAManagedOneTheSystemChromiumIsUsed() throws IOException {
        Path system = executable("usr/bin/chromium");

        assertThat(locator(List.of(dir.resolve("usr/bin/chromium-browser"), system)).resolve(Optional.empty()))
                .isEqualTo(system);
    }

    @Test
    void noBrowserAnywhereIsOneErrorThatSaysHowToInstallOne() {
        assertThatThrownBy(() -> locator(List.of(dir.resolve("usr/bin/chromium"))).resolve(Optional.empty()))
                .isInstanceOf(RunbookConfigurationException.class)
                .hasMessage("Dashboard steps need Chrome or Chromium and none was found: runbook.browser.executable is "
                        + "not set, there is no Playwright-managed Chromium in [" + dir.resolve("cache") + "] and no ["
                        + dir.resolve("usr/bin/chromium") + "]. Install one (Debian/Ubuntu: apt-get install "
                        + "chromium-headless-shell) or "
                        + "point -Drunbook.browser.executable=/path/to/chrome at one; RunbookUnit never downloads a browser");
    }

    @Test
    void theDefaultCacheFolderFollowsXdgCacheHome() {
        BrowserExecutable locator = new BrowserExecutable(Map.of("XDG_CACHE_HOME", "/var/cache/me"), dir, List.of());

        assertThat(locator.cacheFolder()).isEqualTo(Path.of("/var/cache/me/ms-playwright"));
    }

    private BrowserExecutable locator(List<Path> system) {
        return new BrowserExecutable(Map.of("PLAYWRIGHT_BROWSERS_PATH", dir.resolve("cache").toString()), dir, system);
    }

    private Path executable(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
