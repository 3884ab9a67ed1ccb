/* at-streaks.c: runs of consecutive active days.
 *
 * A day is a session's stored local_date: its start day in the user's
 * timezone at the time, so moving to another timezone never moves a past
 * session to another day. Streaks are recomputed from scratch, from the
 * distinct days of the user's live, non-template sessions: one row for all
 * activities (activity_type_id NULL) and one per activity type the user has
 * live sessions of. So a back-dated entry, an edit, a deletion or an undo
 * gives the same streaks as if history had been typed in order, and a day
 * whose sessions are all deleted does not count.
 *
 * A row keeps the longest run, the last active day and the length of the
 * run that ends on that day. Whether that run is still alive depends on
 * the day it is read: at_store_get_streaks() shows it while the last day
 * is today or yesterday, and 0 after that.
 */

#define G_LOG_DOMAIN "at-streaks"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "at-store-private.h"
#include "at-streaks.h"

/* A streak as computed, or as stored. */
typedef struct
{
  gint64  row_id;            /* the user_streak row, 0 for none yet */
  gint64  activity_type_id;  /* 0 for overall */
  gint64  current;
  gint64  longest;
  guint32 last_day;          /* Julian day, 0 for none */
  guint32 run;               /* while computing: the run ending at last_day */
} Streak;

#define USER_DAYS_SQL \
  "SELECT DISTINCT activity_type_id, local_date FROM activity_session" \
  " WHERE user_id = ?1 AND deleted_at IS NULL AND is_template = 0" \
  " ORDER BY activity_type_id, local_date"

#define STORED_STREAKS_SQL \
  "SELECT id, coalesce (activity_type_id, 0), current_streak_days, longest_streak_days," \
  "       last_activity_date FROM user_streak WHERE user_id = ?1" \
  " ORDER BY activity_type_id IS NOT NULL, activity_type_id"

/* Helpers */

/* Returns: the Julian day of "YYYY-MM-DD", or 0 when it is not a date. */
guint32
_at_streaks_parse_day (const char *text)
{
  int year, month, day;
  GDate date;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* Writes "YYYY-MM-DD" of a Julian day into a buffer of 11 bytes. */
void
_at_streaks_format_day (guint32  julian,
                        char    *buffer)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (buffer, 11, "%04d-%02d-%02d", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
}

/* Returns: (transfer full): the user's timezone, UTC when unset or unknown. */
GTimeZone *
_at_streaks_get_user_zone (AtStore  *store,
                           gint64    user_id)
{
  g_autoptr(AtStatement) stmt = NULL;
  GTimeZone *zone = NULL;

  stmt = _at_store_prepare (store, "SELECT timezone FROM app_user WHERE id = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, user_id);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        zone = at_time_zone_lookup ((const char *) sqlite3_column_text (stmt, 0));
    }

  return zone != NULL ? zone : g_time_zone_new_utc ();
}

/* Returns: the Julian day, in @zone, of a Unix time. */
guint32
_at_streaks_local_day (GTimeZone *zone,
                       gint64     unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = NULL;
  GDate date;

  if (utc == NULL)
    return 0;

  local = g_date_time_to_timezone (utc, zone);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  return g_date_get_julian (&date);
}

/* Returns: today's Julian day in the user's timezone, by the store's clock. */
guint32
_at_streaks_get_today (AtStore *store,
                       gint64   user_id)
{
  g_autoptr(GTimeZone) zone = _at_streaks_get_user_zone (store, user_id);

  return _at_streaks_local_day (zone, at_store_get_now (store));
}

/* Extends a streak by a day; days come in ascending order. */
static void
add_day (Streak  *streak,
         guint32  day)
{
  if (streak->last_day != 0 && day == streak->last_day)
    return;

  streak->run = streak->last_day != 0 && day == streak->last_day + 1 ? streak->run + 1 : 1;
  streak->last_day = day;
  streak->current = streak->run;
  streak->longest = MAX (streak->longest, (gint64) streak->run);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 day_a = *(const guint32 *) a;
  guint32 day_b = *(const guint32 *) b;

  return day_a < day_b ? -1 : day_a > day_b;
}

/* Reads the user's active days and computes the streaks: overall first,
 * then one per activity type in id order. */
static GArray *
compute_streaks (AtStore  *store,
                 gint64    user_id,
                 GError  **error)
{
  g_autoptr(AtStatement) stmt = _at_store_prepare (store, USER_DAYS_SQL, error);
  g_autoptr(GArray) streaks = g_array_new (FALSE, TRUE, sizeof (Streak));
  g_autoptr(GArray) all_days = g_array_new (FALSE, FALSE, sizeof (guint32));
  int rc;

  if (stmt == NULL)
    return NULL;

  g_array_set_size (streaks, 1);  /* the overall streak */
  sqlite3_bind_int64 (stmt, 1, user_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 type_id = sqlite3_column_int64 (stmt, 0);
      guint32 day = _at_streaks_parse_day ((const char *) sqlite3_column_text (stmt, 1));
      Streak *last = &g_array_index (streaks, Streak, streaks->len - 1);

      if (day == 0)
        continue;
      if (streaks->len == 1 || last->activity_type_id != type_id)
        {
          g_array_set_size (streaks, streaks->len + 1);
          last = &g_array_index (streaks, Streak, streaks->len - 1);
          last->activity_type_id = type_id;
        }
      add_day (last, day);
      g_array_append_val (all_days, day);
    }

  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (store, rc, "user_streak", error);
      return NULL;
    }

  g_array_sort (all_days, compare_days);
  for (guint i = 0; i < all_days->len; i++)
    add_day (&g_array_index (streaks, Streak, 0), g_array_index (all_days, guint32, i));

  if (all_days->len == 0)
    g_array_set_size (streaks, 0);
  return g_steal_pointer (&streaks);
}

