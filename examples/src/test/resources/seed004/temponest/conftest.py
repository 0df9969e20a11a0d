"""Clients of the deployed temponest for every suite: one per service URL, and a freshly registered, logged-in user."""
import json
import os
import pathlib
import urllib.error
import urllib.request
import uuid

import pytest

TIMEOUT_SECONDS = 5
ROOT = pathlib.Path(__file__).parent


class Api:
    """Send JSON requests to one service and return (status, body), whatever the status."""

    def __init__(self, base):
        self.base = base.rstrip("/")

    def call(self, method, path, body=None, token=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", "Bearer " + token)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                return response.status, _json(response.read())
        except urllib.error.HTTPError as failed:
            return failed.code, _json(failed.read())

    def get(self, path, token=None):
        return self.call("GET", path, token=token)

    def post(self, path, body=None, token=None):
        return self.call("POST", path, {} if body is None else body, token)


def _json(raw):
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return {"raw": raw.decode(errors="replace")}


def _url(variable, fallback=None):
    value = os.environ.get(variable) or (os.environ.get(fallback) if fallback else None)
    if not value:
        pytest.fail(f"{variable} is not set: export it to the service's base URL, e.g. https://staging.temponest.io")
    return value


@pytest.fixture
def web_ui():
    return Api(_url("WEB_UI_URL"))


@pytest.fixture
def agents():
    return Api(_url("AGENTS_URL"))


@pytest.fixture
def auth():
    return Api(_url("AUTH_URL", "WEB_UI_URL"))


@pytest.fixture
def credentials():
    password = "pw-" + uuid.uuid4().hex
    return {"email": f"suite-{uuid.uuid4().hex}@temponest.example", "password": password, "confirm_password": password}


@pytest.fixture
def token(auth, credentials):
    status, _ = auth.post("/auth/register", credentials)
    assert status == 201, f"register: {status}"
    status, body = auth.post("/auth/login", credentials)
    assert status == 200, f"login: {status} {body}"
    return body["token"]


@pytest.fixture
def release():
    """The release checked out next to these tests (the VERSION file), which the deployed service must report."""
    return (ROOT / "VERSION").read_text().strip()
