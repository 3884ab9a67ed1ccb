/* at-goal.c: AtGoal, a row of user_goal. */

#define G_LOG_DOMAIN "at-goal"

#include "config.h"

#include <glib/gi18n.h>

#include "at-goal.h"
#include "at-store.h"

/* A goal the user set, with its target and progress. */
struct _AtGoal
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtGoal, at_goal, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "user_id", AT_COLUMN_INTEGER, AT_COLUMN_OWNER, 0, 0, 0, 0 },
  { "goal_type_id", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED, 0, 0, 0, 0 },
  { "activity_type_id", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "activity_subtype_id", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "metric_name", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 50 },
  { "body_metric_type_id", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "title", AT_COLUMN_TEXT, AT_COLUMN_REQUIRED, 0, 0, 0, 200 },
  { "description", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "target_value", AT_COLUMN_REAL, AT_COLUMN_FLAGS_NONE, 2, 0, 0, 0 },
  { "target_unit_id", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "current_value", AT_COLUMN_REAL, AT_COLUMN_FLAGS_NONE, 2, 0, 0, 0 },
  { "start_date", AT_COLUMN_DATE, AT_COLUMN_REQUIRED, 0, 0, 0, 0 },
  { "target_date", AT_COLUMN_DATE, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "frequency_per_week", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 1, 21, 0 },
  { "is_completed", AT_COLUMN_BOOLEAN, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "completed_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "is_active", AT_COLUMN_BOOLEAN, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
  { "updated_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

static gboolean
at_goal_validate (AtRecord  *record,
                  GError   **error)
{
  const char *start = at_record_get_string (record, "start_date");
  const char *target = at_record_get_string (record, "target_date");

  /* Both are YYYY-MM-DD, checked by the column rules, so they sort as text. */
  if (target != NULL && strcmp (target, start) < 0)
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
                   _("user_goal.target_date: %s is before the start date %s"), target, start);
      return FALSE;
    }

  return TRUE;
}

static void
at_goal_class_init (AtGoalClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "user_goal", columns, G_N_ELEMENTS (columns));
  record_class->owner_column = "user_id";
  record_class->order_by = "is_active DESC, target_date, id";
  record_class->has_uuid = TRUE;
  record_class->validate = at_goal_validate;
  record_class->touch_query = "SELECT 0, user_id, NULL FROM user_goal WHERE id = ?1";
}

static void
at_goal_init (AtGoal *self)
{
}

AtGoal *
at_goal_new (void)
{
  return g_object_new (AT_TYPE_GOAL, NULL);
}
