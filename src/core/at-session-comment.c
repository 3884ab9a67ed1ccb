/* at-session-comment.c: AtSessionComment, a row of session_comment. */

#define G_LOG_DOMAIN "at-session-comment"

#include "config.h"

#include "at-session-comment.h"
#include "at-session.h"

/* A comment on a shared session. */
struct _AtSessionComment
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtSessionComment, at_session_comment, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "user_id", AT_COLUMN_INTEGER, AT_COLUMN_OWNER, 0, 0, 0, 0 },
  { "session_id", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED, 0, 0, 0, 0 },
  { "comment_text", AT_COLUMN_TEXT, AT_COLUMN_REQUIRED, 0, 0, 0, 0 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
  { "updated_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
  { "deleted_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

static void
at_session_comment_class_init (AtSessionCommentClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "session_comment", columns, G_N_ELEMENTS (columns));
  record_class->owner_column = "user_id";
  record_class->order_by = "created_at, id";
  record_class->has_uuid = TRUE;
  record_class->references[0].column = "session_id";
  record_class->references[0].type = AT_TYPE_SESSION;
}

static void
at_session_comment_init (AtSessionComment *self)
{
}

AtSessionComment *
at_session_comment_new (void)
{
  return g_object_new (AT_TYPE_SESSION_COMMENT, NULL);
}
