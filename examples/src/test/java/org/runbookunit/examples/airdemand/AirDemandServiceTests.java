package org.runbookunit.examples.airdemand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AirDemandServiceTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private AirDemandService service;

    @BeforeEach
    void startService() {
        service = AirDemandService.start(0);
    }

    @AfterEach
    void stopService() {
        service.close();
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(service.port()).isPositive();
        assertThat(service.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + service.port()));
    }

    @Test
    void healthReportsServiceVersionAndTimestamp() throws Exception {
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(response);
        assertThat(body.path("status").asText()).isEqualTo("healthy");
        assertThat(body.path("service").asText()).isEqualTo("air-demand-api");
        assertThat(body.path("version").asText()).isEqualTo("0.9.0");
        assertThat(Instant.parse(body.path("timestamp").asText())).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void databaseHealthReportsConnectionAndLatency() throws Exception {
        HttpResponse<String> response = get("/health/db");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("status").asText()).isEqualTo("healthy");
        assertThat(body.path("database").asText()).isEqualTo("connected");
        assertThat(body.path("latency_ms").isIntegralNumber()).isTrue();
        assertThat(body.path("latency_ms").asLong()).isNotNegative();
    }

    @Test
    void readinessReportsEveryCheckOk() throws Exception {
        HttpResponse<String> response = get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("status").asText()).isEqualTo("ready");
        assertThat(body.path("checks").path("database").asText()).isEqualTo("ok");
        assertThat(body.path("checks").path("scheduler").asText()).isEqualTo("ok");
    }

    @Test
    void errorMonitoringStartsEmpty() throws Exception {
        HttpResponse<String> response = get("/monitoring/errors");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("total_errors").asInt(-1)).isZero();
        assertThat(body.path("errors_last_hour").asInt(-1)).isZero();
        assertThat(body.path("recent_errors").isArray()).isTrue();
        assertThat(body.path("recent_errors")).isEmpty();
    }

    @Test
    void rolesListTwentyOfAllRolesByDefault() throws Exception {
        HttpResponse<String> response = get("/demand/roles");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("total").asInt()).isEqualTo(747);
        assertThat(body.path("limit").asInt()).isEqualTo(20);
        assertThat(body.path("roles")).hasSize(20);
        JsonNode first = body.path("roles").get(0);
        assertThat(first.path("id").asInt()).isEqualTo(1);
        assertThat(first.path("title").asText()).isNotBlank();
        assertThat(first.path("company").asText()).isNotBlank();
        assertThat(first.path("location").asText()).isNotBlank();
        assertThat(first.path("qualified").isBoolean()).isTrue();
        assertThat(first.path("first_seen").asText()).startsWith("2025-");
    }

    @Test
    void rolesHonourLimit() throws Exception {
        JsonNode body = json(get("/demand/roles?limit=5"));

        assertThat(body.path("limit").asInt()).isEqualTo(5);
        assertThat(body.path("roles"))
                .extracting(role -> role.path("id").asInt())
                .containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void rolesAcceptPageSizeAsAliasForLimit() throws Exception {
        HttpResponse<String> response = get("/demand/roles?page_size=3");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("roles")).hasSize(3);
    }

    @Test
    void rolesAreTheSameOnEveryStart() throws Exception {
        String first = json(get("/demand/roles?limit=100")).path("roles").toString();
        try (AirDemandService other = AirDemandService.start(0)) {
            HttpResponse<String> again = get(other, "/demand/roles?limit=100");
            assertThat(json(again).path("roles").toString()).isEqualTo(first);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-3", "abc", "", "99999999999999999999"})
    void rolesRejectUnusableLimitWithFastApiStyle422(String limit) throws Exception {
        HttpResponse<String> response = get("/demand/roles?limit=" + limit);

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = json(response).path("detail").get(0);
        assertThat(error.path("loc")).extracting(JsonNode::asText).containsExactly("query", "limit");
        assertThat(error.path("msg").asText()).startsWith("Input should be");
        assertThat(error.path("type").asText()).isEqualTo("value_error");
    }

    @Test
    void rolesNameThePageSizeAliasWhenItIsUnusable() throws Exception {
        HttpResponse<String> response = get("/demand/roles?page_size=500");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = json(response).path("detail").get(0);
        assertThat(error.path("loc")).extracting(JsonNode::asText).containsExactly("query", "page_size");
        assertThat(error.path("msg").asText()).isEqualTo("Input should be less than or equal to 100");
    }

    @Test
    void unknownPathAnswers404() throws Exception {
        HttpResponse<String> response = get("/shared/roadmap");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(response).path("detail").asText()).isEqualTo("Not Found");
    }

    @Test
    void otherMethodsAnswer405() throws Exception {
        HttpRequest.Builder post = request("/health").POST(HttpRequest.BodyPublishers.noBody());

        HttpResponse<String> response = send(post);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
        assertThat(json(response).path("detail").asText()).isEqualTo("Method Not Allowed");
    }

    @Test
    void unhealthyServiceAnswers503OnHealthAndReadiness() throws Exception {
        service.setHealthy(false);

        HttpResponse<String> health = get("/health");
        HttpResponse<String> ready = get("/health/ready");

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(json(health).path("status").asText()).isEqualTo("unhealthy");
        assertThat(json(health).path("service").asText()).isEqualTo("air-demand-api");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(json(ready).path("status").asText()).isEqualTo("not_ready");
        assertThat(json(ready).path("checks").path("database").asText()).isEqualTo("failed");
    }

    @Test
    void unhealthyServiceReportsDatabaseDisconnected() throws Exception {
        service.setHealthy(false);

        HttpResponse<String> response = get("/health/db");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).path("database").asText()).isEqualTo("disconnected");
    }

    @Test
    void healthRecoversWhenMarkedHealthyAgain() throws Exception {
        service.setHealthy(false);
        service.setHealthy(true);

        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void notReadyServiceMarksTheSchedulerCheck() throws Exception {
        service.setReady(false);

        HttpResponse<String> ready = get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(503);
        JsonNode body = json(ready);
        assertThat(body.path("status").asText()).isEqualTo("not_ready");
        assertThat(body.path("checks").path("database").asText()).isEqualTo("ok");
        assertThat(body.path("checks").path("scheduler").asText()).isEqualTo("failed");
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void recordedErrorsAppearNewestFirst() throws Exception {
        service.recordError("scrape failed: timeout");
        service.recordError("digest failed: smtp refused");

        JsonNode body = json(get("/monitoring/errors"));

        assertThat(body.path("total_errors").asInt()).isEqualTo(2);
        assertThat(body.path("errors_last_hour").asInt()).isEqualTo(2);
        assertThat(body.path("recent_errors")).extracting(error -> error.path("message").asText())
                .containsExactly("digest failed: smtp refused", "scrape failed: timeout");
        assertThat(body.path("recent_errors").get(0).path("timestamp").asText()).isNotBlank();
    }

    @Test
    void failingStoreAnswers500AndRecordsTheError() throws Exception {
        try (AirDemandService broken = AirDemandService.start(0, new FailingRoleStore())) {
            HttpResponse<String> roles = get(broken, "/demand/roles");
            HttpResponse<String> errors = get(broken, "/monitoring/errors");

            assertThat(roles.statusCode()).isEqualTo(500);
            assertThat(json(roles).path("detail").asText()).isEqualTo("Internal Server Error");
            assertThat(json(errors).path("total_errors").asInt()).isEqualTo(1);
            assertThat(json(errors).path("recent_errors").get(0).path("message").asText())
                    .contains("/demand/roles", "connection refused");
        }
    }

    @Test
    void failingStorePingAnswers503OnDatabaseHealth() throws Exception {
        try (AirDemandService broken = AirDemandService.start(0, new FailingRoleStore())) {
            HttpResponse<String> database = get(broken, "/health/db");

            assertThat(database.statusCode()).isEqualTo(503);
            assertThat(json(database).path("database").asText()).isEqualTo("disconnected");
            assertThat(json(database).path("error").asText()).isEqualTo("connection refused");
        }
    }

    @Test
    void responseDelaySlowsEveryAnswer() throws Exception {
        service.setResponseDelay(Duration.ofMillis(300));

        long started = System.nanoTime();
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void delayedAnswersAreServedInParallel() {
        service.setResponseDelay(Duration.ofMillis(600));

        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> responses = List.of(
                client.sendAsync(request("/health").build(), HttpResponse.BodyHandlers.ofString()),
                client.sendAsync(request("/health/db").build(), HttpResponse.BodyHandlers.ofString()),
                client.sendAsync(request("/demand/roles").build(), HttpResponse.BodyHandlers.ofString()));

        assertThat(responses).allSatisfy(response -> assertThat(response.join().statusCode()).isEqualTo(200));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void closeStopsWithinASecondEvenWithARequestInFlight() {
        service.setResponseDelay(Duration.ofSeconds(10));
        CompletableFuture<HttpResponse<String>> pending =
                client.sendAsync(request("/health").build(), HttpResponse.BodyHandlers.ofString());

        long started = System.nanoTime();
        service.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_500));
        assertThatThrownBy(() -> get("/health")).isInstanceOf(ConnectException.class);
        pending.cancel(true);
    }

    @Test
    void rejectsPortOutsideTheValidRange() {
        assertThatThrownBy(() -> AirDemandService.start(70_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be between 0 and 65535 but was [70000]");
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return get(service, pathAndQuery);
    }

    private HttpResponse<String> get(AirDemandService target, String pathAndQuery)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(target.baseUri().resolve(pathAndQuery)));
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(service.baseUri().resolve(pathAndQuery));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> response) throws IOException {
        return mapper.readTree(response.body());
    }

    /** Stand in for a database that refuses every connection. */
    private static final class FailingRoleStore implements RoleStore {

        @Override
        public int count() {
            throw new IllegalStateException("connection refused");
        }

        @Override
        public List<Role> list(int limit) {
            throw new IllegalStateException("connection refused");
        }

        @Override
        public void ping() {
            throw new IllegalStateException("connection refused");
        }
    }
}