/* Returns: (element-type Streak): the user's stored rows. */
static GArray *
read_stored_streaks (AtStore  *store,
                     gint64    user_id,
                     GError  **error)
{
  g_autoptr(AtStatement) stmt = _at_store_prepare (store, STORED_STREAKS_SQL, error);
  g_autoptr(GArray) streaks = g_array_new (FALSE, TRUE, sizeof (Streak));
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Streak streak = {
        .row_id = sqlite3_column_int64 (stmt, 0),
        .activity_type_id = sqlite3_column_int64 (stmt, 1),
        .current = sqlite3_column_int64 (stmt, 2),
        .longest = sqlite3_column_int64 (stmt, 3),
        .last_day = _at_streaks_parse_day ((const char *) sqlite3_column_text (stmt, 4)),
      };

      g_array_append_val (streaks, streak);
    }

  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (store, rc, "user_streak", error);
      return NULL;
    }
  return g_steal_pointer (&streaks);
}

static Streak *
find_streak (GArray *streaks,
             gint64  activity_type_id)
{
  for (guint i = 0; i < streaks->len; i++)
    {
      Streak *streak = &g_array_index (streaks, Streak, i);

      if (streak->activity_type_id == activity_type_id)
        return streak;
    }
  return NULL;
}

static gboolean
step_done (AtStore       *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return _at_store_set_error (store, rc, _("Cannot update the streaks"), error);
  return TRUE;
}

static gboolean
delete_streak (AtStore  *store,
               gint64    row_id,
               GError  **error)
{
  g_autoptr(AtStatement) stmt = _at_store_prepare (store, "DELETE FROM user_streak WHERE id = ?1",
                                                   error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row_id);
  return step_done (store, stmt, error);
}

