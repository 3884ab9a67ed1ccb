#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_ACTIVITY_EXERCISE (at_activity_exercise_get_type ())

G_DECLARE_FINAL_TYPE (AtActivityExercise, at_activity_exercise, AT, ACTIVITY_EXERCISE, AtRecord)

AtActivityExercise *at_activity_exercise_new (void);

G_END_DECLS
