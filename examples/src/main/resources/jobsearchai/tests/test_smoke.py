"""JobSearchAI's smoke tests, run on the production host after a deployment: pytest tests/test_smoke.py -v.

The dashboard's address comes from DASHBOARD_URL (default http://127.0.0.1:5000); the database is instance/jobsearchai.db.
"""
import json
import os
import sqlite3
import urllib.error
import urllib.request

DASHBOARD = os.environ.get("DASHBOARD_URL", "http://127.0.0.1:5000").rstrip("/")
DATABASE = os.path.join(os.path.dirname(__file__), "..", "instance", "jobsearchai.db")


def get(path):
    try:
        with urllib.request.urlopen(DASHBOARD + path, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_schema_has_its_three_tables():
    with sqlite3.connect(DATABASE) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"job_matches", "cv_versions", "scrape_history"} <= tables


def test_job_matches_are_loaded():
    with sqlite3.connect(DATABASE) as connection:
        assert connection.execute("SELECT COUNT(*) FROM job_matches").fetchone()[0] > 0


def test_health_reports_the_database():
    status, body = get("/health")
    assert status == 200
    assert json.loads(body)["database"] == "ok"


def test_dashboard_shows_the_job_matches():
    with sqlite3.connect(DATABASE) as connection:
        count = connection.execute("SELECT COUNT(*) FROM job_matches").fetchone()[0]
    status, body = get("/")
    assert status == 200
    assert "%d job matches" % count in body


def test_matches_need_a_login():
    status, _ = get("/matches")
    assert status == 401
