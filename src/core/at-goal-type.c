/* at-goal-type.c: AtGoalType, a row of goal_type. */

#define G_LOG_DOMAIN "at-goal-type"

#include "config.h"

#include "at-goal-type.h"

/* A kind of goal (frequency, performance, habit …). */
struct _AtGoalType
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtGoalType, at_goal_type, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "name", AT_COLUMN_TEXT, AT_COLUMN_REQUIRED, 0, 0, 0, 50 },
  { "description", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "icon_name", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 50 },
};

static void
at_goal_type_class_init (AtGoalTypeClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "goal_type", columns, G_N_ELEMENTS (columns));
  record_class->order_by = "name";
}

static void
at_goal_type_init (AtGoalType *self)
{
}

AtGoalType *
at_goal_type_new (void)
{
  return g_object_new (AT_TYPE_GOAL_TYPE, NULL);
}
