/* at-personal-record.c: AtPersonalRecord, a row of personal_record. */

#define G_LOG_DOMAIN "at-personal-record"

#include "config.h"

#include "at-activity-exercise.h"
#include "at-personal-record.h"
#include "at-session.h"

/* The best value of one kind a user reached on an exercise. */
struct _AtPersonalRecord
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtPersonalRecord, at_personal_record, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "user_id", AT_COLUMN_INTEGER, AT_COLUMN_OWNER, 0, 0, 0, 0 },
  { "activity_subtype_id", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED, 0, 0, 0, 0 },
  { "record_type", AT_COLUMN_TEXT, AT_COLUMN_REQUIRED, 0, 0, 0, 30 },
  { "record_value", AT_COLUMN_REAL, AT_COLUMN_REQUIRED, 2, 0, 0, 0 },
  { "unit_id", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "session_id", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED, 0, 0, 0, 0 },
  { "exercise_id", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "previous_record_value", AT_COLUMN_REAL, AT_COLUMN_FLAGS_NONE, 2, 0, 0, 0 },
  { "achieved_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "notes", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

static void
at_personal_record_class_init (AtPersonalRecordClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "personal_record", columns, G_N_ELEMENTS (columns));
  record_class->owner_column = "user_id";
  record_class->order_by = "achieved_at DESC, id DESC";
  record_class->has_uuid = TRUE;
  record_class->references[0].column = "session_id";
  record_class->references[0].type = AT_TYPE_SESSION;
  record_class->references[1].column = "exercise_id";
  record_class->references[1].type = AT_TYPE_ACTIVITY_EXERCISE;
}

static void
at_personal_record_init (AtPersonalRecord *self)
{
}

AtPersonalRecord *
at_personal_record_new (void)
{
  return g_object_new (AT_TYPE_PERSONAL_RECORD, NULL);
}
