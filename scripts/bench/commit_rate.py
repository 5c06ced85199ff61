"""Raw synced-commit rate of a disk under SQLite: one-row INSERT + COMMIT
in a loop, WAL mode, at the given `synchronous` level — the ceiling for
vote writes on the same disk. usage: commit_rate.py FILE NORMAL|FULL"""
import sqlite3
import sys
import time

path, level = sys.argv[1], sys.argv[2]
db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute(f"PRAGMA synchronous={level}")
db.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)")
commits, started = 0, time.monotonic()
while time.monotonic() - started < 3:
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT INTO t (v) VALUES ('x')")
    db.execute("COMMIT")
    commits += 1
print(f"{commits / (time.monotonic() - started):.0f}")
