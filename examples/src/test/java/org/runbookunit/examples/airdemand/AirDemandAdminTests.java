package org.runbookunit.examples.airdemand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AirDemandAdminTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String TOKEN = "test-admin-token-7f3a";
    private static final String STAGING_CONFIG = "{\"app_name\":\"Air Demand Staging\",\"environment\":\"staging\","
            + "\"scrape_hours\":[3,15],\"digest_hour\":4,"
            + "\"allowed_origins\":[\"http://localhost:3000\",\"http://old-prod.airdemand.example:3000\"]}";
    private static final String PRODUCTION_CONFIG = "{\"app_name\":\"Air Demand\",\"environment\":\"production\","
            + "\"scrape_hours\":[5,17],\"digest_hour\":6,"
            + "\"allowed_origins\":[\"http://localhost:3000\",\"http://app.airdemand.example:3000\"]}";

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final List<HttpResponse<String>> responses = new ArrayList<>();
    private AirDemandService service;

    @BeforeEach
    void startService() {
        service = AirDemandService.start(0, new InMemoryRoleStore(), TOKEN);
    }

    @AfterEach
    void stopServiceAndCheckTheTokenNeverLeaked() {
        service.close();
        assertThat(responses).allSatisfy(response -> {
            assertThat(response.body()).doesNotContain(TOKEN);
            assertThat(response.headers().map().toString()).doesNotContain(TOKEN);
        });
    }

    @Test
    void configStartsWithTheStagingValues() throws Exception {
        HttpResponse<String> response = admin("GET", "/admin/config", BodyPublishers.noBody());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(response)).isEqualTo(mapper.readTree(STAGING_CONFIG));
    }

    @Test
    void putConfigSwitchesToTheProductionValuesOfTheRunbook() throws Exception {
        HttpResponse<String> response = putConfig(PRODUCTION_CONFIG);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(mapper.readTree(PRODUCTION_CONFIG));
        assertThat(currentConfig()).isEqualTo(mapper.readTree(PRODUCTION_CONFIG));
    }

    @Test
    void putConfigChangesOnlyTheKeysItNames() throws Exception {
        HttpResponse<String> response = putConfig("{\"digest_hour\":6}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode expected = mapper.readTree(STAGING_CONFIG.replace("\"digest_hour\":4", "\"digest_hour\":6"));
        assertThat(json(response)).isEqualTo(expected);
    }

    @Test
    void putConfigWithAnEmptyObjectChangesNothing() throws Exception {
        HttpResponse<String> response = putConfig("{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(mapper.readTree(STAGING_CONFIG));
    }

    @Test
    void putConfigRejectsAnUnknownKeyLikeFastApi() throws Exception {
        HttpResponse<String> response = putConfig("{\"digest_recipient\":\"ops@example.com\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response)).isEqualTo(mapper.readTree("{\"detail\":[{\"loc\":[\"body\",\"digest_recipient\"],"
                + "\"msg\":\"Extra inputs are not permitted\",\"type\":\"extra_forbidden\"}]}"));
        assertThat(currentConfig()).isEqualTo(mapper.readTree(STAGING_CONFIG));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("invalidValues")
    void putConfigRejectsAnInvalidValueAndKeepsTheConfig(String body, List<Object> loc, String msg, String type)
            throws Exception {
        HttpResponse<String> response = putConfig(body);

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode detail = json(response).path("detail");
        assertThat(detail).hasSize(1);
        assertThat(detail.get(0).path("loc")).isEqualTo(mapper.valueToTree(loc));
        assertThat(detail.get(0).path("msg").asText()).isEqualTo(msg);
        assertThat(detail.get(0).path("type").asText()).isEqualTo(type);
        assertThat(currentConfig()).isEqualTo(mapper.readTree(STAGING_CONFIG));
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("{\"digest_hour\":24}", List.of("body", "digest_hour"),
                        "Input should be less than or equal to 23", "less_than_equal"),
                Arguments.of("{\"digest_hour\":-1}", List.of("body", "digest_hour"),
                        "Input should be greater than or equal to 0", "greater_than_equal"),
                Arguments.of("{\"digest_hour\":\"6\"}", List.of("body", "digest_hour"),
                        "Input should be a valid integer", "int_type"),
                Arguments.of("{\"digest_hour\":6.5}", List.of("body", "digest_hour"),
                        "Input should be a valid integer", "int_type"),
                Arguments.of("{\"digest_hour\":99999999999999999999}", List.of("body", "digest_hour"),
                        "Input should be less than or equal to 23", "less_than_equal"),
                Arguments.of("{\"scrape_hours\":\"5,17\"}", List.of("body", "scrape_hours"),
                        "Input should be a valid list", "list_type"),
                Arguments.of("{\"scrape_hours\":[]}", List.of("body", "scrape_hours"),
                        "List should have at least 1 item after validation, not 0", "too_short"),
                Arguments.of("{\"scrape_hours\":[5,24]}", List.of("body", "scrape_hours", 1),
                        "Input should be less than or equal to 23", "less_than_equal"),
                Arguments.of("{\"scrape_hours\":[null]}", List.of("body", "scrape_hours", 0),
                        "Input should be a valid integer", "int_type"),
                Arguments.of("{\"app_name\":\"   \"}", List.of("body", "app_name"),
                        "Value error, app_name must not be blank", "value_error"),
                Arguments.of("{\"environment\":7}", List.of("body", "environment"),
                        "Input should be a valid string", "string_type"),
                Arguments.of("{\"environment\":null}", List.of("body", "environment"),
                        "Input should be a valid string", "string_type"));
    }

    @Test
    void putConfigReportsEveryProblemAndAppliesNothing() throws Exception {
        HttpResponse<String> response = putConfig(
                "{\"app_name\":\"Air Demand\",\"digest_hour\":99,\"scrape_hours\":[5,-2],\"colour\":\"red\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).path("detail")).extracting(error -> error.path("loc").toString()).containsExactly(
                "[\"body\",\"scrape_hours\",1]", "[\"body\",\"digest_hour\"]", "[\"body\",\"colour\"]");
        assertThat(currentConfig()).isEqualTo(mapper.readTree(STAGING_CONFIG));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"app_name\": | json_invalid",
        "{\"app_name\":\"x\"} trailing | json_invalid",
        "not json | json_invalid",
        "[\"app_name\"] | model_attributes_type",
        "\"production\" | model_attributes_type",
        "'' | missing"})
    void putConfigRejectsABodyThatIsNotAJsonObject(String body, String type) throws Exception {
        HttpResponse<String> response = putConfig(body);

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = json(response).path("detail").get(0);
        assertThat(error.path("type").asText()).isEqualTo(type);
        assertThat(error.path("loc").get(0).asText()).isEqualTo("body");
        assertThat(error.path("msg").asText()).isNotBlank();
        assertThat(currentConfig()).isEqualTo(mapper.readTree(STAGING_CONFIG));
    }

    @Test
    void healthReportsTheConfiguredEnvironment() throws Exception {
        assertThat(json(get("/health")).path("environment").asText()).isEqualTo("staging");

        putConfig("{\"environment\":\"production\"}");

        JsonNode health = json(get("/health"));
        assertThat(health.path("environment").asText()).isEqualTo("production");
        assertThat(health.path("status").asText()).isEqualTo("healthy");
        assertThat(health.path("service").asText()).isEqualTo("air-demand-api");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, /admin/config", "PUT, /admin/config", "POST, /admin/restart"})
    void adminRequestsWithoutATokenAnswer401(String method, String path) throws Exception {
        HttpResponse<String> response = send(method, path, BodyPublishers.ofString("{}"), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(json(response)).isEqualTo(mapper.readTree("{\"detail\":\"Not authenticated\"}"));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {"Basic dGVzdDp0ZXN0", "Bearer", "'Bearer   '", TOKEN})
    void adminRequestsWithoutBearerCredentialsAnswer401(String authorization) throws Exception {
        HttpResponse<String> response = send("GET", "/admin/config", BodyPublishers.noBody(), authorization);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("detail").asText()).isEqualTo("Not authenticated");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, /admin/config", "PUT, /admin/config", "POST, /admin/restart"})
    void adminRequestsWithAWrongTokenAnswer403(String method, String path) throws Exception {
        HttpResponse<String> response =
                send(method, path, BodyPublishers.ofString(PRODUCTION_CONFIG), "Bearer " + TOKEN + "x");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response)).isEqualTo(mapper.readTree("{\"detail\":\"Invalid token\"}"));
        assertThat(response.body()).doesNotContain(TOKEN + "x");
        assertThat(currentConfig()).isEqualTo(mapper.readTree(STAGING_CONFIG));
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void bearerSchemeIsCaseInsensitiveLikeFastApi() throws Exception {
        HttpResponse<String> response = send("GET", "/admin/config", BodyPublishers.noBody(), "bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, /admin/config", "PUT, /admin/config", "POST, /admin/restart"})
    void adminApiWithoutATokenAnswers404(String method, String path) throws Exception {
        try (AirDemandService withoutAdmin = AirDemandService.start(0)) {
            HttpRequest.Builder request = HttpRequest.newBuilder(withoutAdmin.baseUri().resolve(path))
                    .method(method, BodyPublishers.ofString("{}"))
                    .header("Authorization", "Bearer " + TOKEN);

            HttpResponse<String> response = send(request);

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(json(response)).isEqualTo(mapper.readTree("{\"detail\":\"Not Found\"}"));
        }
    }

    @ParameterizedTest(name = "{0} {1} -> Allow: {2}")
    @CsvSource({"DELETE, /admin/config, 'GET, PUT'", "POST, /admin/config, 'GET, PUT'", "GET, /admin/restart, POST"})
    void wrongMethodsOnAdminPathsAnswer405(String method, String path, String allowed) throws Exception {
        HttpResponse<String> response = admin(method, path, BodyPublishers.noBody());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue(allowed);
        assertThat(json(response).path("detail").asText()).isEqualTo("Method Not Allowed");
    }

    @Test
    void unknownAdminPathAnswers404() throws Exception {
        HttpResponse<String> response = admin("GET", "/admin/secrets", BodyPublishers.noBody());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("detail").asText()).isEqualTo("Not Found");
    }

    @Test
    void restartAnswers202AndMarksTheSchedulerRestarting() throws Exception {
        service.setRestartDuration(Duration.ofMinutes(1));

        HttpResponse<String> restart = admin("POST", "/admin/restart", BodyPublishers.noBody());
        HttpResponse<String> during = get("/health/ready");

        assertThat(restart.statusCode()).isEqualTo(202);
        assertThat(json(restart)).isEqualTo(mapper.readTree("{\"status\":\"restarting\"}"));
        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(json(during)).isEqualTo(mapper.readTree(
                "{\"status\":\"not_ready\",\"checks\":{\"database\":\"ok\",\"scheduler\":\"restarting\"}}"));
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void readinessRecoversOnceTheRestartWindowEnds() throws Exception {
        Duration window = Duration.ofMillis(200);
        service.setRestartDuration(window);
        long started = System.nanoTime();

        admin("POST", "/admin/restart", BodyPublishers.noBody());
        HttpResponse<String> after = awaitSchedulerCheck("ok", Duration.ofSeconds(5));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(window);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(json(after).path("status").asText()).isEqualTo("ready");
    }

    @Test
    void restartDoesNotHealAServiceMarkedNotReady() throws Exception {
        service.setRestartDuration(Duration.ofMillis(100));
        service.setReady(false);

        admin("POST", "/admin/restart", BodyPublishers.noBody());
        HttpResponse<String> after = awaitSchedulerCheck("failed", Duration.ofSeconds(5));

        assertThat(after.statusCode()).isEqualTo(503);
        assertThat(json(after).path("status").asText()).isEqualTo("not_ready");
    }

    @Test
    void zeroRestartDurationKeepsTheServiceReady() throws Exception {
        service.setRestartDuration(Duration.ZERO);

        assertThat(admin("POST", "/admin/restart", BodyPublishers.noBody()).statusCode()).isEqualTo(202);
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void restartDurationMustBeBetweenZeroAndOneDay() {
        assertThatThrownBy(() -> service.setRestartDuration(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("restartDuration must be between PT0S and PT24H but was [PT-0.001S]");
        assertThatThrownBy(() -> service.setRestartDuration(Duration.ofDays(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("restartDuration must be between PT0S and PT24H but was [PT48H]");
        assertThatThrownBy(() -> service.setRestartDuration(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void startRejectsUnusableTokensWithoutEchoingThem() {
        assertThatThrownBy(() -> AirDemandService.start(0, new InMemoryRoleStore(), "   "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adminToken must not be blank; pass null to disable the admin API");
        assertThatThrownBy(() -> AirDemandService.start(0, new InMemoryRoleStore(), "secret with spaces"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("adminToken must contain only visible ASCII characters")
                .hasMessageNotContaining("secret");
    }

    private HttpResponse<String> awaitSchedulerCheck(String expected, Duration budget)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + budget.toNanos();
        HttpResponse<String> last = get("/health/ready");
        while (!expected.equals(schedulerCheck(last)) && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
            last = get("/health/ready");
        }
        assertThat(schedulerCheck(last))
                .as("scheduler check of /health/ready within %s; last body %s", budget, last.body())
                .isEqualTo(expected);
        return last;
    }

    private String schedulerCheck(HttpResponse<String> readiness) throws IOException {
        return json(readiness).path("checks").path("scheduler").asText();
    }

    private JsonNode currentConfig() throws IOException, InterruptedException {
        return json(admin("GET", "/admin/config", BodyPublishers.noBody()));
    }

    private HttpResponse<String> putConfig(String body) throws IOException, InterruptedException {
        return admin("PUT", "/admin/config", BodyPublishers.ofString(body));
    }

    private HttpResponse<String> admin(String method, String path, BodyPublisher body)
            throws IOException, InterruptedException {
        return send(method, path, body, "Bearer " + TOKEN);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, BodyPublishers.noBody(), null);
    }

    private HttpResponse<String> send(String method, String path, BodyPublisher body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.baseUri().resolve(path)).method(method, body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response =
                client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        responses.add(response);
        return response;
    }

    private JsonNode json(HttpResponse<String> response) throws IOException {
        return mapper.readTree(response.body());
    }
}
