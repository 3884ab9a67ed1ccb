"""What the app suites share: starting the real activity-tracker, finding
things in its AT-SPI tree, typing and clicking, screenshots, and a TAP runner.

Each suite is a script (test-*.py) that imports this module, defines its
cases as functions of a Context, and calls run() with them. It runs inside a
private D-Bus session and X server (see run-app-test.sh):

    test-NAME.py APP_BINARY SCHEMA_DIR OUTPUT_DIR

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


def read_keyfile(path):
    values = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                if '=' in line:
                    key, value = line.strip().split('=', 1)
                    values[key] = value
    return values


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


def run(cases):
    """Runs (title, function) cases in order, printing TAP; returns the exit status."""
    if len(sys.argv) != 4:
        print('usage: %s APP_BINARY SCHEMA_DIR OUTPUT_DIR' % sys.argv[0], file=sys.stderr)
        return 2
    binary, schema_dir, outdir = (os.path.abspath(a) for a in sys.argv[1:])
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
