/* at-goal-milestone.c: AtGoalMilestone, a row of goal_milestone. */

#define G_LOG_DOMAIN "at-goal-milestone"

#include "config.h"

#include "at-goal-milestone.h"
#include "at-goal.h"

/* An intermediate step of a goal. */
struct _AtGoalMilestone
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtGoalMilestone, at_goal_milestone, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "goal_id", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED | AT_COLUMN_PARENT, 0, 0, 0, 0 },
  { "title", AT_COLUMN_TEXT, AT_COLUMN_REQUIRED, 0, 0, 0, 200 },
  { "target_value", AT_COLUMN_REAL, AT_COLUMN_FLAGS_NONE, 2, 0, 0, 0 },
  { "achieved_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "is_achieved", AT_COLUMN_BOOLEAN, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

static void
at_goal_milestone_class_init (AtGoalMilestoneClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "goal_milestone", columns, G_N_ELEMENTS (columns));
  record_class->parents[0].column = "goal_id";
  record_class->parents[0].type = AT_TYPE_GOAL;
  record_class->order_by = "target_value, id";
  record_class->has_uuid = TRUE;
  record_class->touch_query =
    "SELECT 0, g.user_id, NULL FROM goal_milestone m JOIN user_goal g ON g.id = m.goal_id"
    " WHERE m.id = ?1";
}

static void
at_goal_milestone_init (AtGoalMilestone *self)
{
}

AtGoalMilestone *
at_goal_milestone_new (void)
{
  return g_object_new (AT_TYPE_GOAL_MILESTONE, NULL);
}
