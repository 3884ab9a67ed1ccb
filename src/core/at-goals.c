/* at-goals.c: the progress of a user's goals and their milestones.
 *
 * Each active goal is recomputed from scratch from the user's live,
 * non-template sessions (or body measurements) whenever a transaction
 * touched them, so a back-dated entry, an edit or a deletion gives the
 * same progress as if history had been typed in order; a goal that a
 * deletion leaves unmet is completed no more. Days are the sessions'
 * stored local dates; "today" and "this week" are the user's, by
 * at_store_get_now(). Dates are inclusive: a goal met on its target date
 * is met.
 *
 * Per goal type (goal_type.name):
 *  - frequency: current = sessions (of the activity type, if set) this ISO
 *    week; target = frequency_per_week, else target_value. Completed once
 *    the target date has come, if every week from the start date's through
 *    the target date's had the target, at the session that brought the last
 *    week to it.
 *  - performance: the best estimated 1RM (the store's formula, warm-ups
 *    left out) of the exercise, or with metric_name the best value of that
 *    session metric, since the start date, in the target unit. Completed at
 *    the first session on or before the target date that reached the target.
 *  - habit: distinct active days from the start date through the target date.
 *  - time_based: minutes of the sessions from the start date through the
 *    target date, in the target unit (minutes unless it is another unit of
 *    time).
 *  - body_composition: the latest measurement of body_metric_type_id, in the
 *    target unit. The goal goes down when the measurement it started from
 *    (the last at or before the start date, else the first after it) is
 *    above the target, up otherwise; completed when the latest value is at
 *    the target in that direction, at the first measurement since the start
 *    date (on or before the target date) that reached it.
 * A goal these rules cannot measure (a performance goal with neither an
 * exercise nor a metric, a body goal without a measurement type, a type of
 * its own) is left as the user keeps it.
 *
 * Milestones: achieved while the current value is past their target in the
 * goal's direction, at the first step of the goal's history that got there
 * (or, when the history cannot say, the moment it was noticed).
 */

#define G_LOG_DOMAIN "at-goals"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "at-goals.h"
#include "at-store-private.h"
#include "at-streaks.h"
#include "at-training.h"

typedef enum
{
  KIND_OTHER,
  KIND_FREQUENCY,
  KIND_PERFORMANCE,
  KIND_HABIT,
  KIND_TIME_BASED,
  KIND_BODY_COMPOSITION,
} GoalKind;

static const char * const kind_names[] = {
  [KIND_FREQUENCY] = "frequency",
  [KIND_PERFORMANCE] = "performance",
  [KIND_HABIT] = "habit",
  [KIND_TIME_BASED] = "time_based",
  [KIND_BODY_COMPOSITION] = "body_composition",
};

/* A goal as stored. Ids are 0 and days 0 for NULL. */
typedef struct
{
  gint64    id;
  GoalKind  kind;
  gint64    activity_type_id;
  gint64    subtype_id;
  char     *metric_name;
  gint64    body_metric_type_id;
  gboolean  has_target;
  double    target;
  gint64    target_unit_id;
  gboolean  has_current;
  double    current;
  guint32   start_day;
  guint32   target_day;
  gint64    frequency_per_week;
  gboolean  is_completed;
  gboolean  has_completed_at;
  gint64    completed_at;
} Goal;

/* Where a goal's measure stood after one event of its history. */
typedef struct
{
  gint64  time;
  guint32 day;
  double  value;
} Step;

/* What the rules make of a goal. */
typedef struct
{
  gboolean  known;        /* FALSE: the rules cannot measure this goal */
  gboolean  has_current;
  double    current;
  gboolean  decreasing;
  double    start_value;  /* body goals: the value the goal started from, or NAN */
  gboolean  completed;
  gint64    completed_at;
  GArray   *steps;        /* of Step, in time order, for the milestones */
} Progress;

/* What every goal of one user shares while it is computed. */
typedef struct
{
  AtStore   *store;
  gint64     user_id;
  GTimeZone *zone;
  guint32    today;
  gint64     now;
} Context;