static gboolean
write_streak (AtStore       *store,
              gint64         user_id,
              gint64         row_id,
              const Streak  *streak,
              GError       **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  char last_date[11];

  if (row_id != 0)
    {
      stmt = _at_store_prepare (store,
                                "UPDATE user_streak SET current_streak_days = ?2,"
                                " longest_streak_days = ?3, last_activity_date = ?4,"
                                " updated_at = unixepoch () WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row_id);
    }
  else
    {
      stmt = _at_store_prepare (store,
                                "INSERT INTO user_streak (user_id, current_streak_days,"
                                " longest_streak_days, last_activity_date, activity_type_id)"
                                " VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, user_id);
      if (streak->activity_type_id != 0)
        sqlite3_bind_int64 (stmt, 5, streak->activity_type_id);
    }

  _at_streaks_format_day (streak->last_day, last_date);
  sqlite3_bind_int64 (stmt, 2, streak->current);
  sqlite3_bind_int64 (stmt, 3, streak->longest);
  sqlite3_bind_text (stmt, 4, last_date, -1, SQLITE_TRANSIENT);
  return step_done (store, stmt, error);
}

static gboolean
same_streak (const Streak *a,
             const Streak *b)
{
  return a->current == b->current && a->longest == b->longest && a->last_day == b->last_day;
}

/* Internal API */

/**
 * _at_streaks_update:
 *
 * Recomputes the user's streaks from their sessions: inserts, updates and
 * deletes only the user_streak rows that differ from what is stored.
 */
gboolean
_at_streaks_update (AtStore  *store,
                    gint64    user_id,
                    GError  **error)
{
  g_autoptr(GArray) computed = NULL;
  g_autoptr(GArray) stored = NULL;

  g_assert (AT_IS_STORE (store));

  computed = compute_streaks (store, user_id, error);
  if (computed == NULL)
    return FALSE;
  stored = read_stored_streaks (store, user_id, error);
  if (stored == NULL)
    return FALSE;

  for (guint i = 0; i < stored->len; i++)
    {
      const Streak *old = &g_array_index (stored, Streak, i);

      if (find_streak (computed, old->activity_type_id) == NULL &&
          !delete_streak (store, old->row_id, error))
        return FALSE;
    }

  for (guint i = 0; i < computed->len; i++)
    {
      const Streak *streak = &g_array_index (computed, Streak, i);
      const Streak *old = find_streak (stored, streak->activity_type_id);

      if (old != NULL && same_streak (old, streak))
        continue;
      if (!write_streak (store, user_id, old != NULL ? old->row_id : 0, streak, error))
        return FALSE;
    }

  return TRUE;
}

/* Public API */

/**
 * at_store_get_streaks:
 * @user_id: the user the call acts for
 *
 * Reads the user's streaks as they stand today in the user's timezone (by
 * at_store_get_now()): a run whose last day is today or yesterday is still
 * current; an older one is broken, and its current length is 0.
 *
 * Returns: (transfer full) (element-type AtStreakInfo): the overall streak
 * first, then one per activity type; empty when the user has no live
 * session; %NULL on error.
 */
GArray *
at_store_get_streaks (AtStore  *store,
                      gint64    user_id,
                      GError  **error)
{
  g_autoptr(GArray) stored = NULL;
  g_autoptr(GArray) infos = NULL;
  guint32 today;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stored = read_stored_streaks (store, user_id, error);
  if (stored == NULL)
    return NULL;

  today = _at_streaks_get_today (store, user_id);
  infos = g_array_sized_new (FALSE, TRUE, sizeof (AtStreakInfo), stored->len);
  for (guint i = 0; i < stored->len; i++)
    {
      const Streak *streak = &g_array_index (stored, Streak, i);
      AtStreakInfo info = {
        .activity_type_id = streak->activity_type_id,
        .current_days = streak->last_day + 1 >= today ? streak->current : 0,
        .longest_days = streak->longest,
      };

      if (streak->last_day != 0)
        _at_streaks_format_day (streak->last_day, info.last_date);
      g_array_append_val (infos, info);
    }

  return g_steal_pointer (&infos);
}
