#!/usr/bin/env python3
"""Archive the JSON job-match files already migrated into SQLite, once the validation period is over.

Every file of job_matches/ that scrape_history records goes into archive/job_matches_YYYYMMDD_HHMMSS.tar.gz; a file
leaves job_matches/ only after the archive has been read back and holds it byte for byte. Files not migrated yet stay.
"""
import datetime
import os
import sqlite3
import sys
import tarfile

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DB = os.environ.get("JOBSEARCHAI_DB", os.path.join(HERE, "instance", "jobsearchai.db"))
SOURCE = os.path.join(HERE, "job_matches")
ARCHIVE = os.path.join(HERE, "archive")


def migrated_files():
    with sqlite3.connect("file:" + DB + "?mode=ro", uri=True) as connection:
        done = {row[0] for row in connection.execute("SELECT source_file FROM scrape_history")}
    return sorted(name for name in os.listdir(SOURCE) if name in done)


def archive(names):
    os.makedirs(ARCHIVE, exist_ok=True)
    target = os.path.join(ARCHIVE, "job_matches_%s.tar.gz" % datetime.datetime.now().strftime("%Y%m%d_%H%M%S"))
    with tarfile.open(target, "w:gz") as tar:
        for name in names:
            tar.add(os.path.join(SOURCE, name), arcname=name)
    with tarfile.open(target, "r:gz") as tar:
        for name in names:
            with open(os.path.join(SOURCE, name), "rb") as original:
                if tar.extractfile(name).read() != original.read():
                    print("ERROR %s differs in %s: nothing removed" % (name, target), file=sys.stderr)
                    return None
    return target


def main():
    names = migrated_files()
    if not names:
        print("No migrated JSON files to archive")
        return 0
    target = archive(names)
    if target is None:
        return 1
    for name in names:
        os.remove(os.path.join(SOURCE, name))
    print("Archived %d JSON files to %s" % (len(names), os.path.relpath(target, HERE)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
