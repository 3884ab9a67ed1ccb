/* at-program-exercise.c: AtProgramExercise, a row of program_exercise_template. */

#define G_LOG_DOMAIN "at-program-exercise"

#include "config.h"

#include "at-program-exercise.h"
#include "at-program-session.h"

/* A planned exercise of a program session, with its targets. */
struct _AtProgramExercise
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtProgramExercise, at_program_exercise, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "session_template_id", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED | AT_COLUMN_PARENT, 0, 0, 0, 0 },
  { "activity_subtype_id", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "exercise_order", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED, 0, 0, 0, 0 },
  { "target_sets", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 1, 100, 0 },
  { "target_reps", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 1, 1000, 0 },
  { "target_weight_pct", AT_COLUMN_REAL, AT_COLUMN_FLAGS_NONE, 2, 0, 999, 0 },
  { "rest_seconds", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 86400, 0 },
  { "notes", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

static void
at_program_exercise_class_init (AtProgramExerciseClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "program_exercise_template", columns, G_N_ELEMENTS (columns));
  record_class->parents[0].column = "session_template_id";
  record_class->parents[0].type = AT_TYPE_PROGRAM_SESSION;
  record_class->order_by = "exercise_order, id";
  record_class->has_uuid = TRUE;
}

static void
at_program_exercise_init (AtProgramExercise *self)
{
}

AtProgramExercise *
at_program_exercise_new (void)
{
  return g_object_new (AT_TYPE_PROGRAM_EXERCISE, NULL);
}
