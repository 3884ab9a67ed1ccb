#!/usr/bin/python3
"""The real activity-tracker-cli on real files.

Usage: test-cli.py PATH-TO-activity-tracker-cli [unittest options]

Each test works in a fresh temporary folder. Databases are inspected and
damaged with Python's sqlite3 module, never through the CLI itself.
"""

import hashlib
import json
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import unittest

CLI = None  # set from argv[1]

# The 28 tables of shared/schema.md.
SCHEMA_TABLES = [
    "app_user", "activity_category", "activity_type", "activity_subtype", "unit",
    "activity_session", "activity_exercise", "exercise_set", "activity_metric",
    "activity_type_metric_template", "session_media", "goal_type", "user_goal",
    "goal_milestone", "personal_record", "body_metric_type", "user_body_metric",
    "workout_program", "program_session_template", "program_exercise_template",
    "user_program_enrollment", "achievement_type", "user_achievement", "user_streak",
    "user_relationship", "session_share", "session_comment", "session_like",
]

# Types of the shipped catalogue; inserted by hand only when it is missing.
NEEDED_TYPES = ["Running", "Weight Training", "Music"]


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def query(db, sql, *params):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def execute(db, script):
    con = sqlite3.connect(db)
    try:
        con.executescript(script)
        con.commit()
    finally:
        con.close()


def run(*args, user=None, env=None):
    """Runs the CLI; returns (exit status, stdout, stderr)."""
    cmd = [CLI] + [str(a) for a in args]
    if user is not None:
        cmd = ["setpriv", "--reuid=%d" % user, "--regid=%d" % user, "--clear-groups"] + cmd
    proc = subprocess.run(cmd, capture_output=True, encoding="utf-8", env=env, timeout=60)
    return proc.returncode, proc.stdout, proc.stderr


class CliTestCase(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="at-cli-")
        self.db = os.path.join(self.dir, "x.db")
        self.addCleanup(self.remove_dir)  # also when a subclass's setUp fails

    def remove_dir(self):
        for root, dirs, files in os.walk(self.dir):
            for name in dirs + files:
                os.chmod(os.path.join(root, name), 0o700)
        shutil.rmtree(self.dir)

    def ok(self, *args):
        rc, out, err = run(*args)
        self.assertEqual(rc, 0, "%s failed: %s" % (args, err))
        self.assertEqual(err, "", "%s wrote to stderr" % (args,))
        return out

    def ok_json(self, *args):
        return json.loads(self.ok(*args, "--json"))

    def init(self, db=None):
        db = db or self.db
        self.ok("init", "--database", db)
        if query(db, "SELECT count(*) FROM activity_type")[0][0] == 0:
            execute(db, "INSERT OR IGNORE INTO activity_category (name) VALUES ('Physical');" +
                    "".join("INSERT OR IGNORE INTO activity_type (name, category_id) "
                            "SELECT '%s', id FROM activity_category WHERE name = 'Physical';" % t
                            for t in NEEDED_TYPES))
        return db

    def add_user(self, username, timezone=None, db=None):
        args = ["add-user", "--database", db or self.db, "--username", username,
                "--email", "%s@example.org" % username]
        if timezone:
            args += ["--timezone", timezone]
        return self.ok_json(*args)

    def add_session(self, *args, db=None):
        return self.ok_json("add-session", "--database", db or self.db, *args)

    def counts(self, db=None):
        db = db or self.db
        return {t: query(db, "SELECT count(*) FROM %s" % t)[0][0]
                for t in ("app_user", "activity_session", "user_statistics")}

    def type_id(self, name):
        return query(self.db, "SELECT id FROM activity_type WHERE name = ?", name)[0][0]


