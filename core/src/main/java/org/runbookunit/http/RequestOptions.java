package org.runbookunit.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.runbookunit.config.ByteSizes;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.RunbookSettings;

/**
 * Hold how requests are sent: deadline, body cap, authentication, TLS checking and extra headers. Immutable.
 *
 * @param timeout the deadline of the whole call: connecting, the headers and the body
 * @param maxBodyBytes the largest response body read
 * @param authorization the {@code Authorization} header value, if any
 * @param relaxedTls whether any certificate and host name is trusted (self-signed staging endpoints)
 * @param headers extra headers sent with every request
 */
record RequestOptions(Duration timeout, long maxBodyBytes, Optional<String> authorization, boolean relaxedTls,
        Map<String, String> headers) {

    RequestOptions {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Http timeout must be > 0 but was [" + timeout + "]");
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("Http max body must be > 0 bytes but was [" + maxBodyBytes + "]; "
                    + ConfigKeys.HTTP_MAX_BODY + " is written e.g. 16MB");
        }
        headers = Map.copyOf(headers);
    }

    static RequestOptions defaults(Duration timeout) {
        return new RequestOptions(timeout, RunbookSettings.DEFAULT_HTTP_MAX_BODY, Optional.empty(), false, Map.of());
    }

    RequestOptions withTimeout(Duration newTimeout) {
        return new RequestOptions(newTimeout, maxBodyBytes, authorization, relaxedTls, headers);
    }

    RequestOptions withMaxBody(long bytes) {
        return new RequestOptions(timeout, bytes, authorization, relaxedTls, headers);
    }

    RequestOptions withAuthorization(String value) {
        return new RequestOptions(timeout, maxBodyBytes, Optional.of(value), relaxedTls, headers);
    }

    RequestOptions trustingAnyCertificate() {
        return new RequestOptions(timeout, maxBodyBytes, authorization, true, headers);
    }

    RequestOptions withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new RequestOptions(timeout, maxBodyBytes, authorization, relaxedTls, more);
    }

    /** Write the body cap the way it is configured, e.g. {@code 16MB}. */
    String maxBody() {
        return ByteSizes.format(maxBodyBytes);
    }
}
