/* at-session-media.c: AtSessionMedia, a row of session_media. */

#define G_LOG_DOMAIN "at-session-media"

#include "config.h"

#include <glib/gi18n.h>

#include "at-activity-exercise.h"
#include "at-session-media.h"
#include "at-session.h"
#include "at-store.h"

/* A photo, video or recording attached to a session or an exercise. */
struct _AtSessionMedia
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtSessionMedia, at_session_media, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "session_id", AT_COLUMN_INTEGER, AT_COLUMN_PARENT, 0, 0, 0, 0 },
  { "exercise_id", AT_COLUMN_INTEGER, AT_COLUMN_PARENT, 0, 0, 0, 0 },
  { "media_type", AT_COLUMN_TEXT, AT_COLUMN_REQUIRED, 0, 0, 0, 20 },
  { "media_url", AT_COLUMN_TEXT, AT_COLUMN_REQUIRED, 0, 0, 0, 500 },
  { "thumbnail_url", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 500 },
  { "file_size_bytes", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 9007199254740992, 0 },
  { "duration_seconds", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 2147483648, 0 },
  { "caption", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "tags", AT_COLUMN_JSON, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "is_progress_photo", AT_COLUMN_BOOLEAN, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "is_form_check", AT_COLUMN_BOOLEAN, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

static gboolean
at_session_media_validate (AtRecord  *record,
                           GError   **error)
{
  const char *type = at_record_get_string (record, "media_type");

  if (at_record_is_null (record, "session_id") == at_record_is_null (record, "exercise_id"))
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
                   _("session_media.session_id: media belongs to a session or to an exercise, "
                     "not both and not neither"));
      return FALSE;
    }

  if (!g_str_equal (type, "image") && !g_str_equal (type, "video") && !g_str_equal (type, "audio"))
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
                   _("session_media.media_type: must be “image”, “video” or “audio”, not “%s”"), type);
      return FALSE;
    }

  return TRUE;
}

static void
at_session_media_class_init (AtSessionMediaClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "session_media", columns, G_N_ELEMENTS (columns));
  record_class->parents[0].column = "session_id";
  record_class->parents[0].type = AT_TYPE_SESSION;
  record_class->parents[1].column = "exercise_id";
  record_class->parents[1].type = AT_TYPE_ACTIVITY_EXERCISE;
  record_class->order_by = "created_at DESC, id DESC";
  record_class->has_uuid = TRUE;
  record_class->validate = at_session_media_validate;
}

static void
at_session_media_init (AtSessionMedia *self)
{
}

AtSessionMedia *
at_session_media_new (void)
{
  return g_object_new (AT_TYPE_SESSION_MEDIA, NULL);
}