/* A session as the session-count rules see it. */
typedef struct
{
  gint64  started_at;
  guint32 day;
  gint64  minutes;
} SessionRow;

#define LAST_DAY "9999-12-31"

#define ACTIVE_GOALS_SQL \
  "SELECT g.id, t.name, g.activity_type_id, g.activity_subtype_id, g.metric_name," \
  "       g.body_metric_type_id, g.target_value, g.target_unit_id, g.current_value," \
  "       g.start_date, g.target_date, g.frequency_per_week, g.is_completed, g.completed_at" \
  " FROM user_goal g JOIN goal_type t ON t.id = g.goal_type_id" \
  " WHERE g.user_id = ?1 AND g.is_active = 1 ORDER BY g.id"

#define SESSIONS_SQL \
  "SELECT started_at, local_date, coalesce (duration_minutes, 0) FROM activity_session" \
  " WHERE user_id = ?1 AND deleted_at IS NULL AND is_template = 0" \
  "   AND (?2 IS NULL OR activity_type_id = ?2) AND local_date BETWEEN ?3 AND ?4" \
  " ORDER BY started_at, id"

/* In the order of the exercise index, by session: measure_one_rep_max()
 * puts the sessions in time order, which spares SQLite sorting every set. */
#define ONE_REP_MAX_SETS_SQL \
  "SELECT s.id, s.started_at, s.local_date, x.reps," \
  "       coalesce (x.weight, 0) * coalesce (u.conversion_factor, 1)" \
  " FROM activity_exercise e" \
  " JOIN activity_session s ON s.id = e.session_id" \
  " JOIN exercise_set x ON x.exercise_id = e.id" \
  " LEFT JOIN unit u ON u.id = x.weight_unit_id" \
  " WHERE e.user_id = ?1 AND e.activity_subtype_id = ?2 AND s.deleted_at IS NULL" \
  "   AND s.is_template = 0 AND x.is_warmup = 0 AND x.reps >= 1 AND s.local_date >= ?3" \
  " ORDER BY e.session_id"

#define METRICS_SQL \
  "SELECT s.started_at, s.local_date, m.metric_value_numeric, m.unit_id" \
  " FROM activity_metric m JOIN activity_session s ON s.id = m.session_id" \
  " WHERE s.user_id = ?1 AND s.deleted_at IS NULL AND s.is_template = 0" \
  "   AND (?2 IS NULL OR s.activity_type_id = ?2) AND m.metric_name = ?3" \
  "   AND m.metric_value_numeric IS NOT NULL AND s.local_date >= ?4" \
  " ORDER BY s.started_at, s.id, m.id"

#define MEASUREMENTS_SQL \
  "SELECT measured_at, value, unit_id FROM user_body_metric" \
  " WHERE user_id = ?1 AND metric_type_id = ?2 ORDER BY measured_at, id"

/* Helpers */

static void
goal_clear (gpointer data)
{
  Goal *goal = data;

  g_clear_pointer (&goal->metric_name, g_free);
}

static void
progress_clear (Progress *progress)
{
  g_clear_pointer (&progress->steps, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Progress, progress_clear)

static void
context_clear (Context *context)
{
  g_clear_pointer (&context->zone, g_time_zone_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Context, context_clear)

static void
context_init (Context *context,
              AtStore *store,
              gint64   user_id)
{
  context->store = store;
  context->user_id = user_id;
  context->zone = _at_streaks_get_user_zone (store, user_id);
  context->now = at_store_get_now (store);
  context->today = _at_streaks_local_day (context->zone, context->now);
}

static GoalKind
kind_from_name (const char *name)
{
  for (guint i = 1; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_strcmp0 (name, kind_names[i]) == 0)
        return (GoalKind) i;
    }
  return KIND_OTHER;
}

/* Decimals as user_goal keeps them (DECIMAL(10,2)). */
static double
round2 (double value)
{
  return round (value * 100.0) / 100.0;
}

static gboolean
passes (double   value,
        double   threshold,
        gboolean decreasing)
{
  return decreasing ? round2 (value) <= round2 (threshold)
                    : round2 (value) >= round2 (threshold);
}

/* Returns: the first step at the threshold on or before @until_day (0 for
 * any day), or NULL. */
static const Step *
first_reaching (GArray   *steps,
                double    threshold,
                gboolean  decreasing,
                guint32   until_day)
{
  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      const Step *step = &g_array_index (steps, Step, i);

      if (until_day != 0 && step->day > until_day)
        break;
      if (passes (step->value, threshold, decreasing))
        return step;
    }
  return NULL;
}

