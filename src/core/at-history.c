/* at-history.c: the series behind the progress charts. */

#define G_LOG_DOMAIN "at-history"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "at-history.h"
#include "at-store-private.h"

/* One row per set: the session's sums are made here, where the 1RM formula
 * is. Warm-ups and sets without reps count for nothing, as in the
 * personal records. */
#define EXERCISE_SQL \
  "SELECT s.id, s.started_at, x.reps, coalesce (x.weight, 0) * coalesce (u.conversion_factor, 1)" \
  " FROM activity_exercise e" \
  " JOIN activity_session s ON s.id = e.session_id" \
  " JOIN exercise_set x ON x.exercise_id = e.id" \
  " LEFT JOIN unit u ON u.id = x.weight_unit_id" \
  " WHERE e.user_id = ?1 AND e.activity_subtype_id = ?2" \
  "   AND s.started_at >= ?3 AND s.started_at < ?4" \
  "   AND s.deleted_at IS NULL AND s.is_template = 0 AND x.is_warmup = 0 AND x.reps >= 1" \
  " ORDER BY s.started_at, s.id"

#define METRIC_SQL \
  "SELECT s.id, s.started_at, m.metric_value_numeric, coalesce (m.unit_id, 0)" \
  " FROM activity_session s" \
  " JOIN activity_metric m ON m.session_id = s.id AND m.metric_name = ?3" \
  " WHERE s.user_id = ?1 AND s.activity_type_id = ?2" \
  "   AND s.started_at >= ?4 AND s.started_at < ?5" \
  "   AND s.deleted_at IS NULL AND s.is_template = 0 AND m.metric_value_numeric IS NOT NULL" \
  " ORDER BY s.started_at, s.id, m.id"

#define BODY_SQL \
  "SELECT id, measured_at, value, unit_id FROM user_body_metric" \
  " WHERE user_id = ?1 AND metric_type_id = ?2 AND measured_at >= ?3 AND measured_at < ?4" \
  " ORDER BY measured_at, id"

#define DAILY_SQL \
  "SELECT local_date, count(*), coalesce (sum (duration_minutes), 0) FROM activity_session" \
  " WHERE user_id = ?1 AND local_date >= ?2 AND local_date <= ?3" \
  "   AND deleted_at IS NULL AND is_template = 0" \
  " GROUP BY local_date ORDER BY local_date"

static void
add_set (AtExerciseHistoryPoint *point,
         AtOneRepMaxFormula      formula,
         gint64                  reps,
         double                  weight_kg)
{
  double volume = (double) reps * weight_kg;

  point->best_e1rm_kg = MAX (point->best_e1rm_kg, at_one_rep_max_estimate (formula, weight_kg, reps));
  point->heaviest_kg = MAX (point->heaviest_kg, weight_kg);
  point->best_set_volume_kg = MAX (point->best_set_volume_kg, volume);
  point->session_volume_kg += volume;
}

/**
 * at_store_get_exercise_history:
 * @subtype_id: the exercise (activity_subtype)
 *
 * Returns: (transfer full) (element-type AtExerciseHistoryPoint): one point
 * per session, oldest first, or %NULL with an error
 */
GArray *
at_store_get_exercise_history (AtStore  *store,
                               gint64    user_id,
                               gint64    subtype_id,
                               gint64    from,
                               gint64    to,
                               GError  **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, TRUE, sizeof (AtExerciseHistoryPoint));
  AtOneRepMaxFormula formula;
  int rc;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);

  formula = at_store_get_one_rep_max_formula (store);
  stmt = _at_store_prepare (store, EXERCISE_SQL, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, subtype_id);
  sqlite3_bind_int64 (stmt, 3, from);
  sqlite3_bind_int64 (stmt, 4, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 session_id = sqlite3_column_int64 (stmt, 0);
      AtExerciseHistoryPoint *last = points->len > 0
                                   ? &g_array_index (points, AtExerciseHistoryPoint, points->len - 1)
                                   : NULL;

      if (last == NULL || last->session_id != session_id)
        {
          AtExerciseHistoryPoint point = { session_id, sqlite3_column_int64 (stmt, 1), 0, 0, 0, 0 };

          g_array_append_val (points, point);
          last = &g_array_index (points, AtExerciseHistoryPoint, points->len - 1);
        }
      add_set (last, formula, sqlite3_column_int64 (stmt, 2), sqlite3_column_double (stmt, 3));
    }

  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (store, rc, "exercise_set", error);
      return NULL;
    }
  return g_steal_pointer (&points);
}

