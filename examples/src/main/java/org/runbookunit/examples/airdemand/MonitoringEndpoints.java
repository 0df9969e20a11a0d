package org.runbookunit.examples.airdemand;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** Answer {@code /monitoring/errors} from the service's error log. */
final class MonitoringEndpoints {

    private final ErrorLog errors;

    MonitoringEndpoints(ErrorLog errors) {
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** Report the error totals and the newest errors, newest first. */
    JsonResponse errors(Request ignored) {
        ErrorLog.Summary summary = errors.summary();
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("total_errors", summary.total())
                .put("errors_last_hour", summary.lastHour());
        ArrayNode recent = body.putArray("recent_errors");
        for (RecordedError error : summary.recent()) {
            recent.addObject().put("timestamp", error.timestamp().toString()).put("message", error.message());
        }
        return JsonResponse.of(200, body);
    }
}
