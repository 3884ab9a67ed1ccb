#!/usr/bin/python3
"""The app suite: starts the real activity-tracker and reads it through AT-SPI.

Run inside a private D-Bus session and X server (see run-app-test.sh):

    test-app.py APP_BINARY SCHEMA_DIR OUTPUT_DIR

Cases: a new empty database, the same file with a user and sessions, and a
text file that is no database. Each saves OUTPUT_DIR/screenshot-<case>.png.
Prints TAP, to the file descriptor $AT_TAP_FD if set, else to stdout.
"""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

import pyatspi

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
        settle(app, frame, lambda f: find_label(f, lambda n: n == 'No Sessions Yet'))
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
             ('populated database', case_populated),
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