class InitAndCheck(CliTestCase):
    def test_init_creates_every_table(self):
        out = self.ok("init", "--database", self.db)
        self.assertIn(self.db, out)
        tables = {r[0] for r in query(self.db, "SELECT name FROM sqlite_schema WHERE type = 'table'")}
        for table in SCHEMA_TABLES:
            self.assertIn(table, tables)
        self.assertEqual(len(SCHEMA_TABLES), 28)
        self.assertGreaterEqual(query(self.db, "PRAGMA user_version")[0][0], 1)

    def test_init_twice(self):
        first = self.ok_json("init", "--database", self.db)
        self.assertTrue(first["created"])
        self.init()
        self.add_user("alice")
        types = query(self.db, "SELECT id, name FROM activity_type ORDER BY id")
        second = self.ok_json("init", "--database", self.db)
        self.assertFalse(second["created"])
        self.assertEqual(first["user_version"], second["user_version"])
        self.assertEqual(query(self.db, "SELECT id, name FROM activity_type ORDER BY id"), types)
        self.assertEqual(query(self.db, "SELECT username FROM app_user"), [("alice",)])

    def test_check_good_database(self):
        self.init()
        self.add_user("alice")
        self.add_session("--type", "Running", "--start", "2024-05-01T07:30", "--end",
                         "2024-05-01T08:00")
        self.assertEqual(self.ok("check", "--database", self.db).strip(), "ok")
        self.assertEqual(self.ok_json("check", "--database", self.db),
                         {"ok": True, "problems": []})

    def test_check_broken_foreign_key(self):
        self.init()
        running = self.type_id("Running")
        execute(self.db, "PRAGMA foreign_keys = OFF; INSERT INTO activity_session "
                "(user_id, activity_type_id, started_at) VALUES (999, %d, 0)" % running)
        rc, out, err = run("check", "--database", self.db)
        self.assertEqual(rc, 1)
        self.assertIn("foreign key", out)
        self.assertIn("activity_session", out)
        self.assertIn(self.db, err)
        rc, out, err = run("check", "--database", self.db, "--json")
        self.assertEqual(rc, 1)
        report = json.loads(out)
        self.assertIs(report["ok"], False)
        self.assertTrue(any("activity_session" in p and "app_user" in p
                            for p in report["problems"]), report)


