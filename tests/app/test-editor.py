#!/usr/bin/python3
"""The editor suite, through the real session editor as a user drives it:
log a strength session set by set (RPE, tempo, warm-up, failure, notes, a
superset, how it went), with the plate calculator, the rest timer and its
desktop notification, and last time's sets as a hint; a run; a piano
practice with a custom metric; a refused value; delete and Undo. Then edit
the strength session (opened with app.edit-session over D-Bus) with the
keyboard alone, save it as a template, quit, reopen the file and find it
all in the editor, and read it back from the database. See atspi_app.py.
"""

import os
import shutil
import subprocess

from atspi_app import *  # noqa: F401,F403

KEY_D, KEY_DOWN_ARROW, KEY_UP_ARROW = 0x64, 0xff54, 0xff52
ALT_MASK = 1 << 3
REST_SECONDS = 3
DISPLAY_HOLDER = None

# A desktop notification server for the private session bus: it records
# what GApplication sends, by either of its D-Bus back-ends.
NOTIFICATION_SERVER = r'''
import sys
from gi.repository import Gio, GLib

log = open(sys.argv[1], 'a', buffering=1)
XML = """<node>
<interface name="org.freedesktop.Notifications">
  <method name="Notify"><arg type="s" direction="in"/><arg type="u" direction="in"/>
    <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="s" direction="in"/>
    <arg type="as" direction="in"/><arg type="a{sv}" direction="in"/><arg type="i" direction="in"/>
    <arg type="u" direction="out"/></method>
  <method name="CloseNotification"><arg type="u" direction="in"/></method>
  <method name="GetCapabilities"><arg type="as" direction="out"/></method>
  <method name="GetServerInformation"><arg type="s" direction="out"/><arg type="s" direction="out"/>
    <arg type="s" direction="out"/><arg type="s" direction="out"/></method>
  <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
  <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
</interface>
<interface name="org.gtk.Notifications">
  <method name="AddNotification"><arg type="s" direction="in"/><arg type="s" direction="in"/>
    <arg type="a{sv}" direction="in"/></method>
  <method name="RemoveNotification"><arg type="s" direction="in"/><arg type="s" direction="in"/></method>
</interface>
</node>"""
node = Gio.DBusNodeInfo.new_for_xml(XML)

def call(conn, sender, path, iface, method, params, invocation):
    args = params.unpack()
    if method == 'Notify':
        log.write('%s\t%s\n' % (args[3], args[4]))
        invocation.return_value(GLib.Variant('(u)', (1,)))
    elif method == 'AddNotification':
        log.write('%s\t%s\n' % (args[2].get('title', ''), args[2].get('body', '')))
        invocation.return_value(None)
    elif method == 'GetCapabilities':
        invocation.return_value(GLib.Variant('(as)', (['body'],)))
    elif method == 'GetServerInformation':
        invocation.return_value(GLib.Variant('(ssss)', ('fake', 'test', '1', '1.2')))
    else:
        invocation.return_value(None)

bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
bus.register_object('/org/freedesktop/Notifications', node.interfaces[0], call, None, None)
bus.register_object('/org/gtk/Notifications', node.interfaces[1], call, None, None)
owned = []
def acquired(conn, name):
    owned.append(name)
    if len(owned) == 2:
        print('ready', flush=True)
for name in ('org.freedesktop.Notifications', 'org.gtk.Notifications'):
    Gio.bus_own_name_on_connection(bus, name, Gio.BusNameOwnerFlags.NONE, acquired, None)
GLib.MainLoop().run()
'''


class Notifications:
    """The fake notification server, started before the app."""

    def __init__(self, home):
        self.path = os.path.join(home, 'notifications.log')
        open(self.path, 'w').close()
        self.proc = subprocess.Popen(['/usr/bin/python3', '-c', NOTIFICATION_SERVER, self.path],
                                     stdout=subprocess.PIPE, text=True)
        if self.proc.stdout.readline().strip() != 'ready':
            raise Failure('the notification server did not start')

    def received(self):
        with open(self.path) as f:
            return [tuple(line.rstrip('\n').split('\t', 1)) for line in f]

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)


