package org.runbookunit.examples.airdemand;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** Answer {@code /admin/config} and {@code /admin/restart}, the runbook's config switch and restart. */
final class AdminEndpoints {

    private final ServiceState state;

    AdminEndpoints(ServiceState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    /** Report the current configuration. */
    JsonResponse config(Request ignored) {
        return JsonResponse.of(200, json(state.config()));
    }

    /** Apply the keys of the JSON body to the configuration and report the result, or answer 422. */
    JsonResponse updateConfig(Request request) {
        UnaryOperator<ServiceConfig> change;
        try {
            change = ConfigPatch.parse(request.body());
        } catch (InvalidRequestBodyException invalid) {
            return invalid.toResponse();
        }
        return JsonResponse.of(200, json(state.updateConfig(change)));
    }

    /** Start a simulated restart, during which {@code /health/ready} answers 503. */
    JsonResponse restart(Request ignored) {
        state.beginRestart();
        return JsonResponse.of(202, JsonNodeFactory.instance.objectNode().put("status", "restarting"));
    }

    private static ObjectNode json(ServiceConfig config) {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put(ServiceConfig.APP_NAME, config.appName())
                .put(ServiceConfig.ENVIRONMENT, config.environment());
        config.scrapeHours().forEach(body.putArray(ServiceConfig.SCRAPE_HOURS)::add);
        body.put(ServiceConfig.DIGEST_HOUR, config.digestHour());
        config.allowedOrigins().forEach(body.putArray(ServiceConfig.ALLOWED_ORIGINS)::add);
        return body;
    }
}
