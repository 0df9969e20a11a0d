"""Web UI database integration: the agent types come from PostgreSQL (through the Redis cache) and stay consistent."""


def test_the_agent_types_are_listed(web_ui):
    status, body = web_ui.get("/agents")
    assert status == 200
    assert {"Developer", "Reviewer", "Researcher"} <= set(body["agents"])


def test_the_cached_list_equals_the_first_one(web_ui):
    assert web_ui.get("/agents") == web_ui.get("/agents")


def test_the_scheduler_reports_its_schedules(web_ui):
    status, body = web_ui.get("/scheduler/status")
    assert status == 200
    assert body["status"] == "running" and body["active"] <= body["schedules"]