def hold_display():
    """Keeps a client connected to the X server for the whole run. Xvfb
    resets when its last client leaves (the AT-SPI launcher, early on), and
    an app that connects during the reset cannot open the display."""
    global DISPLAY_HOLDER
    if DISPLAY_HOLDER is None and shutil.which('xprop'):
        DISPLAY_HOLDER = subprocess.Popen(['xprop', '-root', '-spy'], stdout=subprocess.DEVNULL)
        poll('xprop to connect', lambda: DISPLAY_HOLDER.poll() is None
             and subprocess.run(['xprop', '-root', '_NET_SUPPORTED'], capture_output=True).returncode == 0,
             timeout=10)


def start_app(ctx, name):
    """The app with the rest timer at REST_SECONDS, from a keyfile."""
    keyfile = os.path.join(ctx.home, 'config', 'glib-2.0', 'settings', 'keyfile')
    os.makedirs(os.path.dirname(keyfile), exist_ok=True)
    with open(keyfile, 'w') as f:
        f.write('[org/activitytracker/ActivityTracker]\ndefault-rest-seconds=%d\n' % REST_SECONDS)
    hold_display()
    return ctx.start(name, settings='keyfile')


def focus_is(editor, name):
    poll('the keyboard focus in “%s”' % name,
         lambda: (lambda f: f is not None and f.name == name)(focused(editor)), timeout=5)


def text_of(acc):
    t = acc.queryText()
    return t.getText(0, t.characterCount)


def value_of(editor, name):
    """A spin button's number as text, the way it shows it once updated."""
    text = text_of(editor_field(None, editor, 'spin button', name))
    return '%g' % float(text)


def is_checked(acc):
    states = acc.getState()
    return states.contains(pyatspi.STATE_CHECKED) or states.contains(pyatspi.STATE_PRESSED)


def toggle(app, editor, name):
    button = editor_field(app, editor, 'push button', name)
    before = is_checked(button)
    click(button)
    poll('%s toggled' % name, lambda: is_checked(button) != before, timeout=5)


def fill(app, editor, exercise, number, weight, reps, rpe=None, tempo=None, notes=None):
    prefix = '%s Set %d ' % (exercise, number)
    set_text(editor_field(app, editor, 'spin button', prefix + 'Weight'), str(weight))
    set_text(editor_field(app, editor, 'spin button', prefix + 'Reps'), str(reps))
    if rpe is not None:
        set_text(editor_field(app, editor, 'spin button', prefix + 'RPE'), str(rpe))
    if tempo is not None:
        set_text(editor_field(app, editor, 'text', prefix + 'Tempo'), tempo)
    if notes is not None:
        set_text(editor_field(app, editor, 'text', prefix + 'Notes'), notes)


def plates(app, editor, exercise, number):
    """The plate calculator of a set: opens it, reads it, closes it."""
    menu = editor_field(app, editor, 'push button', '%s Set %d Plates' % (exercise, number))
    # GTK 4.8's menu button: the named outside, a button inside that clicks.
    click([a for a in walk(menu) if a.queryAction().nActions > 0][0])
    label = settle(app, None, lambda _: in_windows(
        app, 'label', lambda n: n.startswith('Per side') or 'bar' in n or 'plate' in n))
    text = label.name
    key(KEY_ESCAPE)
    poll('the plates popover to close', lambda: in_windows(app, 'label', lambda n: n == text) is None,
         timeout=5)
    return text


def open_session(app, session_id):
    """app.edit-session over D-Bus, as the desktop (or another page) runs it."""
    gdbus_action('edit-session', 'int64 %d' % session_id)
    editor = settle(app, None, lambda _: find_window(app, 'Edit Session'))
    settle(app, editor, lambda f: find(f, 'combo box', lambda n: n.startswith('Activity')))
    return editor


def save_and_close(app, editor, title):
    key(KEY_S, CONTROL_MASK)
    poll('the editor to close after Ctrl+S', lambda: app.check_alive() and find_window(app, title) is None)