static void
add_step (Progress *progress,
          gint64    time,
          guint32   day,
          double    value)
{
  Step step = { time, day, value };

  g_array_append_val (progress->steps, step);
}

static gint64
column_id (sqlite3_stmt *stmt,
           int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, column);
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id != 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_day (sqlite3_stmt *stmt,
          int           index,
          guint32       day)
{
  char text[11];

  if (day == 0)
    {
      sqlite3_bind_text (stmt, index, LAST_DAY, -1, SQLITE_STATIC);
      return;
    }
  _at_streaks_format_day (day, text);
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static guint32
monday_of (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return day - (g_date_get_weekday (&date) - G_DATE_MONDAY);
}

/* The factor of a unit to its type's base unit, NAN when unknown. */
static double
unit_factor (AtStore *store,
             gint64   unit_id)
{
  g_autoptr(AtStatement) stmt = NULL;

  if (unit_id == 0)
    return NAN;

  stmt = _at_store_prepare (store, "SELECT conversion_factor FROM unit WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NAN;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, 0);
}

/* Converts when both units are known, of the same type, with factors. */
static double
convert (AtStore *store,
         double   value,
         gint64   from_unit,
         gint64   to_unit)
{
  const char *from_type;
  const char *to_type;
  double from_factor;
  double to_factor;

  if (from_unit == 0 || to_unit == 0 || from_unit == to_unit)
    return value;

  from_type = _at_store_get_unit_type (store, from_unit);
  to_type = _at_store_get_unit_type (store, to_unit);
  from_factor = unit_factor (store, from_unit);
  to_factor = unit_factor (store, to_unit);
  if (from_type == NULL || g_strcmp0 (from_type, to_type) != 0 ||
      isnan (from_factor) || isnan (to_factor) || to_factor == 0)
    return value;

  return value * from_factor / to_factor;
}

/* Reading */

static void
load_goal (Goal         *goal,
           sqlite3_stmt *stmt)
{
  goal->id = sqlite3_column_int64 (stmt, 0);
  goal->kind = kind_from_name ((const char *) sqlite3_column_text (stmt, 1));
  goal->activity_type_id = column_id (stmt, 2);
  goal->subtype_id = column_id (stmt, 3);
  goal->metric_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  goal->body_metric_type_id = column_id (stmt, 5);
  goal->has_target = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
  goal->target = sqlite3_column_double (stmt, 6);
  goal->target_unit_id = column_id (stmt, 7);
  goal->has_current = sqlite3_column_type (stmt, 8) != SQLITE_NULL;
  goal->current = sqlite3_column_double (stmt, 8);
  goal->start_day = _at_streaks_parse_day ((const char *) sqlite3_column_text (stmt, 9));
  goal->target_day = _at_streaks_parse_day ((const char *) sqlite3_column_text (stmt, 10));
  goal->frequency_per_week = column_id (stmt, 11);
  goal->is_completed = sqlite3_column_int (stmt, 12) != 0;
  goal->has_completed_at = sqlite3_column_type (stmt, 13) != SQLITE_NULL;
  goal->completed_at = sqlite3_column_int64 (stmt, 13);
}

/* Returns: (element-type Goal): the user's active goals. */
static GArray *
read_active_goals (Context  *context,
                   GError  **error)
{
  g_autoptr(AtStatement) stmt = _at_store_prepare (context->store, ACTIVE_GOALS_SQL, error);
  g_autoptr(GArray) goals = g_array_new (FALSE, TRUE, sizeof (Goal));
  int rc;

  if (stmt == NULL)
    return NULL;

  g_array_set_clear_func (goals, goal_clear);
  sqlite3_bind_int64 (stmt, 1, context->user_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_array_set_size (goals, goals->len + 1);
      load_goal (&g_array_index (goals, Goal, goals->len - 1), stmt);
    }

  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (context->store, rc, "user_goal", error);
      return NULL;
    }
  return g_steal_pointer (&goals);
}

/* Returns: (element-type SessionRow): the user's sessions of the goal's
 * activity type (any, when it has none) between two days, in time order. */
static GArray *
read_sessions (Context     *context,
               const Goal  *goal,
               guint32      first_day,
               guint32      last_day,
               GError     **error)
{
  g_autoptr(AtStatement) stmt = _at_store_prepare (context->store, SESSIONS_SQL, error);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (SessionRow));
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, context->user_id);
  bind_id_or_null (stmt, 2, goal->activity_type_id);
  bind_day (stmt, 3, first_day);
  bind_day (stmt, 4, last_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SessionRow row = {
        .started_at = sqlite3_column_int64 (stmt, 0),
        .day = _at_streaks_parse_day ((const char *) sqlite3_column_text (stmt, 1)),
        .minutes = sqlite3_column_int64 (stmt, 2),
      };

      g_array_append_val (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (context->store, rc, "user_goal", error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* The rules, one per goal type */

static double
frequency_target (const Goal *goal)
{
  if (goal->frequency_per_week > 0)
    return (double) goal->frequency_per_week;
  return goal->has_target ? goal->target : 0;
}

/* Every week from the start date's through the target date's had the
 * target: completed at the session that brought the last week to it. */
static gboolean
check_frequency_weeks (Context   *context,
                       Goal      *goal,
                       double     target,
                       Progress  *progress,
                       GError   **error)
{
  guint32 first_monday = monday_of (goal->start_day);
  guint32 last_monday = monday_of (goal->target_day);
  guint n_weeks = (last_monday - first_monday) / 7 + 1;
  g_autofree guint *counts = g_new0 (guint, n_weeks);
  g_autoptr(GArray) rows = NULL;
  gint64 reached_at = 0;

  rows = read_sessions (context, goal, first_monday, last_monday + 6, error);
  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      const SessionRow *row = &g_array_index (rows, SessionRow, i);
      guint week;

      if (row->day < first_monday)
        continue;
      week = (row->day - first_monday) / 7;
      counts[week]++;
      if (week == n_weeks - 1 && reached_at == 0 && counts[week] >= target)
        reached_at = row->started_at;
    }

  for (guint week = 0; week < n_weeks; week++)
    {
      if (counts[week] < target)
        return TRUE;
    }

  progress->completed = TRUE;
  progress->completed_at = reached_at;
  return TRUE;
}

static gboolean
measure_frequency (Context   *context,
                   Goal      *goal,
                   Progress  *progress,
                   GError   **error)
{
  guint32 monday = monday_of (context->today);
  double target = frequency_target (goal);
  g_autoptr(GArray) rows = read_sessions (context, goal, monday, monday + 6, error);

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      const SessionRow *row = &g_array_index (rows, SessionRow, i);

      add_step (progress, row->started_at, row->day, (double) (i + 1));
    }
  progress->has_current = TRUE;
  progress->current = (double) rows->len;

  if (target <= 0 || goal->start_day == 0 || goal->target_day == 0 ||
      goal->target_day > context->today || goal->target_day < goal->start_day)
    return TRUE;

  return check_frequency_weeks (context, goal, target, progress, error);
}

/* Habit: distinct active days; time based: minutes, in the target unit. */
static gboolean
measure_days_or_time (Context   *context,
                      Goal      *goal,
                      Progress  *progress,
                      GError   **error)
{
  g_autoptr(GArray) rows = read_sessions (context, goal, goal->start_day, goal->target_day, error);
  g_autoptr(GHashTable) days = g_hash_table_new (NULL, NULL);
  gboolean habit = goal->kind == KIND_HABIT;
  double per_minute = 1.0;
  double value = 0;

  if (rows == NULL)
    return FALSE;

  if (!habit && goal->target_unit_id != 0)
    {
      double factor = unit_factor (context->store, goal->target_unit_id);

      if (g_strcmp0 (_at_store_get_unit_type (context->store, goal->target_unit_id), "time") == 0 &&
          !isnan (factor) && factor > 0)
        per_minute = 60.0 / factor;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const SessionRow *row = &g_array_index (rows, SessionRow, i);

      if (habit && g_hash_table_add (days, GUINT_TO_POINTER (row->day)))
        value += 1;
      else if (!habit && row->minutes > 0)
        value += (double) row->minutes * per_minute;
      else
        continue;
      add_step (progress, row->started_at, row->day, value);
    }

  progress->has_current = TRUE;
  progress->current = value;
  return TRUE;
}

static double
target_weight (Context *context,
               Goal    *goal,
               double   kilograms)
{
  return convert (context->store, kilograms, _at_store_get_kilogram_unit (context->store),
                  goal->target_unit_id);
}

/* A session's best estimated 1RM of the goal's exercise. */
typedef struct
{
  gint64  session_id;
  gint64  started_at;
  guint32 day;
  double  best;
} SessionBest;

static int
compare_session_bests (gconstpointer a,
                       gconstpointer b)
{
  const SessionBest *x = a, *y = b;

  return _at_training_compare_times (x->started_at, x->session_id, y->started_at, y->session_id);
}

/* Performance of an exercise: the best estimated 1RM so far. A session
 * that beats every earlier one is a step (each set that did would be a
 * step at the same moment). */
static gboolean
measure_one_rep_max (Context   *context,
                     Goal      *goal,
                     Progress  *progress,
                     GError   **error)
{
  g_autoptr(AtStatement) stmt = _at_store_prepare (context->store, ONE_REP_MAX_SETS_SQL, error);
  g_autoptr(GArray) sessions = g_array_new (FALSE, FALSE, sizeof (SessionBest));
  AtOneRepMaxFormula formula = at_store_get_one_rep_max_formula (context->store);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, context->user_id);
  sqlite3_bind_int64 (stmt, 2, goal->subtype_id);
  bind_day (stmt, 3, goal->start_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 session_id = sqlite3_column_int64 (stmt, 0);
      double estimate = at_one_rep_max_estimate (formula, sqlite3_column_double (stmt, 4),
                                                 sqlite3_column_int64 (stmt, 3));
      SessionBest *last = sessions->len > 0
                        ? &g_array_index (sessions, SessionBest, sessions->len - 1) : NULL;

      if (last == NULL || last->session_id != session_id)
        {
          SessionBest best = {
            session_id, sqlite3_column_int64 (stmt, 1),
            _at_streaks_parse_day ((const char *) sqlite3_column_text (stmt, 2)), estimate,
          };

          g_array_append_val (sessions, best);
        }
      else
        last->best = MAX (last->best, estimate);
    }

  if (rc != SQLITE_DONE)
    return _at_store_set_error (context->store, rc, "user_goal", error);

  g_array_sort (sessions, compare_session_bests);
  for (guint i = 0; i < sessions->len; i++)
    {
      const SessionBest *session = &g_array_index (sessions, SessionBest, i);
      double value = target_weight (context, goal, session->best);

      if (progress->has_current && value <= progress->current)
        continue;
      progress->has_current = TRUE;
      progress->current = value;
      add_step (progress, session->started_at, session->day, value);
    }
  return TRUE;
}

