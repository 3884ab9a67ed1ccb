#pragma once

#include <adwaita.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_EXERCISE_HISTORY (at_exercise_history_get_type ())

G_DECLARE_FINAL_TYPE (AtExerciseHistory, at_exercise_history, AT, EXERCISE_HISTORY, AdwBin)

GtkWidget *at_exercise_history_new      (void);
void       at_exercise_history_load     (AtExerciseHistory *self,
                                         AtStore           *store,
                                         gint64             user_id,
                                         const char        *exercise);
gint64     at_exercise_history_get_exercise_id (AtExerciseHistory *self);

G_END_DECLS
