#!/usr/bin/env python3
"""Generate the cover letter for one job match: documents/cover_letter_<id>.md, from the match and its CV version.

Usage: generate_cover_letter.py JOB_MATCH_ID
"""
import os
import sqlite3
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DB = os.environ.get("JOBSEARCHAI_DB", os.path.join(HERE, "instance", "jobsearchai.db"))
DOCUMENTS = os.path.join(HERE, "documents")
SQL = """SELECT m.title, m.company, COALESCE(m.location, 'any location') AS location, m.match_score,
       COALESCE(c.cv_path, 'no CV on record') AS cv_path
FROM job_matches m LEFT JOIN cv_versions c ON c.cv_key = m.cv_key WHERE m.id = ?"""
LETTER = """# Application: {title} at {company}

Dear {company} hiring team,

I am applying for the {title} role in {location}. My CV ({cv_path}) matches it at {match_score} %.

Kind regards
"""


def main(argv):
    if len(argv) != 1 or not argv[0].isdigit():
        print("usage: generate_cover_letter.py JOB_MATCH_ID", file=sys.stderr)
        return 2
    with sqlite3.connect("file:" + DB + "?mode=ro", uri=True) as connection:
        connection.row_factory = sqlite3.Row
        match = connection.execute(SQL, argv).fetchone()
    if match is None:
        print("ERROR no job match %s" % argv[0], file=sys.stderr)
        return 1
    os.makedirs(DOCUMENTS, exist_ok=True)
    target = os.path.join(DOCUMENTS, "cover_letter_%s.md" % argv[0])
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(LETTER.format(**dict(match)))
    print("Document generated: " + os.path.relpath(target, HERE))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
