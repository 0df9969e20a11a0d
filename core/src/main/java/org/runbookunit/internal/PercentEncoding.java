package org.runbookunit.internal;

import java.nio.charset.StandardCharsets;

/** Percent-encode a value for a URL's user-info or query: every byte but the unreserved characters is escaped. */
public final class PercentEncoding {

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private PercentEncoding() {
    }

    /** Encode {@code p@ss:w/rd%} as {@code p%40ss%3Aw%2Frd%25}. */
    public static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            if (UNRESERVED.indexOf(b) >= 0) {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
