#!/usr/bin/python3
"""The app suite: the window, first run, navigation, accessible names,
preferences, a bad file, About and Quit, on the real activity-tracker read
through AT-SPI. See atspi_app.py for how it runs.
"""

import os
import sqlite3
import subprocess
import time

from atspi_app import *  # noqa: F401,F403


def case_empty(ctx):
    app = ctx.start('empty.db')
    try:
        frame = app.frame()
        settle(app, frame, lambda f: find_label(f, lambda n: n == 'Welcome to Activity Tracker'))
        ctx.shot('empty')
        menu = find_named(frame, 'toggle button', 'Main Menu') or \
            find_named(frame, 'push button', 'Main Menu') or \
            find_named(frame, 'panel', 'Main Menu') or \
            find_named(frame, 'menu', 'Main Menu')
        if menu is None:
            raise Failure('no control named “Main Menu”:\n' + dump(frame))
    finally:
        app.stop()


def case_first_run(ctx):
    """The welcome page creates the profile; a bad e-mail creates nothing."""
    path = os.path.join(ctx.home, 'first-run.db')
    app = ctx.start('first-run.db')
    try:
        frame = app.frame()
        settle(app, frame, lambda f: find_label(f, lambda n: n == 'Welcome to Activity Tracker'))
        username = find(frame, 'text', lambda n: n.startswith('User Name'))
        email = find(frame, 'text', lambda n: n.startswith('E-mail'))
        timezone = find(frame, 'text', lambda n: n.startswith('Timezone'))
        create = find(frame, 'push button', lambda n: 'Create Profile' in n)
        if None in (username, email, timezone, create):
            raise Failure('the welcome page misses a field:\n' + dump(frame))
        text = timezone.queryText()
        zone = text.getText(0, text.characterCount)
        if zone != 'UTC':
            raise Failure('the timezone is prefilled with %r, not the local UTC' % zone)

        set_text(username, 'runner')
        set_text(email, 'not-an-address')
        click(create)
        try:
            settle(app, frame, lambda f: find_label(f, lambda n: 'is not an e-mail address' in n))
        except Failure:
            raise Failure('a bad e-mail shows no error:\n' + dump(frame))
        db = sqlite3.connect(path)
        count = db.execute('SELECT count(*) FROM app_user').fetchone()[0]
        db.close()
        if count != 0:
            raise Failure('a bad e-mail still created %d user(s)' % count)
        ctx.shot('first-run-error')

        set_text(email, 'runner@example.org')
        click(create)
        settle(app, frame, lambda f: find_named(f, 'list', 'Pages')
               and find_label(f, lambda n: n == 'Sessions Today'))
        if find_label(frame, lambda n: n == 'Welcome to Activity Tracker') is not None:
            raise Failure('the welcome page stays beside the main view')
        ctx.shot('first-run-created')
    finally:
        app.stop()

    db = sqlite3.connect(path)
    rows = db.execute('SELECT u.username, u.email, u.timezone, u.measurement_preference, '
                      'w.name, d.name FROM app_user u '
                      'JOIN unit w ON w.id = u.weight_unit_id '
                      'JOIN unit d ON d.id = u.distance_unit_id').fetchall()
    db.close()
    expected = [('runner', 'runner@example.org', 'UTC', 'metric', 'kilograms', 'kilometers')]
    if rows != expected:
        raise Failure('app_user holds %r, not %r' % (rows, expected))


def case_populated(ctx):
    # The file the empty case created, now with data in it.
    path = os.path.join(ctx.home, 'empty.db')
    if not os.path.exists(path):
        raise Failure('the empty case did not create %s' % path)
    type_name = populate(path)
    app = ctx.start('empty.db')
    try:
        frame = app.frame()
        settle(app, frame, lambda f: find_named(f, 'list', 'Pages'))
        select_page(frame, 'Sessions')
        sessions = settle(app, frame, lambda f: find_named(f, 'list', 'Sessions'))
        expected = ['Morning Run', 'Evening Yoga', type_name, '45 min', '1 h 05 min',
                    'Tue, 14 May 2024']

        def all_shown(_):
            shown = names(sessions)
            return all(any(e in n for n in shown) for e in expected)
        try:
            poll('rows showing %s' % expected, lambda: all_shown(None), timeout=10)
        except Failure:
            raise Failure('the list misses rows; it holds:\n' + dump(sessions))
        tap(dump(sessions))
        if find_label(frame, lambda n: n == 'No Sessions Yet') is not None:
            raise Failure('the empty page is shown beside the list')
        time.sleep(0.2)
        ctx.shot('populated')
    finally:
        app.stop()


