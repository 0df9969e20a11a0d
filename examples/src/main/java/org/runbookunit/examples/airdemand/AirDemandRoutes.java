package org.runbookunit.examples.airdemand;

import java.time.Clock;
import java.util.Map;

/** Map each path of the air-demand API to its endpoint, answering 404 and 405 like FastAPI. */
final class AirDemandRoutes {

    private static final String ALLOWED_METHOD = "GET";

    private final Map<String, Endpoint> endpoints;

    AirDemandRoutes(RoleStore store, ServiceState state, ErrorLog errors, Clock clock) {
        HealthEndpoints health = new HealthEndpoints(state, new DatabaseProbe(store, state), clock);
        DemandEndpoints demand = new DemandEndpoints(store);
        MonitoringEndpoints monitoring = new MonitoringEndpoints(errors);
        this.endpoints = Map.of(
                "/health", health::health,
                "/health/db", health::database,
                "/health/ready", health::readiness,
                "/monitoring/errors", monitoring::errors,
                "/demand/roles", demand::roles);
    }

    /** Answer one request; endpoint exceptions propagate to the caller. */
    JsonResponse respond(String method, String path, QueryParameters query) {
        Endpoint endpoint = endpoints.get(path);
        if (endpoint == null) {
            return JsonResponse.notFound();
        }
        if (!ALLOWED_METHOD.equals(method)) {
            return JsonResponse.methodNotAllowed(ALLOWED_METHOD);
        }
        return endpoint.respond(query);
    }
}
