package org.runbookunit.http;

import java.util.Locale;
import java.util.Set;

/** Keep credentials out of evidence: mask the values of headers that carry them. */
final class HeaderMask {

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key");

    private HeaderMask() {
    }

    static String maskHeader(String name, String value) {
        if (!SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            return value;
        }
        int space = value.indexOf(' ');
        return space > 0 && name.toLowerCase(Locale.ROOT).endsWith("authorization") ? value.substring(0, space) + " ***" : "***";
    }
}
