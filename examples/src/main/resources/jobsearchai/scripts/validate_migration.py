#!/usr/bin/env python3
"""Validate the migrated database against the JSON files it came from; exit code 0 when valid, 1 on critical issues."""
import json
import os
import sqlite3
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DB = os.environ.get("JOBSEARCHAI_DB", os.path.join(HERE, "instance", "jobsearchai.db"))
SOURCE = os.path.join(HERE, "job_matches")
TABLES = ("job_matches", "cv_versions", "scrape_history")


def check(connection, report):
    issues = []
    integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
    if integrity != "ok":
        issues.append("integrity_check: " + integrity)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    issues += ["missing table " + table for table in TABLES if table not in tables]
    if issues:
        return issues
    stored = {row[0] for row in connection.execute("SELECT job_url FROM job_matches")}
    for name, found, new in connection.execute("SELECT source_file, jobs_found, jobs_new FROM scrape_history"):
        with open(os.path.join(SOURCE, name), encoding="utf-8") as handle:
            urls = [job.get("url") for job in json.load(handle)]
        missing = [url for url in urls if url and url not in stored]
        if len(urls) != found:
            issues.append("%s holds %d jobs, scrape_history says %d" % (name, len(urls), found))
        if missing:
            issues.append("%s: %d jobs missing from job_matches, e.g. %s" % (name, len(missing), missing[0]))
        if report:
            print("  %s: %d jobs, %d new when migrated, %d missing" % (name, found, new, len(missing)))
    bad = connection.execute("SELECT COUNT(*) FROM job_matches WHERE title = '' OR company = '' "
                             "OR match_score NOT BETWEEN 0 AND 100").fetchone()[0]
    if bad:
        issues.append("%d job matches with an empty title/company or a score outside 0-100" % bad)
    orphans = connection.execute("SELECT COUNT(*) FROM job_matches WHERE cv_key NOT IN "
                                 "(SELECT cv_key FROM cv_versions)").fetchone()[0]
    if orphans:
        issues.append("%d job matches refer to a CV that cv_versions does not hold" % orphans)
    return issues


def main(argv):
    with sqlite3.connect(DB) as connection:
        issues = check(connection, "--report" in argv)
        counts = {table: connection.execute("SELECT COUNT(*) FROM " + table).fetchone()[0]
                  for table in TABLES} if not any(i.startswith("missing table") for i in issues) else {}
    for table, count in counts.items():
        print("Records %s: %d" % (table, count))
    for issue in issues:
        print("CRITICAL " + issue)
    print("Validation passed" if not issues else "Validation FAILED: %d critical issue(s)" % len(issues))
    return 0 if not issues else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