def set_rows(path, session_id):
    return query(path, "SELECT t.name, e.exercise_order, e.superset_group, x.set_number, x.weight, "
                       "u.symbol, x.reps, x.rpe, x.tempo, x.is_warmup, x.is_failure, x.is_drop_set, "
                       "x.notes FROM exercise_set x JOIN activity_exercise e ON e.id = x.exercise_id "
                       "JOIN activity_subtype t ON t.id = e.activity_subtype_id "
                       "LEFT JOIN unit u ON u.id = x.weight_unit_id "
                       "WHERE e.session_id = ? ORDER BY e.exercise_order, x.set_number", session_id)


def check_names(editor):
    offenders = unnamed_controls(editor)
    if offenders:
        raise Failure('%d editor control(s) without an accessible name:\n%s'
                      % (len(offenders), '\n'.join(offenders)))


def expect(what, actual, expected):
    if actual != expected:
        raise Failure('%s:\n#   got      %r\n#   expected %r' % (what, actual, expected))


LEG_DAY_SETS = [
    ('Squat', 1, 1, 1, 60.0, 'kg', 5, None, None, 1, 0, 0, None),
    ('Squat', 1, 1, 2, 100.0, 'kg', 5, 8, '3-1-1-0', 0, 0, 0, None),
    ('Squat', 1, 1, 3, 100.0, 'kg', 4, 9, '3-1-1-0', 0, 1, 0, 'grindy'),
    ('Bench Press', 2, 1, 1, 60.0, 'kg', 8, 7, None, 0, 0, 0, None),
    ('Bench Press', 2, 1, 2, 60.0, 'kg', 6, None, None, 0, 0, 1, None),
]
# After the keyboard edit: the warm-up deleted, set 2 duplicated (then
# 105 kg) and moved below the failure set.
EDITED_SETS = [
    ('Squat', 1, 1, 1, 100.0, 'kg', 5, 8, '3-1-1-0', 0, 0, 0, None),
    ('Squat', 1, 1, 2, 100.0, 'kg', 4, 9, '3-1-1-0', 0, 1, 0, 'grindy'),
    ('Squat', 1, 1, 3, 105.0, 'kg', 5, 8, '3-1-1-0', 0, 0, 0, None),
    ('Bench Press', 2, 1, 1, 62.5, 'kg', 8, 7, None, 0, 0, 0, None),
    ('Bench Press', 2, 1, 2, 60.0, 'kg', 6, None, None, 0, 0, 1, None),
]
HOW_IT_WENT = ('Sunny', 'Tired', 'Great', 6, 8, 'Left knee', 7)


