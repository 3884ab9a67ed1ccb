#!/usr/bin/python3
"""The progress suite: the Progress and Body pages, an exercise's history
with its sets table, and a metric's chart with keyboard zoom, on databases
the CLI fills. See atspi_app.py.
"""

import os
import sqlite3
import struct
import subprocess
import time

from atspi_app import *  # noqa: F401,F403

KEY_PLUS, KEY_HOME, KEY_LEFT, KEY_RETURN = 0x2b, 0xff50, 0xff51, 0xff0d


def generate(ctx, name):
    """A database of one generated user, filled by the CLI."""
    cli = os.environ.get('AT_CLI', '')
    if not os.access(cli, os.X_OK):
        raise Failure('AT_CLI does not name the activity-tracker-cli: %r' % cli)
    path = os.path.join(ctx.home, name)
    subprocess.run([cli, 'generate', '--database', path, '--users', '1',
                    '--sessions-per-user', '200', '--seed', '1'],
                   check=True, timeout=120, stdout=subprocess.DEVNULL)
    return path


def chart_value(value, unit):
    """A value as a chart's description writes it: up to two decimals."""
    text = ('%.2f' % value).rstrip('0').rstrip('.')
    return '%s %s' % (text, unit)


def png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n':
        raise Failure('%s is no PNG' % path)
    return struct.unpack('>II', head[16:24])


