#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_GOAL_TYPE (at_goal_type_get_type ())

G_DECLARE_FINAL_TYPE (AtGoalType, at_goal_type, AT, GOAL_TYPE, AtRecord)

AtGoalType *at_goal_type_new (void);

G_END_DECLS
