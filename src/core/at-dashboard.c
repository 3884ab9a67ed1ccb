/* at-dashboard.c: the read queries behind the session list, the dashboard
 * and an exercise's records — each one statement over the user's rows,
 * served by an index that starts with the user. */

#define G_LOG_DOMAIN "at-dashboard"

#include "config.h"

#include <math.h>

#include "at-dashboard.h"
#include "at-store-private.h"

static void
session_summary_clear (gpointer data)
{
  AtSessionSummary *summary = data;

  g_free (summary->session_name);
  g_free (summary->type_name);
  g_free (summary->exercise_name);
}

static void
type_total_clear (gpointer data)
{
  g_free (((AtTypeTotal *) data)->name);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static double
column_double_or_nan (sqlite3_stmt *stmt,
                      int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NAN
                                                           : sqlite3_column_double (stmt, column);
}

/* Newest first by (started_at, id): the keyset of idx_session_user_date. */
#define SUMMARIES_SQL \
  "SELECT s.id, s.started_at, s.utc_offset_seconds, coalesce (s.duration_minutes, -1)," \
  "  s.total_volume, s.is_personal_record, s.activity_type_id, s.session_name, t.name," \
  "  coalesce ((SELECT name FROM activity_subtype WHERE id = s.activity_subtype_id)," \
  "            (SELECT st.name FROM activity_exercise e" \
  "             JOIN activity_subtype st ON st.id = e.activity_subtype_id" \
  "             WHERE e.session_id = s.id ORDER BY e.exercise_order LIMIT 1))," \
  "  (SELECT count(*) FROM activity_exercise e WHERE e.session_id = s.id)," \
  "  (SELECT count(*) FROM activity_exercise e JOIN exercise_set x ON x.exercise_id = e.id" \
  "   WHERE e.session_id = s.id)" \
  " FROM activity_session s JOIN activity_type t ON t.id = s.activity_type_id" \
  " WHERE s.user_id = ?1 AND s.deleted_at IS NULL AND s.is_template = 0" \
  "   AND (s.started_at, s.id) < (?2, ?3)" \
  " ORDER BY s.started_at DESC, s.id DESC LIMIT ?4"

/**
 * at_store_list_session_summaries:
 * @after: (nullable): the last row of the page before, or %NULL for the first
 *
 * Returns: (transfer full) (element-type AtSessionSummary): a page of the
 * user's live sessions, newest first, with their type, exercise, counts and
 * volume.
 */
GArray *
at_store_list_session_summaries (AtStore                 *store,
                                 gint64                   user_id,
                                 const AtSessionSummary  *after,
                                 guint                    limit,
                                 GError                 **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (AtSessionSummary));
  int rc;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);

  g_array_set_clear_func (rows, session_summary_clear);
  stmt = _at_store_prepare (store, SUMMARIES_SQL, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, after != NULL ? after->started_at : G_MAXINT64);
  sqlite3_bind_int64 (stmt, 3, after != NULL ? after->id : G_MAXINT64);
  sqlite3_bind_int64 (stmt, 4, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtSessionSummary row = {
        .id = sqlite3_column_int64 (stmt, 0),
        .started_at = sqlite3_column_int64 (stmt, 1),
        .utc_offset_seconds = sqlite3_column_int64 (stmt, 2),
        .duration_minutes = sqlite3_column_int64 (stmt, 3),
        .total_volume = column_double_or_nan (stmt, 4),
        .is_personal_record = sqlite3_column_int (stmt, 5) != 0,
        .activity_type_id = sqlite3_column_int64 (stmt, 6),
        .session_name = column_dup (stmt, 7),
        .type_name = column_dup (stmt, 8),
        .exercise_name = column_dup (stmt, 9),
        .n_exercises = sqlite3_column_int64 (stmt, 10),
        .n_sets = sqlite3_column_int64 (stmt, 11),
      };

      g_array_append_val (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (store, rc, "activity_session", error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* The week of a local date: its Monday, by SQLite's date arithmetic. */
#define WEEK_OF(date) "date (" date ", '-' || ((strftime ('%w', " date ") + 6) % 7) || ' days')"

#define WEEKLY_SQL \
  "SELECT " WEEK_OF ("local_date") " AS week, count(*), coalesce (sum (duration_minutes), 0)," \
  "       coalesce (sum (total_volume), 0)" \
  " FROM activity_session" \
  " WHERE user_id = ?1 AND deleted_at IS NULL AND is_template = 0 AND started_at >= ?2" \
  "   AND local_date >= " WEEK_OF ("?3") \
  " GROUP BY week ORDER BY week"

static char *
local_date_of (gint64 time)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (time);

  return g_date_time_format (date, "%Y-%m-%d");
}

/**
 * at_store_get_weekly_totals:
 *
 * Returns: (transfer full) (element-type AtWeekTotal): sessions, minutes
 * and volume of each of the last @n_weeks weeks (this one included) that
 * had a session, oldest first. "Now" is at_store_get_now().
 */
GArray *
at_store_get_weekly_totals (AtStore  *store,
                            gint64    user_id,
                            guint     n_weeks,
                            GError  **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  g_autoptr(GArray) weeks = g_array_new (FALSE, TRUE, sizeof (AtWeekTotal));
  g_autofree char *first_day = NULL;
  gint64 since;
  int rc;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);
  g_return_val_if_fail (n_weeks > 0, NULL);

  /* A day of margin for timezones: the local_date condition is exact. */
  since = at_store_get_now (store) - (gint64) n_weeks * 7 * 86400;
  first_day = local_date_of (since + 7 * 86400);
  stmt = _at_store_prepare (store, WEEKLY_SQL, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, since - 86400);
  sqlite3_bind_text (stmt, 3, first_day, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtWeekTotal week = {
        .sessions = sqlite3_column_int64 (stmt, 1),
        .minutes = sqlite3_column_int64 (stmt, 2),
        .volume = sqlite3_column_double (stmt, 3),
      };

      g_strlcpy (week.week_start, (const char *) sqlite3_column_text (stmt, 0),
                 sizeof week.week_start);
      g_array_append_val (weeks, week);
    }

  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (store, rc, "activity_session", error);
      return NULL;
    }
  return g_steal_pointer (&weeks);
}

