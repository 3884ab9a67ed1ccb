#!/usr/bin/python3
"""The progress suite: the Progress and Body pages and an exercise's history,
on a database the CLI fills. See atspi_app.py.
"""

import os
import sqlite3
import subprocess

from atspi_app import *  # noqa: F401,F403


def case_progress_and_body(ctx):
    """On a generated database: the Progress page's totals match
    user_statistics, its charts describe themselves and the 1 Year range
    changes the description; a chart exports to PNG; the Body page logs a
    weight through its dialog."""
    cli = os.environ.get('AT_CLI', '')
    if not os.access(cli, os.X_OK):
        raise Failure('AT_CLI does not name the activity-tracker-cli: %r' % cli)
    path = os.path.join(ctx.home, 'generated.db')
    subprocess.run([cli, 'generate', '--database', path, '--users', '1',
                    '--sessions-per-user', '200', '--seed', '1'],
                   check=True, timeout=120, stdout=subprocess.DEVNULL)
    db = sqlite3.connect(path)
    total = db.execute('SELECT total_sessions FROM user_statistics').fetchone()[0]
    before = db.execute('SELECT count(*) FROM user_body_metric WHERE value = 82.5').fetchone()[0]
    db.close()

    app = ctx.start('generated.db')

    def wait(what, check, root=None):
        try:
            return settle(app, root, check)
        except Failure as e:
            raise Failure('%s: %s' % (what, e))
    try:
        frame = app.frame()
        wait('the sidebar', lambda f: find_named(f, 'list', 'Pages'), frame)
        select_page(frame, 'Progress')
        try:
            wait('the stat card', lambda f: next((a for a in walk(f)
                                                  if a.name == 'Sessions: %d' % total), None),
                 frame)
        except Failure:
            raise Failure('no stat card “Sessions: %d”:\n%s' % (total, dump(frame)))

        charts = {}
        for title, words in [('Sessions and hours per week', ['Sessions', 'Hours']),
                             ('Volume per week', ['Volume']),
                             ('Activity Calendar', ['min'])]:
            chart = wait('the chart “%s”' % title,
                         lambda f: find(f, 'image', lambda n: n == title), frame)
            text = description(chart)
            tap('# %s: %s' % (title, text))
            missing = [w for w in words if w.lower() not in text.lower()]
            if missing:
                raise Failure('the description of “%s” does not mention %s: %r'
                              % (title, missing, text))
            charts[title] = chart
        ctx.shot('progress')

        sessions_chart = charts['Sessions and hours per week']
        before_range = description(sessions_chart)
        year = [a for a in walk(frame) if a.name == '1 Year'
                and a.getRoleName() in ('toggle button', 'push button')]
        if not year:
            raise Failure('no “1 Year” range button:\n' + dump(frame))
        click(year[0])
        poll('a new description after “1 Year”',
             lambda: description(sessions_chart) not in ('', before_range), timeout=10)
        tap('# after 1 Year: %s' % description(sessions_chart))

        png = os.path.join(ctx.home, 'chart.png')
        gdbus_action('export-chart', "'%s'" % png)
        poll('the exported %s' % png, lambda: os.path.exists(png) and os.path.getsize(png) > 8,
             timeout=10)
        with open(png, 'rb') as f:
            if f.read(4) != b'\x89PNG':
                raise Failure('%s is no PNG' % png)

        select_page(frame, 'Body')
        wait('the weight chart', lambda f: find(f, 'image', lambda n: n == 'Weight'), frame)
        ctx.shot('body')
        log = wait('the Log Measurement button',
                   lambda f: find(f, 'push button', lambda n: n == 'Log Measurement'), frame)
        click(log)
        dialog = wait('the dialog', lambda _: find_window(app, 'Log Measurement'))
        spin = wait('the Value spin button',
                    lambda d: find(d, 'spin button', lambda n: n == 'Value'), dialog)
        offenders = unnamed_controls(dialog)
        if offenders:
            raise Failure('the dialog has controls without a name:\n' + '\n'.join(offenders))
        spin.queryValue().currentValue = 82.5
        poll('the value 82.5', lambda: abs(spin.queryValue().currentValue - 82.5) < 1e-6,
             timeout=5)
        click(find(dialog, 'push button', lambda n: n == 'Save'))

        def logged():
            db = sqlite3.connect(path)
            try:
                return db.execute('SELECT count(*) FROM user_body_metric WHERE value = 82.5'
                                  ).fetchone()[0] == before + 1
            finally:
                db.close()
        poll('a new user_body_metric row of 82.5', logged, timeout=10)
        poll('the dialog to close', lambda: find_window(app, 'Log Measurement') is None,
             timeout=10)
    finally:
        app.stop()


