"""End to end: a new user schedules a task, subscribes a webhook, runs an agent and sees the delivery, then logs out."""


def test_a_user_journey_from_registration_to_webhook_delivery(web_ui, auth, agents, credentials):
    assert auth.post("/auth/register", credentials)[0] == 201
    status, session = auth.post("/auth/login", credentials)
    assert status == 200
    token = session["token"]
    assert agents.post("/scheduler/schedules", {"name": "E2E Hourly Task", "cron": "0 * * * *", "agent": "Developer",
                                                "task": "Check system health"})[0] == 201
    sink = agents.base + "/webhooks/sink"
    assert agents.post("/webhooks", {"url": sink, "event": "agent.execution.completed"})[0] == 201
    status, run = agents.post("/agents/execute", {"agent": "Researcher", "task": "Summarise the release notes"}, token)
    assert status == 201, run
    deliveries = agents.get("/webhooks/sink")[1]["received"]
    assert {"event": "agent.execution.completed", "run": run["id"]} in deliveries
    assert auth.post("/auth/logout", token=token)[0] == 200
    assert web_ui.get("/health")[0] == 200
