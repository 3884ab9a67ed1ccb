#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_EXERCISE_SET (at_exercise_set_get_type ())

G_DECLARE_FINAL_TYPE (AtExerciseSet, at_exercise_set, AT, EXERCISE_SET, AtRecord)

AtExerciseSet *at_exercise_set_new (void);

G_END_DECLS
