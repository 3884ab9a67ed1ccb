/* at-enrollment.c: AtEnrollment, a row of user_program_enrollment. */

#define G_LOG_DOMAIN "at-enrollment"

#include "config.h"

#include "at-enrollment.h"
#include "at-program.h"

/* A user following a program, and where they are in it. */
struct _AtEnrollment
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtEnrollment, at_enrollment, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "user_id", AT_COLUMN_INTEGER, AT_COLUMN_OWNER, 0, 0, 0, 0 },
  { "program_id", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED, 0, 0, 0, 0 },
  { "start_date", AT_COLUMN_DATE, AT_COLUMN_REQUIRED, 0, 0, 0, 0 },
  { "current_week", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 1, 520, 0 },
  { "current_day", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 1, 7, 0 },
  { "is_active", AT_COLUMN_BOOLEAN, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "completed_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

static void
at_enrollment_class_init (AtEnrollmentClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "user_program_enrollment", columns, G_N_ELEMENTS (columns));
  record_class->owner_column = "user_id";
  record_class->order_by = "is_active DESC, start_date DESC, id";
  record_class->has_uuid = TRUE;
  record_class->references[0].column = "program_id";
  record_class->references[0].type = AT_TYPE_PROGRAM;
}

static void
at_enrollment_init (AtEnrollment *self)
{
}

AtEnrollment *
at_enrollment_new (void)
{
  return g_object_new (AT_TYPE_ENROLLMENT, NULL);
}
