/* at-streak.c: AtStreak, a row of user_streak. */

#define G_LOG_DOMAIN "at-streak"

#include "config.h"

#include "at-streak.h"

/* A user's current and longest run of active days, overall or per type. */
struct _AtStreak
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtStreak, at_streak, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "user_id", AT_COLUMN_INTEGER, AT_COLUMN_OWNER, 0, 0, 0, 0 },
  { "activity_type_id", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "current_streak_days", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 1000000000, 0 },
  { "longest_streak_days", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 1000000000, 0 },
  { "last_activity_date", AT_COLUMN_DATE, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
  { "updated_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

static void
at_streak_class_init (AtStreakClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "user_streak", columns, G_N_ELEMENTS (columns));
  record_class->owner_column = "user_id";
  record_class->order_by = "activity_type_id IS NOT NULL, activity_type_id";
  record_class->has_uuid = TRUE;
}

static void
at_streak_init (AtStreak *self)
{
}

AtStreak *
at_streak_new (void)
{
  return g_object_new (AT_TYPE_STREAK, NULL);
}