def case_navigation(ctx):
    """Each sidebar row shows its page; Ctrl+F searches the sessions."""
    app = ctx.start('empty.db')
    try:
        frame = app.frame()
        settle(app, frame, lambda f: find_named(f, 'list', 'Pages'))
        for title, text in PAGES:
            select_page(frame, title)
            try:
                settle(app, frame, lambda f: find_label(f, lambda n: n == text)
                       and find_label(f, lambda n: n == title))
            except Failure:
                raise Failure('the %s page does not show “%s”:\n%s' % (title, text, dump(frame)))
            for other_title, other_text in PAGES:
                if other_title != title and find_label(frame, lambda n: n == other_text):
                    raise Failure('the %s page also shows “%s”' % (title, other_text))

        select_page(frame, 'Today')
        settle(app, frame, lambda f: find_label(f, lambda n: n == 'Sessions Today'))
        key(KEY_F, CONTROL_MASK)
        entry = settle(app, frame, lambda f: (lambda a: a is not None and a.getRoleName() in
                                              ('entry', 'text') and a.name.startswith('Search')
                                              and a)(focused(f)))
        set_text(entry, 'Yoga')
        results = settle(app, frame, lambda f: find_named(f, 'list', 'Search Results'))
        try:
            poll('a result', lambda: any('Evening Yoga' in n for n in names(results)), timeout=10)
        except Failure:
            raise Failure('searching “Yoga” finds:\n' + dump(results))
        if any('Morning Run' in n for n in names(results)):
            raise Failure('searching “Yoga” finds the morning run')
        ctx.shot('search')
        set_text(entry, '')
        settle(app, frame, lambda f: find_named(f, 'list', 'Sessions'))
    finally:
        app.stop()


def case_accessible_names(ctx):
    """No control without a name: the welcome page, every page, the main
    menu and the preferences."""
    offenders = []
    app = ctx.start('names.db')
    try:
        frame = app.frame()
        settle(app, frame, lambda f: find_label(f, lambda n: n == 'Welcome to Activity Tracker'))
        offenders += ['welcome page: ' + o for o in unnamed_controls(frame)]
    finally:
        app.stop()

    app = ctx.start('empty.db')
    try:
        frame = app.frame()
        settle(app, frame, lambda f: find_named(f, 'list', 'Pages'))
        for title, text in PAGES:
            select_page(frame, title)
            settle(app, frame, lambda f: find_label(f, lambda n: n == text))
            offenders += ['%s page: %s' % (title, o) for o in unnamed_controls(frame)]

        # GtkMenuButton is a button holding the toggle button that clicks.
        menu = [a for a in walk(frame) if a.name == 'Main Menu'
                and a.getRoleName() in ('push button', 'toggle button')
                and a.queryAction().nActions > 0]
        if not menu:
            raise Failure('no Main Menu button to click:\n' + dump(frame))
        click(menu[-1])
        popover = settle(app, None, lambda _: next(
            (a for w in app_windows(app) for a in walk(w)
             if a.getRoleName() == 'menu item' and 'Preferences' in (a.name or '')), None))
        offenders += ['main menu: ' + o for o in unnamed_controls(frame)]
        if popover is None:
            raise Failure('the main menu has no Preferences item')
        key(0xff1b)  # Escape

        key(KEY_COMMA, CONTROL_MASK)
        preferences = settle(app, None, lambda _: find_window(app, 'Preferences'))
        settle(app, preferences, lambda f: find(f, 'combo box', lambda n: n == 'Units'))
        offenders += ['preferences: ' + o for o in unnamed_controls(preferences)]
    finally:
        app.stop()

    tap('# checked: ' + ', '.join('%d %s' % (n, r) for r, n in sorted(CHECKED.items())))
    if offenders:
        raise Failure('%d control(s) without an accessible name:\n%s'
                      % (len(offenders), '\n'.join(offenders)))


def stable_offenders(app, root, where):
    """The unnamed controls under root once two walks half a second apart
    agree: a page that loads on a worker fills in after it is shown."""
    last = None
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        app.check_alive()
        current = ['%s: %s' % (where, o) for o in unnamed_controls(root)]
        if current == last:
            return current
        last = current
        time.sleep(0.5)
    return last


