/* at-program.c: AtProgram, a row of workout_program. */

#define G_LOG_DOMAIN "at-program"

#include "config.h"

#include "at-program.h"

/* A training plan of several weeks, public or the user's own. */
struct _AtProgram
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtProgram, at_program, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "creator_id", AT_COLUMN_INTEGER, AT_COLUMN_OWNER, 0, 0, 0, 0 },
  { "name", AT_COLUMN_TEXT, AT_COLUMN_REQUIRED, 0, 0, 0, 200 },
  { "description", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "difficulty_level", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 20 },
  { "duration_weeks", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 1, 520, 0 },
  { "sessions_per_week", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 1, 21, 0 },
  { "category_id", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "is_public", AT_COLUMN_BOOLEAN, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "is_official", AT_COLUMN_BOOLEAN, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "tags", AT_COLUMN_JSON, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "thumbnail_url", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 500 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
  { "updated_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
  { "deleted_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

static void
at_program_class_init (AtProgramClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "workout_program", columns, G_N_ELEMENTS (columns));
  record_class->owner_column = "creator_id";
  record_class->owner_read_extra = "is_public = 1 OR is_official = 1 OR creator_id IS NULL";
  record_class->order_by = "name, id";
  record_class->has_uuid = TRUE;
}

static void
at_program_init (AtProgram *self)
{
}

AtProgram *
at_program_new (void)
{
  return g_object_new (AT_TYPE_PROGRAM, NULL);
}