/**
 * at_store_get_metric_history:
 * @metric_name: the activity_metric name, e.g. "distance"
 *
 * Returns: (transfer full) (element-type AtMetricHistoryPoint): the
 * metric's numeric values, oldest first, or %NULL with an error
 */
GArray *
at_store_get_metric_history (AtStore     *store,
                             gint64       user_id,
                             gint64       activity_type_id,
                             const char  *metric_name,
                             gint64       from,
                             gint64       to,
                             GError     **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, TRUE, sizeof (AtMetricHistoryPoint));
  int rc;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);
  g_return_val_if_fail (metric_name != NULL, NULL);

  stmt = _at_store_prepare (store, METRIC_SQL, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, activity_type_id);
  sqlite3_bind_text (stmt, 3, metric_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, from);
  sqlite3_bind_int64 (stmt, 5, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtMetricHistoryPoint point = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
        sqlite3_column_double (stmt, 2), sqlite3_column_int64 (stmt, 3),
      };

      g_array_append_val (points, point);
    }

  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (store, rc, "activity_metric", error);
      return NULL;
    }
  return g_steal_pointer (&points);
}

/**
 * at_store_get_body_history:
 *
 * Returns: (transfer full) (element-type AtBodyHistoryPoint): the user's
 * measurements of the type, oldest first, or %NULL with an error
 */
GArray *
at_store_get_body_history (AtStore  *store,
                           gint64    user_id,
                           gint64    body_metric_type_id,
                           gint64    from,
                           gint64    to,
                           GError  **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, TRUE, sizeof (AtBodyHistoryPoint));
  int rc;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);

  stmt = _at_store_prepare (store, BODY_SQL, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, body_metric_type_id);
  sqlite3_bind_int64 (stmt, 3, from);
  sqlite3_bind_int64 (stmt, 4, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtBodyHistoryPoint point = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
        sqlite3_column_double (stmt, 2), sqlite3_column_int64 (stmt, 3),
      };

      g_array_append_val (points, point);
    }

  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (store, rc, "user_body_metric", error);
      return NULL;
    }
  return g_steal_pointer (&points);
}

static gboolean
check_date (const char  *date,
            const char  *what,
            GError     **error)
{
  int year, month, day;

  if (date != NULL && strlen (date) == 10 && date[4] == '-' && date[7] == '-' &&
      sscanf (date, "%4d-%2d-%2d", &year, &month, &day) == 3 && g_date_valid_dmy (day, month, year))
    return TRUE;

  g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
               /* Translators: e.g. "at_store_get_daily_totals: from_date “2024-13-01” is not a date (YYYY-MM-DD)" */
               _("%s: %s “%s” is not a date (YYYY-MM-DD)"), "at_store_get_daily_totals", what,
               date != NULL ? date : "(null)");
  return FALSE;
}

/**
 * at_store_get_daily_totals:
 * @from_date: the first day, "YYYY-MM-DD"
 * @to_date: the last day, included
 *
 * Returns: (transfer full) (element-type AtDailyTotal): the days with
 * sessions, oldest first, or %NULL with an error
 */
GArray *
at_store_get_daily_totals (AtStore     *store,
                           gint64       user_id,
                           const char  *from_date,
                           const char  *to_date,
                           GError     **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (AtDailyTotal));
  int rc;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);

  if (!check_date (from_date, "from_date", error) || !check_date (to_date, "to_date", error))
    return NULL;
  stmt = _at_store_prepare (store, DAILY_SQL, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_text (stmt, 2, from_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to_date, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtDailyTotal day = { "", sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2) };

      g_strlcpy (day.local_date, (const char *) sqlite3_column_text (stmt, 0), sizeof day.local_date);
      g_array_append_val (days, day);
    }

  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (store, rc, "activity_session", error);
      return NULL;
    }
  return g_steal_pointer (&days);
}

/* Sets with more reps than the table count for its last row; SQLite takes
 * the bare started_at from the row holding the max (). */