def case_accessible_names_with_data(ctx):
    """No control without a name where there is data to show: every page of
    a generated profile, an exercise's history, and the session editor with
    a strength session of several exercises."""
    cli = os.environ.get('AT_CLI', '')
    if not os.access(cli, os.X_OK):
        raise Failure('AT_CLI does not name the activity-tracker-cli: %r' % cli)
    path = os.path.join(ctx.home, 'names-data.db')
    subprocess.run([cli, 'generate', '--database', path, '--users', '1',
                    '--sessions-per-user', '120', '--seed', '7'],
                   check=True, stdout=subprocess.DEVNULL)
    db = sqlite3.connect(path)
    strength = db.execute(
        "SELECT s.id FROM activity_session s JOIN activity_type t ON t.id = s.activity_type_id"
        " WHERE t.name = 'Weight Training' AND s.deleted_at IS NULL"
        " ORDER BY s.started_at DESC LIMIT 1").fetchone()
    db.close()
    if strength is None:
        raise Failure('the generated profile has no strength session')

    offenders = []
    CHECKED.clear()
    app = ctx.start('names-data.db')
    try:
        frame = app.frame()
        settle(app, frame, lambda f: find_named(f, 'list', 'Pages'))
        for title, _ in PAGES:
            select_page(frame, title)
            offenders += stable_offenders(app, frame, '%s page with data' % title)

        gdbus_action('show-exercise-history', "''")
        offenders += stable_offenders(app, frame, 'exercise history')

        gdbus_action('repeat-session', 'int64 %d' % strength[0])
        editor = settle(app, None, lambda _: find_window(app, 'New Session'))
        settle(app, editor, lambda f: find(f, 'combo box', lambda n: n.startswith('Activity')))
        offenders += stable_offenders(app, editor, 'session editor')
        ctx.shot('accessible-names-editor')
    finally:
        app.stop()

    tap('# checked: ' + ', '.join('%d %s' % (n, r) for r, n in sorted(CHECKED.items())))
    if sum(CHECKED.values()) < 100:
        raise Failure('only %d controls walked: the pages did not fill' % sum(CHECKED.values()))
    if offenders:
        raise Failure('%d control(s) without an accessible name:\n%s'
                      % (len(offenders), '\n'.join(offenders)))


def case_preferences(ctx):
    """Ctrl+comma opens the preferences; Imperial is saved to app_user."""
    path = os.path.join(ctx.home, 'empty.db')
    app = ctx.start('empty.db')
    try:
        frame = app.frame()
        settle(app, frame, lambda f: find_named(f, 'list', 'Pages'))
        key(KEY_COMMA, CONTROL_MASK)
        preferences = settle(app, None, lambda _: find_window(app, 'Preferences'))
        units = settle(app, preferences, lambda f: find(f, 'combo box', lambda n: n == 'Units'))
        ctx.shot('preferences')
        if focused(preferences) is None or focused(preferences).name != 'Units':
            raise Failure('the preferences open with the focus on %s, not Units'
                          % (focused(preferences) and focused(preferences).name))
        key(KEY_SPACE)
        settle(app, None, lambda _: any(find_label(w, lambda n: n == 'Imperial (lb, mi)')
                                        for w in app_windows(app)))
        key(KEY_DOWN)
        key(KEY_RETURN)

        def saved():
            db = sqlite3.connect(path)
            try:
                return db.execute("SELECT u.measurement_preference, w.name, d.name FROM app_user u "
                                  "JOIN unit w ON w.id = u.weight_unit_id "
                                  "JOIN unit d ON d.id = u.distance_unit_id").fetchone()
            finally:
                db.close()
        try:
            poll('imperial units in app_user', lambda: saved() == ('imperial', 'pounds', 'miles'),
                 timeout=10)
        except Failure:
            raise Failure('app_user holds %r after choosing Imperial:\n%s'
                          % (saved(), dump(units)))
    finally:
        app.stop()


def case_bad_file(ctx):
    path = os.path.join(ctx.home, 'not-a-database.db')
    with open(path, 'w') as f:
        f.write('This is a text file, not an Activity Tracker database.\n' * 50)
    before = open(path, 'rb').read()
    app = ctx.start('not-a-database.db')
    try:
        frame = app.frame()
        try:
            settle(app, frame, lambda f: find_label(f, lambda n: path in n))
        except Failure:
            raise Failure('no label names %s:\n%s' % (path, dump(frame)))
        ctx.shot('bad-file')
    finally:
        app.stop()
    if open(path, 'rb').read() != before:
        raise Failure('the app changed the file it could not open')