/* Performance in a session metric: its best value so far. */
static gboolean
measure_metric (Context   *context,
                Goal      *goal,
                Progress  *progress,
                GError   **error)
{
  g_autoptr(AtStatement) stmt = _at_store_prepare (context->store, METRICS_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, context->user_id);
  bind_id_or_null (stmt, 2, goal->activity_type_id);
  sqlite3_bind_text (stmt, 3, goal->metric_name, -1, SQLITE_TRANSIENT);
  bind_day (stmt, 4, goal->start_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      double value = convert (context->store, sqlite3_column_double (stmt, 2),
                              column_id (stmt, 3), goal->target_unit_id);

      if (progress->has_current && value <= progress->current)
        continue;
      progress->has_current = TRUE;
      progress->current = value;
      add_step (progress, sqlite3_column_int64 (stmt, 0),
                _at_streaks_parse_day ((const char *) sqlite3_column_text (stmt, 1)), value);
    }

  if (rc != SQLITE_DONE)
    return _at_store_set_error (context->store, rc, "user_goal", error);
  return TRUE;
}

static gboolean
measure_performance (Context   *context,
                     Goal      *goal,
                     Progress  *progress,
                     GError   **error)
{
  if (goal->metric_name != NULL)
    return measure_metric (context, goal, progress, error);
  if (goal->subtype_id != 0)
    return measure_one_rep_max (context, goal, progress, error);

  progress->known = FALSE;
  return TRUE;
}

