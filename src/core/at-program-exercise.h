#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_PROGRAM_EXERCISE (at_program_exercise_get_type ())

G_DECLARE_FINAL_TYPE (AtProgramExercise, at_program_exercise, AT, PROGRAM_EXERCISE, AtRecord)

AtProgramExercise *at_program_exercise_new (void);

G_END_DECLS
