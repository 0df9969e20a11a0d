"""Smoke: every service answers, the deployed release is the one checked out, and a user's first session works."""


def test_web_ui_is_healthy(web_ui):
    assert web_ui.get("/health") == (200, {"status": "healthy"})


def test_agents_are_healthy(agents):
    assert agents.get("/health") == (200, {"status": "healthy"})


def test_the_deployed_release_is_the_checked_out_one(agents, release):
    status, body = agents.get("/version")
    assert status == 200
    assert body["version"] == release


def test_register_login_execute_logout(auth, agents, credentials):
    status, body = auth.post("/auth/register", credentials)
    assert (status, body["redirect"]) == (201, "/dashboard")
    status, body = auth.post("/auth/login", credentials)
    assert (status, body["redirect"]) == (200, "/dashboard")
    token = body["token"]
    status, run = agents.post("/agents/execute", {"agent": "Developer", "task": "Create a simple Python function"}, token)
    assert status == 201, run
    assert run["status"] == "completed" and run["tokens"] >= 1
    status, body = auth.post("/auth/logout", token=token)
    assert (status, body["redirect"]) == (200, "/login")


def test_a_token_is_refused_after_logout(auth, agents, token):
    assert auth.post("/auth/logout", token=token)[0] == 200
    assert agents.post("/agents/execute", {"agent": "Developer", "task": "after logout"}, token)[0] == 401