#define REP_MAX_SQL \
  "SELECT min (x.reps, ?3), max (coalesce (x.weight, 0) * coalesce (u.conversion_factor, 1))," \
  "   s.started_at" \
  " FROM activity_exercise e INDEXED BY idx_exercise_subtype" \
  " JOIN activity_session s ON s.id = e.session_id" \
  " JOIN exercise_set x ON x.exercise_id = e.id" \
  " LEFT JOIN unit u ON u.id = x.weight_unit_id" \
  " WHERE e.activity_subtype_id = ?2 AND e.user_id = ?1" \
  "   AND s.deleted_at IS NULL AND s.is_template = 0 AND x.is_warmup = 0 AND x.reps >= 1" \
  "   AND x.weight > 0" \
  " GROUP BY 1"

#define TOP_EXERCISE_SQL \
  "SELECT e.activity_subtype_id FROM activity_session s" \
  " JOIN activity_exercise e ON e.session_id = s.id" \
  " WHERE s.user_id = ?1 AND s.deleted_at IS NULL AND s.is_template = 0" \
  "   AND e.activity_subtype_id IS NOT NULL" \
  " GROUP BY e.activity_subtype_id" \
  " ORDER BY count (DISTINCT s.id) DESC, e.activity_subtype_id LIMIT 1"

/**
 * at_store_get_rep_maxes:
 * @subtype_id: the exercise (activity_subtype)
 *
 * Returns: (transfer full) (element-type AtRepMax): AT_REP_MAX_REPS rep
 * maxes, 1 rep first, or %NULL with an error
 */
GArray *
at_store_get_rep_maxes (AtStore  *store,
                        gint64    user_id,
                        gint64    subtype_id,
                        GError  **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  g_autoptr(GArray) maxes = NULL;
  AtRepMax by_reps[AT_REP_MAX_REPS] = { { 0, 0, 0 } };
  AtRepMax best = { 0, 0, 0 };
  int rc;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);

  stmt = _at_store_prepare (store, REP_MAX_SQL, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, subtype_id);
  sqlite3_bind_int64 (stmt, 3, AT_REP_MAX_REPS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 reps = sqlite3_column_int64 (stmt, 0);

      if (reps < 1 || reps > AT_REP_MAX_REPS)
        continue;
      by_reps[reps - 1].weight_kg = sqlite3_column_double (stmt, 1);
      by_reps[reps - 1].achieved_at = sqlite3_column_int64 (stmt, 2);
    }

  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (store, rc, "exercise_set", error);
      return NULL;
    }

  /* A set of 8 is also a set of at least 5: the best from the top down. */
  maxes = g_array_sized_new (FALSE, TRUE, sizeof (AtRepMax), AT_REP_MAX_REPS);
  g_array_set_size (maxes, AT_REP_MAX_REPS);
  for (int r = AT_REP_MAX_REPS; r >= 1; r--)
    {
      if (by_reps[r - 1].weight_kg > best.weight_kg)
        best = by_reps[r - 1];
      best.reps = r;
      g_array_index (maxes, AtRepMax, r - 1) = best;
    }
  return g_steal_pointer (&maxes);
}

/**
 * at_store_get_top_exercise:
 * @subtype_id: (out): the exercise, or 0 when the user has none
 *
 * Returns: %FALSE with an error
 */
gboolean
at_store_get_top_exercise (AtStore  *store,
                           gint64    user_id,
                           gint64   *subtype_id,
                           GError  **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (AT_IS_STORE (store), FALSE);
  g_return_val_if_fail (subtype_id != NULL, FALSE);

  *subtype_id = 0;
  stmt = _at_store_prepare (store, TOP_EXERCISE_SQL, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, user_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *subtype_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _at_store_set_error (store, rc, "activity_exercise", error);
      return FALSE;
    }
  return TRUE;
}

/* The sessions of the page first, by keyset, then their sets. */
#define SETS_SQL \
  "WITH page AS (" \
  "  SELECT DISTINCT s.id, s.started_at FROM activity_exercise e INDEXED BY idx_exercise_subtype" \
  "  JOIN activity_session s ON s.id = e.session_id" \
  "  WHERE e.activity_subtype_id = ?2 AND e.user_id = ?1" \
  "    AND s.deleted_at IS NULL AND s.is_template = 0 AND (s.started_at, s.id) < (?3, ?4)" \
  "  ORDER BY s.started_at DESC, s.id DESC LIMIT ?5)" \
  " SELECT p.id, p.started_at, x.id, x.set_number, coalesce (x.reps, 0)," \
  "   x.weight * coalesce (u.conversion_factor, 1), coalesce (x.rpe, 0), x.is_warmup" \
  " FROM page p" \
  " JOIN activity_exercise e ON e.session_id = p.id AND e.activity_subtype_id = ?2" \
  " JOIN exercise_set x ON x.exercise_id = e.id" \
  " LEFT JOIN unit u ON u.id = x.weight_unit_id" \
  " ORDER BY p.started_at DESC, p.id DESC, e.exercise_order, x.set_number"