/* The @n_types types with the most minutes over the weeks, then their
 * minutes week by week. */
#define WEEKLY_TYPE_SQL \
  "WITH recent AS (" \
  "  SELECT " WEEK_OF ("local_date") " AS week, activity_type_id, duration_minutes" \
  "  FROM activity_session" \
  "  WHERE user_id = ?1 AND deleted_at IS NULL AND is_template = 0 AND started_at >= ?2" \
  "    AND local_date >= " WEEK_OF ("?3") " AND duration_minutes > 0)," \
  " top AS (" \
  "  SELECT r.activity_type_id AS id FROM recent r JOIN activity_type t ON t.id = r.activity_type_id" \
  "  GROUP BY r.activity_type_id ORDER BY sum (r.duration_minutes) DESC, t.name LIMIT ?4)" \
  " SELECT r.week, r.activity_type_id, t.name, sum (r.duration_minutes)" \
  " FROM recent r JOIN top ON top.id = r.activity_type_id" \
  " JOIN activity_type t ON t.id = r.activity_type_id" \
  " GROUP BY r.week, r.activity_type_id ORDER BY r.week, t.name"

static void
week_type_total_clear (gpointer data)
{
  g_free (((AtWeekTypeTotal *) data)->name);
}

/**
 * at_store_get_weekly_type_minutes:
 * @n_weeks: the last weeks, this one included
 * @n_types: how many activity types: those with the most minutes in them
 *
 * Returns: (transfer full) (element-type AtWeekTypeTotal): the minutes of
 * each of those types in each week it had some, oldest week first, types
 * by name within a week. "Now" is at_store_get_now().
 */
