/* at-store-social.c: follows, shares and likes — join tables with store
 * calls but no classes. Each call acts for the user it names: one can only
 * follow as oneself, share one's own sessions, and like what one can see. */

#define G_LOG_DOMAIN "at-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "at-store-private.h"

/* Steps a one-row write and maps failures to errors naming the table. */
static gboolean
step_write (AtStore      *self,
            sqlite3_stmt *stmt,
            const char   *table,
            GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  g_set_error (error, AT_STORE_ERROR,
               (rc & 0xff) == SQLITE_CONSTRAINT ? AT_STORE_ERROR_CONSTRAINT : AT_STORE_ERROR_FAILED,
               _("Cannot save to %s: %s"), table, sqlite3_errmsg (_at_store_get_db (self)));
  return FALSE;
}

static gboolean
run_simple (AtStore     *self,
            const char  *sql,
            const char  *table,
            gint64       a,
            gint64       b,
            GError     **error)
{
  g_autoptr(AtStatement) stmt = _at_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return step_write (self, stmt, table, error);
}

static gboolean
not_found_unless_changed (AtStore     *self,
                          const char  *what,
                          GError     **error)
{
  if (sqlite3_changes (_at_store_get_db (self)) > 0)
    return TRUE;

  g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND, "%s", what);
  return FALSE;
}

gboolean
at_store_follow (AtStore  *self,
                 gint64    user_id,
                 gint64    following_id,
                 GError  **error)
{
  g_return_val_if_fail (AT_IS_STORE (self), FALSE);

  return run_simple (self,
                     "INSERT INTO user_relationship (follower_id, following_id) VALUES (?1, ?2)"
                     " ON CONFLICT (follower_id, following_id) DO NOTHING",
                     "user_relationship", user_id, following_id, error);
}

gboolean
at_store_unfollow (AtStore  *self,
                   gint64    user_id,
                   gint64    following_id,
                   GError  **error)
{
  g_return_val_if_fail (AT_IS_STORE (self), FALSE);

  return run_simple (self,
                     "DELETE FROM user_relationship WHERE follower_id = ?1 AND following_id = ?2",
                     "user_relationship", user_id, following_id, error) &&
         not_found_unless_changed (self, _("user_relationship: not following this user"), error);
}

/**
 * at_store_list_following:
 *
 * Returns: (transfer full) (element-type gint64): the users @user_id follows.
 */
GArray *
at_store_list_following (AtStore  *self,
                         gint64    user_id,
                         GError  **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (AT_IS_STORE (self), NULL);

  stmt = _at_store_prepare (self,
                            "SELECT following_id FROM user_relationship WHERE follower_id = ?1"
                            " ORDER BY following_id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (self, rc, "user_relationship", error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/**
 * at_store_share_session:
 * @visibility: "public", "friends" or "private"
 *
 * Returns: the share's id, or 0 with @error set (also when the session is
 * not one of the user's own).
 */
gint64
at_store_share_session (AtStore     *self,
                        gint64       user_id,
                        gint64       session_id,
                        const char  *visibility,
                        const char  *message,
                        GError     **error)
{
  g_autoptr(AtStatement) stmt = NULL;

  g_return_val_if_fail (AT_IS_STORE (self), 0);

  stmt = _at_store_prepare (self,
                            "INSERT INTO session_share (session_id, shared_by_user_id, visibility,"
                            "                           share_message)"
                            " SELECT id, user_id, coalesce (?3, 'friends'), ?4 FROM activity_session"
                            " WHERE id = ?1 AND user_id = ?2 AND deleted_at IS NULL"
                            " RETURNING id", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  sqlite3_bind_text (stmt, 3, visibility, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, message, -1, SQLITE_TRANSIENT);

  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      return sqlite3_column_int64 (stmt, 0);
    case SQLITE_DONE:
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND,
                   _("session_share: no session %" PRId64 " of this user's"), session_id);
      return 0;
    default:
      step_write (self, stmt, "session_share", error);
      return 0;
    }
}

/* A session is visible to a user when it is theirs, or shared publicly, or
 * shared with friends by someone they follow. ?1 is the session, ?2 the user. */
#define VISIBLE_SESSION \
  "SELECT s.id FROM activity_session s WHERE s.id = ?1 AND s.deleted_at IS NULL AND (" \
  " s.user_id = ?2 OR EXISTS (SELECT 1 FROM session_share sh WHERE sh.session_id = s.id AND (" \
  "   sh.visibility = 'public' OR (sh.visibility = 'friends' AND EXISTS (" \
  "     SELECT 1 FROM user_relationship r" \
  "     WHERE r.follower_id = ?2 AND r.following_id = sh.shared_by_user_id)))))"

static gboolean
check_session_visible (AtStore  *self,
                       gint64    user_id,
                       gint64    session_id,
                       GError  **error)
{
  g_autoptr(AtStatement) stmt = _at_store_prepare (self, VISIBLE_SESSION, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return _at_store_set_error (self, rc, "activity_session", error);

  g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND,
               _("session %" PRId64 ": not a session this user can see"), session_id);
  return FALSE;
}

gboolean
at_store_like_session (AtStore  *self,
                       gint64    user_id,
                       gint64    session_id,
                       GError  **error)
{
  g_return_val_if_fail (AT_IS_STORE (self), FALSE);

  return check_session_visible (self, user_id, session_id, error) &&
         run_simple (self,
                     "INSERT INTO session_like (session_id, user_id) VALUES (?1, ?2)"
                     " ON CONFLICT (session_id, user_id) DO NOTHING",
                     "session_like", session_id, user_id, error);
}

gboolean
at_store_unlike_session (AtStore  *self,
                         gint64    user_id,
                         gint64    session_id,
                         GError  **error)
{
  g_return_val_if_fail (AT_IS_STORE (self), FALSE);

  return run_simple (self, "DELETE FROM session_like WHERE session_id = ?1 AND user_id = ?2",
                     "session_like", session_id, user_id, error) &&
         not_found_unless_changed (self, _("session_like: this user has not liked the session"),
                                   error);
}

/**
 * at_store_count_likes:
 *
 * Returns: the likes of a session the user can see, or -1 with @error set.
 */
gint64
at_store_count_likes (AtStore  *self,
                      gint64    user_id,
                      gint64    session_id,
                      GError  **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (AT_IS_STORE (self), -1);

  if (!check_session_visible (self, user_id, session_id, error))
    return -1;

  stmt = _at_store_prepare (self, "SELECT count(*) FROM session_like WHERE session_id = ?1", error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, session_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _at_store_set_error (self, rc, "session_like", error);
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}