def case_progress_and_body(ctx):
    """On a generated database: the Progress page's totals match
    user_statistics, its charts describe themselves (the busiest activity
    type's bars too) and the 1 Year range changes the description; a chart
    exports to a PNG of its size on screen; the Body page logs a weight
    through its dialog and adds a measurement type of the user's own."""
    path = generate(ctx, 'generated.db')
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

        # The busiest types of the last 12 weeks, by SQLite, with a week of
        # margin each side: each has its bars, named in the description.
        recent = [r[0] for r in query(
            path, "SELECT t.name FROM activity_session s JOIN activity_type t"
            " ON t.id = s.activity_type_id WHERE s.deleted_at IS NULL AND s.is_template = 0"
            " AND s.duration_minutes > 0 AND s.started_at >= strftime('%s', 'now', '-91 days')"
            " GROUP BY t.id ORDER BY sum(s.duration_minutes) DESC LIMIT 1")]
        charts = {}
        for title, words in [('Sessions and hours per week', ['Sessions', 'Hours']),
                             ('Hours per week by activity', recent),
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
        poll('the exported %s' % png, lambda: os.path.exists(png) and os.path.getsize(png) > 24,
             timeout=10)
        # The chart as drawn on screen: the size of its drawing.
        extents = sessions_chart.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        size = png_size(png)
        tap('# exported %dx%d, the chart is %dx%d' % (size + (extents.width, extents.height)))
        if size != (extents.width, extents.height):
            raise Failure('the exported PNG is %dx%d, the chart %dx%d'
                          % (size + (extents.width, extents.height)))

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

        # A measurement type of one's own: named in a dialog, in the catalogue.
        click(wait('the New Measurement Type button',
                   lambda f: find(f, 'push button', lambda n: n == 'New Measurement Type'), frame))
        name = wait('the new type\'s Name entry',
                    lambda _: in_windows(app, 'text', lambda n: n == 'Name'))
        set_text(name, 'Left Calf')
        # libadwaita 1.2 names a response button by its label twice: "_Add Add".
        click(wait('the Add button',
                   lambda _: in_windows(app, 'push button', lambda n: n.split()[-1] == 'Add')))
        poll('a body_metric_type “left_calf” in cm',
             lambda: query(path, "SELECT count(*) FROM body_metric_type b JOIN unit u"
                           " ON u.id = b.default_unit_id WHERE b.name = 'left_calf'"
                           " AND u.symbol = 'cm'")[0][0] == 1, timeout=10)
        wait('the Left calf chart', lambda f: find(f, 'image', lambda n: n == 'Left calf'), frame)
    finally:
        app.stop()


def case_exercise_history(ctx):
    """On a generated database: Progress → Exercise History, search for
    Squat and pick it; the 1RM chart names Squat, and the rep-max table's
    1-rep row shows the heaviest non-warm-up Squat set of the user's live
    sessions, in the user's weight unit, as SQLite works it out; the sets
    table lists every set as SQLite has it, a page of sessions at a time."""
    path = generate(ctx, 'history.db')
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
        check_sets(app, frame, path, user_id, squat, unit, kg_factor)
        offenders = unnamed_controls(frame)
        if offenders:
            raise Failure('the exercise history has controls without a name:\n'
                          + '\n'.join(offenders))
        ctx.shot('exercise-history')
    finally:
        app.stop()


def expected_sets(path, user_id, squat, unit, kg_factor):
    """Every Squat set as the table names it, newest session first, each
    with its session."""
    rows = query(path,
                 'SELECT s.id, s.started_at, x.set_number, x.weight * coalesce(u.conversion_factor, 1),'
                 '   x.reps, x.rpe, x.is_warmup'
                 ' FROM activity_exercise e JOIN activity_session s ON s.id = e.session_id'
                 ' JOIN exercise_set x ON x.exercise_id = e.id'
                 ' LEFT JOIN unit u ON u.id = x.weight_unit_id'
                 ' WHERE e.user_id = ? AND e.activity_subtype_id = ? AND s.deleted_at IS NULL'
                 '   AND s.is_template = 0'
                 ' ORDER BY s.started_at DESC, s.id DESC, e.exercise_order, x.set_number',
                 user_id, squat)
    symbol, factor = unit
    sets = []
    for session, started, number, kg, reps, rpe, warmup in rows:
        date = time.strftime('%d %b %Y', time.gmtime(started)).lstrip('0')
        weight = '%.1f %s' % (kg * kg_factor / factor, symbol) if kg is not None else '—'
        sets.append((session, '%s, set %d: %s × %s, RPE %s%s'
                     % (date, number, weight, reps or '—', rpe or '—',
                        ', warm-up' if warmup else '')))
    return sets


def check_sets(app, frame, path, user_id, squat, unit, kg_factor):
    """The sets table lists the newest 20 sessions' sets as SQLite has them;
    Show Older Sets adds the next 20 sessions'."""
    sets = expected_sets(path, user_id, squat, unit, kg_factor)
    sessions = list(dict.fromkeys(session for session, _ in sets))
    if len(sessions) <= 20:
        raise Failure('the generated user has only %d Squat sessions, too few to page'
                      % len(sessions))

    def page(n_sessions):
        return [name for session, name in sets if session in sessions[:n_sessions]]

    def shown():
        table = find_named(frame, 'list', 'Sets')
        return table and [c.name for c in children(table) if c.getRoleName() == 'list item']

    def compare(rows, want):
        if rows[0] != 'Columns: date, set, weight, reps, RPE, warm-up':
            raise Failure('the sets table has no heading row: %r' % rows[0])
        for i, (got, expected) in enumerate(zip(rows[1:] + [None] * len(want), want)):
            if got != expected:
                raise Failure('row %d of the sets table is %r, SQLite says %r (%d rows, %d expected)'
                              % (i + 1, got, expected, len(rows) - 1, len(want)))
        if len(rows) - 1 != len(want):
            raise Failure('the sets table has %d rows, SQLite %d' % (len(rows) - 1, len(want)))

    first = page(20)
    rows = settle(app, frame, lambda f: (lambda r: r and len(r) > len(first) and r)(shown()))
    tap('# the sets table: %d rows, the first %r' % (len(rows) - 1, rows[1]))
    compare(rows, first)

    more = find(frame, 'push button', lambda n: n == 'Show Older Sets')
    if more is None:
        raise Failure('no Show Older Sets button after a full page:\n' + dump(frame))
    click(more)
    second = page(40)
    rows = settle(app, frame, lambda f: (lambda r: r and len(r) > len(second) and r)(shown()))
    tap('# after Show Older Sets: %d rows' % (len(rows) - 1))
    compare(rows, second)


def case_metric(ctx):
    """On a generated database: the Progress page's Metrics chart of
    Running's distance names the metric and its lowest and highest values as
    SQLite has them; the keyboard zooms it (+), and the description's range
    narrows, Home shows all again, Ctrl+Left reads out the latest run
    with its session's name, and Enter opens that session in the editor."""
    path = generate(ctx, 'metric.db')
    user_id, = query(path, 'SELECT id FROM app_user ORDER BY id LIMIT 1')[0]
    runs = query(path,
                 "SELECT m.metric_value_numeric, u.symbol, s.started_at,"
                 "   coalesce(nullif(s.session_name, ''), t.name)"
                 " FROM activity_session s JOIN activity_type t ON t.id = s.activity_type_id"
                 " JOIN activity_metric m ON m.session_id = s.id AND m.metric_name = 'distance'"
                 " JOIN unit u ON u.id = m.unit_id"
                 " WHERE s.user_id = ? AND t.name = 'Running' AND s.deleted_at IS NULL"
                 "   AND s.is_template = 0 AND m.metric_value_numeric IS NOT NULL"
                 " ORDER BY s.started_at, s.id", user_id)
    if len(runs) < 3 or len({r[1] for r in runs}) != 1:
        raise Failure('the generated runs are too few or in several units: %r' % runs[:5])
    unit = runs[0][1]
    lowest = chart_value(min(r[0] for r in runs), unit)
    highest = chart_value(max(r[0] for r in runs), unit)
    tap('# Running distance by SQLite: lowest %s, highest %s' % (lowest, highest))

    app = ctx.start('metric.db')
    try:
        frame = app.frame()
        settle(app, frame, lambda f: find_named(f, 'list', 'Pages'))
        select_page(frame, 'Progress')
        settle(app, frame, lambda f: find(f, 'combo box', lambda n: n.startswith('Metric')))
        # GTK 4.8's combo rows cannot be driven over AT-SPI: the page's own
        # action picks, as the drop-downs do, and focuses the chart.
        gdbus_action('show-metric', "'Running:distance'")
        chart = settle(app, frame, lambda f: find(f, 'image', lambda n: n == 'Running: Distance'))
        for row, value in [('Activity', 'Running'), ('Metric', 'Distance')]:
            combo = find(frame, 'combo box', lambda n: n.startswith(row))
            if combo is None or find_label(combo, lambda n: n == value) is None:
                raise Failure('the %s drop-down does not show %s:\n%s' % (row, value, dump(combo)))
        text = poll('its description', lambda: description(chart), timeout=10)
        tap('# %s' % text)
        for word in ['Distance', 'lowest ' + lowest, 'highest ' + highest, 'Showing all data']:
            if word not in text:
                raise Failure('the description does not say %r: %r' % (word, text))
        ctx.shot('metric')

        poll('the chart focused', lambda: (lambda a: a is not None and a.name == chart.name)(
            focused(frame)), timeout=5)
        key(KEY_PLUS)
        zoomed = poll('a zoomed description', lambda: (lambda d: d.startswith('Showing ')
                      and not d.startswith('Showing all') and d)(description(chart)), timeout=5)
        key(KEY_PLUS)
        closer = poll('a closer description', lambda: (lambda d: d != zoomed and d)(description(chart)),
                      timeout=5)
        tap('# zoomed: %s | %s' % (zoomed.split('.')[0], closer.split('.')[0]))
        if zoomed.split('.')[0] == closer.split('.')[0]:
            raise Failure('zooming in twice did not change the range: %r' % closer)
        key(KEY_HOME)
        poll('all the data again', lambda: description(chart).startswith('Showing all data'),
             timeout=5)

        key(KEY_LEFT, CONTROL_MASK)
        last = runs[-1]
        date = time.strftime('%d %b %Y', time.gmtime(last[2])).lstrip('0')
        selected = 'Selected: Distance: %s on %s, %s.' % (chart_value(last[0], unit), date, last[3])
        poll('the latest run selected: %s' % selected, lambda: selected in description(chart),
             timeout=5)

        # Enter opens the selected point's session in the editor.
        key(KEY_RETURN)
        editor = settle(app, None, lambda _: find_window(app, 'Edit Session'))
        name = settle(app, editor, lambda f: find(f, 'text', lambda n: n.startswith('Name')))
        text = name.queryText()
        shown = text.getText(0, text.characterCount)
        if shown != last[3]:
            raise Failure('Enter on the latest run opened %r, not %r' % (shown, last[3]))
        tap('# Enter opened the editor of %r' % shown)
    finally:
        app.stop()


if __name__ == '__main__':
    sys.exit(run([
        ('progress and body', case_progress_and_body),
        ('exercise history', case_exercise_history),
        ('metric', case_metric),
    ]))