class RoundTrip(CliTestCase):
    def setUp(self):
        super().setUp()
        self.init()

    def test_add_user(self):
        user = self.add_user("alice", "Europe/Paris")
        self.assertEqual((user["username"], user["email"], user["timezone"]),
                         ("alice", "alice@example.org", "Europe/Paris"))
        self.assertNotIn("password_hash", user)
        users = self.ok_json("users", "--database", self.db)["users"]
        self.assertEqual([u["id"] for u in users], [user["id"]])
        self.assertEqual(users[0]["uuid"], user["uuid"])
        out = self.ok("users", "--database", self.db)
        self.assertRegex(out, r"(?m)^ID\s+Username\s+E-mail")
        self.assertIn("alice@example.org", out)

    def test_sessions_round_trip(self):
        self.add_user("alice")
        given = [
            # start, end, name, notes, rating
            ("2024-05-01T07:30:00Z", "2024-05-01T08:35:00Z", "Morning run", "easy", 8),
            ("2024-05-02T18:00:00Z", None, None, None, None),
            ("2024-05-02T18:00:00Z", "2024-05-02T18:40:00Z", "Scales", None, 6),
            ("2024-05-03T06:00:00+02:00", "2024-05-03T07:00:00+02:00", "Squats", "heavy", 9),
            ("2024-04-30T21:00:00Z", "2024-04-30T21:00:20Z", None, "short", 1),
            ("2024-05-05T10:00:00Z", "2024-05-05T12:00:00Z", "Long", None, 10),
            ("2024-05-04T10:00:00Z", "2024-05-04T10:29:00Z", None, None, None),
        ]
        types = ["Running", "Music", "Music", "Weight Training", "Running", "Running", "Music"]
        added = []
        for (start, end, name, notes, rating), type_name in zip(given, types):
            args = ["--type", type_name, "--start", start]
            for option, value in (("--end", end), ("--name", name), ("--notes", notes),
                                  ("--rating", rating)):
                if value is not None:
                    args += [option, value]
            session = self.add_session(*args)
            self.assertEqual(session["activity_type_id"], self.type_id(type_name))
            self.assertEqual(session["session_name"], name)
            self.assertEqual(session["notes"], notes)
            self.assertEqual(session["rating"], rating)
            added.append(session)

        listed = self.ok_json("sessions", "--database", self.db, "--limit", 100)
        self.assertEqual(listed["total"], len(given))
        rows = listed["sessions"]
        self.assertEqual(sorted(r["id"] for r in rows), sorted(s["id"] for s in added))
        keys = [(r["started_at"], r["id"]) for r in rows]
        self.assertEqual(keys, sorted(keys, reverse=True), "not newest first")

        stored = {r[0]: r for r in query(
            self.db, "SELECT id, started_at, ended_at, duration_minutes, session_name, notes, "
            "rating, activity_type_id, local_date FROM activity_session")}
        for row in rows:
            db_row = stored[row["id"]]
            self.assertEqual((row["id"], row["started_at"], row["ended_at"],
                              row["duration_minutes"], row["session_name"], row["notes"],
                              row["rating"], row["activity_type_id"], row["local_date"]),
                             db_row)
        by_id = {r["id"]: r for r in rows}
        first = by_id[added[0]["id"]]
        self.assertEqual(first["started_at"], 1714548600)  # 2024-05-01T07:30:00Z
        self.assertEqual(first["duration_minutes"], 65)
        self.assertEqual(by_id[added[3]["id"]]["started_at"], 1714708800)  # 04:00Z

        out = self.ok("sessions", "--database", self.db)
        self.assertRegex(out, r"(?m)^ID\s+Started\s+Duration\s+Type\s+Name\s+Rating$")
        self.assertRegex(out, r"2024-05-01 07:30\s+1 h 05 min\s+Running\s+Morning run\s+8")
        self.assertRegex(out, r"2024-05-05 10:00\s+2 h 00 min\s+Running\s+Long\s+10")
        self.assertRegex(out, r"2024-05-02 18:00\s+40 min\s+Music\s+Scales\s+6")

    def test_paging(self):
        self.add_user("alice")
        for day in range(1, 9):
            self.add_session("--type", "Running", "--start", "2024-06-%02dT07:00:00Z" % day)
        self.add_session("--type", "Music", "--start", "2024-06-04T07:00:00Z")  # same start
        everything = self.ok_json("sessions", "--database", self.db, "--limit", 100)["sessions"]
        seen = []
        for offset in range(0, 9, 4):
            page = self.ok_json("sessions", "--database", self.db, "--limit", 4,
                                "--offset", offset)
            self.assertEqual((page["total"], page["offset"], page["limit"]), (9, offset, 4))
            self.assertLessEqual(len(page["sessions"]), 4)
            seen += [s["id"] for s in page["sessions"]]
        self.assertEqual(len(seen), len(set(seen)), "pages overlap")
        self.assertEqual(seen, [s["id"] for s in everything])
        past = self.ok_json("sessions", "--database", self.db, "--offset", 50)
        self.assertEqual((past["total"], past["sessions"]), (9, []))
        self.assertEqual(len(self.ok_json("sessions", "--database", self.db)["sessions"]), 9)

    def test_timezone_of_the_user(self):
        if not os.path.exists("/usr/share/zoneinfo/Europe/Paris"):
            self.skipTest("no tzdata")
        self.add_user("alice", "Europe/Paris")
        session = self.add_session("--type", "Running", "--start", "2024-01-15T23:30",
                                   "--end", "2024-01-16 00:15")
        self.assertEqual(session["started_at"], 1705357800)  # 22:30Z
        self.assertEqual(session["utc_offset_seconds"], 3600)
        self.assertEqual(session["local_date"], "2024-01-15")
        self.assertEqual(session["duration_minutes"], 45)
        self.assertIn("2024-01-15 23:30", self.ok("sessions", "--database", self.db))

    def expected_stats(self, user_id):
        rows = query(self.db,
                     "SELECT count(*), count(DISTINCT local_date), max(started_at), "
                     "sum(duration_minutes), avg(rating), sum(estimated_calories), "
                     "count(*) FILTER (WHERE is_personal_record = 1) "
                     "FROM activity_session WHERE deleted_at IS NULL AND is_template = 0"
                     " AND user_id = ?", user_id)
        return rows[0]

    def assert_stats(self, user):
        stats = self.ok_json("stats", "--database", self.db, "--user", user["username"])
        n, days, last, minutes, rating, calories, prs = self.expected_stats(user["id"])
        self.assertEqual(stats["user_id"], user["id"])
        self.assertEqual(stats["total_sessions"], n)
        self.assertEqual(stats["total_days_active"], days)
        self.assertEqual(stats["last_activity"], last)
        self.assertEqual(stats["total_minutes"], minutes)
        if rating is None:
            self.assertIsNone(stats["avg_session_rating"])
        else:
            self.assertAlmostEqual(stats["avg_session_rating"], rating)
        if calories is None:
            self.assertIsNone(stats["total_calories"])
        else:
            self.assertAlmostEqual(stats["total_calories"], calories)
        self.assertEqual(stats["total_prs"], prs)
        return stats

    def test_stats(self):
        alice = self.add_user("alice")
        bob = self.add_user("bob")
        empty = self.assert_stats(alice)
        self.assertEqual(empty["total_sessions"], 0)
        self.add_session("--type", "Running", "--start", "2024-05-01T07:30:00Z",
                         "--end", "2024-05-01T08:35:00Z", "--rating", 7)
        self.add_session("--type", "Running", "--start", "2024-05-01T18:00:00Z",
                         "--end", "2024-05-01T18:20:00Z", "--rating", 4)
        self.add_session("--type", "Music", "--start", "2024-05-03T10:00:00Z")
        self.add_session("--user", "bob", "--type", "Music", "--start", "2024-05-04T10:00:00Z",
                         "--end", "2024-05-04T11:00:00Z")
        stats = self.assert_stats(alice)
        self.assertEqual((stats["total_sessions"], stats["total_days_active"],
                          stats["total_minutes"]), (3, 2, 85))
        self.assert_stats(bob)
        out = self.ok("stats", "--database", self.db)
        self.assertRegex(out, r"(?m)^Sessions\s+3$")
        self.assertRegex(out, r"(?m)^Total time\s+1 h 25 min$")
        self.assertRegex(out, r"(?m)^Average rating\s+5\.5$")
        self.assertRegex(out, r"(?m)^Last activity\s+2024-05-03 10:00$")


