#!/usr/bin/env python3
"""Back up JobSearchAI's database to backups/jobsearchai_backup_YYYYMMDD_HHMMSS.db; --list shows the backups;
--verify BACKUP opens one read-only and checks its integrity and that every table holds as many rows as the database.

Each backup removes the oldest ones beyond the newest JOBSEARCHAI_BACKUP_KEEP (default 7), so old backups clean
themselves up.
"""
import datetime
import os
import sqlite3
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DB = os.environ.get("JOBSEARCHAI_DB", os.path.join(HERE, "instance", "jobsearchai.db"))
BACKUPS = os.path.join(HERE, "backups")
KEEP = int(os.environ.get("JOBSEARCHAI_BACKUP_KEEP", "7"))


def backup():
    if not os.path.exists(DB):
        print("ERROR no database at " + DB, file=sys.stderr)
        return 1
    os.makedirs(BACKUPS, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d_%H%M%S")
    target = os.path.join(BACKUPS, "jobsearchai_backup_" + stamp + ".db")
    with sqlite3.connect(DB) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    print("Backup created: " + os.path.relpath(target, HERE) + " (%d bytes)" % os.path.getsize(target))
    for old in backups()[:-KEEP]:
        os.remove(os.path.join(BACKUPS, old))
        print("Removed old backup: backups/" + old)
    return 0


def backups():
    return sorted(f for f in os.listdir(BACKUPS) if f.startswith("jobsearchai_backup_")) \
        if os.path.isdir(BACKUPS) else []


def list_backups():
    files = backups()
    if not files:
        print("No backups in backups/")
        return 1
    for name in files:
        path = os.path.join(BACKUPS, name)
        print("backups/%s %d bytes" % (name, os.path.getsize(path)))
    return 0


def verify(path):
    tables = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    with sqlite3.connect("file:" + os.path.join(HERE, path) + "?mode=ro", uri=True) as backup, \
            sqlite3.connect("file:" + DB + "?mode=ro", uri=True) as live:
        integrity = backup.execute("PRAGMA integrity_check").fetchone()[0]
        names = [row[0] for row in backup.execute(tables)]
        live_names = [row[0] for row in live.execute(tables)]
        problems = [] if integrity == "ok" else ["integrity_check: " + integrity]
        if names != live_names:
            problems.append("tables %s, the database has %s" % (names, live_names))
        for name in (name for name in names if name in live_names):
            count = backup.execute('SELECT COUNT(*) FROM "%s"' % name).fetchone()[0]
            expected = live.execute('SELECT COUNT(*) FROM "%s"' % name).fetchone()[0]
            print("  %s %d rows" % (name, count))
            if count != expected:
                problems.append("%s: %d rows, the database has %d" % (name, count, expected))
    if problems:
        print("ERROR backup %s does not match the database: %s" % (path, "; ".join(problems)), file=sys.stderr)
        return 1
    print("Backup verified: %s (integrity ok, %d tables, row counts equal)" % (path, len(names)))
    return 0


def restore(path):
    with sqlite3.connect(os.path.join(HERE, path)) as source, sqlite3.connect(DB) as target:
        source.backup(target)
    print("Restored " + path)
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--list"]:
        sys.exit(list_backups())
    if len(sys.argv) == 3 and sys.argv[1] == "--verify":
        sys.exit(verify(sys.argv[2]))
    if len(sys.argv) == 3 and sys.argv[1] == "--restore":
        sys.exit(restore(sys.argv[2]))
    sys.exit(backup())
