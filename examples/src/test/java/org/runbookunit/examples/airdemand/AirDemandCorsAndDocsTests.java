package org.runbookunit.examples.airdemand;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sample's CORS policy from its configured origins, its API docs and its shared constants, over real HTTP. */
class AirDemandCorsAndDocsTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String TOKEN = "cors-test-token";
    private static final String OLD = "http://old-prod.airdemand.example:3000";
    private static final String NEW = "http://app.airdemand.example:3000";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final AirDemandService service = AirDemandService.start(0, new InMemoryRoleStore(), TOKEN);

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void anAllowedOriginGetsTheAllowOriginHeaderAndAnotherDoesNot() throws Exception {
        assertThat(get("/health", OLD).headers().firstValue("Access-Control-Allow-Origin")).hasValue(OLD);
        assertThat(get("/health", NEW).headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theCutoverSwapsTheOriginsOverTheAdminApi() throws Exception {
        HttpResponse<String> put = send(HttpRequest.newBuilder(uri("/admin/config")).header("Authorization", "Bearer " + TOKEN)
                .PUT(BodyPublishers.ofString("{\"allowed_origins\":[\"" + NEW + "\"]}")));

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(get("/health", NEW).headers().firstValue("Access-Control-Allow-Origin")).hasValue(NEW);
        assertThat(get("/health", OLD).headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aPreflightFromAnOriginNotAllowedIsRefusedWith400() throws Exception {
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/demand/roles")).header("Origin", NEW)
                .header("Access-Control-Request-Method", "GET").method("OPTIONS", BodyPublishers.noBody()));
        HttpResponse<String> allowed = send(HttpRequest.newBuilder(uri("/demand/roles")).header("Origin", OLD)
                .header("Access-Control-Request-Method", "GET").method("OPTIONS", BodyPublishers.noBody()));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Disallowed CORS origin");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(methods ->
                assertThat(methods).contains("GET"));
    }

    @Test
    void anOriginWithAPathIsRejectedWith422NamingItsIndex() throws Exception {
        HttpResponse<String> put = send(HttpRequest.newBuilder(uri("/admin/config")).header("Authorization", "Bearer " + TOKEN)
                .PUT(BodyPublishers.ofString("{\"allowed_origins\":[\"" + NEW + "\",\"http://x.example/dashboard\"]}")));

        assertThat(put.statusCode()).isEqualTo(422);
        assertThat(new ObjectMapper().readTree(put.body()).at("/detail/0/loc").toString())
                .isEqualTo("[\"body\",\"allowed_origins\",1]");
    }

    @Test
    void docsListEveryOperationAndOpenApiDescribesThem() throws Exception {
        HttpResponse<String> docs = get("/docs", null);
        JsonNode openApi = new ObjectMapper().readTree(get("/openapi.json", null).body());

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(docs.body()).contains("<title>Air Demand API - Swagger UI</title>", "<b>GET</b> <code>/demand/roles</code>",
                "<b>GET</b> <code>/shared/constants</code>");
        assertThat(openApi.at("/info/title").asText()).isEqualTo("Air Demand API");
        assertThat(openApi.at("/paths").has("/health/db")).isTrue();
        assertThat(get("/docs/nothing", null).statusCode()).isEqualTo(404);
    }

    @Test
    void sharedConstantsListTheFiltersTheDashboardUses() throws Exception {
        JsonNode constants = new ObjectMapper().readTree(get("/shared/constants", null).body());

        assertThat(constants.get("sources").toString()).isEqualTo("[\"paraform\"]");
        assertThat(constants.get("locations").size()).isEqualTo(7);
        assertThat(constants.get("default_page_size").asInt()).isEqualTo(20);
    }

    private HttpResponse<String> get(String path, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return service.baseUri().resolve(path);
    }
}
