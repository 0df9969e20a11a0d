#!/usr/bin/env python3
"""Check that JobSearchAI's tables and indexes exist; exit code 0 when they all do, 1 otherwise."""
import os
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DB = os.environ.get("JOBSEARCHAI_DB", os.path.join(HERE, "instance", "jobsearchai.db"))
TABLES = ["job_matches", "cv_versions", "scrape_history"]
INDEXES = ["idx_job_matches_url", "idx_job_matches_search_cv", "idx_job_matches_score", "idx_scrape_history_term"]


def names(connection, kind):
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))
    return {row[0] for row in rows}


def main():
    if not os.path.exists(DB):
        print("FAIL database " + DB + " does not exist; run python3 init_db.py")
        return 1
    with sqlite3.connect(DB) as connection:
        tables, indexes = names(connection, "table"), names(connection, "index")
    missing = 0
    for table in TABLES:
        present = table in tables
        missing += not present
        print(("OK   " if present else "FAIL ") + "table " + table)
    for index in INDEXES:
        present = index in indexes
        missing += not present
        print(("OK   " if present else "FAIL ") + "index " + index)
    print("Schema verified" if missing == 0 else "Schema incomplete: %d missing" % missing)
    return 0 if missing == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
