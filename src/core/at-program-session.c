/* at-program-session.c: AtProgramSession, a row of program_session_template. */

#define G_LOG_DOMAIN "at-program-session"

#include "config.h"

#include "at-program-session.h"
#include "at-program.h"

/* A planned session of a program, by week and day. */
struct _AtProgramSession
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtProgramSession, at_program_session, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "program_id", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED | AT_COLUMN_PARENT, 0, 0, 0, 0 },
  { "week_number", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED, 0, 1, 520, 0 },
  { "day_number", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED, 0, 1, 7, 0 },
  { "session_name", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 200 },
  { "description", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "activity_type_id", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED, 0, 0, 0, 0 },
  { "estimated_duration_minutes", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 1440, 0 },
  { "display_order", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

static void
at_program_session_class_init (AtProgramSessionClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "program_session_template", columns, G_N_ELEMENTS (columns));
  record_class->parents[0].column = "program_id";
  record_class->parents[0].type = AT_TYPE_PROGRAM;
  record_class->order_by = "week_number, day_number, display_order, id";
  record_class->has_uuid = TRUE;
}

static void
at_program_session_init (AtProgramSession *self)
{
}

AtProgramSession *
at_program_session_new (void)
{
  return g_object_new (AT_TYPE_PROGRAM_SESSION, NULL);
}
