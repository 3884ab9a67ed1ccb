/* at-activity-type.c: AtActivityType, a row of activity_type. */

#define G_LOG_DOMAIN "at-activity-type"

#include "config.h"

#include "at-activity-type.h"

/* A kind of activity within a category (Running, Yoga, Music …). */
struct _AtActivityType
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtActivityType, at_activity_type, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "name", AT_COLUMN_TEXT, AT_COLUMN_REQUIRED, 0, 0, 0, 100 },
  { "category_id", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "is_physical", AT_COLUMN_BOOLEAN, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "has_duration", AT_COLUMN_BOOLEAN, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "has_intensity", AT_COLUMN_BOOLEAN, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "met_value", AT_COLUMN_REAL, AT_COLUMN_FLAGS_NONE, 2, 0, 0, 0 },
  { "description", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "icon_url", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 255 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

static void
at_activity_type_class_init (AtActivityTypeClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "activity_type", columns, G_N_ELEMENTS (columns));
  record_class->order_by = "name";
}

static void
at_activity_type_init (AtActivityType *self)
{
}

AtActivityType *
at_activity_type_new (void)
{
  return g_object_new (AT_TYPE_ACTIVITY_TYPE, NULL);
}
