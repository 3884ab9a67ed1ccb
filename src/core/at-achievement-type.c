/* at-achievement-type.c: AtAchievementType, a row of achievement_type. */

#define G_LOG_DOMAIN "at-achievement-type"

#include "config.h"

#include "at-achievement-type.h"

/* An achievement a user can earn, with its criteria. */
struct _AtAchievementType
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtAchievementType, at_achievement_type, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "name", AT_COLUMN_TEXT, AT_COLUMN_REQUIRED, 0, 0, 0, 100 },
  { "description", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "badge_icon_url", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 500 },
  { "category", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 50 },
  { "criteria_json", AT_COLUMN_JSON, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "points", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "rarity", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 20 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

static void
at_achievement_type_class_init (AtAchievementTypeClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "achievement_type", columns, G_N_ELEMENTS (columns));
  record_class->order_by = "name";
}

static void
at_achievement_type_init (AtAchievementType *self)
{
}

AtAchievementType *
at_achievement_type_new (void)
{
  return g_object_new (AT_TYPE_ACHIEVEMENT_TYPE, NULL);
}