/* The unit body goals are measured in: the target's, else the type's. */
static gint64
body_unit (Context *context,
           Goal    *goal)
{
  g_autoptr(AtStatement) stmt = NULL;

  if (goal->target_unit_id != 0)
    return goal->target_unit_id;

  stmt = _at_store_prepare (context->store,
                            "SELECT default_unit_id FROM body_metric_type WHERE id = ?1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, goal->body_metric_type_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? column_id (stmt, 0) : 0;
}

/* Body composition: every measurement since the start date is a step; the
 * current value is the latest measurement of all. */
static gboolean
measure_body (Context   *context,
              Goal      *goal,
              Progress  *progress,
              GError   **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  gint64 unit_id;
  double start_value = NAN;
  int rc;

  if (goal->body_metric_type_id == 0)
    {
      progress->known = FALSE;
      return TRUE;
    }

  unit_id = body_unit (context, goal);
  stmt = _at_store_prepare (context->store, MEASUREMENTS_SQL, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, context->user_id);
  sqlite3_bind_int64 (stmt, 2, goal->body_metric_type_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 measured_at = sqlite3_column_int64 (stmt, 0);
      guint32 day = _at_streaks_local_day (context->zone, measured_at);
      double value = convert (context->store, sqlite3_column_double (stmt, 1),
                              column_id (stmt, 2), unit_id);

      /* The last at or before the start date, else the first after it. */
      if (day <= goal->start_day || isnan (start_value))
        start_value = value;
      if (day >= goal->start_day)
        add_step (progress, measured_at, day, value);
      progress->has_current = TRUE;
      progress->current = value;
    }

  if (rc != SQLITE_DONE)
    return _at_store_set_error (context->store, rc, "user_goal", error);

  progress->start_value = start_value;
  progress->decreasing = goal->has_target && !isnan (start_value) && start_value > goal->target;
  return TRUE;
}

/* Completion from the history: the first step at the target, on or before
 * the target date, while the current value is there too. */
static void
complete_from_steps (Goal     *goal,
                     Progress *progress)
{
  const Step *step;

  if (!goal->has_target || !progress->has_current ||
      !passes (progress->current, goal->target, progress->decreasing))
    return;

  step = first_reaching (progress->steps, goal->target, progress->decreasing, goal->target_day);
  if (step == NULL)
    return;

  progress->completed = TRUE;
  progress->completed_at = step->time;
}

static gboolean
measure_goal (Context   *context,
              Goal      *goal,
              Progress  *progress,
              GError   **error)
{
  *progress = (Progress) {
    .known = TRUE,
    .start_value = NAN,
    .steps = g_array_new (FALSE, FALSE, sizeof (Step)),
  };

  if (goal->start_day == 0)
    {
      progress->known = FALSE;
      return TRUE;
    }

  switch (goal->kind)
    {
    case KIND_FREQUENCY:
      return measure_frequency (context, goal, progress, error);
    case KIND_PERFORMANCE:
      if (!measure_performance (context, goal, progress, error))
        return FALSE;
      break;
    case KIND_HABIT:
    case KIND_TIME_BASED:
      if (!measure_days_or_time (context, goal, progress, error))
        return FALSE;
      break;
    case KIND_BODY_COMPOSITION:
      if (!measure_body (context, goal, progress, error))
        return FALSE;
      break;
    case KIND_OTHER:
    default:
      progress->known = FALSE;
      return TRUE;
    }

  complete_from_steps (goal, progress);
  return TRUE;
}

/* Writing */

static gboolean
step_done (AtStore       *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return _at_store_set_error (store, rc, _("Cannot update the goals"), error);
  return TRUE;
}

static gboolean
same_goal (const Goal     *goal,
           const Progress *progress)
{
  if (goal->has_current != progress->has_current ||
      (progress->has_current && goal->current != round2 (progress->current)))
    return FALSE;
  if (goal->is_completed != progress->completed ||
      goal->has_completed_at != progress->completed)
    return FALSE;
  return !progress->completed || goal->completed_at == progress->completed_at;
}

static gboolean
store_goal (Context         *context,
            const Goal      *goal,
            const Progress  *progress,
            GError         **error)
{
  g_autoptr(AtStatement) stmt = NULL;

  if (same_goal (goal, progress))
    return TRUE;

  stmt = _at_store_prepare (context->store,
                            "UPDATE user_goal SET current_value = ?2, is_completed = ?3,"
                            " completed_at = ?4, updated_at = unixepoch () WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, goal->id);
  if (progress->has_current)
    sqlite3_bind_double (stmt, 2, round2 (progress->current));
  sqlite3_bind_int (stmt, 3, progress->completed ? 1 : 0);
  if (progress->completed)
    sqlite3_bind_int64 (stmt, 4, progress->completed_at);
  return step_done (context->store, stmt, error);
}

/* A milestone as stored, and as it should be. */
typedef struct
{
  gint64   id;
  double   target;
  gboolean is_achieved;
  gboolean has_achieved_at;
  gint64   achieved_at;
} Milestone;

static GArray *
read_milestones (Context  *context,
                 gint64    goal_id,
                 GError  **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  g_autoptr(GArray) milestones = g_array_new (FALSE, TRUE, sizeof (Milestone));
  int rc;

  stmt = _at_store_prepare (context->store,
                            "SELECT id, target_value, is_achieved, achieved_at FROM goal_milestone"
                            " WHERE goal_id = ?1 AND target_value IS NOT NULL ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, goal_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Milestone milestone = {
        .id = sqlite3_column_int64 (stmt, 0),
        .target = sqlite3_column_double (stmt, 1),
        .is_achieved = sqlite3_column_int (stmt, 2) != 0,
        .has_achieved_at = sqlite3_column_type (stmt, 3) != SQLITE_NULL,
        .achieved_at = sqlite3_column_int64 (stmt, 3),
      };

      g_array_append_val (milestones, milestone);
    }

  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (context->store, rc, "goal_milestone", error);
      return NULL;
    }
  return g_steal_pointer (&milestones);
}

