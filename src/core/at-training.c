/* at-training.c: the rules that follow from a user's sets.
 *
 * Volume is reps × weight in kilograms over the non-warm-up sets. Personal
 * records are recomputed from scratch for each exercise a write touched,
 * walking the user's live, non-template sessions of that exercise in time
 * order: a session sets a record of a kind when it beats every earlier
 * session; the record is the best of all, with the best before it as its
 * previous value. So an edit, a back-dated entry or a deletion gives the
 * same records as if history had been typed in order, and a deleted
 * session never keeps a record alive. A session appended after all the
 * user's others — the common case of logging today's workout — cannot
 * change anything before it, so its records follow from the stored ones
 * without the walk.
 */

#define G_LOG_DOMAIN "at-training"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "at-store-private.h"
#include "at-goals.h"
#include "at-streaks.h"
#include "at-training.h"

typedef enum
{
  KIND_ONE_REP_MAX,
  KIND_MAX_WEIGHT,
  KIND_MAX_REPS,
  KIND_MAX_VOLUME,
  N_KINDS
} RecordKind;

static const char * const kind_names[N_KINDS] = {
  [KIND_ONE_REP_MAX] = "1rm",
  [KIND_MAX_WEIGHT] = "max_weight",
  [KIND_MAX_REPS] = "max_reps",
  [KIND_MAX_VOLUME] = "max_volume",
};

/* The best of one kind in one session, and where. */
typedef struct
{
  double value;
  gint64 exercise_id;
} Best;

typedef struct
{
  double value;
  double previous;       /* the record before it, or NAN for none */
  gint64 session_id;
  gint64 exercise_id;
  gint64 achieved_at;
} Record;

/* An exercise that beat every earlier one of its kind, in its session. */
typedef struct
{
  gint64 exercise_id;
  gint64 session_id;
} RecordExercise;

/* One session's sets of the exercise, summed up. */
typedef struct
{
  gint64 session_id;
  gint64 started_at;
  Best   best[N_KINDS];
} SessionSummary;

#define SETS_OF_EXERCISE_SQL \
  "SELECT s.id, s.started_at, e.id, x.reps, coalesce (x.weight, 0) * coalesce (u.conversion_factor, 1)" \
  " FROM activity_exercise e" \
  " JOIN activity_session s ON s.id = e.session_id" \
  " JOIN exercise_set x ON x.exercise_id = e.id" \
  " LEFT JOIN unit u ON u.id = x.weight_unit_id" \
  " WHERE e.user_id = ?1 AND e.activity_subtype_id = ?2 AND s.deleted_at IS NULL" \
  "   AND s.is_template = 0 AND x.is_warmup = 0 AND x.reps >= 1" \
  " ORDER BY e.session_id, e.id"

static void
take_best (Best   *best,
           double  value,
           gint64  exercise_id)
{
  if (value > best->value)
    {
      best->value = value;
      best->exercise_id = exercise_id;
    }
}

static void
add_set (SessionSummary     *summary,
         AtOneRepMaxFormula  formula,
         gint64              exercise_id,
         gint64              reps,
         double              weight_kg)
{
  take_best (&summary->best[KIND_ONE_REP_MAX], at_one_rep_max_estimate (formula, weight_kg, reps),
             exercise_id);
  take_best (&summary->best[KIND_MAX_WEIGHT], weight_kg, exercise_id);
  take_best (&summary->best[KIND_MAX_REPS], (double) reps, exercise_id);

  /* Volume is the session's total for the exercise. */
  summary->best[KIND_MAX_VOLUME].value += (double) reps * weight_kg;
  if (summary->best[KIND_MAX_VOLUME].exercise_id == 0)
    summary->best[KIND_MAX_VOLUME].exercise_id = exercise_id;
}

