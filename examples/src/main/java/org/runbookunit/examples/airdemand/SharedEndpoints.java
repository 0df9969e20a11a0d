package org.runbookunit.examples.airdemand;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Answer {@code /shared/constants}: the lists the dashboard fills its filters from. */
final class SharedEndpoints {

    private SharedEndpoints() {
    }

    /** Report the role titles, locations and role sources the API knows. */
    static JsonResponse constants(Request ignored) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        SampleRoles.TITLES.forEach(body.putArray("role_titles")::add);
        SampleRoles.LOCATIONS.forEach(body.putArray("locations")::add);
        body.putArray("sources").add("paraform");
        body.put("default_page_size", LimitParameter.DEFAULT_LIMIT);
        return JsonResponse.of(200, body);
    }
}
