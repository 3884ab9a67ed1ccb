/* at-activity-category.c: AtActivityCategory, a row of activity_category. */

#define G_LOG_DOMAIN "at-activity-category"

#include "config.h"

#include "at-activity-category.h"

/* A top-level kind of activity (Physical, Creative …). */
struct _AtActivityCategory
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtActivityCategory, at_activity_category, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "name", AT_COLUMN_TEXT, AT_COLUMN_REQUIRED, 0, 0, 0, 50 },
  { "description", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "icon_name", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 50 },
  { "display_order", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

static void
at_activity_category_class_init (AtActivityCategoryClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "activity_category", columns, G_N_ELEMENTS (columns));
  record_class->order_by = "display_order, name";
}

static void
at_activity_category_init (AtActivityCategory *self)
{
}

AtActivityCategory *
at_activity_category_new (void)
{
  return g_object_new (AT_TYPE_ACTIVITY_CATEGORY, NULL);
}
