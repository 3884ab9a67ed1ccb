/* at-exercise-set.c: AtExerciseSet, a row of exercise_set. */

#define G_LOG_DOMAIN "at-exercise-set"

#include "config.h"

#include <inttypes.h>

#include "at-activity-exercise.h"
#include <glib/gi18n.h>

#include "at-exercise-set.h"
#include "at-store-private.h"

/* One set of an exercise: reps, weight, RPE and flags. */
struct _AtExerciseSet
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtExerciseSet, at_exercise_set, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "exercise_id", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED | AT_COLUMN_PARENT, 0, 0, 0, 0 },
  { "set_number", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED, 0, 1, 10000, 0 },
  { "reps", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 1, 100000, 0 },
  { "weight", AT_COLUMN_REAL, AT_COLUMN_FLAGS_NONE, 2, 0, 999999, 0 },
  { "weight_unit_id", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "rest_seconds", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 86400, 0 },
  { "rpe", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 1, 10, 0 },
  { "tempo", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 20 },
  { "is_warmup", AT_COLUMN_BOOLEAN, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "is_failure", AT_COLUMN_BOOLEAN, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "is_drop_set", AT_COLUMN_BOOLEAN, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "form_video_url", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 500 },
  { "notes", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

/* A weight is stored in the unit it was typed in, which must be a unit of
 * weight; a weight without a unit would be ambiguous. */
static gboolean
at_exercise_set_prepare_write (AtRecord  *record,
                               AtStore   *store,
                               gint64     user_id,
                               GError   **error)
{
  const char *type;

  if (at_record_is_null (record, "weight_unit_id"))
    {
      if (at_record_is_null (record, "weight"))
        return TRUE;
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
                   _("exercise_set.weight_unit_id: a weight needs its unit"));
      return FALSE;
    }

  type = _at_store_get_unit_type (store, at_record_get_int (record, "weight_unit_id"));
  if (g_strcmp0 (type, "weight") != 0)
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
                   _("exercise_set.weight_unit_id: %" PRId64 " is not a unit of weight"),
                   at_record_get_int (record, "weight_unit_id"));
      return FALSE;
    }
  return TRUE;
}

static void
at_exercise_set_class_init (AtExerciseSetClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "exercise_set", columns, G_N_ELEMENTS (columns));
  record_class->parents[0].column = "exercise_id";
  record_class->parents[0].type = AT_TYPE_ACTIVITY_EXERCISE;
  record_class->order_by = "set_number, id";
  record_class->prepare_write = at_exercise_set_prepare_write;
  record_class->touch_query =
    "SELECT s.id, s.user_id, e.activity_subtype_id FROM exercise_set x"
    " JOIN activity_exercise e ON e.id = x.exercise_id"
    " JOIN activity_session s ON s.id = e.session_id WHERE x.id = ?1";
}

static void
at_exercise_set_init (AtExerciseSet *self)
{
}

AtExerciseSet *
at_exercise_set_new (void)
{
  return g_object_new (AT_TYPE_EXERCISE_SET, NULL);
}
