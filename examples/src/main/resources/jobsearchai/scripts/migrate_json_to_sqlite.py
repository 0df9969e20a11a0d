#!/usr/bin/env python3
"""Migrate JobSearchAI's JSON job-match files (job_matches/*.json) into SQLite, skipping duplicates.

--dry-run reads every file not migrated yet and prints what a migration would do, and keeps that report in tmp/ (to be
cleaned up after the deployment); without it the script asks, for each file, the search term it was scraped with and
the CV it was matched against, then writes.
"""
import datetime
import json
import os
import sqlite3
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DB = os.environ.get("JOBSEARCHAI_DB", os.path.join(HERE, "instance", "jobsearchai.db"))
SOURCE = os.path.join(HERE, "job_matches")
REQUIRED = ("url", "title", "company", "score")


def pending_files(connection):
    done = {row[0] for row in connection.execute("SELECT source_file FROM scrape_history")}
    return [name for name in sorted(os.listdir(SOURCE)) if name.endswith(".json") and name not in done]


def valid(job):
    return all(job.get(key) not in (None, "") for key in REQUIRED) and isinstance(job["score"], int) \
        and 0 <= job["score"] <= 100


def migrate_file(connection, name, dry_run, stats, known):
    with open(os.path.join(SOURCE, name), encoding="utf-8") as handle:
        jobs = json.load(handle)
    if dry_run:
        search_term, cv_path = "(dry run)", "(dry run)"
    else:
        search_term = input("Search term used for %s: " % name).strip()
        cv_path = input("CV path for %s [cv/default.pdf]: " % name).strip() or "cv/default.pdf"
    cv_key = os.path.splitext(os.path.basename(cv_path))[0]
    new = 0
    for job in jobs:
        if not valid(job):
            stats["errors"] += 1
            print("  error in %s: job %r lacks %s" % (name, job.get("url"), ", ".join(REQUIRED)))
            continue
        if job["url"] in known:
            stats["duplicates"] += 1
            continue
        known.add(job["url"])
        new += 1
        if not dry_run:
            connection.execute("INSERT INTO job_matches (job_url, search_term, cv_key, title, company, location, "
                               "match_score, scraped_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               (job["url"], search_term, cv_key, job["title"], job["company"], job.get("location"),
                                job["score"], job.get("scraped_at", "")))
    stats["migrated"] += new
    if not dry_run:
        now = datetime.datetime.now().isoformat(timespec="seconds")
        connection.execute("INSERT OR IGNORE INTO cv_versions (cv_key, cv_path, created_at) VALUES (?, ?, ?)",
                           (cv_key, cv_path, now))
        connection.execute("INSERT INTO scrape_history (source_file, search_term, cv_key, jobs_found, jobs_new, "
                           "scraped_at) VALUES (?, ?, ?, ?, ?, ?)", (name, search_term, cv_key, len(jobs), new, now))
    print("  %s: %d jobs, %d new" % (name, len(jobs), new))


def main(argv):
    dry_run = "--dry-run" in argv
    stats = {"migrated": 0, "duplicates": 0, "errors": 0}
    with sqlite3.connect(DB) as connection:
        files = pending_files(connection)
        known = {row[0] for row in connection.execute("SELECT job_url FROM job_matches")}
        print("JSON files to migrate: %d%s" % (len(files), " (dry run, nothing is written)" if dry_run else ""))
        for name in files:
            migrate_file(connection, name, dry_run, stats, known)
    report = "Migration statistics\n  Total migrated: %d\n  Duplicates skipped: %d\n  Errors: %d" % (
        stats["migrated"], stats["duplicates"], stats["errors"])
    print(report)
    if dry_run:
        os.makedirs(os.path.join(HERE, "tmp"), exist_ok=True)
        scratch = os.path.join(HERE, "tmp", "migration_dry_run_%s.txt"
                               % datetime.datetime.now().strftime("%Y%m%d_%H%M%S"))
        with open(scratch, "w", encoding="utf-8") as handle:
            handle.write(report + "\n")
        print("Dry-run report: " + os.path.relpath(scratch, HERE))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
