#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_GOAL (at_goal_get_type ())

G_DECLARE_FINAL_TYPE (AtGoal, at_goal, AT, GOAL, AtRecord)

AtGoal *at_goal_new (void);

G_END_DECLS