/* The same sets of one session only: what an appended session adds. */
#define SETS_OF_SESSION_SQL \
  "SELECT s.id, s.started_at, e.id, x.reps, coalesce (x.weight, 0) * coalesce (u.conversion_factor, 1)" \
  " FROM activity_exercise e" \
  " JOIN activity_session s ON s.id = e.session_id" \
  " JOIN exercise_set x ON x.exercise_id = e.id" \
  " LEFT JOIN unit u ON u.id = x.weight_unit_id" \
  " WHERE e.session_id = ?3 AND e.user_id = ?1 AND e.activity_subtype_id = ?2" \
  "   AND s.deleted_at IS NULL AND s.is_template = 0 AND x.is_warmup = 0 AND x.reps >= 1" \
  " ORDER BY e.id"

int
_at_training_compare_times (gint64 started_at_a,
                            gint64 session_id_a,
                            gint64 started_at_b,
                            gint64 session_id_b)
{
  if (started_at_a != started_at_b)
    return started_at_a < started_at_b ? -1 : 1;
  return session_id_a < session_id_b ? -1 : session_id_a > session_id_b;
}

static int
compare_summaries_by_time (gconstpointer a,
                           gconstpointer b)
{
  const SessionSummary *x = a, *y = b;

  return _at_training_compare_times (x->started_at, x->session_id, y->started_at, y->session_id);
}

/* Reads the user's sets of an exercise as one summary per session, in
 * time order. The rows come in the order of the exercise index, by
 * session; sorting the few summaries here spares SQLite sorting every
 * set. */
static GArray *
summarize_sessions (AtStore             *store,
                    const char          *sql,
                    gint64               user_id,
                    gint64               subtype_id,
                    gint64               session_id,
                    AtOneRepMaxFormula   formula,
                    GError             **error)
{
  g_autoptr(AtStatement) stmt = _at_store_prepare (store, sql, error);
  g_autoptr(GArray) summaries = g_array_new (FALSE, TRUE, sizeof (SessionSummary));
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, subtype_id);
  if (session_id != 0)
    sqlite3_bind_int64 (stmt, 3, session_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row_session_id = sqlite3_column_int64 (stmt, 0);
      SessionSummary *last = summaries->len > 0
                           ? &g_array_index (summaries, SessionSummary, summaries->len - 1)
                           : NULL;

      if (last == NULL || last->session_id != row_session_id)
        {
          g_array_set_size (summaries, summaries->len + 1);
          last = &g_array_index (summaries, SessionSummary, summaries->len - 1);
          last->session_id = row_session_id;
          last->started_at = sqlite3_column_int64 (stmt, 1);
        }

      add_set (last, formula, sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3),
               sqlite3_column_double (stmt, 4));
    }

  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (store, rc, "personal_record", error);
      return NULL;
    }

  g_array_sort (summaries, compare_summaries_by_time);
  return g_steal_pointer (&summaries);
}

/* Walks the sessions in time order; fills the records and the exercises
 * that beat the best before them. */
static void
clear_records (Record records[N_KINDS])
{
  for (guint kind = 0; kind < N_KINDS; kind++)
    records[kind] = (Record) { .value = 0, .previous = NAN };
}

/* Walks the sessions after those @records stand for, in time order. */
static void
find_records (GArray  *summaries,
              Record   records[N_KINDS],
              GArray  *record_exercises)
{
  for (guint i = 0; i < summaries->len; i++)
    {
      const SessionSummary *summary = &g_array_index (summaries, SessionSummary, i);

      for (guint kind = 0; kind < N_KINDS; kind++)
        {
          const Best *best = &summary->best[kind];
          Record *record = &records[kind];

          if (best->value <= record->value)
            continue;

          record->previous = record->session_id != 0 ? record->value : NAN;
          record->value = best->value;
          record->session_id = summary->session_id;
          record->exercise_id = best->exercise_id;
          record->achieved_at = summary->started_at;
          g_array_append_val (record_exercises, ((RecordExercise) { best->exercise_id,
                                                                    summary->session_id }));
        }
    }
}

static gboolean
step_done (AtStore       *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _at_store_set_error (store, rc, _("Cannot update the personal records"), error);
  return TRUE;
}

