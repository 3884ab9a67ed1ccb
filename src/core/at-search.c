/* at-search.c: full-text search over a user's sessions and the exercise
 * catalogue (FTS5, see the migration), ranked, with prefix matching on the
 * last word so results follow the user's typing. */

#define G_LOG_DOMAIN "at-search"

#include "config.h"

#include "at-activity-subtype.h"
#include "at-search.h"
#include "at-session.h"
#include "at-store-private.h"

/**
 * at_search_build_query:
 * @text: what the user typed
 *
 * Turns free text into an FTS5 query: every word must match, each as a
 * quoted string (so no word is read as an operator), and the last word
 * also matches as a prefix, unless the text ends with a space.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL when @text has
 * no word.
 */
char *
at_search_build_query (const char *text)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  gboolean open_ended;
  guint n;

  g_return_val_if_fail (text != NULL, NULL);

  words = g_str_tokenize_and_fold (text, NULL, NULL);
  n = g_strv_length (words);
  if (n == 0)
    return NULL;

  open_ended = !g_ascii_isspace (text[strlen (text) - 1]);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) word = g_string_new (words[i]);

      g_string_replace (word, "\"", "\"\"", 0);
      g_string_append_printf (query, "%s\"%s\"%s", i > 0 ? " " : "", word->str,
                              i == n - 1 && open_ended ? "*" : "");
    }
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/**
 * at_search_build_session_match:
 * @user_id: whose sessions to find
 * @words: a query from at_search_build_query()
 *
 * Returns: (transfer full): the session_fts MATCH expression for @words in
 * @user_id's session text columns only (the owner column holds the user
 * token).
 */
char *
at_search_build_session_match (gint64      user_id,
                               const char *words)
{
  g_return_val_if_fail (words != NULL, NULL);

  return g_strdup_printf ("owner : u%" G_GINT64_FORMAT " AND {session_name notes location} : (%s)",
                          user_id, words);
}

#define EXERCISE_HITS \
  " UNION SELECT session_id, 0 FROM activity_exercise" \
  " WHERE user_id = :user AND activity_subtype_id IN" \
  "   (SELECT rowid FROM exercise_fts WHERE exercise_fts MATCH :words)"

static char *
build_session_sql (AtSearchOrder order,
                   AtSearchFlags flags)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (AT_TYPE_SESSION);
  g_autoptr(GString) sql = g_string_new (NULL);

  /* Ranked by bm25 with a name match weighing most; the owner column not at all. */
  g_string_append_printf (sql, "WITH hits (hit_id, hit_rank) AS (SELECT rowid, %s"
                               " FROM session_fts WHERE session_fts MATCH :match",
                          order == AT_SEARCH_BY_RANK ? "bm25 (session_fts, 0.0, 10.0, 1.0, 2.0)"
                                                     : "0");
  if (flags & AT_SEARCH_WITH_EXERCISES)
    g_string_append (sql, EXERCISE_HITS);
  g_string_append (sql, "), best (best_id, best_rank) AS ("
                        " SELECT hit_id, min (hit_rank) FROM hits GROUP BY hit_id) ");
  _at_store_append_select (sql, AT_RECORD_CLASS (klass));
  g_string_append (sql, " AND id IN (SELECT best_id FROM best)");
  if (order == AT_SEARCH_BY_RANK)
    g_string_append (sql, " ORDER BY (SELECT best_rank FROM best WHERE best_id = id),"
                          " started_at DESC, id DESC");
  else
    g_string_append (sql, " ORDER BY started_at DESC, id DESC");
  g_string_append (sql, " LIMIT :limit");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/**
 * at_store_search_sessions:
 * @text: the words to find in the session's name, notes and location (and
 *   exercise names with %AT_SEARCH_WITH_EXERCISES)
 *
 * Returns: (transfer full): at most @limit of the user's live sessions
 * matching every word, as #AtSession; empty for text without words.
 */
GListModel *
at_store_search_sessions (AtStore        *store,
                          gint64          user_id,
                          const char     *text,
                          AtSearchOrder   order,
                          AtSearchFlags   flags,
                          guint           limit,
                          GError        **error)
{
  g_autofree char *words = NULL;
  g_autofree char *match = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GListStore) results = g_list_store_new (AT_TYPE_SESSION);
  g_autoptr(AtStatement) stmt = NULL;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  words = at_search_build_query (text);
  if (words == NULL)
    return G_LIST_MODEL (g_steal_pointer (&results));

  match = at_search_build_session_match (user_id, words);
  sql = build_session_sql (order, flags);
  stmt = _at_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  at_statement_bind_text (stmt, ":match", match);
  at_statement_bind_text (stmt, ":words", words);
  at_statement_bind_int (stmt, ":user", user_id);
  at_statement_bind_int (stmt, ":limit", limit);

  if (!_at_store_collect (store, AT_TYPE_SESSION, stmt, results, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&results));
}

/**
 * at_store_search_exercises:
 *
 * Returns: (transfer full): at most @limit catalogue exercises whose name
 * or description matches every word, names weighing more, as
 * #AtActivitySubtype.
 */
GListModel *
at_store_search_exercises (AtStore     *store,
                           const char  *text,
                           guint        limit,
                           GError     **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (AT_TYPE_ACTIVITY_SUBTYPE);
  g_autoptr(GListStore) results = g_list_store_new (AT_TYPE_ACTIVITY_SUBTYPE);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(AtStatement) stmt = NULL;
  g_autofree char *words = NULL;
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  words = at_search_build_query (text);
  if (words == NULL)
    return G_LIST_MODEL (g_steal_pointer (&results));

  g_string_append (sql, "WITH hits (hit_id, hit_rank) AS ("
                        " SELECT rowid, bm25 (exercise_fts, 10.0, 1.0) FROM exercise_fts"
                        " WHERE exercise_fts MATCH :words) ");
  _at_store_append_select (sql, AT_RECORD_CLASS (klass));
  /* Names that begin with what was typed come first: that is what a
   * picker's user is looking for. */
  g_string_append (sql, " AND id IN (SELECT hit_id FROM hits)"
                        " ORDER BY substr (lower (name), 1, length (:prefix)) = :prefix DESC,"
                        "   (SELECT hit_rank FROM hits WHERE hit_id = id), name"
                        " LIMIT :limit");

  stmt = _at_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;
  prefix = g_utf8_strdown (text, -1);
  at_statement_bind_text (stmt, ":prefix", g_strstrip (prefix));
  at_statement_bind_text (stmt, ":words", words);
  at_statement_bind_int (stmt, ":limit", limit);

  if (!_at_store_collect (store, AT_TYPE_ACTIVITY_SUBTYPE, stmt, results, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&results));
}
