#!/usr/bin/python3
"""The sessions suite: the Sessions page's rows, filters and search, templates,
delete with Ctrl+Z, and the Today page, on a database the CLI fills. Every
value shown is compared with what SQLite (or the CLI) says. See atspi_app.py.
"""

import datetime
import json
import math
import os
import shutil
import sqlite3
import subprocess
import sys
import zoneinfo

from atspi_app import *  # noqa: F401,F403

KEY_Z = 0x7a


def expect(what, app, root, check):
    """settle(), saying what it waited for."""
    try:
        return settle(app, root, check)
    except Failure:
        raise Failure('waiting for %s:\n%s' % (what, '\n'.join(dump(w) for w in app_windows(app) if w is not None)))


def cli():
    path = os.environ.get('AT_CLI', '')
    if not os.access(path, os.X_OK):
        raise Failure('AT_CLI does not name the activity-tracker-cli: %r' % path)
    return path


def run_cli(*args):
    return subprocess.run([cli()] + list(args), check=True, timeout=120,
                          stdout=subprocess.PIPE, text=True).stdout


def base_database(ctx):
    """A generated user, and two runs of theirs: one yesterday and one today
    (their timezone's), today's with a distance. Made once, copied per case."""
    path = os.path.join(ctx.home, 'base.db')
    if os.path.exists(path):
        return path
    run_cli('generate', '--database', path, '--users', '1', '--sessions-per-user', '200',
            '--seed', '1')
    zone, = query(path, 'SELECT timezone FROM app_user')[0]
    today = datetime.datetime.now(zoneinfo.ZoneInfo(zone or 'UTC')).date()
    for day, name in [(today - datetime.timedelta(days=1), 'Evening Jog'), (today, 'Sunrise Run')]:
        run_cli('add-session', '--database', path, '--type', 'Running', '--name', name,
                '--start', '%sT00:05:00' % day, '--end', '%sT00:40:00' % day)
    db = sqlite3.connect(path)
    with db:
        db.execute("INSERT INTO activity_metric (session_id, metric_name, metric_value_numeric, unit_id)"
                   " SELECT s.id, 'distance', 5.25, u.id FROM activity_session s, unit u"
                   " WHERE s.session_name = 'Sunrise Run' AND u.symbol = 'km'")
    db.close()
    return path


def copy_database(ctx, name):
    path = os.path.join(ctx.home, name)
    shutil.copy(base_database(ctx), path)
    return path