static gboolean
store_milestone (Context          *context,
                 const Milestone  *old,
                 gboolean          achieved,
                 gint64            achieved_at,
                 GError          **error)
{
  g_autoptr(AtStatement) stmt = NULL;

  if (old->is_achieved == achieved && old->has_achieved_at == achieved &&
      (!achieved || old->achieved_at == achieved_at))
    return TRUE;

  stmt = _at_store_prepare (context->store,
                            "UPDATE goal_milestone SET is_achieved = ?2, achieved_at = ?3"
                            " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, old->id);
  sqlite3_bind_int (stmt, 2, achieved ? 1 : 0);
  if (achieved)
    sqlite3_bind_int64 (stmt, 3, achieved_at);
  return step_done (context->store, stmt, error);
}

static gboolean
update_milestones (Context         *context,
                   const Goal      *goal,
                   const Progress  *progress,
                   GError         **error)
{
  g_autoptr(GArray) milestones = read_milestones (context, goal->id, error);

  if (milestones == NULL)
    return FALSE;

  for (guint i = 0; i < milestones->len; i++)
    {
      const Milestone *milestone = &g_array_index (milestones, Milestone, i);
      gboolean achieved = progress->has_current &&
                          passes (progress->current, milestone->target, progress->decreasing);
      gint64 achieved_at = 0;

      if (achieved)
        {
          const Step *step = first_reaching (progress->steps, milestone->target,
                                             progress->decreasing, 0);

          if (step != NULL)
            achieved_at = step->time;
          else if (milestone->is_achieved && milestone->has_achieved_at)
            achieved_at = milestone->achieved_at;
          else
            achieved_at = context->now;
        }

      if (!store_milestone (context, milestone, achieved, achieved_at, error))
        return FALSE;
    }
  return TRUE;
}

/* Internal API */

/**
 * _at_goals_update:
 *
 * Recomputes the progress of the user's active goals and their milestones,
 * writing only the rows that changed. Inactive goals keep what they had.
 */
gboolean
_at_goals_update (AtStore  *store,
                  gint64    user_id,
                  GError  **error)
{
  g_auto(Context) context = { 0 };
  g_autoptr(GArray) goals = NULL;

  g_assert (AT_IS_STORE (store));

  context_init (&context, store, user_id);
  goals = read_active_goals (&context, error);
  if (goals == NULL)
    return FALSE;

  for (guint i = 0; i < goals->len; i++)
    {
      Goal *goal = &g_array_index (goals, Goal, i);
      g_auto(Progress) progress = { 0 };

      if (!measure_goal (&context, goal, &progress, error))
        return FALSE;
      if (!progress.known)
        continue;
      if (!store_goal (&context, goal, &progress, error) ||
          !update_milestones (&context, goal, &progress, error))
        return FALSE;
    }

  return TRUE;
}

/* Public API */

/**
 * at_store_refresh_goals:
 * @user_id: the user the call acts for
 *
 * Recomputes the user's goals as of at_store_get_now(): what changes with
 * the calendar alone (this week's count, a target date that has come).
 */
gboolean
at_store_refresh_goals (AtStore  *store,
                        gint64    user_id,
                        GError  **error)
{
  g_return_val_if_fail (AT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!at_store_begin (store, error))
    return FALSE;

  if (!_at_goals_update (store, user_id, error) || !at_store_commit (store, error))
    {
      at_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

static double
clamp_fraction (double value)
{
  return isnan (value) ? 0 : CLAMP (value, 0.0, 1.0);
}

/**
 * at_store_get_goal_progress:
 * @user_id: the user the call acts for
 * @goal: a stored goal of the user's
 *
 * Returns: the share of the goal done, between 0 and 1 (0 on error).
 */
double
at_store_get_goal_progress (AtStore  *store,
                            gint64    user_id,
                            AtGoal   *goal,
                            GError  **error)
{
  AtRecord *record = AT_RECORD (goal);
  g_auto(Context) context = { 0 };
  g_autoptr(GArray) goals = NULL;
  double target = NAN;

  g_return_val_if_fail (AT_IS_STORE (store), 0);
  g_return_val_if_fail (AT_IS_GOAL (goal), 0);

  if (at_record_get_boolean (record, "is_completed"))
    return 1;
  if (!at_record_is_null (record, "frequency_per_week"))
    target = (double) at_record_get_int (record, "frequency_per_week");
  else if (!at_record_is_null (record, "target_value"))
    target = at_record_get_double (record, "target_value");
  if (at_record_is_null (record, "current_value") || isnan (target))
    return 0;

  context_init (&context, store, user_id);
  goals = read_active_goals (&context, error);
  if (goals == NULL)
    return 0;

  for (guint i = 0; i < goals->len; i++)
    {
      Goal *stored = &g_array_index (goals, Goal, i);
      g_auto(Progress) progress = { 0 };

      if (stored->id != at_record_get_id (record) || stored->kind != KIND_BODY_COMPOSITION)
        continue;
      if (!measure_goal (&context, stored, &progress, error))
        return 0;
      if (isnan (progress.start_value) || progress.start_value == stored->target)
        return passes (progress.current, stored->target, progress.decreasing) ? 1 : 0;
      return clamp_fraction ((progress.start_value - progress.current) /
                             (progress.start_value - stored->target));
    }

  if (target == 0)
    return 1;
  return clamp_fraction (at_record_get_double (record, "current_value") / target);
}
