"""Agents integration: executions need a session, name a known agent, complete, and schedules become active."""


def test_an_execution_needs_a_login(agents):
    assert agents.post("/agents/execute", {"agent": "Developer", "task": "anonymous"})[0] == 401


def test_an_unknown_agent_is_not_found(agents, token):
    assert agents.post("/agents/execute", {"agent": "Astrologer", "task": "read the stars"}, token)[0] == 404


def test_an_execution_completes_with_its_cost(agents, token):
    status, run = agents.post("/agents/execute", {"agent": "Reviewer", "task": "Review a pull request"}, token)
    assert status == 201, run
    assert run["status"] == "completed"
    assert run["tokens"] >= 1 and run["cost_usd"] > 0


def test_a_new_schedule_is_active(agents):
    before = agents.get("/scheduler/status")[1]["active"]
    status, body = agents.post("/scheduler/schedules", {"name": "Test Hourly Task", "cron": "0 * * * *",
                                                        "agent": "Developer", "task": "Check system health"})
    assert (status, body["status"]) == (201, "Active")
    assert agents.get("/scheduler/status")[1]["active"] == before + 1
