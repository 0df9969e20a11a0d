package org.runbookunit.examples.airdemand;

import static org.runbookunit.examples.airdemand.ServiceConfig.ALLOWED_ORIGINS;
import static org.runbookunit.examples.airdemand.ServiceConfig.APP_NAME;
import static org.runbookunit.examples.airdemand.ServiceConfig.DIGEST_HOUR;
import static org.runbookunit.examples.airdemand.ServiceConfig.ENVIRONMENT;
import static org.runbookunit.examples.airdemand.ServiceConfig.SCRAPE_HOURS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Turn a {@code PUT /admin/config} body into a change that sets only the keys the body holds. */
final class ConfigPatch {

    private static final Set<String> KEYS = Set.of(APP_NAME, ENVIRONMENT, SCRAPE_HOURS, DIGEST_HOUR, ALLOWED_ORIGINS);

    private ConfigPatch() {
    }

    /** Validate every key of {@code body} and return the change, or throw {@link InvalidRequestBodyException}. */
    static UnaryOperator<ServiceConfig> parse(String body) {
        ObjectNode root = JsonBody.readObject(body);
        BodyValidation check = new BodyValidation();
        Optional<String> appName = field(root, APP_NAME, value -> check.text(APP_NAME, value));
        Optional<String> environment = field(root, ENVIRONMENT, value -> check.text(ENVIRONMENT, value));
        Optional<List<Integer>> scrapeHours = field(root, SCRAPE_HOURS, value -> check.hours(SCRAPE_HOURS, value));
        Optional<Integer> digestHour =
                field(root, DIGEST_HOUR, value -> check.hour(List.of("body", DIGEST_HOUR), value));
        Optional<List<String>> origins = field(root, ALLOWED_ORIGINS, value -> check.origins(ALLOWED_ORIGINS, value));
        root.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                check.rejectUnknown(key);
            }
        });
        check.throwIfInvalid();
        return current -> new ServiceConfig(
                appName.orElse(current.appName()),
                environment.orElse(current.environment()),
                scrapeHours.orElse(current.scrapeHours()),
                digestHour.orElse(current.digestHour()),
                origins.orElse(current.allowedOrigins()));
    }

    private static <T> Optional<T> field(ObjectNode root, String key, Function<JsonNode, Optional<T>> validate) {
        return root.has(key) ? validate.apply(root.get(key)) : Optional.empty();
    }
}
