#!/usr/bin/env python3
"""JobSearchAI's dashboard: /, /login, /matches (JSON, needs a login token), /matches/<id>, /health.

/matches falls back to the JSON job files (System B's JSON fallback) when the database cannot be read, and serves them
when asked with ?source=json, so the fallback can be checked while the database is fine.
"""
import argparse
import glob
import hmac
import json
import logging
import os
import secrets
import sqlite3
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
DB = os.environ.get("JOBSEARCHAI_DB", os.path.join(HERE, "instance", "jobsearchai.db"))
JSON_FILES = os.path.join(HERE, "job_matches")
TOKENS = set()
LOG = logging.getLogger("dashboard")


def settings():
    values = {}
    with open(os.path.join(HERE, ".env"), encoding="utf-8") as handle:
        for line in handle:
            if "=" in line and not line.startswith("#"):
                key, value = line.strip().split("=", 1)
                values[key] = value
    return values


def rows(sql, *parameters):
    with sqlite3.connect("file:" + DB + "?mode=ro", uri=True, timeout=5) as connection:
        connection.row_factory = sqlite3.Row
        return [dict(row) for row in connection.execute(sql, parameters)]


PAGE = """<html><head><title>JobSearchAI Dashboard</title><link rel="icon" href="data:,"></head><body>
<h1>JobSearchAI Dashboard</h1><p>%d job matches</p><p id="status">database: checking</p><a href="/login">Log in</a>
<script>
fetch("/health").then(function (response) { return response.json(); }).then(function (health) {
  document.getElementById("status").textContent = "database: " + health.database;
}).catch(function (failure) { console.error("health check failed: " + failure); });
</script></body></html>"""


def sqlite_matches(query):
    sql, parameters = "SELECT id, job_url, title, company, location, match_score, search_term FROM job_matches " \
                      "WHERE match_score >= ?", [int(query.get("min_score", 0))]
    if "search_term" in query:
        sql += " AND search_term = ?"
        parameters.append(query["search_term"])
    found = rows(sql + " ORDER BY match_score DESC LIMIT ?", *parameters, int(query.get("limit", 50)))
    return {"source": "sqlite", "count": len(found), "matches": found}


def json_matches(query):
    """Read the job matches from the JSON files, newest file first, one per URL, as the dashboard did before SQLite."""
    seen, found = set(), []
    for path in sorted(glob.glob(os.path.join(JSON_FILES, "*.json")), reverse=True):
        with open(path, encoding="utf-8") as handle:
            for job in json.load(handle):
                if job["url"] not in seen and job["score"] >= int(query.get("min_score", 0)):
                    seen.add(job["url"])
                    found.append({"job_url": job["url"], "title": job["title"], "company": job["company"],
                                  "location": job.get("location"), "match_score": job["score"]})
    found.sort(key=lambda job: -job["match_score"])
    found = found[:int(query.get("limit", 50))]
    return {"source": "json", "count": len(found), "matches": found}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        try:
            if url.path == "/":
                count = rows("SELECT COUNT(*) AS n FROM job_matches")[0]["n"]
                self.send(200, PAGE % count, "text/html")
            elif url.path == "/login":
                self.send(200, "<html><head><title>JobSearchAI Login</title></head><body><form method=\"post\" "
                               "action=\"/login\"><input name=\"username\"><input name=\"password\" type=\"password\">"
                               "<button>Log in</button></form></body></html>", "text/html")
            elif url.path == "/health":
                count = rows("SELECT COUNT(*) AS n FROM job_matches")[0]["n"]
                self.send(200, {"status": "ok", "database": "ok", "job_matches": count})
            elif url.path == "/matches" or url.path.startswith("/matches/"):
                if not self.authorised():
                    self.send(401, {"error": "log in first: POST /login"})
                elif url.path == "/matches":
                    self.matches(query)
                else:
                    found = rows("SELECT * FROM job_matches WHERE id = ?", url.path[len("/matches/"):])
                    self.send(200, found[0]) if found else self.send(404, {"error": "no such job match"})
            else:
                self.send(404, {"error": "not found"})
        except sqlite3.Error as failure:
            LOG.error("database error on %s: %s", url.path, failure)
            self.send(503, {"status": "error", "database": str(failure)})

    def do_POST(self):
        if self.path != "/login":
            self.send(404, {"error": "not found"})
            return
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        expected = settings()
        if body.get("username") == expected.get("JOBSEARCHAI_ADMIN_USER", "admin") and hmac.compare_digest(
                str(body.get("password", "")), expected.get("JOBSEARCHAI_ADMIN_PASSWORD", "")):
            token = secrets.token_hex(16)
            TOKENS.add(token)
            LOG.info("login ok for %s", body.get("username"))
            self.send(200, {"token": token})
        else:
            LOG.warning("login refused for %s", body.get("username"))
            self.send(401, {"error": "wrong user name or password"})

    def matches(self, query):
        if query.get("source") == "json":
            self.send(200, json_matches(query))
            return
        try:
            self.send(200, sqlite_matches(query))
        except sqlite3.Error as failure:
            LOG.warning("database unavailable for /matches (%s): serving the JSON fallback", failure)
            self.send(200, json_matches(query))

    def authorised(self):
        header = self.headers.get("Authorization", "")
        return header.startswith("Bearer ") and header[len("Bearer "):] in TOKENS

    def send(self, status, body, content_type="application/json"):
        data = (json.dumps(body) if content_type == "application/json" else body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        LOG.info("%s %s", self.address_string(), fmt % args)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=5000)
    port = parser.parse_args().port
    os.makedirs(os.path.join(HERE, "logs"), exist_ok=True)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s",
                        handlers=[logging.FileHandler(os.path.join(HERE, "logs", "dashboard.log")),
                                  logging.StreamHandler()])
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    LOG.info("JobSearchAI dashboard listening on 127.0.0.1:%d", port)
    server.serve_forever()


if __name__ == "__main__":
    main()
