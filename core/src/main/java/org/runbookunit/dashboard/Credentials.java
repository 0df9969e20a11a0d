package org.runbookunit.dashboard;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.runbookunit.config.RunbookEnvironment;

/** Turn endpoints written {@code https://user:p%40ss@host} into basic authentication for their origin only. */
final class Credentials {

    private Credentials() {
    }

    /** Return the {@code Authorization} header per origin; the decoded parts join the environment's secrets. */
    static Map<String, String> byOrigin(RunbookEnvironment environment) {
        Map<String, String> headers = new HashMap<>();
        for (URI endpoint : environment.endpoints().values()) {
            String userInfo = endpoint.getUserInfo();
            if (userInfo == null) {
                continue;
            }
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            String password = colon < 0 ? "" : userInfo.substring(colon + 1);
            environment.secrets().addCredentials(user, password);
            SessionOptions.origin(endpoint.toString()).ifPresent(origin -> headers.put(origin, "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
        }
        return Map.copyOf(headers);
    }
}
