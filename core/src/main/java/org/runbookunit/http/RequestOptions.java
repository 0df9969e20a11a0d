package org.runbookunit.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Hold how requests are sent: timeout, authentication, TLS checking and extra headers. Immutable.
 *
 * @param timeout the connect timeout and the read timeout, each
 * @param authorization the {@code Authorization} header value, if any
 * @param relaxedTls whether any certificate and host name is trusted (self-signed staging endpoints)
 * @param headers extra headers sent with every request
 */
record RequestOptions(Duration timeout, Optional<String> authorization, boolean relaxedTls, Map<String, String> headers) {

    RequestOptions {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Http timeout must be > 0 but was [" + timeout + "]");
        }
        headers = Map.copyOf(headers);
    }

    static RequestOptions defaults(Duration timeout) {
        return new RequestOptions(timeout, Optional.empty(), false, Map.of());
    }

    RequestOptions withTimeout(Duration newTimeout) {
        return new RequestOptions(newTimeout, authorization, relaxedTls, headers);
    }

    RequestOptions withAuthorization(String value) {
        return new RequestOptions(timeout, Optional.of(value), relaxedTls, headers);
    }

    RequestOptions trustingAnyCertificate() {
        return new RequestOptions(timeout, authorization, true, headers);
    }

    RequestOptions withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new RequestOptions(timeout, authorization, relaxedTls, more);
    }
}
