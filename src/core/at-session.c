/* at-session.c: AtSession, a row of activity_session. */

#define G_LOG_DOMAIN "at-session"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "at-session.h"
#include "at-store-private.h"
#include "at-user.h"

/* One activity session: a workout, a run, a practice. */
struct _AtSession
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtSession, at_session, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "user_id", AT_COLUMN_INTEGER, AT_COLUMN_OWNER, 0, 0, 0, 0 },
  { "activity_type_id", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED, 0, 0, 0, 0 },
  { "activity_subtype_id", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "session_name", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 200 },
  { "started_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_REQUIRED, 0, 0, 0, 0 },
  { "ended_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "duration_minutes", AT_COLUMN_INTEGER, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
  { "utc_offset_seconds", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, -64800, 64800, 0 },
  { "local_date", AT_COLUMN_DATE, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
  { "location", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 100 },
  { "weather", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 100 },
  { "mood_before", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 50 },
  { "mood_after", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 50 },
  { "energy_level", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 1, 10, 0 },
  { "rating", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 1, 10, 0 },
  { "perceived_exertion", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 1, 10, 0 },
  { "injuries_noted", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "notes", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "total_volume", AT_COLUMN_REAL, AT_COLUMN_FLAGS_NONE, 2, 0, 0, 0 },
  { "estimated_calories", AT_COLUMN_REAL, AT_COLUMN_FLAGS_NONE, 2, 0, 0, 0 },
  { "is_personal_record", AT_COLUMN_BOOLEAN, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "is_template", AT_COLUMN_BOOLEAN, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "template_name", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 200 },
  { "parent_session_id", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
  { "updated_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
  { "deleted_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

static gboolean
at_session_validate (AtRecord  *record,
                     GError   **error)
{
  if (!at_record_is_null (record, "ended_at") &&
      at_record_get_int (record, "ended_at") < at_record_get_int (record, "started_at"))
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
                   _("activity_session.ended_at: the session cannot end before it starts"));
      return FALSE;
    }

  if (!at_record_is_null (record, "parent_session_id") &&
      at_record_get_int (record, "parent_session_id") == at_record_get_id (record))
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
                   _("activity_session.parent_session_id: a session cannot be its own template"));
      return FALSE;
    }

  return TRUE;
}

/* A session's day is its start day in the user's timezone at that moment:
 * unless the caller says otherwise, the offset comes from the profile. */
/* A session started from a template or repeated from another points at
 * it; the chain of such links must end, and stay within the user's own. */
static gboolean
check_parent_chain (AtRecord  *record,
                    AtStore   *store,
                    gint64     user_id,
                    GError   **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  gint64 parent_id = at_record_get_int (record, "parent_session_id");
  int rc;

  stmt = _at_store_prepare (store,
                            "WITH RECURSIVE chain (id, depth) AS ("
                            "  SELECT id, 0 FROM activity_session WHERE id = ?1 AND user_id = ?2"
                            "  UNION ALL"
                            "  SELECT s.parent_session_id, depth + 1 FROM activity_session s"
                            "  JOIN chain ON s.id = chain.id"
                            "  WHERE s.parent_session_id IS NOT NULL AND depth < 10000)"
                            " SELECT (SELECT count(*) FROM chain),"
                            "        EXISTS (SELECT 1 FROM chain WHERE id = ?3)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  sqlite3_bind_int64 (stmt, 3, at_record_get_id (record));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _at_store_set_error (store, rc, "activity_session", error);

  if (sqlite3_column_int64 (stmt, 0) == 0)
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
                   _("activity_session.parent_session_id: no session %" PRId64
                     " of this user's"), parent_id);
      return FALSE;
    }
  if (at_record_get_id (record) > 0 && sqlite3_column_int64 (stmt, 1) != 0)
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
                   _("activity_session.parent_session_id: session %" PRId64
                     " comes from this one, which would make a loop"), parent_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
at_session_prepare_write (AtRecord  *record,
                          AtStore   *store,
                          gint64     user_id,
                          GError   **error)
{
  g_autoptr(AtRecord) user = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  const char *timezone;
  gint64 started_at;
  int interval;

  if (!at_record_is_null (record, "parent_session_id") &&
      !check_parent_chain (record, store, user_id, error))
    return FALSE;

  if (!at_record_is_null (record, "utc_offset_seconds") || at_record_is_null (record, "started_at"))
    return TRUE;

  user = at_store_get (store, user_id, AT_TYPE_USER, user_id, error);
  if (user == NULL)
    return FALSE;

  timezone = at_record_get_string (user, "timezone");
  zone = at_time_zone_lookup (timezone != NULL ? timezone : "UTC");
  if (zone == NULL)
    zone = g_time_zone_new_utc ();

  started_at = at_record_get_int (record, "started_at");
  interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, started_at);
  at_record_set_int (record, "utc_offset_seconds", g_time_zone_get_offset (zone, interval));
  return TRUE;
}

gint64
at_session_get_started_at (AtSession *self)
{
  g_return_val_if_fail (AT_IS_SESSION (self), 0);

  return at_record_get_int (AT_RECORD (self), "started_at");
}

const char *
at_session_get_session_name (AtSession *self)
{
  g_return_val_if_fail (AT_IS_SESSION (self), NULL);

  return at_record_get_string (AT_RECORD (self), "session_name");
}

gint64
at_session_get_duration_minutes (AtSession *self)
{
  g_return_val_if_fail (AT_IS_SESSION (self), 0);

  return at_record_get_int (AT_RECORD (self), "duration_minutes");
}

const char *
at_session_get_local_date (AtSession *self)
{
  g_return_val_if_fail (AT_IS_SESSION (self), NULL);

  return at_record_get_string (AT_RECORD (self), "local_date");
}

static void
at_session_class_init (AtSessionClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "activity_session", columns, G_N_ELEMENTS (columns));
  record_class->owner_column = "user_id";
  record_class->order_by = "started_at DESC, id DESC";
  record_class->has_uuid = TRUE;
  record_class->validate = at_session_validate;
  record_class->list_filter = "is_template = 0";
  record_class->touch_query =
    "SELECT s.id, s.user_id, e.activity_subtype_id FROM activity_session s"
    " LEFT JOIN activity_exercise e ON e.session_id = s.id WHERE s.id = ?1";
  record_class->prepare_write = at_session_prepare_write;
}

static void
at_session_init (AtSession *self)
{
}

AtSession *
at_session_new (void)
{
  return g_object_new (AT_TYPE_SESSION, NULL);
}