class UserSelection(CliTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.alice = self.add_user("alice")
        self.bob = self.add_user("bob")
        self.alice_ids = {self.add_session("--type", "Running", "--name", "alice %d" % i,
                                           "--start", "2024-05-%02dT07:00:00Z" % (i + 1))["id"]
                          for i in range(3)}
        self.bob_ids = {self.add_session("--user", "bob", "--type", "Music", "--name",
                                         "bob %d" % i,
                                         "--start", "2024-05-%02dT09:00:00Z" % (i + 1))["id"]
                        for i in range(2)}

    def ids(self, *args):
        page = self.ok_json("sessions", "--database", self.db, *args)
        self.assertTrue(all(s["user_id"] == page["user_id"] for s in page["sessions"]))
        return page["user_id"], {s["id"] for s in page["sessions"]}

    def test_select_by_name_and_id(self):
        self.assertEqual(self.ids("--user", "bob"), (self.bob["id"], self.bob_ids))
        self.assertEqual(self.ids("--user", str(self.bob["id"])), (self.bob["id"], self.bob_ids))
        self.assertEqual(self.ids("--user", "alice"), (self.alice["id"], self.alice_ids))
        self.assertEqual(self.ids(), (self.alice["id"], self.alice_ids))  # the first user
        out = self.ok("sessions", "--database", self.db, "--user", "bob")
        self.assertIn("bob 0", out)
        self.assertNotIn("alice", out)
        stored = query(self.db, "SELECT id FROM activity_session WHERE user_id = ?", self.bob["id"])
        self.assertEqual({r[0] for r in stored}, self.bob_ids)

    def test_unknown_user(self):
        before = self.counts()
        rc, out, err = run("sessions", "--database", self.db, "--user", "carol")
        self.assertEqual(rc, 1)
        self.assertIn("carol", err)
        rc, out, err = run("add-session", "--database", self.db, "--user", "carol",
                           "--type", "Running", "--start", "2024-05-01T07:00")
        self.assertEqual(rc, 1)
        self.assertEqual(self.counts(), before)


class NoUser(CliTestCase):
    def test_commands_without_a_user(self):
        self.init()
        for command in (["sessions"], ["stats"],
                        ["add-session", "--type", "Running", "--start", "2024-05-01T07:00"]):
            rc, out, err = run(*command, "--database", self.db)
            self.assertEqual(rc, 1, command)
            self.assertIn("add-user", err)
            self.assertTrue(err.startswith("activity-tracker-cli: "))
        self.assertEqual(self.ok_json("users", "--database", self.db), {"users": []})

    def test_missing_file_is_not_created(self):
        missing = os.path.join(self.dir, "missing.db")
        for command in ("check", "users", "sessions", "stats"):
            rc, out, err = run(command, "--database", missing)
            self.assertEqual(rc, 1)
            self.assertIn(missing, err)
            self.assertIn("init", err)
        self.assertEqual(os.listdir(self.dir), [])


class BadFiles(CliTestCase):
    COMMANDS = [
        ["init"], ["check"], ["users"], ["sessions"], ["stats"],
        ["add-user", "--username", "mallory", "--email", "mallory@example.org"],
        ["add-session", "--type", "Running", "--start", "2024-05-01T07:00"],
    ]

    def good_db(self, name):
        path = os.path.join(self.dir, name)
        self.init(path)
        self.add_user("alice", db=path)
        self.add_session("--type", "Running", "--start", "2024-05-01T07:00", db=path)
        return path

    def assert_refused(self, path, problem, user=None):
        folder = os.path.dirname(path)
        before = sorted(os.listdir(folder))
        digest = sha256(path) if os.path.isfile(path) else None
        for command in self.COMMANDS:
            rc, out, err = run(command[0], "--database", path, *command[1:], user=user)
            self.assertNotEqual(rc, 0, "%s accepted %s" % (command[0], path))
            self.assertEqual(rc, 1, err)
            self.assertTrue(err.startswith("activity-tracker-cli: "), err)
            self.assertIn(path, err)
            self.assertRegex(err, problem)
            self.assertEqual(out, "")
            if digest is not None:
                self.assertEqual(sha256(path), digest, "%s changed %s" % (command[0], path))
            self.assertEqual(sorted(os.listdir(folder)), before)

    def test_text_file(self):
        path = os.path.join(self.dir, "notes.txt")
        with open(path, "w") as f:
            f.write("Dear diary, today I ran 5 km.\n" * 200)
        self.assert_refused(path, r"not a database")

    def test_newer_file(self):
        path = self.good_db("newer.db")
        execute(path, "PRAGMA user_version = 999")
        self.assert_refused(path, r"newer version")

    def test_truncated_file(self):
        path = self.good_db("truncated.db")
        with open(path, "rb") as f:
            data = f.read()
        with open(path, "wb") as f:
            f.write(data[:len(data) // 2])
        self.assert_refused(path, r"damaged|malformed")

    def test_garbled_file(self):
        path = self.good_db("garbled.db")
        with open(path, "r+b") as f:
            f.seek(4096 + 1000)
            f.write(b"\xab" * 8192)
        self.assert_refused(path, r"damaged|malformed")

    def test_folder(self):
        path = os.path.join(self.dir, "folder.db")
        os.mkdir(path)
        self.assert_refused(path, r"folder")
        self.assertEqual(os.listdir(path), [])

    def test_read_only_file(self):
        if os.geteuid() != 0:
            path = self.good_db("read-only.db")
            os.chmod(path, 0o444)
            self.assert_refused(path, r"read-?only")
            return

        # Root ignores permission bits: run as nobody, in a folder nobody may
        # enter but not write, with a copy of the binary nobody may run.
        global CLI
        os.chmod(self.dir, 0o755)
        path = self.good_db("read-only.db")
        os.chmod(path, 0o444)
        binary = os.path.join(self.dir, "activity-tracker-cli")
        shutil.copy(CLI, binary)
        os.chmod(binary, 0o755)
        saved, CLI = CLI, binary
        try:
            self.assertEqual(run("--version", user=65534)[0], 0, "nobody cannot run the CLI")
            self.assert_refused(path, r"read-?only", user=65534)
        finally:
            CLI = saved


class BadUsage(CliTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.add_user("alice")
        self.add_session("--type", "Running", "--start", "2024-05-01T07:00")

    def refused(self, *args, status=2, field=None):
        before_counts = self.counts()
        before_digest = sha256(self.db)
        rc, out, err = run(*args)
        self.assertEqual(rc, status, "%s: %s" % (args, err))
        self.assertTrue(err.startswith("activity-tracker-cli: "), err)
        if field:
            self.assertIn(field, err)
        self.assertEqual(self.counts(), before_counts)
        self.assertEqual(sha256(self.db), before_digest)
        return err

    def test_usage_errors(self):
        self.refused()
        self.refused("frobnicate", "--database", self.db, field="frobnicate")
        self.refused("--json", "sessions", field="--json")
        self.refused("check", "--database", field="--database")
        self.refused("sessions", "--database", self.db, "--colour", field="--colour")
        self.refused("sessions", "--database", self.db, "extra", field="extra")
        self.refused("sessions", "--database", self.db, "--limit", "0", field="--limit")
        self.refused("sessions", "--database", self.db, "--limit", "many", field="--limit")
        self.refused("sessions", "--database", self.db, "--offset", "-1", field="--offset")
        self.refused("add-user", "--database", self.db, "--email", "a@example.org",
                     field="--username")
        self.refused("add-session", "--database", self.db, "--start", "2024-05-01T07:00",
                     field="--type")
        self.refused("add-session", "--database", self.db, "--type", "Running",
                     field="--start")
        self.refused("add-session", "--database", self.db, "--type", "Running",
                     "--start", "yesterday", field="--start")
        self.refused("add-session", "--database", self.db, "--type", "Running",
                     "--start", "2024-05-01T07:00", "--rating", "good", field="--rating")

    def test_invalid_values(self):
        for rating in ("11", "0"):
            err = self.refused("add-session", "--database", self.db, "--type", "Running",
                               "--start", "2024-05-01T07:00", "--rating", rating, status=1)
            self.assertIn("activity_session.rating", err)
        err = self.refused("add-session", "--database", self.db, "--type", "Running",
                           "--start", "2024-05-01T09:00", "--end", "2024-05-01T08:00", status=1)
        self.assertIn("activity_session.ended_at", err)
        err = self.refused("add-session", "--database", self.db, "--type", "Underwater Chess",
                           "--start", "2024-05-01T07:00", status=1)
        self.assertIn("Underwater Chess", err)
        err = self.refused("add-user", "--database", self.db, "--username", "bob",
                           "--email", "not-an-address", status=1)
        self.assertIn("app_user.email", err)
        err = self.refused("add-user", "--database", self.db, "--username", "alice",
                           "--email", "other@example.org", status=1)
        self.assertIn("app_user.username", err)
        err = self.refused("add-user", "--database", self.db, "--username", "bob",
                           "--email", "bob@example.org", "--timezone", "Mars/Olympus", status=1)
        self.assertIn("app_user.timezone", err)


class Help(CliTestCase):
    def test_help(self):
        out = self.ok("--help")
        for command in ("init", "check", "stats", "sessions", "users", "add-user", "add-session"):
            self.assertRegex(out, r"(?m)^  %s " % command)
            sub = self.ok(command, "--help")
            self.assertIn("activity-tracker-cli %s" % command, sub)
            self.assertIn("--database", sub)
        self.assertIn("--limit", self.ok("sessions", "--help"))
        self.assertIn("--rating", self.ok("help", "add-session"))
        self.assertRegex(self.ok("--version"), r"^activity-tracker-cli \d+\.\d+")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: %s PATH-TO-activity-tracker-cli [unittest options]" % sys.argv[0])
    CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
