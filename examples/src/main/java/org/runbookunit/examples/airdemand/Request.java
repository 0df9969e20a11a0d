package org.runbookunit.examples.airdemand;

import java.util.Objects;
import java.util.Optional;

/**
 * Hold what the endpoints need from one HTTP request.
 *
 * @param method the HTTP method, such as {@code GET}
 * @param path the decoded path, without the query
 * @param query the decoded query parameters
 * @param authorization the {@code Authorization} header, if the request sent one
 * @param body the request body decoded as UTF-8, empty when there was none
 */
record Request(String method, String path, QueryParameters query, Optional<String> authorization, String body) {

    Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(body, "body");
    }
}