/**
 * at_store_list_exercise_sets:
 * @subtype_id: the exercise (activity_subtype)
 * @after: (nullable): the last row of the previous page
 * @n_sessions: how many sessions a page holds
 *
 * Returns: (transfer full) (element-type AtExerciseSetRow): a page of
 * sets, or %NULL with an error
 */
GArray *
at_store_list_exercise_sets (AtStore                *store,
                             gint64                  user_id,
                             gint64                  subtype_id,
                             const AtExerciseSetRow *after,
                             guint                   n_sessions,
                             GError                **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (AtExerciseSetRow));
  int rc;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);
  g_return_val_if_fail (n_sessions > 0, NULL);

  stmt = _at_store_prepare (store, SETS_SQL, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, subtype_id);
  sqlite3_bind_int64 (stmt, 3, after != NULL ? after->started_at : G_MAXINT64);
  sqlite3_bind_int64 (stmt, 4, after != NULL ? after->session_id : G_MAXINT64);
  sqlite3_bind_int64 (stmt, 5, n_sessions);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtExerciseSetRow row = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3),
        sqlite3_column_int64 (stmt, 4),
        sqlite3_column_type (stmt, 5) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 5),
        sqlite3_column_int64 (stmt, 6), sqlite3_column_int (stmt, 7) != 0,
      };

      g_array_append_val (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (store, rc, "exercise_set", error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* The stored metrics with values, the templates of the types the user
 * does, and a derived pace beside each type's distances; a stored pace
 * makes the derived one unneeded. */
#define METRIC_KINDS_SQL \
  "WITH types AS (" \
  "  SELECT DISTINCT activity_type_id AS id FROM activity_session" \
  "  WHERE user_id = ?1 AND deleted_at IS NULL AND is_template = 0)," \
  " used AS (" \
  "  SELECT s.activity_type_id AS type_id, m.metric_name AS name, count (*) AS n," \
  "    max (m.unit_id) AS unit_id FROM activity_session s" \
  "  JOIN activity_metric m ON m.session_id = s.id" \
  "  WHERE s.user_id = ?1 AND s.deleted_at IS NULL AND s.is_template = 0" \
  "    AND m.metric_value_numeric IS NOT NULL" \
  "  GROUP BY 1, 2)" \
  " SELECT t.id, t.name, k.name," \
  "   sum (CASE WHEN k.derived THEN 0 ELSE k.n END)," \
  "   max (k.unit_id), max (k.derived), max (k.n)" \
  " FROM (SELECT type_id, name, n, unit_id, 0 AS derived FROM used" \
  "   UNION ALL SELECT c.activity_type_id, c.metric_name, 0, c.unit_id, 0" \
  "     FROM activity_type_metric_template c JOIN types ON types.id = c.activity_type_id" \
  "     WHERE c.input_type IN ('number', 'duration')" \
  "   UNION ALL SELECT type_id, 'pace', n, NULL, 1 FROM used WHERE name = 'distance') k" \
  " JOIN activity_type t ON t.id = k.type_id" \
  " GROUP BY t.id, k.name ORDER BY t.name, k.name"

#define BASE_PACE_SQL "SELECT id FROM unit WHERE type = 'pace' AND is_base_unit = 1 ORDER BY id LIMIT 1"

static void
metric_kind_clear (gpointer data)
{
  AtMetricKind *kind = data;

  g_free (kind->type_name);
  g_free (kind->metric_name);
}

static gint64
base_pace_unit (AtStore *store)
{
  g_autoptr(AtStatement) stmt = _at_store_prepare (store, BASE_PACE_SQL, NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/**
 * at_store_list_metric_kinds:
 *
 * Returns: (transfer full) (element-type AtMetricKind): by type name,
 * then metric name, or %NULL with an error
 */
GArray *
at_store_list_metric_kinds (AtStore  *store,
                            gint64    user_id,
                            GError  **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  g_autoptr(GArray) kinds = g_array_new (FALSE, TRUE, sizeof (AtMetricKind));
  gint64 pace_unit;
  int rc;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);

  g_array_set_clear_func (kinds, metric_kind_clear);
  pace_unit = base_pace_unit (store);
  stmt = _at_store_prepare (store, METRIC_KINDS_SQL, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean derived = sqlite3_column_int64 (stmt, 3) == 0 && sqlite3_column_int (stmt, 5) != 0;
      AtMetricKind kind = {
        sqlite3_column_int64 (stmt, 0),
        g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
        derived ? sqlite3_column_int64 (stmt, 6) : sqlite3_column_int64 (stmt, 3),
        derived ? pace_unit : sqlite3_column_int64 (stmt, 4),
        derived,
      };

      g_array_append_val (kinds, kind);
    }

  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (store, rc, "activity_metric", error);
      return NULL;
    }
  return g_steal_pointer (&kinds);
}

#define PACE_SQL \
  "SELECT s.id, s.started_at," \
  "   s.duration_minutes * 60.0 / (m.metric_value_numeric * u.conversion_factor / 1000.0)" \
  " FROM activity_session s" \
  " JOIN activity_metric m ON m.session_id = s.id AND m.metric_name = 'distance'" \
  " JOIN unit u ON u.id = m.unit_id AND u.type = 'distance' AND u.conversion_factor > 0" \
  " WHERE s.user_id = ?1 AND s.activity_type_id = ?2" \
  "   AND s.started_at >= ?3 AND s.started_at < ?4" \
  "   AND s.deleted_at IS NULL AND s.is_template = 0" \
  "   AND s.duration_minutes > 0 AND m.metric_value_numeric > 0" \
  " ORDER BY s.started_at, s.id, m.id"

/**
 * at_store_get_pace_history:
 *
 * Returns: (transfer full) (element-type AtMetricHistoryPoint): seconds
 * per kilometre, oldest first, or %NULL with an error
 */
GArray *
at_store_get_pace_history (AtStore  *store,
                           gint64    user_id,
                           gint64    activity_type_id,
                           gint64    from,
                           gint64    to,
                           GError  **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, TRUE, sizeof (AtMetricHistoryPoint));
  gint64 pace_unit;
  int rc;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);

  pace_unit = base_pace_unit (store);
  stmt = _at_store_prepare (store, PACE_SQL, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, activity_type_id);
  sqlite3_bind_int64 (stmt, 3, from);
  sqlite3_bind_int64 (stmt, 4, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtMetricHistoryPoint point = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
        sqlite3_column_double (stmt, 2), pace_unit,
      };

      g_array_append_val (points, point);
    }

  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (store, rc, "activity_metric", error);
      return NULL;
    }
  return g_steal_pointer (&points);
}