static gboolean
store_record (AtStore       *store,
              gint64         user_id,
              gint64         subtype_id,
              RecordKind     kind,
              const Record  *record,
              GError       **error)
{
  g_autoptr(AtStatement) stmt = NULL;

  if (record->session_id == 0)
    {
      stmt = _at_store_prepare (store,
                                "DELETE FROM personal_record WHERE user_id = ?1"
                                " AND activity_subtype_id = ?2 AND record_type = ?3", error);
      if (stmt == NULL)
        return FALSE;
    }
  else
    {
      stmt = _at_store_prepare (store,
                                "INSERT INTO personal_record (user_id, activity_subtype_id, record_type,"
                                "   record_value, unit_id, session_id, exercise_id,"
                                "   previous_record_value, achieved_at)"
                                " VALUES (?1, ?2, ?3, round (?4, 2), ?5, ?6, ?7, round (?8, 2), ?9)"
                                " ON CONFLICT (user_id, activity_subtype_id, record_type) DO UPDATE SET"
                                "   record_value = excluded.record_value, unit_id = excluded.unit_id,"
                                "   session_id = excluded.session_id, exercise_id = excluded.exercise_id,"
                                "   previous_record_value = excluded.previous_record_value,"
                                "   achieved_at = excluded.achieved_at"
                                " WHERE (record_value, session_id, exercise_id, achieved_at)"
                                "   IS NOT (excluded.record_value, excluded.session_id,"
                                "           excluded.exercise_id, excluded.achieved_at)"
                                "   OR previous_record_value IS NOT excluded.previous_record_value",
                                error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_double (stmt, 4, record->value);
      if (kind != KIND_MAX_REPS)
        sqlite3_bind_int64 (stmt, 5, _at_store_get_kilogram_unit (store));
      sqlite3_bind_int64 (stmt, 6, record->session_id);
      sqlite3_bind_int64 (stmt, 7, record->exercise_id);
      if (!isnan (record->previous))
        sqlite3_bind_double (stmt, 8, record->previous);
      sqlite3_bind_int64 (stmt, 9, record->achieved_at);
    }

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, subtype_id);
  sqlite3_bind_text (stmt, 3, kind_names[kind], -1, SQLITE_STATIC);
  return step_done (store, stmt, error);
}

/* Reads the exercises of this kind that are marked as having set a
 * record (a small partial index holds just those). */
static GHashTable *
read_marked_exercises (AtStore  *store,
                       gint64    user_id,
                       gint64    subtype_id,
                       GError  **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  g_autoptr(GHashTable) marked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  int rc;

  stmt = _at_store_prepare (store,
                            "SELECT id, session_id FROM activity_exercise"
                            " WHERE user_id = ?1 AND activity_subtype_id = ?2 AND set_a_record = 1",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, subtype_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 session_id = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (marked, g_memdup2 (&id, sizeof id), g_memdup2 (&session_id, sizeof session_id));
    }
  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (store, rc, "activity_exercise", error);
      return NULL;
    }
  return g_steal_pointer (&marked);
}