GArray *
at_store_get_weekly_type_minutes (AtStore  *store,
                                  gint64    user_id,
                                  guint     n_weeks,
                                  guint     n_types,
                                  GError  **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  g_autoptr(GArray) totals = g_array_new (FALSE, TRUE, sizeof (AtWeekTypeTotal));
  g_autofree char *first_day = NULL;
  gint64 since;
  int rc;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);
  g_return_val_if_fail (n_weeks > 0, NULL);

  g_array_set_clear_func (totals, week_type_total_clear);
  /* As at_store_get_weekly_totals(): a day of margin, the local_date exact. */
  since = at_store_get_now (store) - (gint64) n_weeks * 7 * 86400;
  first_day = local_date_of (since + 7 * 86400);
  stmt = _at_store_prepare (store, WEEKLY_TYPE_SQL, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, since - 86400);
  sqlite3_bind_text (stmt, 3, first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, n_types);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtWeekTypeTotal total = {
        .activity_type_id = sqlite3_column_int64 (stmt, 1),
        .name = column_dup (stmt, 2),
        .minutes = sqlite3_column_int64 (stmt, 3),
      };

      g_strlcpy (total.week_start, (const char *) sqlite3_column_text (stmt, 0),
                 sizeof total.week_start);
      g_array_append_val (totals, total);
    }

  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (store, rc, "activity_session", error);
      return NULL;
    }
  return g_steal_pointer (&totals);
}

#define TYPE_TOTALS_SQL \
  "SELECT s.activity_type_id, t.name, count(*), coalesce (sum (s.duration_minutes), 0)" \
  " FROM activity_session s JOIN activity_type t ON t.id = s.activity_type_id" \
  " WHERE s.user_id = ?1 AND s.deleted_at IS NULL AND s.is_template = 0 AND s.started_at >= ?2" \
  " GROUP BY s.activity_type_id ORDER BY count(*) DESC, t.name"

/**
 * at_store_get_type_totals:
 *
 * Returns: (transfer full) (element-type AtTypeTotal): sessions and minutes
 * per activity type over the last @n_days days, most frequent first.
 */
GArray *
at_store_get_type_totals (AtStore  *store,
                          gint64    user_id,
                          guint     n_days,
                          GError  **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  g_autoptr(GArray) totals = g_array_new (FALSE, TRUE, sizeof (AtTypeTotal));
  int rc;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);

  g_array_set_clear_func (totals, type_total_clear);
  stmt = _at_store_prepare (store, TYPE_TOTALS_SQL, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, at_store_get_now (store) - (gint64) n_days * 86400);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtTypeTotal total = {
        .activity_type_id = sqlite3_column_int64 (stmt, 0),
        .name = column_dup (stmt, 1),
        .sessions = sqlite3_column_int64 (stmt, 2),
        .minutes = sqlite3_column_int64 (stmt, 3),
      };

      g_array_append_val (totals, total);
    }

  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (store, rc, "activity_session", error);
      return NULL;
    }
  return g_steal_pointer (&totals);
}

/**
 * at_store_get_exercise_records:
 *
 * Reads the user's personal records of one exercise, which the training
 * rules keep equal to the best of the sets.
 */
gboolean
at_store_get_exercise_records (AtStore            *store,
                               gint64              user_id,
                               gint64              subtype_id,
                               AtExerciseRecords  *records,
                               GError            **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (AT_IS_STORE (store), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  *records = (AtExerciseRecords) { NAN, NAN, NAN, NAN };
  stmt = _at_store_prepare (store,
                            "SELECT record_type, record_value FROM personal_record"
                            " WHERE user_id = ?1 AND activity_subtype_id = ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, subtype_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 0);
      double value = sqlite3_column_double (stmt, 1);

      if (g_str_equal (kind, "1rm"))
        records->one_rep_max = value;
      else if (g_str_equal (kind, "max_weight"))
        records->max_weight = value;
      else if (g_str_equal (kind, "max_reps"))
        records->max_reps = value;
      else if (g_str_equal (kind, "max_volume"))
        records->max_volume = value;
    }

  if (rc != SQLITE_DONE)
    return _at_store_set_error (store, rc, "personal_record", error);
  return TRUE;
}
