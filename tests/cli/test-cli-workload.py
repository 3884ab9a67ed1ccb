#!/usr/bin/python3
"""`generate`, `bench`, `prs` and `search` of the real activity-tracker-cli.

Usage: test-cli-workload.py PATH-TO-activity-tracker-cli [unittest options]

A small workload is generated once; the tests compare what the commands
print with what Python's sqlite3 module reads from the same file.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

CLI = None  # set from argv[1]
DIR = None
DB = None


def run(*args):
    proc = subprocess.run([CLI] + [str(a) for a in args], capture_output=True,
                          encoding="utf-8", timeout=300)
    return proc.returncode, proc.stdout, proc.stderr


def ok_json(*args):
    rc, out, err = run(*args, "--json")
    assert rc == 0, "%s failed: %s" % (args, err)
    return json.loads(out)


def query(sql, *params):
    con = sqlite3.connect(DB)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def setUpModule():
    global DIR, DB
    DIR = tempfile.mkdtemp(prefix="at-cli-workload-")
    DB = os.path.join(DIR, "w.db")
    report = ok_json("generate", "--database", DB, "--users", 3, "--sessions-per-user", 150,
                     "--seed", 7)
    setUpModule.report = report


def tearDownModule():
    shutil.rmtree(DIR)


class Generate(unittest.TestCase):
    def test_counts_match_the_file(self):
        report = setUpModule.report
        self.assertEqual(report["users"], 3)
        self.assertEqual(report["sessions"], 450)
        self.assertEqual(query("SELECT count(*) FROM activity_session")[0][0], 450)
        self.assertEqual(query("SELECT count(*) FROM exercise_set")[0][0], report["sets"])
        self.assertEqual(query("SELECT count(*) FROM activity_session WHERE deleted_at IS NOT NULL")[0][0],
                         report["deleted_sessions"])
        self.assertEqual(query("SELECT max(started_at) FROM activity_session")[0][0],
                         report["newest_session"])
        self.assertGreater(report["file_bytes"], 0)

    def test_mix_of_kinds(self):
        rows = dict(query("SELECT t.name = 'Weight Training', count(*) FROM activity_session s"
                          " JOIN activity_type t ON t.id = s.activity_type_id GROUP BY 1"))
        strength_share = rows[1] / (rows[0] + rows[1])
        self.assertGreater(strength_share, 0.45)
        self.assertLess(strength_share, 0.75)

    def test_same_seed_same_data(self):
        other = os.path.join(DIR, "again.db")
        ok_json("generate", "--database", other, "--users", 3, "--sessions-per-user", 150, "--seed", 7)
        sql = ("SELECT group_concat(session_name || started_at || coalesce(total_volume, ''), ',')"
               " FROM (SELECT * FROM activity_session ORDER BY id)")
        con = sqlite3.connect(other)
        try:
            again = con.execute(sql).fetchone()[0]
        finally:
            con.close()
        self.assertEqual(query(sql)[0][0], again)

    def test_database_checks_clean(self):
        self.assertEqual(ok_json("check", "--database", DB), {"ok": True, "problems": []})


class Records(unittest.TestCase):
    def test_prs_equal_the_table(self):
        user = query("SELECT id, username FROM app_user ORDER BY id LIMIT 1")[0]
        printed = ok_json("prs", "--database", DB, "--user", user[1])["personal_records"]
        stored = query("SELECT st.name, r.record_type, r.record_value FROM personal_record r"
                       " JOIN activity_subtype st ON st.id = r.activity_subtype_id"
                       " WHERE r.user_id = ? ORDER BY st.name, r.record_type", user[0])
        self.assertGreater(len(stored), 0)
        self.assertEqual([(p["exercise"], p["record_type"], p["record_value"]) for p in printed],
                         [tuple(row) for row in stored])

    def test_best_squat_is_the_best_set(self):
        user = query("SELECT id, username FROM app_user ORDER BY id LIMIT 1")[0]
        best = query("SELECT max(x.weight * u.conversion_factor) FROM exercise_set x"
                     " JOIN activity_exercise e ON e.id = x.exercise_id"
                     " JOIN activity_session s ON s.id = e.session_id"
                     " JOIN unit u ON u.id = x.weight_unit_id"
                     " JOIN activity_subtype st ON st.id = e.activity_subtype_id"
                     " WHERE s.user_id = ? AND st.name = 'Squat' AND s.deleted_at IS NULL"
                     " AND x.is_warmup = 0", user[0])[0][0]
        printed = ok_json("prs", "--database", DB, "--user", user[1], "--exercise", "squat")
        weights = [p["record_value"] for p in printed["personal_records"]
                   if p["record_type"] == "max_weight"]
        self.assertEqual(len(weights), 1)
        self.assertAlmostEqual(weights[0], round(best, 2), places=2)


class Search(unittest.TestCase):
    def test_finds_sessions_by_name_word(self):
        user, word = query("SELECT user_id, substr(session_name, 1, instr(session_name, ' ') - 1)"
                           " FROM activity_session WHERE deleted_at IS NULL AND user_id ="
                           " (SELECT min(id) FROM app_user) LIMIT 1")[0]
        expected = {row[0] for row in query(
            "SELECT id FROM activity_session WHERE user_id = ? AND deleted_at IS NULL"
            " AND (' ' || session_name || ' ' || coalesce(notes, '') || ' ' || coalesce(location, '') || ' ')"
            " LIKE '% ' || ? || ' %'", user, word)}
        found = ok_json("search", "--database", DB, "--user", user, "--newest", "--limit", 1000,
                        word + " ")["sessions"]
        self.assertEqual({s["id"] for s in found}, expected)

    def test_exercises(self):
        found = ok_json("search", "--database", DB, "--exercises", "deadl")["exercises"]
        self.assertEqual(found[0]["name"], "Deadlift")

    def test_needs_text(self):
        rc, out, err = run("search", "--database", DB)
        self.assertEqual(rc, 2)
        self.assertIn("search", err)


class Bench(unittest.TestCase):
    def test_prints_every_query(self):
        result = ok_json("bench", "--database", DB, "--runs", 3)
        names = [q["query"] for q in result["queries"]]
        for name in ("Q1", "Q1 next page", "Q2", "Q3", "Q4", "Q4 word rank 1", "Q4 word rank 2000", "Q5"):
            self.assertIn(name, names)
        for q in result["queries"]:
            self.assertEqual(q["runs"], 3)
            self.assertLessEqual(q["p50_ms"], q["p95_ms"])
            self.assertLessEqual(q["p95_ms"], q["max_ms"])
        self.assertEqual(result["users"], 3)
        self.assertIn("machine", result)
        # The benchmark's saves are deleted again.
        self.assertEqual(query("SELECT count(*) FROM activity_session WHERE session_name = 'Benchmark session'")[0][0], 0)

    def test_plans(self):
        rc, out, err = run("bench", "--database", DB, "--runs", 1, "--plans")
        self.assertEqual(rc, 0, err)
        self.assertIn("== Q1 ==", out)
        self.assertIn("idx_session_user_date", out)


if __name__ == "__main__":
    CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
