#!/usr/bin/python3
"""The editor suite: a strength session, a run, a practice, a refused value,
delete and Undo, through the real session editor. See atspi_app.py.
"""

import os

from atspi_app import *  # noqa: F401,F403


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


if __name__ == '__main__':
    sys.exit(run([
        ('session editor', case_session_editor),
    ]))