#define SESSION_NAME_SQL \
  "SELECT coalesce (nullif (s.session_name, ''), t.name) FROM activity_session s" \
  " JOIN activity_type t ON t.id = s.activity_type_id" \
  " WHERE s.id = ?2 AND s.user_id = ?1"

/**
 * at_store_get_session_names:
 * @session_ids: (element-type gint64): sessions, repeats allowed
 *
 * Returns: (transfer full): session id → name, or %NULL with an error
 */
GHashTable *
at_store_get_session_names (AtStore  *store,
                            gint64    user_id,
                            GArray   *session_ids,
                            GError  **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  g_return_val_if_fail (AT_IS_STORE (store), NULL);
  g_return_val_if_fail (session_ids != NULL, NULL);

  for (guint i = 0; i < session_ids->len; i++)
    {
      gint64 id = g_array_index (session_ids, gint64, i);
      g_autoptr(AtStatement) stmt = NULL;
      int rc;

      if (g_hash_table_contains (names, &id))
        continue;
      stmt = _at_store_prepare (store, SESSION_NAME_SQL, error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, user_id);
      sqlite3_bind_int64 (stmt, 2, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_hash_table_insert (names, g_memdup2 (&id, sizeof id),
                             g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      else if (rc != SQLITE_DONE)
        {
          _at_store_set_error (store, rc, "activity_session", error);
          return NULL;
        }
    }
  return g_steal_pointer (&names);
}
