/* at-activity-subtype.c: AtActivitySubtype, a row of activity_subtype. */

#define G_LOG_DOMAIN "at-activity-subtype"

#include "config.h"

#include "at-activity-subtype.h"

/* An exercise or sub-activity of a type (Squat, Tree Pose, Piano Scales …). */
struct _AtActivitySubtype
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtActivitySubtype, at_activity_subtype, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "activity_type_id", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED, 0, 0, 0, 0 },
  { "name", AT_COLUMN_TEXT, AT_COLUMN_REQUIRED, 0, 0, 0, 100 },
  { "description", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "default_sets", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "default_reps", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "default_weight", AT_COLUMN_REAL, AT_COLUMN_FLAGS_NONE, 2, 0, 0, 0 },
  { "default_weight_unit", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 10 },
  { "muscle_groups", AT_COLUMN_JSON, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "difficulty_level", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 20 },
  { "equipment_needed", AT_COLUMN_JSON, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "instructions", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "video_url", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 500 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

static void
at_activity_subtype_class_init (AtActivitySubtypeClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "activity_subtype", columns, G_N_ELEMENTS (columns));
  record_class->order_by = "name";
}

static void
at_activity_subtype_init (AtActivitySubtype *self)
{
}

AtActivitySubtype *
at_activity_subtype_new (void)
{
  return g_object_new (AT_TYPE_ACTIVITY_SUBTYPE, NULL);
}
