#!/usr/bin/python3
"""`streaks` and `goals` of the real activity-tracker-cli on real files.

Usage: test-cli-training.py PATH-TO-activity-tracker-cli [unittest options]

Each test works in a fresh temporary folder. Sessions are logged through the
CLI on days counted back from today in the user's timezone; goals are
written with Python's sqlite3 module, and `goals` brings them up to date.
"""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest
import zoneinfo

CLI = None  # set from argv[1]
TIMEZONE = "America/New_York"


def run(*args):
    """Runs the CLI; returns (exit status, stdout, stderr)."""
    proc = subprocess.run([CLI] + [str(a) for a in args], capture_output=True,
                          encoding="utf-8", timeout=60)
    return proc.returncode, proc.stdout, proc.stderr


def local_day(days_ago):
    """The date days_ago days before today in the user's timezone."""
    today = datetime.datetime.now(zoneinfo.ZoneInfo(TIMEZONE)).date()
    return today - datetime.timedelta(days=days_ago)


class TrainingTestCase(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="at-cli-training-")
        self.addCleanup(shutil.rmtree, self.dir)
        self.db = os.path.join(self.dir, "x.db")
        self.ok("init", "--database", self.db)
        self.ok("add-user", "--database", self.db, "--username", "walker",
                "--email", "walker@example.org", "--timezone", TIMEZONE)

    def ok(self, *args):
        rc, out, err = run(*args)
        self.assertEqual(rc, 0, "%s failed: %s" % (args, err))
        self.assertEqual(err, "", "%s wrote to stderr" % (args,))
        return out

    def ok_json(self, *args):
        return json.loads(self.ok(*args, "--json"))

    def sql(self, script, *params):
        con = sqlite3.connect(self.db)
        try:
            rows = con.execute(script, params).fetchall()
            con.commit()
            return rows
        finally:
            con.close()

    def log(self, activity, days_ago, minutes=30):
        day = local_day(days_ago)
        self.ok("add-session", "--database", self.db, "--type", activity,
                "--start", "%sT10:00:00" % day, "--end", "%sT10:%02d:00" % (day, minutes))

    def streaks(self):
        return {s["activity_type"]: s for s in self.ok_json("streaks", "--database", self.db)["streaks"]}


class Streaks(TrainingTestCase):
    def test_no_sessions(self):
        self.assertEqual(self.ok_json("streaks", "--database", self.db)["streaks"], [])
        self.assertIn("no streak", self.ok("streaks", "--database", self.db))

    def test_current_and_longest(self):
        for days_ago in (6, 5, 4, 1):
            self.log("Running", days_ago)
        self.log("Weight Training", 0)
        streaks = self.streaks()
        self.assertEqual(set(streaks), {None, "Running", "Weight Training"})
        overall = streaks[None]
        self.assertIsNone(overall["activity_type_id"])
        self.assertEqual((overall["current_streak_days"], overall["longest_streak_days"]), (2, 3))
        self.assertEqual(overall["last_activity_date"], str(local_day(0)))
        # Running's last day was yesterday: still current.
        self.assertEqual((streaks["Running"]["current_streak_days"],
                          streaks["Running"]["longest_streak_days"]), (1, 3))

        out = self.ok("streaks", "--database", self.db)
        self.assertRegex(out, r"(?m)^All activities\s+2 days\s+3 days\s+%s$" % local_day(0))
        self.assertRegex(out, r"(?m)^Running\s+1 day\s+3 days\s+%s$" % local_day(1))

    def test_broken_streak_shows_zero(self):
        for days_ago in (5, 4):
            self.log("Running", days_ago)
        overall = self.streaks()[None]
        self.assertEqual((overall["current_streak_days"], overall["longest_streak_days"]), (0, 2))

    def test_other_user(self):
        self.ok("add-user", "--database", self.db, "--username", "sitter",
                "--email", "sitter@example.org")
        self.log("Running", 0)
        data = self.ok_json("streaks", "--database", self.db, "--user", "sitter")
        self.assertEqual(data["streaks"], [])


