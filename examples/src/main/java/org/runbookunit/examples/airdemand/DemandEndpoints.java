package org.runbookunit.examples.airdemand;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** Answer {@code /demand/roles} from the role store. */
final class DemandEndpoints {

    private final RoleStore store;

    DemandEndpoints(RoleStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** List the first roles up to {@code limit} (alias {@code page_size}), or answer 422 for a bad limit. */
    JsonResponse roles(Request request) {
        int limit;
        try {
            limit = LimitParameter.read(request.query());
        } catch (InvalidQueryParameterException invalid) {
            return invalid.toResponse();
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("total", store.count()).put("limit", limit);
        body.set("roles", RoleJson.write(store.list(limit)));
        return JsonResponse.of(200, body);
    }
}
