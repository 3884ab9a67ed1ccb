/* at-store-maintenance.c: keeping the file in order — the statistics
 * table and its rebuild, the integrity checks, and bulk loads. */

#define G_LOG_DOMAIN "at-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "at-store-private.h"

/* Secondary indexes that no rule reads while rows are loaded: a bulk load
 * drops them and builds them again at its end, sorted and packed, instead
 * of inserting each row into them at a random place. The last two take
 * their rows in order, but an index page that SQLite splits at the end is
 * left 12-31 % empty; built at the end, they are full (12 MB less on the
 * benchmark workload). */
static const char * const bulk_load_indexes[] = {
  "idx_set_weight",
  "idx_set_reps",
  "idx_session_type_date",
  "idx_metric_name_value",
  "idx_session_user_date",
  "idx_metric_session",
};

/* CREATE INDEX sorts its rows in runs as large as the page cache, then
 * merges the runs. One run of millions of rows sorts slowly, out of the
 * processor's caches (16.6 s for idx_set_weight on the full workload);
 * runs of 2 MB on a temporary file, sorted on two threads, take 6.6 s. */
#define SORT_IN_SMALL_RUNS "PRAGMA temp_store = FILE; PRAGMA threads = 2; PRAGMA cache_size = -2048;"

static gboolean
build_indexes (AtStore    *self,
               GPtrArray  *statements,
               GError    **error)
{
  if (!at_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < statements->len; i++)
    {
      if (!_at_store_exec (self, g_ptr_array_index (statements, i), error))
        {
          at_store_rollback (self);
          return FALSE;
        }
    }
  if (!_at_store_exec (self, "DELETE FROM at_meta WHERE key = 'bulk_load_indexes'", error) ||
      !at_store_commit (self, error))
    {
      at_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* Builds the indexes a bulk load dropped, whose SQL it left in at_meta:
 * also what opening does after a load that was interrupted. */
gboolean
_at_store_rebuild_bulk_load_indexes (AtStore  *self,
                                     GError  **error)
{
  g_autofree char *restore = NULL;
  gint64 cache_size;
  gboolean built;
  g_autoptr(AtStatement) stmt = _at_store_prepare (self,
                                                   "SELECT j.value FROM at_meta AS m, json_each (m.value) AS j"
                                                   " WHERE m.key = 'bulk_load_indexes'", error);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (statements, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  at_statement_reset (g_steal_pointer (&stmt));

  if (statements->len == 0)
    return TRUE;

  if (!_at_store_query_int (self, "PRAGMA cache_size", &cache_size, error) ||
      !_at_store_exec (self, SORT_IN_SMALL_RUNS, error))
    return FALSE;
  built = build_indexes (self, statements, error);
  restore = g_strdup_printf ("PRAGMA threads = 0; PRAGMA temp_store = MEMORY;"
                             " PRAGMA cache_size = %" G_GINT64_FORMAT ";", cache_size);
  /* Even after a failure: the connection must get its own settings back. */
  if (!_at_store_exec (self, restore, built ? error : NULL))
    return FALSE;
  return built;
}

/**
 * at_store_begin_bulk_load:
 *
 * Prepares the store for loading many rows in many transactions: drops the
 * secondary indexes no rule reads (their definitions kept in the file, so
 * an interrupted load gets them back at the next open). Every trigger and
 * rule still runs. End with at_store_end_bulk_load().
 */
gboolean
at_store_begin_bulk_load (AtStore  *self,
                          GError  **error)
{
  g_autoptr(GString) keep = g_string_new ("INSERT INTO at_meta (key, value)"
                                          " SELECT 'bulk_load_indexes', json_group_array (sql)"
                                          " FROM sqlite_schema WHERE type = 'index' AND name IN (");
  g_autoptr(GString) drops = g_string_new (NULL);

  g_return_val_if_fail (AT_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth == 0, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (bulk_load_indexes); i++)
    {
      g_string_append_printf (keep, "%s'%s'", i > 0 ? ", " : "", bulk_load_indexes[i]);
      g_string_append_printf (drops, "DROP INDEX IF EXISTS %s;", bulk_load_indexes[i]);
    }
  g_string_append (keep, ") ON CONFLICT (key) DO NOTHING");

  if (!at_store_begin (self, error))
    return FALSE;
  if (!_at_store_exec (self, keep->str, error) ||
      !_at_store_exec (self, drops->str, error) ||
      !at_store_commit (self, error))
    {
      at_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/**
 * at_store_end_bulk_load:
 *
 * Builds again the indexes at_store_begin_bulk_load() dropped.
 */
gboolean
at_store_end_bulk_load (AtStore  *self,
                        GError  **error)
{
  g_return_val_if_fail (AT_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth == 0, FALSE);

  return _at_store_rebuild_bulk_load_indexes (self, error);
}

static gint64
column_int_or (sqlite3_stmt *stmt,
               int           column,
               gint64        fallback)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? fallback
                                                           : sqlite3_column_int64 (stmt, column);
}

static double
column_double_or (sqlite3_stmt *stmt,
                  int           column,
                  double        fallback)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? fallback
                                                           : sqlite3_column_double (stmt, column);
}

gboolean
at_store_get_statistics (AtStore           *self,
                         gint64             user_id,
                         AtUserStatistics  *stats,
                         GError           **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (AT_IS_STORE (self), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  *stats = (AtUserStatistics) {
    .total_minutes = -1, .avg_session_rating = NAN, .total_calories = NAN,
  };
  stmt = _at_store_prepare (self,
                            "SELECT total_sessions, total_days_active, last_activity, "
                            "       total_minutes, avg_session_rating, total_calories, total_prs "
                            "FROM user_statistics WHERE user_id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, user_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return _at_store_set_error (self, rc, _("Cannot read the statistics"), error);

  stats->found = TRUE;
  stats->total_sessions = sqlite3_column_int64 (stmt, 0);
  stats->total_days_active = sqlite3_column_int64 (stmt, 1);
  stats->last_activity = sqlite3_column_int64 (stmt, 2);
  stats->total_minutes = column_int_or (stmt, 3, -1);
  stats->avg_session_rating = column_double_or (stmt, 4, NAN);
  stats->total_calories = column_double_or (stmt, 5, NAN);
  stats->total_prs = sqlite3_column_int64 (stmt, 6);
  return TRUE;
}

/**
 * at_store_rebuild_statistics:
 *
 * Recomputes the trigger-kept statistics from the sessions themselves.
 */
gboolean
at_store_rebuild_statistics (AtStore  *self,
                             GError  **error)
{
  g_return_val_if_fail (AT_IS_STORE (self), FALSE);

  if (!at_store_begin (self, error))
    return FALSE;

  if (!_at_store_exec (self,
                       "DELETE FROM user_statistics;"
                       "INSERT INTO user_statistics (user_id, total_sessions, total_days_active,"
                       "    last_activity, total_minutes, minutes_count, rating_sum, rating_count,"
                       "    total_calories, calories_count, total_prs)"
                       "  SELECT user_id, count(*), count(DISTINCT local_date), max(started_at),"
                       "    sum(duration_minutes), count(duration_minutes), coalesce (sum (rating), 0),"
                       "    count(rating), sum(estimated_calories), count(estimated_calories),"
                       "    count(*) FILTER (WHERE is_personal_record = 1)"
                       "  FROM activity_session WHERE deleted_at IS NULL AND is_template = 0"
                       "  GROUP BY user_id;",
                       error))
    {
      at_store_rollback (self);
      return FALSE;
    }

  return at_store_commit (self, error);
}

static gboolean
collect_rows (AtStore     *self,
              const char  *sql,
              const char  *label,
              GPtrArray   *problems,
              GError     **error)
{
  g_autoptr(AtStatement) stmt = _at_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (text, "ok") != 0)
        g_ptr_array_add (problems, g_strdup_printf ("%s: %s", label, text ? text : "?"));
    }

  if (rc != SQLITE_DONE)
    return _at_store_set_error (self, rc, label, error);

  return TRUE;
}

static gboolean
check_fts (AtStore     *self,
           const char  *table,
           GPtrArray   *problems)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('integrity-check')",
                                          table, table);
  g_autoptr(GError) error = NULL;

  if (!_at_store_exec (self, sql, &error))
    g_ptr_array_add (problems, g_strdup_printf ("%s: %s", table, error->message));

  return TRUE;
}

/**
 * at_store_check:
 * @problems: (element-type utf8): receives one line per problem found
 *
 * Runs SQLite's integrity and foreign-key checks, the full-text indexes'
 * own checks and compares the kept statistics with the sessions.
 *
 * Returns: %FALSE only when the checks themselves could not run.
 */
gboolean
at_store_check (AtStore    *self,
                GPtrArray  *problems,
                GError    **error)
{
  g_return_val_if_fail (AT_IS_STORE (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  return collect_rows (self, "PRAGMA integrity_check", "integrity", problems, error) &&
         collect_rows (self,
                       "SELECT format ('%s row %s refers to a missing %s row', \"table\","
                       "               coalesce (rowid, '(no rowid)'), parent)"
                       " FROM pragma_foreign_key_check",
                       "foreign key", problems, error) &&
         check_fts (self, "session_fts", problems) &&
         collect_rows (self,
                       "SELECT format ('session %d is waiting to be indexed for search', id)"
                       " FROM session_fts_queue",
                       "full-text", problems, error) &&
         check_fts (self, "exercise_fts", problems) &&
         check_fts (self, "program_fts", problems) &&
         collect_rows (self,
                       "SELECT format ('user %d differs from the sessions', user_id)"
                       " FROM user_statistics_mismatch",
                       "statistics", problems, error);
}
