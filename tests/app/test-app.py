#!/usr/bin/python3
"""The app suite: starts the real activity-tracker and reads it through AT-SPI.

Run inside a private D-Bus session and X server (see run-app-test.sh):

    test-app.py APP_BINARY SCHEMA_DIR OUTPUT_DIR

Cases: a new empty database (the welcome page), the first run creating a
profile, the same file with a user and sessions, the sidebar's pages, the
accessible names of every control, the preferences, a text file that is no
database, About and Quit, and the session editor (a strength session, a run,
a practice, a refused value, delete and Undo). Most save OUTPUT_DIR/screenshot-<case>.png.
Prints TAP, to the file descriptor $AT_TAP_FD if set, else to stdout.
"""

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

# The AT-SPI bus and registry are started by D-Bus activation, from a session
# bus that began before the X server: give them its display, or the registry
# cannot synthesize key presses. Before importing pyatspi, which starts them.
if os.environ.get('DISPLAY') and shutil.which('dbus-update-activation-environment'):
    subprocess.run(['dbus-update-activation-environment', 'DISPLAY', 'XAUTHORITY'],
                   check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

import pyatspi  # noqa: E402

TIMEOUT = 30.0
WINDOW_TITLE = 'Activity Tracker'


TAP = os.fdopen(int(os.environ.get('AT_TAP_FD', '1')), 'w', buffering=1)


def tap(line):
    print(line, file=TAP, flush=True)


class Failure(Exception):
    pass


def poll(what, func, timeout=TIMEOUT, interval=0.1):
    """Calls func until it returns something true; fails after timeout."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            result = func()
            if result:
                return result
        except Exception as e:  # AT-SPI objects vanish while the UI changes
            last_error = e
        time.sleep(interval)
    raise Failure('timed out after %.0f s waiting for %s%s'
                  % (timeout, what, ' (last error: %s)' % last_error if last_error else ''))


def walk(acc, depth=0, max_depth=40):
    """Every accessible under acc, acc included. GTK 4.8 sets no SHOWING
    state, but leaves hidden widgets out of the tree."""
    if acc is None or depth > max_depth:
        return
    yield acc
    try:
        n = acc.childCount
    except Exception:
        return
    for i in range(n):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, max_depth)


def names(acc):
    return [a.name for a in walk(acc) if a.name]


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def find_frame(app):
    for i in range(app.childCount):
        child = app.getChildAtIndex(i)
        if child is not None and child.name == WINDOW_TITLE \
                and child.getRoleName() in ('frame', 'window'):
            return child
    return None


def find_label(frame, predicate):
    for acc in walk(frame):
        if acc.getRoleName() == 'label' and acc.name and predicate(acc.name):
            return acc
    return None


def find_named(frame, role, name):
    for acc in walk(frame):
        if acc.getRoleName() == role and acc.name == name:
            return acc
    return None


def dump(acc):
    lines = []

    def rec(a, depth):
        lines.append('#   %s%s %r' % ('  ' * depth, a.getRoleName(), a.name))
        for i in range(a.childCount):
            c = a.getChildAtIndex(i)
            if c is not None:
                rec(c, depth + 1)
    try:
        rec(acc, 0)
    except Exception as e:
        lines.append('#   (%s)' % e)
    return '\n'.join(lines)


PAGES = [
    # sidebar row, text that only that page shows
    ('Today', 'Sessions Today'),
    ('Sessions', 'Morning Run'),
    ('Progress', 'Sessions per Week'),
    ('Goals', 'Goals you set, with their milestones and how close you are, will appear here.'),
    ('Body', 'Body Measurements'),
    ('Photos', 'Progress photos, side by side to compare, will appear here.'),
    ('Programs', 'Workout programs to follow week by week, and your enrollments, will appear here.'),
    ('Achievements', 'Achievements you have earned, and your streaks, will appear here.'),
    ('Social', 'Sessions shared by the people you follow will appear here once you sign in to sync.'),
]

# X keysyms and modifier masks for key().
KEY_SPACE, KEY_RETURN, KEY_DOWN, KEY_COMMA, KEY_F = 0x20, 0xff0d, 0xff54, 0x2c, 0x66
KEY_UP, KEY_N, KEY_S, KEY_ESCAPE = 0xff52, 0x6e, 0x73, 0xff1b
KEY_DELETE = 0xffff
CONTROL_MASK = 1 << 2


def key(keysym, modifiers=0):
    """Presses a key through the AT-SPI registry (XTest on the X server)."""
    registry = pyatspi.Registry
    if modifiers:
        registry.generateKeyboardEvent(modifiers, None, pyatspi.KEY_LOCKMODIFIERS)
    registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    if modifiers:
        registry.generateKeyboardEvent(modifiers, None, pyatspi.KEY_UNLOCKMODIFIERS)
    time.sleep(0.2)


def find(root, role, predicate):
    for acc in walk(root):
        if acc.getRoleName() == role and acc.name and predicate(acc.name):
            return acc
    return None


def click(acc):
    action = acc.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ('click', 'activate', 'press'):
            return action.doAction(i)
    raise Failure('%s “%s” has no click action' % (acc.getRoleName(), acc.name))


def set_text(acc, text):
    acc.queryEditableText().setTextContents(text)


def focused(root):
    for acc in walk(root):
        if acc.getState().contains(pyatspi.STATE_FOCUSED):
            return acc
    return None


def select_page(frame, title):
    """Selects a sidebar row, as a screen reader would, by its name."""
    pages = find_named(frame, 'list', 'Pages')
    if pages is None:
        raise Failure('no sidebar list named “Pages”:\n' + dump(frame))
    for i in range(pages.childCount):
        row = pages.getChildAtIndex(i)
        if row is not None and row.name == title:
            if not pages.querySelection().selectChild(i):
                raise Failure('the sidebar refused to select “%s”' % title)
            return
    raise Failure('no sidebar row named “%s”:\n%s' % (title, dump(pages)))


def app_windows(app):
    acc = find_app(app.proc.pid)
    return [acc.getChildAtIndex(i) for i in range(acc.childCount)] if acc else []


def find_window(app, title):
    app.check_alive()
    for window in app_windows(app):
        if window is not None and window.name == title:
            return window
    return None


# What must carry a name for a screen reader to announce it.
CONTROL_ROLES = {
    'push button', 'toggle button', 'check box', 'radio button', 'switch',
    'entry', 'text', 'password text', 'combo box', 'spin button', 'slider',
    'list item', 'menu item', 'check menu item', 'radio menu item', 'page tab',
}
# How many controls of each role unnamed_controls() looked at.
CHECKED = {}
# GTK 4.8 reports a widget's type name where it has no accessible name.
TYPE_NAME = re.compile(r'^(Gtk|Adw)[A-Z][A-Za-z]*$')


def real_name(acc):
    name = (acc.name or '').strip()
    return '' if TYPE_NAME.match(name) else name


def children(acc):
    return [c for c in (acc.getChildAtIndex(i) for i in range(acc.childCount)) if c is not None]


def unnamed_controls(root):
    """Every control under root without a name, as "role: path" lines.

    GTK 4.8 sets no SHOWING state but leaves hidden widgets out of the tree,
    so everything walked is shown. Not counted, being GTK's own parts whose
    names are given elsewhere:
    - the list item inside a combo box (AdwComboRow's view of the current
      choice; the combo box carries the name);
    - a list item of a GtkListView whose row widget has the name (GTK 4.8
      cannot name the item itself: gtk_list_item_set_accessible_label is 4.12);
    - AdwPreferencesWindow's own search entry, which libadwaita 1.2 leaves
      unnamed (our preferences have search off)."""
    offenders = []
    checked = CHECKED

    def rec(acc, path, in_combo):
        role = acc.getRoleName()
        here = path + ['%s “%s”' % (role, acc.name or '')]
        if role in CONTROL_ROLES:
            checked[role] = checked.get(role, 0) + 1
        if role in CONTROL_ROLES and not real_name(acc):
            kids = children(acc)
            internal = (role == 'list item' and (in_combo or any(real_name(c) for c in kids))) \
                or (role == 'entry' and acc.name == 'GtkSearchEntry'
                    and path and path[0].startswith('frame “Preferences”'))
            if not internal:
                offenders.append('%s: %s' % (role, ' > '.join(here)))
        for child in children(acc):
            rec(child, here, in_combo or role == 'combo box')
    rec(root, [], False)
    return offenders


class App:
    def __init__(self, binary, schema_dir, home, database, settings='memory'):
        env = dict(os.environ)
        env.pop('NO_AT_BRIDGE', None)
        env.update({
            'GTK_A11Y': 'atspi',
            'GDK_BACKEND': 'x11',
            'GSK_RENDERER': 'cairo',
            'GTK_USE_PORTAL': '0',
            'ADW_DISABLE_PORTAL': '1',
            'GSETTINGS_BACKEND': settings,
            'GSETTINGS_SCHEMA_DIR': schema_dir,
            'XDG_DATA_HOME': os.path.join(home, 'data'),
            'XDG_CONFIG_HOME': os.path.join(home, 'config'),
            'XDG_CACHE_HOME': os.path.join(home, 'cache'),
            'G_DEBUG': 'fatal-warnings',
            'LC_ALL': 'C.UTF-8',
            'TZ': 'UTC',
        })
        self.log = open(os.path.join(home, 'app-%s.log'
                                     % os.path.basename(database)), 'w+')
        self.proc = subprocess.Popen([binary, '--database', database], env=env,
                                     stdout=self.log, stderr=subprocess.STDOUT)

    def check_alive(self):
        if self.proc.poll() is not None:
            raise Failure('the app exited with status %s:\n%s'
                          % (self.proc.returncode, self.output()))
        return True

    def output(self):
        self.log.flush()
        self.log.seek(0)
        return ''.join('#   ' + line for line in self.log.read().splitlines(True))

    def frame(self):
        def get():
            self.check_alive()
            app = find_app(self.proc.pid)
            return app is not None and find_frame(app)
        return poll('the “%s” window on the AT-SPI bus' % WINDOW_TITLE, get)

    def activate_action(self, name):
        """Runs an app action the way the desktop does, over D-Bus."""
        subprocess.run(['gdbus', 'call', '--session',
                        '--dest', 'org.activitytracker.ActivityTracker',
                        '--object-path', '/org/activitytracker/ActivityTracker',
                        '--method', 'org.gtk.Actions.Activate', name, '[]', '{}'],
                       check=True, timeout=30, stdout=subprocess.DEVNULL)

    def stop(self):
        if self.output():
            tap('# the app said:\n' + self.output().rstrip())
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def screenshot(outdir, case):
    if shutil.which('import') is None:
        return '(skipped: ImageMagick\'s import is not installed)'
    path = os.path.join(outdir, 'screenshot-%s.png' % case)
    subprocess.run(['import', '-window', 'root', path], check=True, timeout=30)
    return path


def settle(app, frame, check):
    """Polls check(frame) with the app alive, then waits two frames for paint."""
    result = poll('the expected content', lambda: app.check_alive() and check(frame))
    time.sleep(0.2)
    return result


def populate(path):
    """A user, and sessions of several lengths, one without a name."""
    db = sqlite3.connect(path)
    db.execute('PRAGMA foreign_keys = ON')
    with db:
        row = db.execute('SELECT id, name FROM activity_type ORDER BY id LIMIT 1').fetchone()
        if row is None:
            # The catalogue is not installed yet: bring our own.
            db.execute("INSERT OR IGNORE INTO activity_category (name) VALUES ('Cardio')")
            db.execute("INSERT OR IGNORE INTO activity_type (name, category_id) "
                       "SELECT 'Running', id FROM activity_category WHERE name = 'Cardio'")
            row = db.execute("SELECT id, name FROM activity_type WHERE name = 'Running'").fetchone()
        type_id, type_name = row
        cur = db.execute("INSERT INTO app_user (username, email) "
                         "VALUES ('tester', 'tester@example.org')")
        user_id = cur.lastrowid
        base = 1715670000  # 2024-05-14 07:00 UTC
        sessions = [
            ('Morning Run', base, base + 45 * 60),
            ('Evening Yoga', base - 86400, base - 86400 + 65 * 60),
            (None, base - 2 * 86400, base - 2 * 86400 + 30 * 60),
        ]
        for name, start, end in sessions:
            db.execute('INSERT INTO activity_session '
                       '(user_id, activity_type_id, session_name, started_at, ended_at) '
                       'VALUES (?, ?, ?, ?, ?)', (user_id, type_id, name, start, end))
    db.close()
    return type_name


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


def read_keyfile(path):
    values = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                if '=' in line:
                    key, value = line.strip().split('=', 1)
                    values[key] = value
    return values


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


def gdbus_action(name, parameter):
    """Runs an app action with a GVariant parameter (text form) over D-Bus."""
    subprocess.run(['gdbus', 'call', '--session',
                    '--dest', 'org.activitytracker.ActivityTracker',
                    '--object-path', '/org/activitytracker/ActivityTracker',
                    '--method', 'org.gtk.Actions.Activate', name, '[<%s>]' % parameter, '{}'],
                   check=True, timeout=30, stdout=subprocess.DEVNULL)


def description(acc):
    try:
        return acc.description or ''
    except Exception:
        return ''


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


def create_profile(app, frame, username, email):
    """Fills in the welcome page and waits for the main view."""
    settle(app, frame, lambda f: find_label(f, lambda n: n == 'Welcome to Activity Tracker'))
    set_text(find(frame, 'text', lambda n: n.startswith('User Name')), username)
    set_text(find(frame, 'text', lambda n: n.startswith('E-mail')), email)
    click(find(frame, 'push button', lambda n: 'Create Profile' in n))
    settle(app, frame, lambda f: find_named(f, 'list', 'Pages')
           and find_label(f, lambda n: n == 'Sessions Today'))


def in_windows(app, role, predicate):
    """The first control in any of the app's windows (popovers included)."""
    for window in app_windows(app):
        if window is not None:
            found = find(window, role, predicate)
            if found is not None:
                return found
    return None


def open_editor(app):
    key(KEY_N, CONTROL_MASK)
    editor = settle(app, None, lambda _: find_window(app, 'New Session'))
    settle(app, editor, lambda f: find(f, 'combo box', lambda n: n.startswith('Activity')))
    return editor


def editor_closed(app):
    return find_window(app, 'New Session') is None


def choose_activity(app, editor, db_path, name):
    """Picks an activity in the editor's Activity row with the keyboard,
    through its type-ahead: the list is the catalogue by name."""
    db = sqlite3.connect(db_path)
    names = [r[0] for r in db.execute('SELECT name FROM activity_type ORDER BY name')]
    db.close()
    # The editor opens with the focus there (GTK 4.8 cannot grab it over AT-SPI).
    poll('the Activity row focused', lambda: (lambda a: a is not None and a.name.startswith(
        'Activity'))(focused(editor)), timeout=5)

    def chosen():
        combo = find(editor, 'combo box', lambda n: n.startswith('Activity'))
        label = combo and find_label(combo, lambda n: n in names)
        return label and label.name

    # The row's type-ahead: each press of a letter goes to the next activity
    # starting with it. (GTK 4.8's popover list drops arrow keys that make
    # it scroll, and choosing in it through AT-SPI does nothing.)
    letter = name[0].lower()
    for _ in range(sum(1 for n in names if n[0].lower() == letter)):
        key(ord(letter))
        if chosen() == name:
            break
    combo = find(editor, 'combo box', lambda n: n.startswith('Activity'))
    try:
        poll('%s chosen' % name, lambda: find_label(combo, lambda n: n == name), timeout=5)
    except Failure:
        raise Failure('choosing %s shows:\n%s' % (name, dump(combo)))
    # Its metrics replace the exercises.
    settle(app, editor, lambda f: find(f, 'combo box', lambda n: n.startswith('Activity'))
           and not find(f, 'push button', lambda n: n == 'Add Exercise'))


def editor_field(app, editor, role, name):
    try:
        return poll('the editor field “%s”' % name,
                    lambda: find(editor, role, lambda n: n == name or n.startswith(name + ' ')),
                    timeout=10)
    except Failure:
        raise Failure('the editor has no %s “%s”:\n%s' % (role, name, dump(editor)))


def add_exercise(app, editor, name):
    buttons = [a for a in walk(editor) if a.name == 'Add Exercise'
               and a.getRoleName() in ('push button', 'toggle button')
               and a.queryAction().nActions > 0]
    if not buttons:
        raise Failure('no Add Exercise button:\n' + dump(editor))
    click(buttons[-1])
    search = settle(app, None, lambda _: in_windows(app, 'text', lambda n: n == 'Search Exercises')
                    or in_windows(app, 'entry', lambda n: n == 'Search Exercises'))
    set_text(search, name)
    result = settle(app, None, lambda _: in_windows(app, 'push button', lambda n: n == name))
    click(result)
    settle(app, editor, lambda f: find(f, 'spin button', lambda n: n == name + ' Set 1 Weight'))


def fill_set(app, editor, exercise, number, weight, reps):
    prefix = '%s Set %d ' % (exercise, number)
    set_text(editor_field(app, editor, 'spin button', prefix + 'Weight'), str(weight))
    set_text(editor_field(app, editor, 'spin button', prefix + 'Reps'), str(reps))


def add_set(app, editor, exercise, count):
    click(editor_field(app, editor, 'push button', 'Add Set to ' + exercise))
    editor_field(app, editor, 'spin button', '%s Set %d Weight' % (exercise, count))


def query(path, sql, *args):
    db = sqlite3.connect(path)
    try:
        return db.execute(sql, args).fetchall()
    finally:
        db.close()


def wait_toast(app, frame, prefix):
    return settle(app, frame, lambda f: find_label(f, lambda n: n.startswith(prefix)))


def case_session_editor(ctx):
    """Ctrl+N logs a strength session with two exercises, a run and a
    practice; reps 0 gets the core's message and saves nothing; a deleted
    session comes back with Undo."""
    path = os.path.join(ctx.home, 'editor.db')
    app = ctx.start('editor.db')
    try:
        frame = app.frame()
        create_profile(app, frame, 'lifter', 'lifter@example.org')

        # A strength session: Squat 100×5, 110×3, 110×3; Bench Press 60×8, 60×6.
        editor = open_editor(app)
        set_text(editor_field(app, editor, 'text', 'Name'), 'Leg Day')
        set_text(editor_field(app, editor, 'text', 'Start'), '2024-05-20 18:00')
        set_text(editor_field(app, editor, 'spin button', 'Duration in Minutes'), '75')
        add_exercise(app, editor, 'Squat')
        fill_set(app, editor, 'Squat', 1, 100, 5)
        add_set(app, editor, 'Squat', 2)
        fill_set(app, editor, 'Squat', 2, 110, 3)
        add_set(app, editor, 'Squat', 3)  # a copy of set 2
        add_exercise(app, editor, 'Bench Press')
        fill_set(app, editor, 'Bench Press', 1, 60, 8)
        add_set(app, editor, 'Bench Press', 2)
        set_text(editor_field(app, editor, 'spin button', 'Bench Press Set 2 Reps'), '6')
        ctx.shot('editor-strength')
        offenders = unnamed_controls(editor)
        if offenders:
            raise Failure('%d editor control(s) without an accessible name:\n%s'
                          % (len(offenders), '\n'.join(offenders)))
        key(KEY_S, CONTROL_MASK)
        poll('the editor to close after Ctrl+S', lambda: app.check_alive() and editor_closed(app))
        toast = wait_toast(app, frame, 'Session saved')
        tap('# toast: ' + toast.name)

        sessions = query(path, "SELECT id, started_at, ended_at, total_volume, deleted_at "
                               "FROM activity_session WHERE session_name = 'Leg Day'")
        if len(sessions) != 1:
            raise Failure('activity_session holds %r for Leg Day' % sessions)
        session_id, started_at, ended_at, volume, _ = sessions[0]
        if started_at != 1716228000 or ended_at != started_at + 75 * 60:
            raise Failure('Leg Day runs %r–%r, not 2024-05-20 18:00 UTC for 75 min'
                          % (started_at, ended_at))
        exercises = query(path, "SELECT t.name, e.exercise_order FROM activity_exercise e "
                                "JOIN activity_subtype t ON t.id = e.activity_subtype_id "
                                "WHERE e.session_id = ? ORDER BY e.exercise_order", session_id)
        if exercises != [('Squat', 1), ('Bench Press', 2)]:
            raise Failure('the exercises are %r' % exercises)
        sets = query(path, "SELECT t.name, x.set_number, x.weight, x.reps, u.symbol "
                           "FROM exercise_set x JOIN activity_exercise e ON e.id = x.exercise_id "
                           "JOIN activity_subtype t ON t.id = e.activity_subtype_id "
                           "LEFT JOIN unit u ON u.id = x.weight_unit_id "
                           "WHERE e.session_id = ? ORDER BY e.exercise_order, x.set_number",
                     session_id)
        expected = [('Squat', 1, 100.0, 5, 'kg'), ('Squat', 2, 110.0, 3, 'kg'),
                    ('Squat', 3, 110.0, 3, 'kg'), ('Bench Press', 1, 60.0, 8, 'kg'),
                    ('Bench Press', 2, 60.0, 6, 'kg')]
        if sets != expected:
            raise Failure('the sets are %r, not %r' % (sets, expected))
        total = sum(w * r for _, _, w, r, _ in expected)
        if volume != total:
            raise Failure('total_volume is %r, not Σ reps × weight = %r' % (volume, total))
        records = query(path, 'SELECT count(*) FROM personal_record WHERE session_id = ?', session_id)
        if records[0][0] > 0 and 'new personal record in' not in toast.name:
            raise Failure('%d personal record(s), but the toast says “%s”' % (records[0][0], toast.name))
        select_page(frame, 'Sessions')
        listed = settle(app, frame, lambda f: find_named(f, 'list', 'Sessions'))
        poll('Leg Day in the sessions list', lambda: any('Leg Day' in n for n in names(listed)),
             timeout=10)

        # A run: the Running type's distance metric.
        editor = open_editor(app)
        choose_activity(app, editor, path, 'Running')
        set_text(editor_field(app, editor, 'text', 'Name'), 'Park Run')
        set_text(editor_field(app, editor, 'text', 'Start'), '2024-05-21 07:00')
        set_text(editor_field(app, editor, 'spin button', 'Duration in Minutes'), '30')
        set_text(editor_field(app, editor, 'text', 'Distance (km)'), '5.2')
        click(editor_field(app, editor, 'push button', 'Save'))
        poll('the editor to close', lambda: app.check_alive() and editor_closed(app))
        runs = query(path, "SELECT s.duration_minutes, m.metric_name, m.metric_value_numeric, u.symbol "
                           "FROM activity_session s JOIN activity_metric m ON m.session_id = s.id "
                           "LEFT JOIN unit u ON u.id = m.unit_id "
                           "WHERE s.session_name = 'Park Run'")
        if runs != [(30, 'distance', 5.2, 'km')]:
            raise Failure('the run was saved as %r' % runs)

        # A practice: Music's instrument.
        editor = open_editor(app)
        choose_activity(app, editor, path, 'Music')
        set_text(editor_field(app, editor, 'text', 'Name'), 'Piano Practice')
        set_text(editor_field(app, editor, 'spin button', 'Duration in Minutes'), '45')
        set_text(editor_field(app, editor, 'text', 'Instrument'), 'Piano')
        click(editor_field(app, editor, 'push button', 'Save'))
        poll('the editor to close', lambda: app.check_alive() and editor_closed(app))
        practice = query(path, "SELECT t.name, m.metric_name, m.metric_value_text "
                               "FROM activity_session s JOIN activity_type t ON t.id = s.activity_type_id "
                               "JOIN activity_metric m ON m.session_id = s.id "
                               "WHERE s.session_name = 'Piano Practice'")
        if practice != [('Music', 'instrument', 'Piano')]:
            raise Failure('the practice was saved as %r' % practice)

        # Reps 0: the core's message, and nothing new in the file.
        before = query(path, 'SELECT (SELECT count(*) FROM activity_session), '
                             '(SELECT count(*) FROM activity_exercise), (SELECT count(*) FROM exercise_set)')
        editor = open_editor(app)
        set_text(editor_field(app, editor, 'text', 'Name'), 'Bad Day')
        add_exercise(app, editor, 'Squat')
        fill_set(app, editor, 'Squat', 1, 80, 0)
        click(editor_field(app, editor, 'push button', 'Save'))
        message = 'exercise_set.reps: must be between 1 and 100000, not 0'
        try:
            settle(app, editor, lambda f: find_label(f, lambda n: message in n))
        except Failure:
            raise Failure('reps 0 does not show “%s”:\n%s' % (message, dump(editor)))
        ctx.shot('editor-error')
        after = query(path, 'SELECT (SELECT count(*) FROM activity_session), '
                            '(SELECT count(*) FROM activity_exercise), (SELECT count(*) FROM exercise_set)')
        if after != before:
            raise Failure('a refused session changed the counts from %r to %r' % (before, after))
        key(KEY_ESCAPE)
        poll('Escape to close the editor', lambda: app.check_alive() and editor_closed(app))
        if query(path, "SELECT count(*) FROM activity_session WHERE session_name = 'Bad Day'")[0][0]:
            raise Failure('cancelling saved the bad session')

        # Delete Leg Day, then Undo.
        select_page(frame, 'Sessions')
        listed = settle(app, frame, lambda f: find_named(f, 'list', 'Sessions'))
        def leg_day_row():
            for i in range(listed.childCount):
                item = listed.getChildAtIndex(i)
                if item is not None and any('Leg Day' in n for n in names(item)):
                    return item
            return None
        item = settle(app, frame, lambda _: leg_day_row())
        # A click selects the row (AT-SPI's selection does not, in GTK 4.8's
        # list views); window coordinates are the screen's on the bare X
        # server. Then the Delete key, which the page binds.
        r = item.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        pyatspi.Registry.generateMouseEvent(r.x + r.width // 2, r.y + r.height // 2, 'b1c')
        settle(app, frame, lambda f: (lambda b: b is not None and b.getState().contains(
            pyatspi.STATE_SENSITIVE) and b)(find_named(f, 'push button', 'Delete Session')))
        key(KEY_DELETE)
        poll('Leg Day deleted_at set', lambda: query(
            path, 'SELECT deleted_at FROM activity_session WHERE id = ?', session_id)[0][0] is not None,
            timeout=10)
        undo = settle(app, frame, lambda f: find(f, 'push button', lambda n: 'Undo' in n))
        click(undo)
        poll('Leg Day back after Undo', lambda: query(
            path, 'SELECT deleted_at FROM activity_session WHERE id = ?', session_id)[0][0] is None,
            timeout=10)
        poll('Leg Day listed again', lambda: any('Leg Day' in n for n in names(listed)), timeout=10)
    finally:
        app.stop()


class Context:
    def __init__(self, binary, schema_dir, outdir, home):
        self.binary = binary
        self.schema_dir = schema_dir
        self.outdir = outdir
        self.home = home

    def start(self, name, **kwargs):
        return App(self.binary, self.schema_dir, self.home, os.path.join(self.home, name),
                   **kwargs)

    def shot(self, case):
        tap('# screenshot: %s' % screenshot(self.outdir, case))


def main():
    if len(sys.argv) != 4:
        print('usage: %s APP_BINARY SCHEMA_DIR OUTPUT_DIR' % sys.argv[0], file=sys.stderr)
        return 2
    binary, schema_dir, outdir = (os.path.abspath(a) for a in sys.argv[1:])
    cases = [('empty database', case_empty),
             ('first run', case_first_run),
             ('populated database', case_populated),
             ('navigation', case_navigation),
             ('accessible names', case_accessible_names),
             ('preferences', case_preferences),
             ('bad file', case_bad_file),
             ('progress and body', case_progress_and_body),
             ('exercise history', case_exercise_history),
             ('about and quit', case_about_and_quit),
             ('session editor', case_session_editor)]
    failed = 0
    tap('1..%d' % len(cases))
    with tempfile.TemporaryDirectory(prefix='at-app-test-') as home:
        ctx = Context(binary, schema_dir, outdir, home)
        for number, (title, func) in enumerate(cases, 1):
            try:
                func(ctx)
                tap('ok %d - %s' % (number, title))
            except Exception as e:
                failed += 1
                tap('not ok %d - %s' % (number, title))
                for line in str(e).splitlines():
                    tap('# ' + line if not line.startswith('#') else line)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