def case_log_sessions(ctx):
    """Ctrl+N logs a strength session with two exercises in a superset and
    several sets (RPE, tempo, warm-up, failure, drop set, notes) and how it
    went; the plate calculator loads the bar; adding a set starts the rest
    timer, which ends in a desktop notification; a new editor shows last
    time's sets. Then a run, and a practice with a custom metric."""
    path = os.path.join(ctx.home, 'editor.db')
    notifications = Notifications(ctx.home)
    app = start_app(ctx, 'editor.db')
    try:
        frame = app.frame()
        create_profile(app, frame, 'lifter', 'lifter@example.org')

        editor = open_editor(app)
        set_text(editor_field(app, editor, 'text', 'Name'), 'Leg Day')
        set_text(editor_field(app, editor, 'text', 'Start'), '2024-05-20 18:00')
        set_text(editor_field(app, editor, 'spin button', 'Duration in Minutes'), '75')
        for name, value in zip(('Weather', 'Mood Before', 'Mood After'), HOW_IT_WENT):
            set_text(editor_field(app, editor, 'text', name), value)
        set_text(editor_field(app, editor, 'spin button', 'Energy'), '6')
        set_text(editor_field(app, editor, 'spin button', 'Perceived Exertion'), '8')
        set_text(editor_field(app, editor, 'text', 'Injuries or Discomfort'), 'Left knee')
        set_text(editor_field(app, editor, 'spin button', 'Rating'), '7')

        add_exercise(app, editor, 'Squat')
        fill(app, editor, 'Squat', 1, 60, 5)
        toggle(app, editor, 'Squat Set 1 Warm-up')
        add_set(app, editor, 'Squat', 2)
        # Adding a set starts the rest timer.
        rest = settle(app, editor, lambda f: find_label(f, lambda n: n.startswith('Rest 0:0')))
        tap('# rest timer: ' + rest.name)
        if rest.name not in ['Rest 0:%02d' % i for i in range(1, REST_SECONDS + 1)]:
            raise Failure('the rest timer shows “%s”, not a countdown from 0:%02d' % (rest.name, REST_SECONDS))
        toggle(app, editor, 'Squat Set 2 Warm-up')  # the copy of set 1's flag
        fill(app, editor, 'Squat', 2, 100, 5, rpe=8, tempo='3-1-1-0')
        poll('the rest-over notification', lambda: ('Rest over', 'Time for the next set of Squat')
             in notifications.received(), timeout=10)
        # It says so as it slides away (GTK 4.8 may keep it in the tree).
        poll('the rest timer to end', lambda: find_label(editor, lambda n: n.startswith('Rest 0:')) is None
             or find_label(editor, lambda n: n == 'Rest over'), timeout=5)
        add_set(app, editor, 'Squat', 3)
        # +30 s lengthens this rest; Skip ends it without a notification.
        click(editor_field(app, editor, 'push button', 'Rest 30 Seconds More'))
        settle(app, editor, lambda f: find_label(f, lambda n: n.startswith('Rest 0:3')))
        click(editor_field(app, editor, 'push button', 'Skip Rest'))
        time.sleep(REST_SECONDS + 1)
        expect('the notifications after a skipped rest', notifications.received(),
               [('Rest over', 'Time for the next set of Squat')])
        fill(app, editor, 'Squat', 3, 100, 4, rpe=9, notes='grindy')
        toggle(app, editor, 'Squat Set 3 Failure')
        expect('set 3 copies set 2’s tempo', text_of(editor_field(app, editor, 'text', 'Squat Set 3 Tempo')),
               '3-1-1-0')

        # The plate calculator, with the default 20 kg bar and plates.
        expect('the plates for 100 kg', plates(app, editor, 'Squat', 2), 'Per side: 25 + 15 kg')
        expect('the plates for 60 kg', plates(app, editor, 'Squat', 1), 'Per side: 20 kg')
        set_text(editor_field(app, editor, 'spin button', 'Squat Set 1 Weight'), '61')
        expect('the plates for 61 kg', plates(app, editor, 'Squat', 1),
               'Per side: 20 kg, and 0.5 kg your plates cannot make')
        set_text(editor_field(app, editor, 'spin button', 'Squat Set 1 Weight'), '60')

        add_exercise(app, editor, 'Bench Press')
        fill(app, editor, 'Bench Press', 1, 60, 8, rpe=7)
        add_set(app, editor, 'Bench Press', 2)
        fill(app, editor, 'Bench Press', 2, 60, 6)
        set_text(editor_field(app, editor, 'spin button', 'Bench Press Set 2 RPE'), '0')
        toggle(app, editor, 'Bench Press Set 2 Drop Set')
        toggle(app, editor, 'Superset Bench Press with the Exercise Before')
        settle(app, editor, lambda f: len([a for a in walk(f) if a.getRoleName() == 'label'
                                           and a.name == 'Superset A']) == 2)
        ctx.shot('editor-strength')
        check_names(editor)
        save_and_close(app, editor, 'New Session')
        toast = wait_toast(app, frame, 'Session saved')
        tap('# toast: ' + toast.name)

        sessions = query(path, "SELECT id, started_at, ended_at, total_volume, weather, mood_before, "
                               "mood_after, energy_level, perceived_exertion, injuries_noted, rating "
                               "FROM activity_session WHERE session_name = 'Leg Day'")
        expect('Leg Day sessions', len(sessions), 1)
        session_id, started_at, ended_at, volume = sessions[0][:4]
        expect('Leg Day times', (started_at, ended_at), (1716228000, 1716228000 + 75 * 60))
        expect('how Leg Day went', sessions[0][4:], HOW_IT_WENT)
        expect('Leg Day sets', set_rows(path, session_id), LEG_DAY_SETS)

        # A new session: Squat shows last time's sets, read off the main thread.
        editor = open_editor(app)
        add_exercise(app, editor, 'Squat')
        hint = settle(app, editor, lambda f: find_label(f, lambda n: n.startswith('Last time')))
        expect('the hint', hint.name, 'Last time (2024-05-20): 1×5 × 60 kg, 1×5 × 100 kg, 1×4 × 100 kg')
        key(KEY_ESCAPE)
        poll('Escape to close the editor', lambda: app.check_alive() and editor_closed(app))

        # A run: distance, pace (M:SS, stored in seconds per km) and duration.
        editor = open_editor(app)
        choose_activity(app, editor, path, 'Running')
        set_text(editor_field(app, editor, 'text', 'Name'), 'Park Run')
        set_text(editor_field(app, editor, 'text', 'Start'), '2024-05-21 07:00')
        set_text(editor_field(app, editor, 'spin button', 'Duration in Minutes'), '30')
        set_text(editor_field(app, editor, 'text', 'Distance (km)'), '5.2')
        set_text(editor_field(app, editor, 'text', 'Pace (min)'), '5:20')
        click(editor_field(app, editor, 'push button', 'Save'))
        poll('the editor to close', lambda: app.check_alive() and editor_closed(app))
        runs = query(path, "SELECT s.duration_minutes, m.metric_name, m.metric_value_numeric, u.symbol "
                           "FROM activity_session s JOIN activity_metric m ON m.session_id = s.id "
                           "LEFT JOIN unit u ON u.id = m.unit_id "
                           "WHERE s.session_name = 'Park Run' ORDER BY m.metric_name")
        expect('the run', runs, [(30, 'distance', 5.2, 'km'), (30, 'pace', 320.0, 's/km')])

        # A practice: Music's instrument and pieces, and a custom metric.
        editor = open_editor(app)
        choose_activity(app, editor, path, 'Music')
        set_text(editor_field(app, editor, 'text', 'Name'), 'Piano Practice')
        set_text(editor_field(app, editor, 'text', 'Start'), '2024-05-21 19:00')
        set_text(editor_field(app, editor, 'spin button', 'Duration in Minutes'), '45')
        set_text(editor_field(app, editor, 'text', 'Instrument'), 'Piano')
        set_text(editor_field(app, editor, 'text', 'Pieces practised'), '3')
        click(editor_field(app, editor, 'push button', 'Add Custom Metric'))
        set_text(editor_field(app, editor, 'text', 'Custom Metric 1 Name'), 'Sight-reading')
        set_text(editor_field(app, editor, 'text', 'Custom Metric 1 Value'), '15')
        set_text(editor_field(app, editor, 'text', 'Custom Metric 1 Unit'), 'parsecs')
        click(editor_field(app, editor, 'push button', 'Save'))
        settle(app, editor, lambda f: find_label(f, lambda n: n.startswith(
            'Sight-reading: there is no unit “parsecs”')))
        set_text(editor_field(app, editor, 'text', 'Custom Metric 1 Unit'), 'min')
        ctx.shot('editor-practice')
        check_names(editor)
        click(editor_field(app, editor, 'push button', 'Save'))
        poll('the editor to close', lambda: app.check_alive() and editor_closed(app))
        practice = query(path, "SELECT t.name, m.metric_name, m.metric_value_numeric, m.metric_value_text, "
                               "u.symbol FROM activity_session s "
                               "JOIN activity_type t ON t.id = s.activity_type_id "
                               "JOIN activity_metric m ON m.session_id = s.id "
                               "LEFT JOIN unit u ON u.id = m.unit_id "
                               "WHERE s.session_name = 'Piano Practice' ORDER BY m.metric_name")
        expect('the practice', practice, [
            ('Music', 'Sight-reading', 15.0, None, 'min'),
            ('Music', 'instrument', None, 'Piano', None),
            ('Music', 'pieces_practised', 3.0, None, 'pcs'),
        ])

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
        reps = editor_field(app, editor, 'spin button', 'Squat Set 1 Reps')
        expect('the reason on the reps field', description(reps), message)
        ctx.shot('editor-error')
        after = query(path, 'SELECT (SELECT count(*) FROM activity_session), '
                            '(SELECT count(*) FROM activity_exercise), (SELECT count(*) FROM exercise_set)')
        expect('the counts after a refused session', after, before)
        key(KEY_ESCAPE)
        poll('Escape to close the editor', lambda: app.check_alive() and editor_closed(app))

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
        # list views); then the Delete key, which the page binds.
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
    finally:
        app.stop()
        notifications.stop()


