#!/usr/bin/env python3
"""Time JobSearchAI's dashboard queries: P95 per query in ms; exit code 1 when one is at or above 100 ms."""
import json
import os
import sqlite3
import sys
import time

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DB = os.environ.get("JOBSEARCHAI_DB", os.path.join(HERE, "instance", "jobsearchai.db"))
RUNS = 200
TARGET_MS = 100.0
QUERIES = {
    "top_matches": "SELECT id, title, company, match_score FROM job_matches ORDER BY match_score DESC LIMIT 20",
    "by_search_and_cv": "SELECT id, title FROM job_matches WHERE search_term = 'data engineer' AND cv_key = 'cv_2025' "
                        "ORDER BY match_score DESC LIMIT 50",
    "dedup_lookup": "SELECT 1 FROM job_matches WHERE job_url = 'https://jobs.example/view/10042'",
    "scrape_history": "SELECT search_term, MAX(scraped_at) FROM scrape_history GROUP BY search_term",
}


def p95(connection, sql):
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        connection.execute(sql).fetchall()
        times.append((time.perf_counter() - start) * 1000.0)
    times.sort()
    return times[int(0.95 * (len(times) - 1))]


def main(argv):
    with sqlite3.connect(DB) as connection:
        records = connection.execute("SELECT COUNT(*) FROM job_matches").fetchone()[0]
        results = {name: p95(connection, sql) for name, sql in QUERIES.items()}
    print("Records job_matches: %d" % records)
    for name, value in results.items():
        print("P95 %s: %.3f ms" % (name, value))
    worst = max(results.values())
    print("P95 max: %.3f ms (target < %.0f ms)" % (worst, TARGET_MS))
    if "--output" in argv:
        path = os.path.join(HERE, argv[argv.index("--output") + 1])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            json.dump({"records": records, "p95_ms": results}, handle, indent=2)
        print("Results saved: " + os.path.relpath(path, HERE))
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
