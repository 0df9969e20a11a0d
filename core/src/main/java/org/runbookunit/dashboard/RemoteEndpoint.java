package org.runbookunit.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.config.RunbookSettings;

/**
 * Name a remote Playwright browser server ({@code runbook.browser.ws-endpoint}) and the launch options sent to it in
 * the {@code x-playwright-launch-options} header that {@code playwright run-server} reads.
 */
final class RemoteEndpoint {

    static final String LAUNCH_OPTIONS_HEADER = "x-playwright-launch-options";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;

    private RemoteEndpoint(URI uri) {
        this.uri = uri;
    }

    /** Read the key, if set; fail naming the value and the form it must have. */
    static Optional<RemoteEndpoint> of(RunbookSettings settings) {
        return settings.raw(ConfigKeys.BROWSER_WS_ENDPOINT).map(RemoteEndpoint::parse);
    }

    static RemoteEndpoint parse(String raw) {
        try {
            URI uri = new URI(raw);
            if (("ws".equals(uri.getScheme()) || "wss".equals(uri.getScheme())) && uri.getHost() != null) {
                return new RemoteEndpoint(uri);
            }
        } catch (java.net.URISyntaxException notUri) {
            // reported below
        }
        throw new RunbookConfigurationException(ConfigKeys.BROWSER_WS_ENDPOINT + " must be a ws:// or wss:// URL but was ["
                + raw + "]; write e.g. ws://127.0.0.1:3000/ for npx playwright run-server --port 3000 --host 127.0.0.1");
    }

    URI uri() {
        return uri;
    }

    Duration connectTimeout() {
        return Duration.ofSeconds(30);
    }

    /** Return the launch options as JSON: headless with the local arguments, the executable only when configured. */
    String launchOptions(List<String> args, Optional<Path> executable) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("headless", true);
        options.put("args", args);
        options.put("chromiumSandbox", false);
        executable.ifPresent(path -> options.put("executablePath", path.toString()));
        try {
            return JSON.writeValueAsString(options);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Return the Playwright for Java version on the class path: the server must have the same one. */
    static String playwrightVersion() {
        Package playwright = com.microsoft.playwright.Playwright.class.getPackage();
        String version = playwright == null ? null : playwright.getImplementationVersion();
        return version == null ? "<the version of com.microsoft.playwright:playwright>" : version;
    }

    /** Show the endpoint without user-info or query, which may carry a token. */
    @Override
    public String toString() {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getPath() == null ? "" : uri.getPath());
    }
}