def leg_day_id(path):
    return query(path, "SELECT id FROM activity_session WHERE session_name = 'Leg Day'")[0][0]


def case_edit_with_keyboard(ctx):
    """app.edit-session opens Leg Day as stored; a set is edited, a bad
    tempo is refused on its field, and from there the keyboard alone moves
    on (Enter), deletes (Ctrl+Delete), duplicates (Ctrl+D), moves
    (Alt+Down) and adds (Ctrl+Return, Enter on the last field) sets.
    Saving updates the same session and exercises. Save as Template keeps
    its plan."""
    path = os.path.join(ctx.home, 'editor.db')
    session_id = leg_day_id(path)
    exercise_ids = query(path, 'SELECT id FROM activity_exercise WHERE session_id = ? '
                               'ORDER BY exercise_order', session_id)
    counts = query(path, 'SELECT count(*) FROM activity_session')
    notifications = Notifications(ctx.home)
    app = start_app(ctx, 'editor.db')
    try:
        app.frame()
        editor = open_session(app, session_id)
        expect('the name', text_of(editor_field(app, editor, 'text', 'Name')), 'Leg Day')
        check_names(editor)
        expect('set 3’s notes', text_of(editor_field(app, editor, 'text', 'Squat Set 3 Notes')), 'grindy')
        if not is_checked(editor_field(app, editor, 'push button', 'Squat Set 3 Failure')):
            raise Failure('Squat set 3 is not shown as taken to failure')

        # Edit a set, and a tempo that is not one.
        set_text(editor_field(app, editor, 'spin button', 'Bench Press Set 1 Weight'), '62.5')
        set_text(editor_field(app, editor, 'text', 'Squat Set 1 Tempo'), 'fast')
        key(KEY_S, CONTROL_MASK)
        settle(app, editor, lambda f: find_label(f, lambda n: 'Squat set 1 tempo: “fast” is not a tempo' in n))
        tempo = editor_field(app, editor, 'text', 'Squat Set 1 Tempo')
        if 'is not a tempo' not in description(tempo):
            raise Failure('the tempo field does not tell why: “%s”' % description(tempo))
        set_text(tempo, '')

        # The keyboard alone, from the refused field: Enter moves on to the
        # notes; Ctrl+Delete deletes the warm-up, and the sets renumber.
        focus_is(editor, 'Squat Set 1 Tempo')
        key(KEY_RETURN)
        focus_is(editor, 'Squat Set 1 Notes')
        key(KEY_DELETE, CONTROL_MASK)
        poll('Ctrl+Delete to delete the warm-up', lambda: find(
            editor, 'spin button', lambda n: n == 'Squat Set 3 Weight') is None, timeout=5)
        expect('the renumbered sets', [(value_of(editor, 'Squat Set %d Weight' % i),
                                        value_of(editor, 'Squat Set %d Reps' % i)) for i in (1, 2)],
               [('100', '5'), ('100', '4')])
        focus_is(editor, 'Squat Set 1 Weight')
        # Ctrl+D duplicates set 1 as set 2; Alt+Down moves the copy below set 3.
        key(KEY_D, CONTROL_MASK)
        poll('Ctrl+D to add Squat set 3', lambda: find(editor, 'spin button',
                                                        lambda n: n == 'Squat Set 3 Weight'), timeout=5)
        expect('the duplicate', (value_of(editor, 'Squat Set 2 Weight'), value_of(editor, 'Squat Set 2 RPE'),
                                 text_of(editor_field(app, editor, 'text', 'Squat Set 2 Tempo'))),
               ('100', '8', '3-1-1-0'))
        focus_is(editor, 'Squat Set 2 Weight')
        set_text(editor_field(app, editor, 'spin button', 'Squat Set 2 Weight'), '105')
        key(KEY_DOWN_ARROW, ALT_MASK)
        poll('Alt+Down to move the duplicate to set 3',
             lambda: value_of(editor, 'Squat Set 3 Weight') == '105', timeout=5)
        expect('set 2 after the move', value_of(editor, 'Squat Set 2 Reps'), '4')
        focus_is(editor, 'Squat Set 3 Weight')
        ctx.shot('editor-keyboard')
        # Ctrl+Return adds a set after the last, Ctrl+Delete deletes it again.
        key(KEY_RETURN, CONTROL_MASK)
        poll('Ctrl+Return to add Squat set 4', lambda: find(editor, 'spin button',
                                                            lambda n: n == 'Squat Set 4 Weight'), timeout=5)
        key(KEY_DELETE, CONTROL_MASK)
        poll('Ctrl+Delete to delete Squat set 4', lambda: find(
            editor, 'spin button', lambda n: n == 'Squat Set 4 Weight') is None, timeout=5)
        # Enter through the last set's fields adds one too.
        focus_is(editor, 'Squat Set 3 Weight')
        for _ in range(5):
            key(KEY_RETURN)
        poll('Enter on the last field to add Squat set 4', lambda: find(
            editor, 'spin button', lambda n: n == 'Squat Set 4 Weight'), timeout=5)
        focus_is(editor, 'Squat Set 4 Weight')
        key(KEY_DELETE, CONTROL_MASK)
        poll('Ctrl+Delete to delete it', lambda: find(
            editor, 'spin button', lambda n: n == 'Squat Set 4 Weight') is None, timeout=5)
        expect('the sets typed with the keyboard', [value_of(editor, 'Squat Set %d Weight' % i) for i in (1, 2, 3)],
               ['100', '100', '105'])
        save_and_close(app, editor, 'Edit Session')

        expect('sessions after the edit', query(path, 'SELECT count(*) FROM activity_session'), counts)
        expect('the exercise ids after the edit',
               query(path, 'SELECT id FROM activity_exercise WHERE session_id = ? ORDER BY exercise_order',
                     session_id), exercise_ids)
        expect('Leg Day sets after the edit', set_rows(path, session_id), EDITED_SETS)

        # Save as Template, from the editor of the saved session.
        editor = open_session(app, session_id)
        click(editor_field(app, editor, 'push button', 'Save as Template'))
        try:
            name = settle(app, None, lambda _: in_windows(app, 'text', lambda n: n == 'Template Name'))
            set_text(name, 'Leg Template')
            click(settle(app, None, lambda _: in_windows(app, 'push button', lambda n: n.endswith('Save Template'))))
        except Failure:
            raise Failure('no Save as Template dialog:\n' + '\n'.join(dump(w) for w in app_windows(app)
                                                                      if w.name != 'Activity Tracker'))
        poll('the template in the file', lambda: query(
            path, "SELECT count(*) FROM activity_session WHERE is_template = 1 "
                  "AND template_name = 'Leg Template'")[0][0] == 1, timeout=10)
        template_id = query(path, "SELECT id FROM activity_session WHERE template_name = 'Leg Template'")[0][0]
        expect('the template’s sets', [r[:8] for r in set_rows(path, template_id)],
               [r[:8] for r in EDITED_SETS])
        key(KEY_ESCAPE)
        poll('Escape to close the editor', lambda: app.check_alive()
             and find_window(app, 'Edit Session') is None)
    finally:
        app.stop()
        notifications.stop()


