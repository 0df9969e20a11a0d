package org.runbookunit.examples.airdemand;

/** Answer a GET request to one path. */
@FunctionalInterface
interface Endpoint {

    /** Build the answer for a request with the given query parameters. */
    JsonResponse respond(QueryParameters query);
}
