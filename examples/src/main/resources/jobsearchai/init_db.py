#!/usr/bin/env python3
"""Create JobSearchAI's SQLite schema (tables and indexes) if it does not exist yet."""
import os
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DB = os.environ.get("JOBSEARCHAI_DB", os.path.join(HERE, "instance", "jobsearchai.db"))

SCHEMA = """
CREATE TABLE IF NOT EXISTS job_matches (
    id INTEGER PRIMARY KEY,
    job_url TEXT NOT NULL,
    search_term TEXT NOT NULL,
    cv_key TEXT NOT NULL,
    title TEXT NOT NULL,
    company TEXT NOT NULL,
    location TEXT,
    match_score INTEGER NOT NULL CHECK (match_score BETWEEN 0 AND 100),
    scraped_at TEXT NOT NULL,
    UNIQUE (job_url, search_term, cv_key)
);
CREATE TABLE IF NOT EXISTS cv_versions (
    id INTEGER PRIMARY KEY,
    cv_key TEXT NOT NULL UNIQUE,
    cv_path TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS scrape_history (
    id INTEGER PRIMARY KEY,
    source_file TEXT NOT NULL UNIQUE,
    search_term TEXT NOT NULL,
    cv_key TEXT NOT NULL,
    jobs_found INTEGER NOT NULL,
    jobs_new INTEGER NOT NULL,
    scraped_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_job_matches_url ON job_matches (job_url);
CREATE INDEX IF NOT EXISTS idx_job_matches_search_cv ON job_matches (search_term, cv_key);
CREATE INDEX IF NOT EXISTS idx_job_matches_score ON job_matches (match_score DESC);
CREATE INDEX IF NOT EXISTS idx_scrape_history_term ON scrape_history (search_term, scraped_at);
"""


def main():
    os.makedirs(os.path.dirname(DB), exist_ok=True)
    with sqlite3.connect(DB) as connection:
        connection.executescript(SCHEMA)
    print("Database schema initialised: " + os.path.relpath(DB, HERE))
    return 0


if __name__ == "__main__":
    sys.exit(main())
