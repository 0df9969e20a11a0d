package org.runbookunit.dashboard;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Say how a step's browser context behaves.
 *
 * @param ignoreHttpsErrors certificates are not checked
 * @param allowedHosts the only hosts the page may reach, lower case (a live set: {@link Dashboard#allowHost} adds to it)
 * @param authorizationByOrigin the {@code Authorization} header sent to each origin ({@code http://host:port})
 */
record SessionOptions(boolean ignoreHttpsErrors, Set<String> allowedHosts, Map<String, String> authorizationByOrigin) {

    /** Tell whether the page may send a request to this URL: only to an allowed host, and only over http(s). */
    boolean allows(String url) {
        return host(url).map(allowedHosts::contains).orElse(false);
    }

    /** Return the {@code Authorization} header for a URL's origin, if its endpoint carries credentials. */
    Optional<String> authorization(String url) {
        return origin(url).map(authorizationByOrigin::get);
    }

    /** Return a http(s) URL's host in lower case, IPv6 addresses in brackets; empty for anything else. */
    static Optional<String> host(String url) {
        return parse(url).map(parsed -> parsed.getHost().toLowerCase(Locale.ROOT));
    }

    /** Return {@code scheme://host:port} of a http(s) URL, the default port written out. */
    static Optional<String> origin(String url) {
        return parse(url).map(parsed -> parsed.getProtocol().toLowerCase(Locale.ROOT) + "://"
                + parsed.getHost().toLowerCase(Locale.ROOT) + ":" + (parsed.getPort() >= 0 ? parsed.getPort()
                : parsed.getDefaultPort()));
    }

    private static Optional<URL> parse(String url) {
        try {
            URL parsed = new URL(url);
            String scheme = parsed.getProtocol().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web && !parsed.getHost().isEmpty() ? Optional.of(parsed) : Optional.empty();
        } catch (MalformedURLException notAWebUrl) {
            return Optional.empty();
        }
    }
}