def case_about_and_quit(ctx):
    """app.about opens the About window; app.quit closes the windows, which
    save their size, and the app exits cleanly. The size saved last time is
    the size the window opens with."""
    keyfile = os.path.join(ctx.home, 'config', 'glib-2.0', 'settings', 'keyfile')
    os.makedirs(os.path.dirname(keyfile), exist_ok=True)
    with open(keyfile, 'w') as f:
        f.write('[org/activitytracker/ActivityTracker]\n'
                'window-width=820\nwindow-height=560\nwindow-maximized=false\n')
    os.utime(keyfile, (0, 0))
    app = ctx.start('empty.db', settings='keyfile')
    try:
        app.frame()
        app.activate_action('about')

        def about_frame():
            app.check_alive()
            acc = find_app(app.proc.pid)
            for i in range(acc.childCount):
                child = acc.getChildAtIndex(i)
                if child is not None and child.name != WINDOW_TITLE \
                        and find_label(child, lambda n: n == '0.1.0' or n.startswith('0.')):
                    return child
            return None
        about = settle(app, None, lambda _: about_frame())
        if find_label(about, lambda n: n == 'Activity Tracker') is None:
            raise Failure('the About window does not name the app:\n' + dump(about))
        ctx.shot('about')
        app.activate_action('quit')
        try:
            status = app.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise Failure('app.quit did not end the app')
        if status != 0:
            raise Failure('the app exited with status %d' % status)
    finally:
        app.stop()
    saved = read_keyfile(keyfile)
    if os.stat(keyfile).st_mtime == 0:
        raise Failure('closing the window saved no settings')
    if saved.get('window-width') != '820' or saved.get('window-height') != '560' \
            or saved.get('window-maximized') != 'false':
        raise Failure('the window did not open at, and save, its size: %s' % saved)


def write_format_2_file(path, n_sessions):
    """A file as version 2 of the app left it (uuids as text), with one user
    and n_sessions sessions of three sets each: bringing it up to date takes
    seconds."""
    sql_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'resources', 'sql')
    db = sqlite3.connect(path)
    for name in ('0001-initial.sql', '0002-session-search-queue.sql'):
        with open(os.path.join(sql_dir, name)) as f:
            db.executescript(f.read())
    db.executescript("""
        PRAGMA foreign_keys = ON;
        BEGIN;
        INSERT INTO activity_category (id, name) VALUES (1, 'Strength');
        INSERT INTO activity_type (id, name, category_id) VALUES (1, 'Weight Training', 1);
        INSERT INTO app_user (id, username, email, timezone) VALUES (1, 'lifter', 'l@example.org', 'UTC');
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
          INSERT INTO activity_session (id, user_id, activity_type_id, session_name, started_at, ended_at)
          SELECT i, 1, 1, 'Lift ' || i, 1600000000 + i * 600, 1600000000 + i * 600 + 500 FROM n;
        INSERT INTO activity_exercise (id, session_id, exercise_order) SELECT id, id, 1 FROM activity_session;
        WITH RECURSIVE k(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM k WHERE j < 3)
          INSERT INTO exercise_set (exercise_id, set_number, reps, weight)
          SELECT e.id, k.j, 5, 100 FROM activity_exercise e, k;
        COMMIT;
        PRAGMA user_version = 2;
        PRAGMA application_id = 1096045121;
    """ % n_sessions)
    db.close()


def case_old_file(ctx):
    """A large file from an earlier version is brought up to date off the
    main thread: the window says so while it happens, then shows the
    profile."""
    path = os.path.join(ctx.home, 'format-2.db')
    write_format_2_file(path, 200000)
    app = ctx.start('format-2.db')
    try:
        frame = app.frame()
        try:
            settle(app, frame, lambda f: find_label(f, lambda n: n == 'Opening Your Activities'))
        except Failure:
            raise Failure('no page says the file is being opened:\n' + dump(frame))
        ctx.shot('old-file-opening')
        settle(app, frame, lambda f: find_label(f, lambda n: n == 'Opening Your Activities') is None
               and find_label(f, lambda n: n == 'Sessions Today'))
    finally:
        app.stop()
    db = sqlite3.connect(path)
    version = db.execute('PRAGMA user_version').fetchone()[0]
    kinds = db.execute('SELECT DISTINCT typeof(uuid) FROM activity_session').fetchall()
    db.close()
    if version < 4 or kinds != [('blob',)]:
        raise Failure('the file was not brought up to date: format %d, uuids %s' % (version, kinds))


if __name__ == '__main__':
    sys.exit(run([
        ('empty database', case_empty),
        ('first run', case_first_run),
        ('populated database', case_populated),
        ('navigation', case_navigation),
        ('accessible names', case_accessible_names),
        ('accessible names with data', case_accessible_names_with_data),
        ('preferences', case_preferences),
        ('bad file', case_bad_file),
        ('old file', case_old_file),
        ('about and quit', case_about_and_quit),
    ]))