static gboolean
mark_exercise (AtStore   *store,
               gint64     exercise_id,
               gboolean   set_a_record,
               GError   **error)
{
  g_autoptr(AtStatement) stmt =
    _at_store_prepare (store, "UPDATE activity_exercise SET set_a_record = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, exercise_id);
  sqlite3_bind_int (stmt, 2, set_a_record);
  return step_done (store, stmt, error);
}

/* A session is a PR session when one of its exercises set a record. The
 * test is written twice rather than once in a FROM, which SQLite fills
 * into a temporary table each time (a third more work per session). */
#define SESSION_HOLDS_RECORD \
  "EXISTS (SELECT 1 FROM activity_exercise WHERE session_id = ?1 AND set_a_record = 1)"

static gboolean
update_session_flag (AtStore  *store,
                     gint64    session_id,
                     GError  **error)
{
  g_autoptr(AtStatement) stmt =
    _at_store_prepare (store,
                       "UPDATE activity_session SET is_personal_record = " SESSION_HOLDS_RECORD
                       " WHERE id = ?1 AND is_personal_record IS NOT " SESSION_HOLDS_RECORD, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  return step_done (store, stmt, error);
}

/* Changes only the marks that differ from what is stored, and the PR flag
 * of the sessions holding them. */
static gboolean
store_flags (AtStore  *store,
             gint64    user_id,
             gint64    subtype_id,
             GArray   *record_exercises,
             GError  **error)
{
  g_autoptr(GHashTable) marked = read_marked_exercises (store, user_id, subtype_id, error);
  g_autoptr(GHashTable) sessions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) kept = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key, value;

  if (marked == NULL)
    return FALSE;

  for (guint i = 0; i < record_exercises->len; i++)
    {
      const RecordExercise *record = &g_array_index (record_exercises, RecordExercise, i);

      /* An exercise can beat several kinds at once: one mark. */
      if (!g_hash_table_add (kept, (gpointer) &record->exercise_id) ||
          g_hash_table_remove (marked, &record->exercise_id))
        continue;
      if (!mark_exercise (store, record->exercise_id, TRUE, error))
        return FALSE;
      g_hash_table_add (sessions, g_memdup2 (&record->session_id, sizeof record->session_id));
    }

  /* What is left was marked and no longer holds. */
  g_hash_table_iter_init (&iter, marked);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!mark_exercise (store, *(gint64 *) key, FALSE, error))
        return FALSE;
      g_hash_table_add (sessions, g_memdup2 (value, sizeof (gint64)));
    }

  g_hash_table_iter_init (&iter, sessions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!update_session_flag (store, *(gint64 *) key, error))
      return FALSE;

  return TRUE;
}

/* The records as they are stored, to go on from. */
static gboolean
read_records (AtStore  *store,
              gint64    user_id,
              gint64    subtype_id,
              Record    records[N_KINDS],
              GError  **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  int rc;

  stmt = _at_store_prepare (store,
                            "SELECT record_type, record_value, previous_record_value, session_id,"
                            "       coalesce (exercise_id, 0), achieved_at"
                            " FROM personal_record WHERE user_id = ?1 AND activity_subtype_id = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;

  clear_records (records);
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, subtype_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint kind = 0; kind < N_KINDS; kind++)
        {
          if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), kind_names[kind]) != 0)
            continue;
          records[kind] = (Record) {
            .value = sqlite3_column_double (stmt, 1),
            .previous = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? NAN
                                                                      : sqlite3_column_double (stmt, 2),
            .session_id = sqlite3_column_int64 (stmt, 3),
            .exercise_id = sqlite3_column_int64 (stmt, 4),
            .achieved_at = sqlite3_column_int64 (stmt, 5),
          };
        }
    }
  if (rc != SQLITE_DONE)
    return _at_store_set_error (store, rc, "personal_record", error);
  return TRUE;
}

/* Whether a session is the user's latest live one: then nothing after it
 * in time can change by it, and its records follow from the stored ones. */