class Goals(TrainingTestCase):
    def add_goal(self, goal_type, title, **columns):
        columns.setdefault("start_date", str(local_day(14)))
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        self.sql("INSERT INTO user_goal (user_id, goal_type_id, title, %s)"
                 " SELECT 1, id, ?, %s FROM goal_type WHERE name = ?" % (names, marks),
                 title, *columns.values(), goal_type)
        return self.sql("SELECT max(id) FROM user_goal")[0][0]

    def unit(self, name):
        return self.sql("SELECT id FROM unit WHERE name = ?", name)[0][0]

    def goals(self):
        return {g["title"]: g for g in self.ok_json("goals", "--database", self.db)["goals"]}

    def test_no_goals(self):
        self.assertEqual(self.ok_json("goals", "--database", self.db)["goals"], [])
        self.assertIn("no goals", self.ok("goals", "--database", self.db))

    def test_progress_and_milestones(self):
        hours = self.add_goal("time_based", "Two hours", target_value=2,
                              target_unit_id=self.unit("hours"))
        self.sql("INSERT INTO goal_milestone (goal_id, title, target_value)"
                 " VALUES (?, 'First hour', 1), (?, 'Three hours', 3)", hours, hours)
        self.add_goal("habit", "Five days", target_value=5)
        self.add_goal("habit", "Paused", target_value=1, is_active=0)
        self.log("Running", 3, 45)
        self.log("Running", 2, 45)
        self.log("Weight Training", 2, 45)

        goals = self.goals()
        two_hours = goals["Two hours"]
        self.assertEqual(two_hours["goal_type"], "time_based")
        self.assertEqual(two_hours["unit_symbol"], "h")
        self.assertEqual(two_hours["current_value"], 2.25)
        self.assertTrue(two_hours["is_completed"])
        self.assertEqual(two_hours["progress"], 1.0)
        milestones = {m["title"]: m for m in two_hours["milestones"]}
        self.assertTrue(milestones["First hour"]["is_achieved"])
        self.assertFalse(milestones["Three hours"]["is_achieved"])
        self.assertIsNone(milestones["Three hours"]["achieved_at"])

        self.assertEqual(goals["Five days"]["current_value"], 2.0)
        self.assertFalse(goals["Five days"]["is_completed"])
        self.assertAlmostEqual(goals["Five days"]["progress"], 0.4)
        self.assertIsNone(goals["Paused"]["current_value"])

        out = self.ok("goals", "--database", self.db)
        self.assertRegex(out, r"(?m)^Two hours\s+time_based\s+2\.25 / 2 h\s+%s " % local_day(2))
        self.assertRegex(out, r"(?m)^  · First hour\s+milestone\s+1 h\s+%s " % local_day(2))
        self.assertRegex(out, r"(?m)^Five days\s+habit\s+2 / 5 days\s+–$")
        self.assertRegex(out, r"(?m)^Paused\s+habit\s+– / 1 days\s+paused$")

    def test_frequency_this_week(self):
        self.add_goal("frequency", "Run thrice", frequency_per_week=3,
                      activity_type_id=self.sql("SELECT id FROM activity_type"
                                                " WHERE name = 'Running'")[0][0])
        this_week = local_day(0).weekday() + 1   # days since Monday, plus one
        self.log("Running", 0)
        self.log("Running", this_week)            # last week's Sunday
        self.log("Weight Training", 0)
        goal = self.goals()["Run thrice"]
        self.assertEqual(goal["current_value"], 1.0)
        self.assertEqual(goal["unit_symbol"], "per week")
        self.assertAlmostEqual(goal["progress"], 1 / 3)

    def test_unknown_user(self):
        rc, out, err = run("goals", "--database", self.db, "--user", "nobody")
        self.assertEqual(rc, 1)
        self.assertIn("nobody", err)
        self.assertIn(self.db, err)


class Help(unittest.TestCase):
    def test_help(self):
        rc, out, err = run("--help")
        self.assertEqual(rc, 0)
        for command in ("streaks", "goals"):
            self.assertRegex(out, r"(?m)^  %s " % command)
            rc, sub, err = run(command, "--help")
            self.assertEqual(rc, 0)
            for option in ("--database", "--user", "--json"):
                self.assertIn(option, sub)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: %s PATH-TO-activity-tracker-cli [unittest options]" % sys.argv[0])
    CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
