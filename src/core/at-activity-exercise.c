/* at-activity-exercise.c: AtActivityExercise, a row of activity_exercise. */

#define G_LOG_DOMAIN "at-activity-exercise"

#include "config.h"

#include "at-activity-exercise.h"
#include "at-session.h"

/* An exercise done within a session, in order. */
struct _AtActivityExercise
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtActivityExercise, at_activity_exercise, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "session_id", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED | AT_COLUMN_PARENT, 0, 0, 0, 0 },
  { "user_id", AT_COLUMN_INTEGER, AT_COLUMN_OWNER, 0, 0, 0, 0 },
  { "activity_subtype_id", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "exercise_order", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED, 0, 0, 0, 0 },
  { "superset_group", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "notes", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "set_a_record", AT_COLUMN_BOOLEAN, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

static void
at_activity_exercise_class_init (AtActivityExerciseClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "activity_exercise", columns, G_N_ELEMENTS (columns));
  record_class->owner_column = "user_id";
  record_class->parents[0].column = "session_id";
  record_class->parents[0].type = AT_TYPE_SESSION;
  record_class->order_by = "exercise_order, id";
  record_class->touch_query =
    "SELECT s.id, s.user_id, e.activity_subtype_id FROM activity_exercise e"
    " JOIN activity_session s ON s.id = e.session_id WHERE e.id = ?1";
}

static void
at_activity_exercise_init (AtActivityExercise *self)
{
}

AtActivityExercise *
at_activity_exercise_new (void)
{
  return g_object_new (AT_TYPE_ACTIVITY_EXERCISE, NULL);
}