static gboolean
is_latest_session (AtStore  *store,
                   gint64    user_id,
                   gint64    session_id,
                   gboolean *latest,
                   GError  **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  int rc;

  stmt = _at_store_prepare (store,
                            "SELECT NOT EXISTS (SELECT 1 FROM activity_session l"
                            "   WHERE l.user_id = ?1 AND l.deleted_at IS NULL AND l.id <> s.id"
                            "     AND (l.started_at, l.id) > (s.started_at, s.id))"
                            " FROM activity_session s WHERE s.id = ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, session_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _at_store_set_error (store, rc, "activity_session", error);
  *latest = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* A new session appended at the end of the history: compares its sets with
 * the stored records only, instead of walking the whole history. */
static gboolean
update_records_for_latest (AtStore             *store,
                           gint64               user_id,
                           gint64               subtype_id,
                           gint64               session_id,
                           AtOneRepMaxFormula   formula,
                           GError             **error)
{
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GArray) record_exercises = g_array_new (FALSE, FALSE, sizeof (RecordExercise));
  Record records[N_KINDS];

  summaries = summarize_sessions (store, SETS_OF_SESSION_SQL, user_id, subtype_id, session_id,
                                  formula, error);
  if (summaries == NULL || !read_records (store, user_id, subtype_id, records, error))
    return FALSE;

  find_records (summaries, records, record_exercises);
  if (record_exercises->len == 0)
    return TRUE;

  for (guint kind = 0; kind < N_KINDS; kind++)
    if (!store_record (store, user_id, subtype_id, kind, &records[kind], error))
      return FALSE;
  for (guint i = 0; i < record_exercises->len; i++)
    if (!mark_exercise (store, g_array_index (record_exercises, RecordExercise, i).exercise_id,
                        TRUE, error))
      return FALSE;
  return update_session_flag (store, session_id, error);
}

/**
 * _at_training_update_records:
 *
 * Recomputes a user's records of one exercise, the exercises that set them
 * and the PR flag of the sessions that hold the exercise.
 */
gboolean
_at_training_update_records (AtStore             *store,
                             gint64               user_id,
                             gint64               subtype_id,
                             gint64               appended_session_id,
                             AtOneRepMaxFormula   formula,
                             GError             **error)
{
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GArray) record_exercises = g_array_new (FALSE, FALSE, sizeof (RecordExercise));
  Record records[N_KINDS];
  gboolean latest = FALSE;

  if (appended_session_id != 0)
    {
      if (!is_latest_session (store, user_id, appended_session_id, &latest, error))
        return FALSE;
      if (latest)
        return update_records_for_latest (store, user_id, subtype_id, appended_session_id,
                                          formula, error);
    }

  summaries = summarize_sessions (store, SETS_OF_EXERCISE_SQL, user_id, subtype_id, 0, formula, error);
  if (summaries == NULL)
    return FALSE;

  clear_records (records);
  find_records (summaries, records, record_exercises);

  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      if (!store_record (store, user_id, subtype_id, kind, &records[kind], error))
        return FALSE;
    }

  return store_flags (store, user_id, subtype_id, record_exercises, error);
}

/**
 * _at_training_update_user:
 *
 * Brings a user's streaks and goals up to date with their sessions.
 */
gboolean
_at_training_update_user (AtStore  *store,
                          gint64    user_id,
                          GError  **error)
{
  return _at_streaks_update (store, user_id, error) &&
         _at_goals_update (store, user_id, error);
}

/* The body weight in kg of @user at @time: the latest measurement before
 * it, or the first one after it, NULL when none. */
#define BODY_WEIGHT_KG_OF(user, time, edge, order) \
  "(SELECT m.value * coalesce (u.conversion_factor, 1) FROM user_body_metric m" \
  " LEFT JOIN unit u ON u.id = m.unit_id" \
  " WHERE m.user_id = " user " AND m.measured_at " edge " " time \
  "   AND m.metric_type_id = (SELECT id FROM body_metric_type WHERE name = 'weight')" \
  " ORDER BY m.measured_at " order " LIMIT 1)"
/* ...of the session s when it started. */
#define BODY_WEIGHT_KG(edge, order) BODY_WEIGHT_KG_OF ("s.user_id", "s.started_at", edge, order)

/**
 * _at_training_update_session:
 *
 * Recomputes a session's total volume (reps × weight in kg over the
 * non-warm-up sets; NULL without sets) and its estimated calories (the
 * activity type's METs × body weight in kg × hours; NULL without a
 * duration or a known body weight).
 */
