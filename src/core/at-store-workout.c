/* at-store-workout.c: saving and loading whole workouts, and templates.
 *
 * A workout is saved in one transaction: the session through the checked
 * path of at_store_insert()/at_store_update(), then its children with one
 * reused statement per table (their parent is already known to be the
 * user's). The training rules run once, at the commit.
 */

#define G_LOG_DOMAIN "at-store"

#include "config.h"

#include <glib/gi18n.h>

#include "at-record-private.h"
#include "at-store-private.h"
#include "at-training.h"
#include "at-workout.h"

static gboolean
run_with_id (AtStore     *store,
             const char  *sql,
             gint64       id,
             const char  *text,
             GError     **error)
{
  g_autoptr(AtStatement) stmt = _at_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _at_store_set_error (store, rc, sql, error);
  return TRUE;
}

/* The ids of stored rows among @records, as a JSON array for json_each(). */
static char *
kept_ids (GPtrArray *records)
{
  g_autoptr(GString) json = g_string_new ("[");

  for (guint i = 0; i < records->len; i++)
    {
      gint64 id = at_record_get_id (g_ptr_array_index (records, i));

      if (id > 0)
        g_string_append_printf (json, "%s%" G_GINT64_FORMAT, json->len > 1 ? "," : "", id);
    }
  g_string_append_c (json, ']');
  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* Updates the kept rows, inserts the new ones, deletes the rest (by
 * @delete_missing_sql, %NULL when there are none stored). */
static gboolean
save_children (AtStore     *store,
               gint64       user_id,
               const char  *delete_missing_sql,
               gint64       session_id,
               GPtrArray   *records,
               GError     **error)
{
  g_autoptr(GPtrArray) new_records = g_ptr_array_new ();

  if (delete_missing_sql != NULL)
    {
      g_autofree char *ids = kept_ids (records);

      if (!run_with_id (store, delete_missing_sql, session_id, ids, error))
        return FALSE;
    }

  for (guint i = 0; i < records->len; i++)
    {
      AtRecord *record = g_ptr_array_index (records, i);

      at_record_set_int (record, "session_id", session_id);
      if (at_record_get_id (record) == 0)
        g_ptr_array_add (new_records, record);
      else if (!at_store_update (store, user_id, record, error))
        return FALSE;
    }
  return _at_store_insert_rows (store, new_records, error);
}

/* Inserts the sets of every exercise, several to a statement. */
static gboolean
save_sets (AtStore    *store,
           AtWorkout  *workout,
           GError    **error)
{
  g_autoptr(GPtrArray) all_sets = g_ptr_array_new ();

  for (guint i = 0; i < at_workout_get_n_exercises (workout); i++)
    {
      gint64 exercise_id = at_record_get_id (AT_RECORD (at_workout_get_exercise (workout, i)));
      GPtrArray *sets = at_workout_get_sets (workout, i);

      for (guint j = 0; j < sets->len; j++)
        {
          AtRecord *set = g_ptr_array_index (sets, j);

          at_record_set_int (set, "exercise_id", exercise_id);
          _at_record_set_id (set, 0);
          g_ptr_array_add (all_sets, set);
        }
    }
  return _at_store_insert_rows (store, all_sets, error);
}

static GPtrArray *
exercises_of (AtWorkout *workout)
{
  GPtrArray *exercises = g_ptr_array_new ();

  for (guint i = 0; i < at_workout_get_n_exercises (workout); i++)
    g_ptr_array_add (exercises, at_workout_get_exercise (workout, i));
  return exercises;
}

static gboolean
save_children_of_session (AtStore    *store,
                          gint64      user_id,
                          AtWorkout  *workout,
                          gboolean    new_session,
                          GError    **error)
{
  gint64 session_id = at_record_get_id (AT_RECORD (at_workout_get_session (workout)));
  g_autoptr(GPtrArray) exercises = exercises_of (workout);

  /* A new session has no stored children to replace. */
  if (!new_session &&
      !run_with_id (store,
                    "DELETE FROM exercise_set WHERE exercise_id IN"
                    " (SELECT id FROM activity_exercise WHERE session_id = ?1)",
                    session_id, NULL, error))
    return FALSE;
  if (!save_children (store, user_id,
                      new_session ? NULL : "DELETE FROM activity_exercise WHERE session_id = ?1"
                                           " AND id NOT IN (SELECT value FROM json_each (?2))",
                      session_id, exercises, error) ||
      !save_children (store, user_id,
                      new_session ? NULL : "DELETE FROM activity_metric WHERE session_id = ?1"
                                           " AND id NOT IN (SELECT value FROM json_each (?2))",
                      session_id, at_workout_get_metrics (workout), error))
    return FALSE;

  if (!save_sets (store, workout, error))
    return FALSE;
  for (guint i = 0; i < at_workout_get_n_exercises (workout); i++)
    {
      AtRecord *exercise = AT_RECORD (at_workout_get_exercise (workout, i));

      if (at_record_is_null (exercise, "activity_subtype_id"))
        continue;
      (new_session ? _at_store_note_appended : _at_store_note_touched)
        (store, session_id, user_id, at_record_get_int (exercise, "activity_subtype_id"));
    }

  /* Its totals were set before it was written. */
  _at_store_forget_touched_session (store, session_id);
  return TRUE;
}

/* Children are checked before anything is written; the session id they
 * will get is not known yet, so their parent columns are filled for the
 * check with a placeholder. */
static gboolean
validate_children (AtStore    *store,
                   gint64      user_id,
                   AtWorkout  *workout,
                   GError    **error)
{
  for (guint i = 0; i < at_workout_get_n_exercises (workout); i++)
    {
      AtRecord *exercise = AT_RECORD (at_workout_get_exercise (workout, i));
      GPtrArray *sets = at_workout_get_sets (workout, i);

      if (at_record_is_null (exercise, "session_id"))
        at_record_set_int (exercise, "session_id", 0);
      if (!_at_store_check_record (store, user_id, exercise, error))
        return FALSE;

      for (guint j = 0; j < sets->len; j++)
        {
          AtRecord *set = g_ptr_array_index (sets, j);

          if (at_record_is_null (set, "exercise_id"))
            at_record_set_int (set, "exercise_id", 0);
          if (!_at_store_check_record (store, user_id, set, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < at_workout_get_metrics (workout)->len; i++)
    {
      AtRecord *metric = g_ptr_array_index (at_workout_get_metrics (workout), i);

      if (at_record_is_null (metric, "session_id"))
        at_record_set_int (metric, "session_id", 0);
      if (!_at_store_check_record (store, user_id, metric, error))
        return FALSE;
    }

  return TRUE;
}

/* The records a save will insert: after a failed save they must look new
 * again, so that the user can correct a field and save once more. */
static GPtrArray *
unsaved_records (AtWorkout *workout)
{
  GPtrArray *records = g_ptr_array_new ();
  AtRecord *session = AT_RECORD (at_workout_get_session (workout));

  if (at_record_get_id (session) == 0)
    g_ptr_array_add (records, session);
  for (guint i = 0; i < at_workout_get_n_exercises (workout); i++)
    {
      AtRecord *exercise = AT_RECORD (at_workout_get_exercise (workout, i));

      if (at_record_get_id (exercise) == 0)
        g_ptr_array_add (records, exercise);
      g_ptr_array_extend (records, at_workout_get_sets (workout, i), NULL, NULL);
    }
  for (guint i = 0; i < at_workout_get_metrics (workout)->len; i++)
    if (at_record_get_id (g_ptr_array_index (at_workout_get_metrics (workout), i)) == 0)
      g_ptr_array_add (records, g_ptr_array_index (at_workout_get_metrics (workout), i));
  return records;
}

static void
forget_ids (GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    g_object_set (g_ptr_array_index (records, i), "id", (gint64) 0, "uuid", NULL, NULL);
}

/**
 * at_store_save_workout:
 *
 * Saves a session with all its exercises, sets and metrics, new or edited,
 * in one transaction: either all of it is stored, with its volume and
 * personal records, or nothing is and the error names the field. Called
 * inside a transaction of the caller's, a failure half-way leaves that
 * transaction to be rolled back: at_store_commit() refuses it.
 */
gboolean
at_store_save_workout (AtStore    *store,
                       gint64      user_id,
                       AtWorkout  *workout,
                       GError    **error)
{
  g_autoptr(GPtrArray) new_records = NULL;
  AtRecord *session;
  gboolean own_transaction;
  gboolean new_session;
  gboolean saved;

  g_return_val_if_fail (AT_IS_STORE (store), FALSE);
  g_return_val_if_fail (AT_IS_WORKOUT (workout), FALSE);

  session = AT_RECORD (at_workout_get_session (workout));
  own_transaction = !_at_store_in_transaction (store);
  if (!validate_children (store, user_id, workout, error) ||
      (own_transaction && !at_store_begin (store, error)))
    return FALSE;

  if (!_at_training_fill_totals (store, user_id, workout, error))
    {
      if (own_transaction)
        at_store_rollback (store);
      return FALSE;
    }

  new_records = unsaved_records (workout);
  new_session = at_record_get_id (session) == 0;
  saved = !new_session
        ? at_store_update (store, user_id, session, error)
        : at_store_insert (store, user_id, session, error);

  /* Inside a caller's transaction (an import, the generator) there is no
   * savepoint per workout, which would cost more than the workout: a
   * failure half-way makes that transaction fail as a whole instead. */
  if (!saved ||
      !save_children_of_session (store, user_id, workout, new_session, error) ||
      (own_transaction && !at_store_commit (store, error)))
    {
      if (own_transaction)
        at_store_rollback (store);
      else
        _at_store_fail_transaction (store);
      forget_ids (new_records);
      return FALSE;
    }

  _at_store_emit_changed (store, AT_TYPE_ACTIVITY_EXERCISE, 0, AT_STORE_CHANGE_UPDATE);
  _at_store_emit_changed (store, AT_TYPE_EXERCISE_SET, 0, AT_STORE_CHANGE_UPDATE);
  return TRUE;
}

/**
 * at_store_load_workout:
 *
 * Returns: (transfer full): the user's session @session_id with its
 * exercises, sets and metrics, or %NULL with @error set.
 */
AtWorkout *
at_store_load_workout (AtStore  *store,
                       gint64    user_id,
                       gint64    session_id,
                       GError  **error)
{
  g_autoptr(AtSession) session = NULL;
  g_autoptr(GListModel) exercises = NULL;
  g_autoptr(GListModel) metrics = NULL;
  g_autoptr(AtWorkout) workout = NULL;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);

  session = at_store_get (store, user_id, AT_TYPE_SESSION, session_id, error);
  if (session == NULL)
    return NULL;

  workout = at_workout_new (session);
  exercises = at_store_list (store, user_id, AT_TYPE_ACTIVITY_EXERCISE, "session_id", session_id, error);
  metrics = at_store_list (store, user_id, AT_TYPE_ACTIVITY_METRIC, "session_id", session_id, error);
  if (exercises == NULL || metrics == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(AtActivityExercise) exercise = g_list_model_get_item (exercises, i);
      g_autoptr(GListModel) sets = NULL;
      guint index = at_workout_add_exercise (workout, exercise);

      sets = at_store_list (store, user_id, AT_TYPE_EXERCISE_SET, "exercise_id",
                            at_record_get_id (AT_RECORD (exercise)), error);
      if (sets == NULL)
        return NULL;
      for (guint j = 0; j < g_list_model_get_n_items (sets); j++)
        {
          g_autoptr(AtExerciseSet) set = g_list_model_get_item (sets, j);

          at_workout_add_set (workout, index, set);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (metrics); i++)
    {
      g_autoptr(AtActivityMetric) metric = g_list_model_get_item (metrics, i);

      at_workout_add_metric (workout, metric);
    }

  return g_steal_pointer (&workout);
}

/* Copies the columns a plan keeps: what was done, not when or how it felt. */
static void
copy_columns (AtRecord           *to,
              AtRecord           *from,
              const char * const *columns)
{
  for (guint i = 0; columns[i] != NULL; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (at_record_is_null (from, columns[i]))
        continue;
      g_object_get_property (G_OBJECT (from), columns[i], &value);
      g_object_set_property (G_OBJECT (to), columns[i], &value);
    }
}

static const char * const session_plan_columns[] = {
  "activity_type_id", "activity_subtype_id", "session_name", "location", NULL
};
static const char * const exercise_plan_columns[] = {
  "activity_subtype_id", "exercise_order", "superset_group", "notes", NULL
};
static const char * const set_plan_columns[] = {
  "set_number", "reps", "weight", "weight_unit_id", "rest_seconds", "rpe", "tempo",
  "is_warmup", "is_drop_set", NULL
};
static const char * const metric_plan_columns[] = {
  "metric_name", "metric_value_numeric", "metric_value_text", "unit_id", NULL
};

/* A new, unsaved workout with the plan of @source. */
static AtWorkout *
copy_plan (AtWorkout *source)
{
  g_autoptr(AtSession) session = at_session_new ();
  AtWorkout *copy;

  copy_columns (AT_RECORD (session), AT_RECORD (at_workout_get_session (source)),
                session_plan_columns);
  copy = at_workout_new (session);

  for (guint i = 0; i < at_workout_get_n_exercises (source); i++)
    {
      g_autoptr(AtActivityExercise) exercise = at_activity_exercise_new ();
      GPtrArray *sets = at_workout_get_sets (source, i);
      guint index;

      copy_columns (AT_RECORD (exercise), AT_RECORD (at_workout_get_exercise (source, i)),
                    exercise_plan_columns);
      index = at_workout_add_exercise (copy, exercise);
      for (guint j = 0; j < sets->len; j++)
        {
          g_autoptr(AtExerciseSet) set = at_exercise_set_new ();

          copy_columns (AT_RECORD (set), g_ptr_array_index (sets, j), set_plan_columns);
          at_workout_add_set (copy, index, set);
        }
    }

  for (guint i = 0; i < at_workout_get_metrics (source)->len; i++)
    {
      g_autoptr(AtActivityMetric) metric = at_activity_metric_new ();

      copy_columns (AT_RECORD (metric), g_ptr_array_index (at_workout_get_metrics (source), i),
                    metric_plan_columns);
      at_workout_add_metric (copy, metric);
    }

  return copy;
}

/**
 * at_store_save_as_template:
 *
 * Saves the plan of a session (its exercises and sets as targets) as a
 * template named @template_name.
 *
 * Returns: the template's session id, or 0 with @error set.
 */
gint64
at_store_save_as_template (AtStore     *store,
                           gint64       user_id,
                           gint64       session_id,
                           const char  *template_name,
                           GError     **error)
{
  g_autoptr(AtWorkout) source = NULL;
  g_autoptr(AtWorkout) template = NULL;
  AtRecord *session;

  g_return_val_if_fail (AT_IS_STORE (store), 0);

  if (template_name == NULL || *template_name == '\0')
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
                   _("activity_session.template_name: a template needs a name"));
      return 0;
    }

  source = at_store_load_workout (store, user_id, session_id, error);
  if (source == NULL)
    return 0;

  template = copy_plan (source);
  session = AT_RECORD (at_workout_get_session (template));
  at_record_set_boolean (session, "is_template", TRUE);
  at_record_set_string (session, "template_name", template_name);
  at_record_set_int (session, "started_at", g_get_real_time () / G_USEC_PER_SEC);

  if (!at_store_save_workout (store, user_id, template, error))
    return 0;
  return at_record_get_id (session);
}

/**
 * at_store_start_from_session:
 * @session_id: a template to start from, or a past session to repeat
 * @started_at: when the new session starts, Unix seconds
 *
 * Returns: (transfer full): a new, unsaved workout with the exercises and
 * target sets of @session_id and parent_session_id pointing at it.
 */
AtWorkout *
at_store_start_from_session (AtStore  *store,
                             gint64    user_id,
                             gint64    session_id,
                             gint64    started_at,
                             GError  **error)
{
  g_autoptr(AtWorkout) source = NULL;
  AtWorkout *workout;
  AtRecord *session;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);

  source = at_store_load_workout (store, user_id, session_id, error);
  if (source == NULL)
    return NULL;

  workout = copy_plan (source);
  session = AT_RECORD (at_workout_get_session (workout));
  at_record_set_int (session, "parent_session_id", session_id);
  at_record_set_int (session, "started_at", started_at);
  return workout;
}
