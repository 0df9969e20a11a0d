package org.runbookunit.examples;

import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;
import java.util.UUID;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.http.Http;

/** Run seed 004's smoke and integration flows over HTTP, once after the deployment and again on day 2. */
final class TemponestFlows {

    private TemponestFlows() {
    }

    /** Register a fresh user, log in (token and redirect), execute an agent, log out; the token is refused after. */
    static void smoke(Http http) {
        Map<String, String> user = user("smoke");
        http.post("auth", "/auth/register", user).expectStatus(201).expectJson("redirect", "/dashboard");
        String token = http.post("auth", "/auth/login", user).expectStatus(200).expectJson("redirect", "/dashboard")
                .json("token");
        Http session = http.withBearerToken(token);
        session.post("agents", "/agents/execute", Map.of("agent", "Developer", "task", "Create a simple Python function"))
                .expectStatus(201).expectJson("status", "completed").expectJson("tokens", greaterThanOrEqualTo(1));
        session.post("auth", "/auth/logout").expectStatus(200).expectJson("redirect", "/login");
        session.post("agents", "/agents/execute", Map.of("agent", "Developer", "task", "after logout")).expectStatus(401);
    }

    /** Create an active schedule, register a webhook at the service's receiver, execute an agent, see it delivered. */
    static void integration(Http http, RunbookEnvironment environment) {
        http.post("agents", "/scheduler/schedules", Map.of("name", "Test Hourly Task", "cron", "0 * * * *",
                "agent", "Developer", "task", "Check system health")).expectStatus(201);
        http.get("agents", "/scheduler/status").expectStatus(200).expectJson("status", "running")
                .expectJson("active", greaterThanOrEqualTo(1));
        http.post("agents", "/webhooks", Map.of("url", environment.endpoint("agents") + "/webhooks/sink",
                "event", "agent.execution.completed")).expectStatus(201);
        Map<String, String> user = user("hook");
        http.post("auth", "/auth/register", user).expectStatus(201);
        String token = http.post("auth", "/auth/login", user).expectStatus(200).json("token");
        int run = http.withBearerToken(token).post("agents", "/agents/execute", Map.of("agent", "Reviewer",
                "task", "Review the webhook")).expectStatus(201).json("id");
        http.get("agents", "/webhooks/sink").expectStatus(200).expectJson("received.run", hasItem(run))
                .expectJson("received.event", hasItem("agent.execution.completed"));
    }

    private static Map<String, String> user(String kind) {
        String password = kind + "-" + UUID.randomUUID();
        return Map.of("email", kind + "-" + UUID.randomUUID() + "@temponest.example", "password", password,
                "confirm_password", password);
    }
}
