/* at-user-achievement.c: AtUserAchievement, a row of user_achievement. */

#define G_LOG_DOMAIN "at-user-achievement"

#include "config.h"

#include "at-session.h"
#include "at-user-achievement.h"

/* An achievement a user earned. */
struct _AtUserAchievement
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtUserAchievement, at_user_achievement, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "user_id", AT_COLUMN_INTEGER, AT_COLUMN_OWNER, 0, 0, 0, 0 },
  { "achievement_type_id", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED, 0, 0, 0, 0 },
  { "earned_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "related_session_id", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "progress_value", AT_COLUMN_REAL, AT_COLUMN_FLAGS_NONE, 2, 0, 0, 0 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

static void
at_user_achievement_class_init (AtUserAchievementClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "user_achievement", columns, G_N_ELEMENTS (columns));
  record_class->owner_column = "user_id";
  record_class->order_by = "earned_at DESC, id DESC";
  record_class->has_uuid = TRUE;
  record_class->references[0].column = "related_session_id";
  record_class->references[0].type = AT_TYPE_SESSION;
}

static void
at_user_achievement_init (AtUserAchievement *self)
{
}

AtUserAchievement *
at_user_achievement_new (void)
{
  return g_object_new (AT_TYPE_USER_ACHIEVEMENT, NULL);
}