def case_exercise_history(ctx):
    """On a generated database: Progress → Exercise History, search for
    Squat and pick it; the 1RM chart names Squat, and the rep-max table's
    1-rep row shows the heaviest non-warm-up Squat set of the user's live
    sessions, in the user's weight unit, as SQLite works it out."""
    cli = os.environ.get('AT_CLI', '')
    if not os.access(cli, os.X_OK):
        raise Failure('AT_CLI does not name the activity-tracker-cli: %r' % cli)
    path = os.path.join(ctx.home, 'history.db')
    subprocess.run([cli, 'generate', '--database', path, '--users', '1',
                    '--sessions-per-user', '200', '--seed', '1'],
                   check=True, timeout=120, stdout=subprocess.DEVNULL)
    db = sqlite3.connect(path)
    user_id, = db.execute('SELECT id FROM app_user ORDER BY id LIMIT 1').fetchone()
    squat, = db.execute("SELECT id FROM activity_subtype WHERE name = 'Squat'").fetchone()
    best_kg, = db.execute(
        'SELECT max(coalesce(x.weight, 0) * coalesce(u.conversion_factor, 1))'
        ' FROM activity_exercise e'
        ' JOIN activity_session s ON s.id = e.session_id'
        ' JOIN exercise_set x ON x.exercise_id = e.id'
        ' LEFT JOIN unit u ON u.id = x.weight_unit_id'
        ' WHERE e.user_id = ? AND e.activity_subtype_id = ? AND s.user_id = ?'
        '   AND s.deleted_at IS NULL AND s.is_template = 0'
        '   AND x.is_warmup = 0 AND x.reps >= 1', (user_id, squat, user_id)).fetchone()
    unit = db.execute(
        "SELECT u.symbol, u.conversion_factor FROM app_user a"
        " JOIN unit u ON u.id = coalesce(a.weight_unit_id,"
        "   (SELECT id FROM unit WHERE symbol = 'kg'))"
        " WHERE a.id = ?", (user_id,)).fetchone()
    kg_factor, = db.execute("SELECT conversion_factor FROM unit WHERE symbol = 'kg'").fetchone()
    db.close()
    if not best_kg:
        raise Failure('the generated user has no Squat sets')
    expected = '%.1f %s' % (best_kg * kg_factor / unit[1], unit[0])
    tap('# the 1-rep max by SQLite: %s' % expected)

    app = ctx.start('history.db')

    def wait(what, check, root=None, timeout=TIMEOUT):
        try:
            return poll(what, lambda: app.check_alive() and check(root), timeout=timeout)
        except Failure:
            raise Failure('%s:\n%s' % (what, dump(root)))
    try:
        frame = app.frame()
        wait('the sidebar', lambda f: find_named(f, 'list', 'Pages'), frame)
        select_page(frame, 'Progress')
        button = wait('the Exercise History button',
                      lambda f: find(f, 'push button', lambda n: n == 'Exercise History'), frame)
        click(button)
        entry = wait('the Search Exercises entry',
                     lambda f: find(f, 'text', lambda n: n == 'Search Exercises')
                     or find(f, 'entry', lambda n: n == 'Search Exercises'), frame)
        # The most-done exercise shows first: its charts, before any search.
        wait('the first exercise\'s 1RM chart',
             lambda f: find(f, 'image', lambda n: n.endswith(': Estimated 1RM')), frame)
        set_text(entry, 'Squat')
        pick = wait('a “Squat” result', lambda f: find(f, 'push button', lambda n: n == 'Squat'),
                    frame)
        click(pick)
        chart = wait('the Squat 1RM chart',
                     lambda f: find(f, 'image', lambda n: n == 'Squat: Estimated 1RM'), frame)
        text = poll('its description', lambda: description(chart), timeout=10)
        tap('# Squat: Estimated 1RM: %s' % text)
        if 'squat' not in text.lower():
            raise Failure('the 1RM chart\'s description does not mention Squat: %r' % text)
        row = wait('the 1-rep row',
                   lambda f: find(f, 'list item', lambda n: n.startswith('1 rep: ')), frame)
        shown = row.name[len('1 rep: '):].split(',')[0]
        tap('# the 1-rep row: %s' % row.name)
        if shown != expected:
            raise Failure('the 1-rep max shows %r, SQLite says %r' % (shown, expected))
        offenders = unnamed_controls(frame)
        if offenders:
            raise Failure('the exercise history has controls without a name:\n'
                          + '\n'.join(offenders))
        ctx.shot('exercise-history')
    finally:
        app.stop()


if __name__ == '__main__':
    sys.exit(run([
        ('progress and body', case_progress_and_body),
        ('exercise history', case_exercise_history),
    ]))
