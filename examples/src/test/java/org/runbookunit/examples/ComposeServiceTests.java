package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runbookunit.rehearsal.ComposeService;
import org.runbookunit.rehearsal.RehearsalService;
import org.runbookunit.rehearsal.RehearsalStack;
import org.runbookunit.rehearsal.StackBinding;
import org.runbookunit.testing.RequiresDocker;

/** A compose file as a rehearsal service, where a compose binary is available (.ci/run installs docker-compose). */
@RequiresDocker
class ComposeServiceTests {

    @Test
    void aComposeProjectIsBoundOnceItsServiceIsHealthyAndRemovedAtTheEnd() throws Exception {
        if (!ComposeService.available() && !"true".equalsIgnoreCase(System.getenv("CI"))) {
            org.junit.jupiter.api.Assumptions.abort("no compose binary (docker compose or docker-compose) on this machine");
        }
        RehearsalStack stack = new RehearsalStack() {
            @Override
            protected List<RehearsalService> services() {
                return List.of(ComposeService.file("compose", Path.of("src/test/resources/compose/air-demand.yaml"))
                        .endpoint("api", "api", 8123, "/health"));
            }
        };
        try {
            StackBinding binding = stack.start();
            URI api = binding.endpoints().get("api");

            assertThat(api.getHost()).isEqualTo("127.0.0.1");
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.resolve("/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("\"status\":\"healthy\"");
            assertThat(stack.logs().get("compose")).contains("air-demand sample service listening");
        } finally {
            stack.close();
        }
    }
}
