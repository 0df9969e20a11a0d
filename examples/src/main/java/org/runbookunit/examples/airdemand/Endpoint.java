package org.runbookunit.examples.airdemand;

/** Answer a request to one path and method. */
@FunctionalInterface
interface Endpoint {

    /** Build the answer for {@code request}. */
    JsonResponse respond(Request request);
}