def case_reopen(ctx):
    """After a restart on the same file, the editor of each session shows
    what was saved; the file holds exactly that."""
    path = os.path.join(ctx.home, 'editor.db')
    session_id = leg_day_id(path)
    notifications = Notifications(ctx.home)
    app = start_app(ctx, 'editor.db')
    try:
        app.frame()
        editor = open_session(app, session_id)
        shown = [(value_of(editor, 'Squat Set %d Weight' % i), value_of(editor, 'Squat Set %d Reps' % i),
                  value_of(editor, 'Squat Set %d RPE' % i),
                  text_of(editor_field(app, editor, 'text', 'Squat Set %d Tempo' % i)))
                 for i in (1, 2, 3)]
        expect('Squat in the reopened editor', shown, [
            ('100', '5', '8', '3-1-1-0'), ('100', '4', '9', '3-1-1-0'), ('105', '5', '8', '3-1-1-0')])
        expect('Bench Press set 1', value_of(editor, 'Bench Press Set 1 Weight'), '62.5')
        if not is_checked(editor_field(app, editor, 'push button', 'Bench Press Set 2 Drop Set')):
            raise Failure('Bench Press set 2 is not shown as a drop set')
        if not is_checked(editor_field(app, editor, 'push button',
                                       'Superset Bench Press with the Exercise Before')):
            raise Failure('Bench Press is not shown in a superset with Squat')
        expect('how it went in the editor',
               tuple(text_of(editor_field(app, editor, 'text', n))
                     for n in ('Weather', 'Mood Before', 'Mood After')) +
               (value_of(editor, 'Energy'), value_of(editor, 'Perceived Exertion'),
                text_of(editor_field(app, editor, 'text', 'Injuries or Discomfort')), value_of(editor, 'Rating')),
               ('Sunny', 'Tired', 'Great', '6', '8', 'Left knee', '7'))
        ctx.shot('editor-reopened')
        key(KEY_ESCAPE)
        poll('Escape to close the editor', lambda: find_window(app, 'Edit Session') is None)

        run_id = query(path, "SELECT id FROM activity_session WHERE session_name = 'Park Run'")[0][0]
        editor = open_session(app, run_id)
        expect('the run in the editor', (text_of(editor_field(app, editor, 'text', 'Distance (km)')),
                                         text_of(editor_field(app, editor, 'text', 'Pace (min)')),
                                         value_of(editor, 'Duration in Minutes')), ('5.2', '5:20', '30'))
        key(KEY_ESCAPE)
        poll('Escape to close the editor', lambda: find_window(app, 'Edit Session') is None)

        piano_id = query(path, "SELECT id FROM activity_session WHERE session_name = 'Piano Practice'")[0][0]
        editor = open_session(app, piano_id)
        expect('the practice in the editor',
               [text_of(editor_field(app, editor, 'text', n)) for n in
                ('Instrument', 'Pieces practised', 'Custom Metric 1 Name', 'Custom Metric 1 Value',
                 'Custom Metric 1 Unit')], ['Piano', '3', 'Sight-reading', '15', 'min'])
        key(KEY_ESCAPE)
        poll('Escape to close the editor', lambda: find_window(app, 'Edit Session') is None)
    finally:
        app.stop()
        notifications.stop()

    expect('Leg Day sets in the file', set_rows(path, session_id), EDITED_SETS)
    expect('how Leg Day went in the file',
           query(path, 'SELECT weather, mood_before, mood_after, energy_level, perceived_exertion, '
                       'injuries_noted, rating FROM activity_session WHERE id = ?', session_id),
           [HOW_IT_WENT])
    expect('Leg Day’s volume', query(path, 'SELECT total_volume FROM activity_session WHERE id = ?',
                                     session_id)[0][0],
           sum(r[4] * r[6] for r in EDITED_SETS if not r[9]))
    expect('the sessions in the file',
           query(path, 'SELECT session_name, started_at, duration_minutes FROM activity_session '
                       'WHERE is_template = 0 AND deleted_at IS NULL ORDER BY started_at'),
           [('Leg Day', 1716228000, 75), ('Park Run', 1716274800, 30), ('Piano Practice', 1716318000, 45)])


if __name__ == '__main__':
    status = run([
        ('log sessions set by set', case_log_sessions),
        ('edit a session with the keyboard, save as template', case_edit_with_keyboard),
        ('reopen and find it all', case_reopen),
    ])
    if DISPLAY_HOLDER is not None:
        DISPLAY_HOLDER.terminate()
        DISPLAY_HOLDER.wait()
    sys.exit(status)