def duration_text(minutes):
    if minutes < 60:
        return '%d min' % max(minutes, 0)
    return '%d h %02d min' % (minutes // 60, minutes % 60)


def decimal_text(value):
    text = '%.2f' % value
    return text.rstrip('0').rstrip('.') if '.' in text else text


def expected_rows(path, where='1', args=()):
    """The live sessions a filter lets through, newest first, each as
    (id, the row's accessible name, its day heading, whether it is a PR)."""
    db = sqlite3.connect(path)
    try:
        weight_factor, weight_unit, distance_factor, distance_unit = db.execute(
            "SELECT coalesce(w.conversion_factor, 1), coalesce(w.symbol, 'kg'),"
            "  coalesce(d.conversion_factor, 1000), coalesce(d.symbol, 'km')"
            " FROM app_user a LEFT JOIN unit w ON w.id = a.weight_unit_id"
            " LEFT JOIN unit d ON d.id = a.distance_unit_id").fetchone()
        rows = db.execute(
            "SELECT s.id, s.session_name, t.name, s.local_date, s.started_at + s.utc_offset_seconds,"
            "  s.duration_minutes, s.total_volume, s.is_personal_record,"
            "  (SELECT m.metric_value_numeric * coalesce(u.conversion_factor, ?)"
            "   FROM activity_metric m LEFT JOIN unit u ON u.id = m.unit_id"
            "   WHERE m.session_id = s.id AND m.metric_name = 'distance'"
            "     AND m.metric_value_numeric IS NOT NULL ORDER BY m.id LIMIT 1)"
            " FROM activity_session s JOIN activity_type t ON t.id = s.activity_type_id"
            " WHERE s.deleted_at IS NULL AND s.is_template = 0 AND (%s)"
            " ORDER BY s.started_at DESC, s.id DESC" % where,
            (distance_factor,) + tuple(args)).fetchall()
    finally:
        db.close()

    result = []
    previous_day = None
    for (sid, name, type_name, local_date, local_start, minutes, volume, record,
         distance) in rows:
        title = name or type_name
        day = datetime.date.fromisoformat(local_date)
        start = datetime.datetime.fromtimestamp(local_start, datetime.timezone.utc)
        duration = duration_text(minutes) if minutes is not None else None
        if volume is not None and volume > 0:
            headline = '%.0f %s' % (math.floor(volume / weight_factor + 0.5), weight_unit)
        elif distance is not None:
            headline = '%s %s' % (decimal_text(distance / distance_factor), distance_unit)
        else:
            headline = duration
        parts = [title]
        if type_name != title:
            parts.append(type_name)
        parts += [day.strftime('%a, %-d %b %Y'), start.strftime('%H:%M')]
        if duration:
            parts.append(duration)
        if headline and headline != duration:
            parts.append(headline)
        if record:
            parts.append('personal record')
        heading = day.strftime('%A, %-d %B %Y') if local_date != previous_day else None
        previous_day = local_date
        result.append((sid, ', '.join(parts), heading, bool(record)))
    return result


def shown_rows(listed):
    """The rows the list shows, in order: (name, heading or None, PR badge)."""
    rows = []
    for i in range(listed.childCount):
        item = listed.getChildAtIndex(i)
        panel = next((c for c in children(item) if c.getRoleName() == 'panel' and c.name), None) \
            if item is not None else None
        if panel is None:
            continue
        labels = [a.name for a in walk(panel) if a.getRoleName() == 'label']
        heading = labels[0] if labels and ',' in labels[0] and labels[0][0].isalpha() \
            and labels[0].split(',')[0] in DAY_NAMES else None
        rows.append((panel.name, heading, 'PR' in labels))
    return rows


DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']


def check_rows(listed, expected, what, complete=False):
    """The rows shown are the first of expected, in order, with their day
    headings and PR badges; all of them when complete."""
    shown = shown_rows(listed)
    if not shown and expected:
        raise Failure('%s: no rows shown:\n%s' % (what, dump(listed)))
    for i, (name, heading, badge) in enumerate(shown):
        if i >= len(expected):
            raise Failure('%s: row %d “%s” beyond the %d expected' % (what, i, name, len(expected)))
        _, want_name, want_heading, want_badge = expected[i]
        if name != want_name:
            raise Failure('%s: row %d is “%s”, SQLite says “%s”' % (what, i, name, want_name))
        if heading != want_heading:
            raise Failure('%s: row %d has the heading %r, not %r' % (what, i, heading, want_heading))
        if badge != want_badge:
            raise Failure('%s: row %d %s a PR badge' % (what, i, 'has' if badge else 'lacks'))
    if complete and len(shown) != len(expected):
        raise Failure('%s: %d rows shown, SQLite has %d:\n%s'
                      % (what, len(shown), len(expected), '\n'.join(r[0] for r in shown)))
    return shown


def wait_rows(app, listed, expected, what, complete=False):
    last = [None]

    def matches():
        app.check_alive()
        try:
            return check_rows(listed, expected, what, complete)
        except Failure as e:
            last[0] = e
            return None
    try:
        return poll(what, matches, timeout=15)
    except Failure:
        raise last[0] or Failure(what)


def sessions_list(app, frame, name='Sessions'):
    return expect('the list “%s”' % name, app, frame, lambda f: find_named(f, 'list', name))


def type_menu_button(app, frame):
    """The activity filter's menu button (GTK 4.8's is a button in a button)."""
    outer = expect('the Activity Type button', app, frame, lambda f: find_named(f, 'push button', 'Activity Type')
                   or find_named(f, 'toggle button', 'Activity Type'))
    inner = [a for a in walk(outer) if a.getRoleName() in ('push button', 'toggle button')
             and a.queryAction().nActions > 0]
    if not inner:
        raise Failure('the Activity Type button cannot be clicked:\n' + dump(outer))
    return inner[-1]


def click_menu_item(app, name):
    item = expect('the menu item “%s”' % name, app, None, lambda _: next(
        (a for w in app_windows(app) for a in walk(w)
         if a.getRoleName() in ('menu item', 'radio menu item', 'check menu item')
         and (a.name or '').replace('_', '') == name), None))
    click(item)


def click_row_menu(app, frame, title, item):
    buttons = [a for a in walk(frame) if a.name == 'Actions for ' + title
               and a.getRoleName() in ('push button', 'toggle button')
               and a.queryAction().nActions > 0]
    if not buttons:
        raise Failure('no menu for “%s”:\n%s' % (title, dump(frame)))
    click(buttons[-1])
    click_menu_item(app, item)


def case_rows_filters_search(ctx):
    """The rows hold the values of the database, day headings over each day's
    first session and PR badges where is_personal_record; the activity and
    date filters and the search show exactly the matching sessions."""
    path = copy_database(ctx, 'rows.db')
    app = ctx.start('rows.db')
    try:
        frame = app.frame()
        settle(app, frame, lambda f: find_named(f, 'list', 'Pages'))
        select_page(frame, 'Sessions')
        listed = sessions_list(app, frame)
        everything = expected_rows(path)
        shown = wait_rows(app, listed, everything, 'the newest sessions')
        tap('# %d rows shown, the first: %s' % (len(shown), shown[0][0]))
        if len(shown) < 5:
            raise Failure('only %d rows shown' % len(shown))
        if not any(' kg' in r[0] or ' lb' in r[0] for r in shown) or \
                not any(' km' in r[0] or ' mi' in r[0] for r in shown):
            raise Failure('the first rows lack a volume or a distance: %r' % [r[0] for r in shown])
        ctx.shot('sessions')

        # The day of the newest personal record: every session of that day,
        # the badge on the record's row.
        record_day, = query(path, 'SELECT local_date FROM activity_session WHERE is_personal_record = 1'
                                  ' AND deleted_at IS NULL AND is_template = 0'
                                  ' ORDER BY started_at DESC LIMIT 1')[0]
        set_text(find(frame, 'text', lambda n: n == 'From Date'), record_day)
        set_text(find(frame, 'text', lambda n: n == 'To Date'), record_day)
        that_day = expected_rows(path, 's.local_date = ?', (record_day,))
        wait_rows(app, listed, that_day, 'the day %s' % record_day, complete=True)
        if not any(r[3] for r in that_day):
            raise Failure('SQLite has no record on %s' % record_day)
        set_text(find(frame, 'text', lambda n: n == 'From Date'), '')
        set_text(find(frame, 'text', lambda n: n == 'To Date'), '')
        wait_rows(app, listed, everything, 'the dates cleared')

        # One activity: the menu's radio item.
        button = type_menu_button(app, frame)
        click(button)
        click_menu_item(app, 'Running')
        running = expected_rows(path, "t.name = 'Running'")
        wait_rows(app, listed, running, 'Running only')

        # And a date range holding a few of them: all are shown.
        # From the 8th newest run's day to the 3rd's.
        day_of = 'SELECT local_date FROM activity_session WHERE id = ?'
        first_day, = query(path, day_of, running[min(7, len(running) - 1)][0])[0]
        last_day, = query(path, day_of, running[min(2, len(running) - 1)][0])[0]
        set_text(find(frame, 'text', lambda n: n == 'From Date'), first_day)
        set_text(find(frame, 'text', lambda n: n == 'To Date'), last_day)
        ranged = expected_rows(path, "t.name = 'Running' AND s.local_date BETWEEN ? AND ?",
                               (first_day, last_day))
        tap('# Running from %s to %s: %d sessions' % (first_day, last_day, len(ranged)))
        if not 2 <= len(ranged) <= 8:
            raise Failure('the range holds %d sessions; the test wants 2 to 8' % len(ranged))
        wait_rows(app, listed, ranged, 'Running in the range', complete=True)
        ctx.shot('sessions-filtered')

        # A bad date: the field's message, and the rows stay.
        set_text(find(frame, 'text', lambda n: n == 'To Date'), '2024-02-30')
        message = 'To: “2024-02-30” is not a date like 2024-05-14.'
        try:
            settle(app, frame, lambda f: find_label(f, lambda n: n == message))
        except Failure:
            raise Failure('no message “%s”:\n%s' % (message, dump(frame)))
        check_rows(listed, ranged, 'after a bad date', complete=True)

        # Every activity again, the same range.
        set_text(find(frame, 'text', lambda n: n == 'To Date'), last_day)
        click(button)
        click_menu_item(app, 'All Activities')
        all_ranged = expected_rows(path, 's.local_date BETWEEN ? AND ?', (first_day, last_day))
        wait_rows(app, listed, all_ranged, 'every activity in the range')
        clear = find(frame, 'push button', lambda n: n == 'Clear Filters')
        click(clear)
        wait_rows(app, listed, everything, 'the filters cleared')

        # Search by a prefix: the CLI's search, newest first.
        # A word of a generated name, by its first four letters.
        words = [w for r in query(path, "SELECT session_name FROM activity_session"
                                        " WHERE session_name IS NOT NULL"
                                        " AND session_name NOT IN ('Sunrise Run', 'Evening Jog')"
                                        " ORDER BY id DESC LIMIT 20")
                 for w in r[0].split() if len(w) >= 6]
        def search(prefix):
            return [r['id'] for r in json.loads(run_cli(
                'search', '--database', path, '--json', '--newest', '--limit', '1000',
                prefix))['sessions']]
        # One that finds a few sessions.
        prefix, ids = next(((p, i) for p, i in ((w[:4], search(w[:4])) for w in words)
                            if 2 <= len(i) <= 10), (None, []))
        if prefix is None:
            raise Failure('no prefix among %r finds 2 to 10 sessions' % words)
        tap('# searching “%s”: %d sessions' % (prefix, len(ids)))
        entry = find(frame, 'text', lambda n: n.startswith('Search Sessions')) or \
            find(frame, 'entry', lambda n: n.startswith('Search Sessions'))
        set_text(entry, prefix)
        results = sessions_list(app, frame, 'Search Results')
        by_id = {r[0]: r for r in everything}
        wait_rows(app, results, [by_id[i] for i in ids], 'the search “%s”' % prefix,
                  complete=True)
        ctx.shot('sessions-search')
    finally:
        app.stop()


def case_delete_and_undo(ctx):
    """Delete through the row's menu, Ctrl+Z brings it back; the Delete key
    on a selected row, Ctrl+Z again; each checked in the file."""
    path = copy_database(ctx, 'delete.db')
    app = ctx.start('delete.db')
    try:
        frame = app.frame()
        settle(app, frame, lambda f: find_named(f, 'list', 'Pages'))
        select_page(frame, 'Sessions')
        listed = sessions_list(app, frame)
        everything = expected_rows(path)
        wait_rows(app, listed, everything, 'the newest sessions')

        def deleted_at(session_id):
            return query(path, 'SELECT deleted_at FROM activity_session WHERE id = ?',
                         session_id)[0][0]

        newest_id = everything[0][0]
        title = everything[0][1].split(', ')[0]
        click_row_menu(app, frame, title, 'Delete')
        poll('the newest session deleted', lambda: deleted_at(newest_id) is not None, timeout=10)
        wait_toast(app, frame, '“%s” deleted' % title)
        wait_rows(app, listed, expected_rows(path), 'the list without it')
        key(KEY_Z, CONTROL_MASK)
        poll('Ctrl+Z to bring it back', lambda: deleted_at(newest_id) is None, timeout=10)
        wait_rows(app, listed, everything, 'the list with it again')

        # The second row, selected by a click, and the Delete key.
        second_id = everything[1][0]
        item = listed.getChildAtIndex(1)
        r = item.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        pyatspi.Registry.generateMouseEvent(r.x + r.width // 3, r.y + r.height - 8, 'b1c')
        settle(app, frame, lambda f: (lambda b: b is not None and b.getState().contains(
            pyatspi.STATE_SENSITIVE) and b)(find_named(f, 'push button', 'Delete Session')))
        key(KEY_DELETE)
        poll('the second session deleted', lambda: deleted_at(second_id) is not None, timeout=10)
        if deleted_at(newest_id) is not None:
            raise Failure('the Delete key deleted the newest session too')
        second_title = everything[1][1].split(', ')[0]
        wait_toast(app, frame, '“%s” deleted' % second_title)
        key(KEY_Z, CONTROL_MASK)
        poll('Ctrl+Z to bring the second back', lambda: deleted_at(second_id) is None, timeout=10)
        # Once only: nothing left to undo.
        key(KEY_Z, CONTROL_MASK)
        wait_rows(app, listed, everything, 'every session back')
    finally:
        app.stop()


def case_template(ctx):
    """Save as Template from a strength session's menu, asking for a name;
    the template is in the file with the session's exercises and sets; the
    Today page offers it, and starting it opens the editor, whose save makes
    a session from the template."""
    path = copy_database(ctx, 'template.db')
    source_id, source_name = query(
        path, "SELECT s.id, s.session_name FROM activity_session s"
              " JOIN activity_type t ON t.id = s.activity_type_id"
              " WHERE t.name = 'Weight Training' AND s.deleted_at IS NULL"
              " AND EXISTS (SELECT 1 FROM activity_exercise e WHERE e.session_id = s.id)"
              " ORDER BY s.started_at DESC LIMIT 1")[0]
    plan = 'SELECT count(DISTINCT e.id), count(x.id) FROM activity_exercise e' \
           ' LEFT JOIN exercise_set x ON x.exercise_id = e.id WHERE e.session_id = ?'
    source_plan = query(path, plan, source_id)[0]
    app = ctx.start('template.db')
    try:
        frame = app.frame()
        settle(app, frame, lambda f: find_named(f, 'list', 'Pages'))
        select_page(frame, 'Sessions')
        listed = sessions_list(app, frame)
        wait_rows(app, listed, expected_rows(path), 'the newest sessions')
        click(type_menu_button(app, frame))
        click_menu_item(app, 'Weight Training')
        wait_rows(app, listed, expected_rows(path, "t.name = 'Weight Training'"), 'Weight Training')
        click_row_menu(app, frame, source_name, 'Save as Template…')
        entry = expect('the Template Name entry', app, None,
                       lambda _: in_windows(app, 'text', lambda n: n == 'Template Name')
                       or in_windows(app, 'entry', lambda n: n == 'Template Name'))
        set_text(entry, 'Heavy Day')
        click(expect('the dialog\'s Save', app, None,
                     # libadwaita 1.2 names a response “_Save Save”
                     lambda _: in_windows(app, 'push button',
                                          lambda n: 'Save' in n.replace('_', '').split())))
        wait_toast(app, frame, 'Template “Heavy Day” saved')
        rows = query(path, "SELECT id, is_template, activity_type_id FROM activity_session"
                           " WHERE template_name = 'Heavy Day'")
        source_type, = query(path, 'SELECT activity_type_id FROM activity_session WHERE id = ?',
                             source_id)[0]
        if len(rows) != 1 or rows[0][1] != 1 or rows[0][2] != source_type:
            raise Failure('the template in the file: %r' % rows)
        template_id = rows[0][0]
        if query(path, plan, template_id)[0] != source_plan:
            raise Failure('the template has %r exercises and sets, the session %r'
                          % (query(path, plan, template_id)[0], source_plan))

        select_page(frame, 'Today')
        start = expect('the Start Heavy Day button', app, frame,
                       lambda f: find(f, 'push button', lambda n: n == 'Start Heavy Day'))
        ctx.shot('today-template')
        click(start)
        editor = expect('the editor', app, None, lambda _: find_window(app, 'New Session'))
        click(editor_field(app, editor, 'push button', 'Save'))
        # The editor makes a new session of the template's plan, linked to
        # the template by parent_session_id.
        poll('a new session', lambda: query(
            path, 'SELECT count(*) FROM activity_session WHERE id > ? AND is_template = 0',
            template_id)[0][0] == 1, timeout=15)
        made, made_type = query(path, 'SELECT id, activity_type_id FROM activity_session'
                                      ' WHERE id > ? AND is_template = 0', template_id)[0]
        if made_type != source_type or query(path, plan, made)[0] != source_plan:
            raise Failure('the session from the template is of type %r with %r exercises and sets,'
                          ' not %r with %r' % (made_type, query(path, plan, made)[0], source_type,
                                               source_plan))
        parent, = query(path, 'SELECT parent_session_id FROM activity_session WHERE id = ?', made)[0]
        if parent != template_id:
            raise Failure('the session from the template has parent_session_id %r, not the'
                          ' template %r' % (parent, template_id))
    finally:
        app.stop()


def case_today(ctx):
    """The Today page: today's session with its distance, as many sessions
    as the file has for today, the streak the CLI reports, and quick starts."""
    path = copy_database(ctx, 'today.db')
    zone, = query(path, 'SELECT timezone FROM app_user')[0]
    today = datetime.datetime.now(zoneinfo.ZoneInfo(zone or 'UTC')).date()
    count, = query(path, 'SELECT count(*) FROM activity_session WHERE local_date = ?'
                         ' AND deleted_at IS NULL AND is_template = 0', today.isoformat())[0]
    streaks = json.loads(run_cli('streaks', '--database', path, '--json'))['streaks']
    current = next(s['current_streak_days'] for s in streaks if s['activity_type_id'] is None)
    tap('# today %s: %d session(s), current streak %d' % (today, count, current))
    if count < 1 or current < 2:
        raise Failure('the database should have a session today and a streak of 2 or more')

    app = ctx.start('today.db')
    try:
        frame = app.frame()
        settle(app, frame, lambda f: find_named(f, 'list', 'Pages'))
        select_page(frame, 'Today')
        start = datetime.datetime.combine(today, datetime.time(0, 5)).strftime('%H:%M')
        want = ['Sunrise Run', 'Running · %s · 35 min' % start, '5.25 km']

        def today_row(f):
            return next((a for a in walk(f) if a.getRoleName() == 'list item'
                         and [b.name for b in walk(a) if b.getRoleName() == 'label'] == want), None)
        try:
            settle(app, frame, today_row)
        except Failure:
            raise Failure('no row with %r on the Today page:\n%s' % (want, dump(frame)))

        def suffix_of(title):
            rows = [a for a in walk(frame) if a.getRoleName() == 'label' and a.name == title]
            if not rows:
                return None
            parent = rows[0].parent
            while parent is not None and not [a for a in walk(parent) if a.getRoleName() == 'label'
                                              and a.name != title and a.name]:
                parent = parent.parent
            return [a.name for a in walk(parent) if a.getRoleName() == 'label'
                    and a.name != title and a.name]
        days = '%d days' % current
        poll('Sessions Today %d and Current Streak %s' % (count, days),
             lambda: str(count) in (suffix_of('Sessions Today') or [])
             and days in (suffix_of('Current Streak') or []), timeout=10)
        top, = query(path, "SELECT t.name FROM activity_session s JOIN activity_type t"
                           " ON t.id = s.activity_type_id WHERE s.deleted_at IS NULL"
                           " AND s.is_template = 0 AND s.started_at >= strftime('%s', 'now') - 365 * 86400"
                           " GROUP BY t.id ORDER BY count(*) DESC, t.name LIMIT 1")[0]
        quick_start = find(frame, 'push button', lambda n: n == 'Start ' + top)
        if quick_start is None:
            raise Failure('no quick start for %s, the most frequent activity:\n%s'
                          % (top, dump(frame)))
        offenders = unnamed_controls(frame)
        if offenders:
            raise Failure('controls without a name:\n' + '\n'.join(offenders))
        ctx.shot('today')

        # A quick start opens a new session of its activity, not a copy of
        # the last one: the activity chosen, the name empty. Weight Training
        # is the editor's own choice, so the test takes another one.
        frequent = [r[0] for r in query(
            path, "SELECT t.name FROM activity_session s JOIN activity_type t"
                  " ON t.id = s.activity_type_id WHERE s.deleted_at IS NULL"
                  " AND s.is_template = 0 AND s.started_at >= strftime('%s', 'now') - 365 * 86400"
                  " GROUP BY t.id ORDER BY count(*) DESC, t.name LIMIT 3")]
        top = next(n for n in frequent if n != 'Weight Training')
        tap('# quick start of %s' % top)
        quick_start = find(frame, 'push button', lambda n: n == 'Start ' + top)
        if quick_start is None:
            raise Failure('no quick start for %s:\n%s' % (top, dump(frame)))
        click(quick_start)
        editor = expect('the editor', app, None, lambda _: find_window(app, 'New Session'))
        combo = settle(app, editor, lambda f: find(f, 'combo box', lambda n: n.startswith('Activity')))
        poll('%s chosen in the editor' % top, lambda: find_label(combo, lambda n: n == top), timeout=5)
        name = editor_field(app, editor, 'text', 'Name')
        if name.queryText().characterCount != 0:
            raise Failure('the quick start filled in the name %r'
                          % name.queryText().getText(0, -1))
        ctx.shot('today-quick-start')
        key(KEY_ESCAPE)
        poll('Escape to close the editor', lambda: find_window(app, 'New Session') is None)
    finally:
        app.stop()


if __name__ == '__main__':
    # AT_ONLY=WORD runs the cases whose title holds WORD.
    only = os.environ.get('AT_ONLY')
    sys.exit(run([c for c in [
        ('rows, filters and search', case_rows_filters_search),
        ('delete and Ctrl+Z', case_delete_and_undo),
        ('save as template and start from it', case_template),
        ('today', case_today),
    ] if not only or only in c[0]]))