gboolean
_at_training_update_session (AtStore  *store,
                             gint64    session_id,
                             GError  **error)
{
  g_autoptr(AtStatement) stmt = NULL;

  stmt = _at_store_prepare (store,
                            "UPDATE activity_session SET total_volume = volume, estimated_calories = calories"
                            " FROM (SELECT"
                            "   (SELECT round (sum (CASE WHEN x.is_warmup = 0"
                            "      THEN coalesce (x.reps, 0) * coalesce (x.weight, 0)"
                            "           * coalesce (u.conversion_factor, 1) ELSE 0 END), 2)"
                            "    FROM activity_exercise e JOIN exercise_set x ON x.exercise_id = e.id"
                            "    LEFT JOIN unit u ON u.id = x.weight_unit_id"
                            "    WHERE e.session_id = s.id) AS volume,"
                            "   round (t.met_value * coalesce (" BODY_WEIGHT_KG ("<=", "DESC") ","
                            "                                  " BODY_WEIGHT_KG (">", "ASC") ")"
                            "          * s.duration_minutes / 60.0, 2) AS calories"
                            "  FROM activity_session s JOIN activity_type t ON t.id = s.activity_type_id"
                            "  WHERE s.id = ?1)"
                            " WHERE id = ?1"
                            "   AND (total_volume IS NOT volume OR estimated_calories IS NOT calories)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, session_id);
  return step_done (store, stmt, error);
}

/* The non-warm-up volume of a workout's sets in kg, unrounded; FALSE when
 * it has no sets at all (the volume is then NULL, not 0). Unset warm-up
 * flags are stored as 0, so they count, as in SESSION_TOTALS_SQL. */
static gboolean
workout_volume (AtStore   *store,
                AtWorkout *workout,
                double    *volume)
{
  gboolean any_set = FALSE;

  *volume = 0;
  for (guint i = 0; i < at_workout_get_n_exercises (workout); i++)
    {
      GPtrArray *sets = at_workout_get_sets (workout, i);

      for (guint j = 0; j < sets->len; j++)
        {
          AtRecord *set = g_ptr_array_index (sets, j);
          double factor = 1;

          any_set = TRUE;
          if (at_record_get_boolean (set, "is_warmup"))
            continue;
          if (at_record_is_null (set, "reps") || at_record_is_null (set, "weight"))
            continue;
          if (!at_record_is_null (set, "weight_unit_id"))
            factor = _at_store_get_unit_factor (store, at_record_get_int (set, "weight_unit_id"));
          *volume += at_record_get_int (set, "reps") * at_record_get_double (set, "weight") * factor;
        }
    }
  return any_set;
}

/**
 * _at_training_fill_totals:
 *
 * Sets the total volume and estimated calories of a workout's session from
 * the workout in memory, before it is written, by the same rules as
 * _at_training_update_session(), which then has nothing left to change:
 * saving a workout writes its session once. SQLite does the rounding and
 * the body-weight lookup, so that both paths give the same numbers.
 */
gboolean
_at_training_fill_totals (AtStore    *store,
                          gint64      user_id,
                          AtWorkout  *workout,
                          GError    **error)
{
  AtRecord *session = AT_RECORD (at_workout_get_session (workout));
  g_autoptr(AtStatement) stmt = NULL;
  double volume;
  int rc;

  /* duration_minutes is generated from ended_at: the same formula here.
   * The user and start are parameters, not a subquery in FROM, which
   * SQLite would fill into a temporary table each time. */
  stmt = _at_store_prepare (store,
                            "SELECT round (?1, 2),"
                            " round (t.met_value * coalesce (" BODY_WEIGHT_KG_OF ("?3", "?4", "<=", "DESC") ","
                            "                                " BODY_WEIGHT_KG_OF ("?3", "?4", ">", "ASC") ")"
                            "        * ((?5 - ?4 + 30) / 60) / 60.0, 2)"
                            " FROM activity_type t"
                            " WHERE t.id = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;

  if (workout_volume (store, workout, &volume))
    sqlite3_bind_double (stmt, 1, volume);
  sqlite3_bind_int64 (stmt, 2, at_record_get_int (session, "activity_type_id"));
  sqlite3_bind_int64 (stmt, 3, user_id);
  sqlite3_bind_int64 (stmt, 4, at_record_get_int (session, "started_at"));
  if (!at_record_is_null (session, "ended_at"))
    sqlite3_bind_int64 (stmt, 5, at_record_get_int (session, "ended_at"));

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _at_store_set_error (store, rc, "activity_session", error);

  /* No such activity type: the insert names that error. */
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    at_record_set_double (session, "total_volume", sqlite3_column_double (stmt, 0));
  else
    at_record_set_null (session, "total_volume");
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    at_record_set_double (session, "estimated_calories", sqlite3_column_double (stmt, 1));
  else
    at_record_set_null (session, "estimated_calories");
  return TRUE;
}
