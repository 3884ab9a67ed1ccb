#!/usr/bin/python3
"""The app suite: starts the real activity-tracker and reads it through AT-SPI.

Run inside a private D-Bus session and X server (see run-app-test.sh):

    test-app.py APP_BINARY SCHEMA_DIR OUTPUT_DIR

Cases: a new empty database (the welcome page), the first run creating a
profile, the same file with a user and sessions, the sidebar's pages, the
accessible names of every control, the preferences, a text file that is no
database, and About and Quit. Most save OUTPUT_DIR/screenshot-<case>.png.
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
    ('Progress', 'Charts of your sessions, volume and personal records over time will appear here.'),
    ('Goals', 'Goals you set, with their milestones and how close you are, will appear here.'),
    ('Body', 'Body measurements such as weight and body fat, with their trends, will appear here.'),
    ('Photos', 'Progress photos, side by side to compare, will appear here.'),
    ('Programs', 'Workout programs to follow week by week, and your enrollments, will appear here.'),
    ('Achievements', 'Achievements you have earned, and your streaks, will appear here.'),
    ('Social', 'Sessions shared by the people you follow will appear here once you sign in to sync.'),
]

# X keysyms and modifier masks for key().
KEY_SPACE, KEY_RETURN, KEY_DOWN, KEY_COMMA, KEY_F = 0x20, 0xff0d, 0xff54, 0x2c, 0x66
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
             ('about and quit', case_about_and_quit)]
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
