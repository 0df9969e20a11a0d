package org.runbookunit.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.RunbookConfigurationException;

/**
 * Find the browser to drive: {@code runbook.browser.executable}, else the newest Playwright-managed headless shell or
 * Chromium, else the system's headless shell or Chromium; never download one. A headless shell comes first, as it does
 * for Playwright itself: Dashboard always runs headless, and the shell opens a context and page in about a third of the
 * time the full browser takes ({@code bench/dashboard.sh}).
 */
final class BrowserExecutable {

    /** Where Debian and Ubuntu install Chromium's headless shell and Chromium, the shell first. */
    static final List<Path> SYSTEM = List.of(Path.of("/usr/bin/chromium-headless-shell"), Path.of("/usr/bin/chromium"),
            Path.of("/usr/bin/chromium-browser"));

    /** What to install when there is no browser. */
    static final String INSTALL = "apt-get install chromium-headless-shell";

    /** Playwright-managed browsers, the headless shell first: each folder prefix and where its executable sits. */
    private static final List<Managed> MANAGED = List.of(
            new Managed("chromium_headless_shell-", List.of("chrome-headless-shell-linux64/chrome-headless-shell",
                    "chrome-linux/headless_shell", "chrome-headless-shell-mac-x64/chrome-headless-shell",
                    "chrome-headless-shell-mac-arm64/chrome-headless-shell",
                    "chrome-headless-shell-win64/chrome-headless-shell.exe")),
            new Managed("chromium-", List.of("chrome-linux/chrome", "chrome-linux64/chrome",
                    "chrome-mac/Chromium.app/Contents/MacOS/Chromium",
                    "chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium", "chrome-win/chrome.exe",
                    "chrome-win64/chrome.exe")));

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
                + SYSTEM.get(0) + " (" + INSTALL + ")");
    }

    /** Return the newest Playwright-managed headless shell, else the newest managed Chromium, if one is installed. */
    Optional<Path> managed() {
        Path cache = cacheFolder();
        if (!Files.isDirectory(cache)) {
            return Optional.empty();
        }
        try (Stream<Path> folders = Files.list(cache)) {
            List<Path> installed = folders.toList();
            return MANAGED.stream().flatMap(kind -> kind.executables(installed)).filter(BrowserExecutable::runnable)
                    .findFirst();
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
                + "] and no " + system + ". Install one (Debian/Ubuntu: " + INSTALL + ") or point -D"
                + ConfigKeys.BROWSER_EXECUTABLE + "=/path/to/chrome at one; RunbookUnit never downloads a browser");
    }

    private static boolean runnable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }

    /** A kind of Playwright-managed browser: its {@code <prefix><revision>} folders and its executable's place. */
    private record Managed(String prefix, List<String> layouts) {

        /** Return the executables this kind's folders may hold, the newest revision first. */
        Stream<Path> executables(List<Path> folders) {
            String name = Pattern.quote(prefix) + "\\d+";
            return folders.stream().filter(folder -> folder.getFileName().toString().matches(name))
                    .sorted(Comparator.comparingInt(this::revision).reversed())
                    .flatMap(folder -> layouts.stream().map(folder::resolve));
        }

        private int revision(Path folder) {
            return Integer.parseInt(folder.getFileName().toString().substring(prefix.length()));
        }
    }
}
