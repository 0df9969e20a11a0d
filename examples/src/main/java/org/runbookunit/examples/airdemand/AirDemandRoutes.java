package org.runbookunit.examples.airdemand;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Map each path and method of the air-demand API to its endpoint, answering 404 and 405 like FastAPI. */
final class AirDemandRoutes {

    private final Map<String, Map<String, Endpoint>> endpointsByPath = new HashMap<>();

    AirDemandRoutes(RoleStore store, ServiceState state, ErrorLog errors, Clock clock, Optional<BearerTokenGuard> admin,
            Optional<AuthEndpoints> auth) {
        HealthEndpoints health = new HealthEndpoints(state, new DatabaseProbe(store, state), clock);
        DemandEndpoints demand = new DemandEndpoints(store);
        MonitoringEndpoints monitoring = new MonitoringEndpoints(errors);
        add("GET", "/health", health::health);
        add("GET", "/health/db", health::database);
        add("GET", "/health/ready", health::readiness);
        add("GET", "/monitoring/errors", monitoring::errors);
        add("GET", "/demand/roles", demand::roles);
        add("GET", "/shared/constants", SharedEndpoints::constants);
        add("GET", "/openapi.json", unused -> JsonResponse.of(200, ApiDocs.openApi(operations())));
        admin.ifPresent(guard -> addAdmin(guard, new AdminEndpoints(state)));
        auth.ifPresent(login -> {
            add("POST", "/auth/login", login::login);
            add("POST", "/auth/logout", login::logout);
        });
    }

    /** Answer one request; endpoint exceptions propagate to the caller. */
    JsonResponse respond(Request request) {
        Map<String, Endpoint> byMethod = endpointsByPath.get(request.path());
        if (byMethod == null) {
            return JsonResponse.notFound();
        }
        Endpoint endpoint = byMethod.get(request.method());
        if (endpoint == null) {
            return JsonResponse.methodNotAllowed(String.join(", ", byMethod.keySet()));
        }
        return endpoint.respond(request);
    }

    /** Return each path the API answers with its methods, in path order. */
    Map<String, Set<String>> operations() {
        Map<String, Set<String>> operations = new TreeMap<>();
        endpointsByPath.forEach((path, byMethod) -> operations.put(path, Set.copyOf(byMethod.keySet())));
        return operations;
    }

    private void addAdmin(BearerTokenGuard guard, AdminEndpoints admin) {
        add("GET", "/admin/config", guard.protect(admin::config));
        add("PUT", "/admin/config", guard.protect(admin::updateConfig));
        add("POST", "/admin/restart", guard.protect(admin::restart));
    }

    private void add(String method, String path, Endpoint endpoint) {
        endpointsByPath.computeIfAbsent(path, unused -> new LinkedHashMap<>()).put(method, endpoint);
    }
}
