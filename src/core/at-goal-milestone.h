#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_GOAL_MILESTONE (at_goal_milestone_get_type ())

G_DECLARE_FINAL_TYPE (AtGoalMilestone, at_goal_milestone, AT, GOAL_MILESTONE, AtRecord)

AtGoalMilestone *at_goal_milestone_new (void);

G_END_DECLS
