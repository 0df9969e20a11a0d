package org.runbookunit.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.RunbookConfigurationException;

/**
 * Find the browser to drive: {@code runbook.browser.executable}, else the newest Playwright-managed Chromium, else the
 * system's Chromium; never download one.
 */
final class BrowserExecutable {

    /** Where Debian and Ubuntu install Chromium. */
    static final List<Path> SYSTEM = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));

    /** Where a browser sits inside a Playwright-managed {@code chromium-<revision>} folder, per platform. */
    private static final List<String> MANAGED_LAYOUTS = List.of("chrome-linux/chrome", "chrome-linux64/chrome",
            "chrome-mac/Chromium.app/Contents/MacOS/Chromium", "chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium",
            "chrome-win/chrome.exe", "chrome-win64/chrome.exe");

    private final Map<String, String> environment;
    private final Path home;
    private final List<Path> system;

    BrowserExecutable(Map<String, String> environment, Path home, List<Path> system) {
        this.environment = environment;
        this.home = home;
        this.system = system;
    }

    /** Look in this process's environment and home folder and in {@link #SYSTEM}. */
    static BrowserExecutable ofThisMachine() {
        return new BrowserExecutable(System.getenv(), Path.of(System.getProperty("user.home", ".")), SYSTEM);
    }

    /** Return the executable to launch, or fail with one message that says how to get a browser. */
    Path resolve(Optional<Path> configured) {
        if (configured.isPresent()) {
            return checked(configured.get());
        }
        return managed().or(() -> system.stream().filter(BrowserExecutable::runnable).findFirst())
                .orElseThrow(this::noBrowser);
    }

    private static Path checked(Path configured) {
        if (runnable(configured)) {
            return configured;
        }
        String problem = Files.exists(configured) ? "it is not an executable file" : "no such file";
        throw new RunbookConfigurationException(ConfigKeys.BROWSER_EXECUTABLE + " must name an executable Chrome or "
                + "Chromium but was [" + configured + "]: " + problem + ". Fix the path, or unset it to use "
                + SYSTEM.get(0) + " (apt-get install chromium)");
    }

    /** Return the newest {@code chromium-<revision>} browser of the Playwright cache, if one is installed. */
    Optional<Path> managed() {
        Path cache = cacheFolder();
        if (!Files.isDirectory(cache)) {
            return Optional.empty();
        }
        try (Stream<Path> folders = Files.list(cache)) {
            return folders.filter(folder -> folder.getFileName().toString().matches("chromium-\\d+"))
                    .sorted(Comparator.comparingInt(BrowserExecutable::revision).reversed())
                    .flatMap(folder -> MANAGED_LAYOUTS.stream().map(folder::resolve))
                    .filter(BrowserExecutable::runnable).findFirst();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** Return {@code PLAYWRIGHT_BROWSERS_PATH}, else Playwright's default cache folder for this platform. */
    Path cacheFolder() {
        String configured = environment.get("PLAYWRIGHT_BROWSERS_PATH");
        if (configured != null && !configured.isBlank() && !configured.equals("0")) {
            return Path.of(configured);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return home.resolve("Library/Caches/ms-playwright");
        }
        if (os.contains("win")) {
            return Path.of(environment.getOrDefault("LOCALAPPDATA", home.resolve("AppData/Local").toString()), "ms-playwright");
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".cache") : Path.of(xdg)).resolve("ms-playwright");
    }

    private RunbookConfigurationException noBrowser() {
        return new RunbookConfigurationException("Dashboard steps need Chrome or Chromium and none was found: "
                + ConfigKeys.BROWSER_EXECUTABLE + " is not set, there is no Playwright-managed Chromium in [" + cacheFolder()
                + "] and no " + system + ". Install one (Debian/Ubuntu: apt-get install chromium) or point -D"
                + ConfigKeys.BROWSER_EXECUTABLE + "=/path/to/chrome at one; RunbookUnit never downloads a browser");
    }

    private static int revision(Path folder) {
        return Integer.parseInt(folder.getFileName().toString().substring("chromium-".length()));
    }

    private static boolean runnable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
