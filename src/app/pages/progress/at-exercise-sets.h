#pragma once

#include <adwaita.h>

#include "at-core.h"
#include "at-history.h"

G_BEGIN_DECLS

#define AT_TYPE_EXERCISE_SETS (at_exercise_sets_get_type ())

G_DECLARE_FINAL_TYPE (AtExerciseSets, at_exercise_sets, AT, EXERCISE_SETS, AdwBin)

GtkWidget *at_exercise_sets_new  (void);
GArray    *at_exercise_sets_read (AtStore                 *store,
                                  gint64                   user_id,
                                  gint64                   subtype_id,
                                  const AtExerciseSetRow  *after,
                                  double                   factor,
                                  GError                 **error);
void       at_exercise_sets_show (AtExerciseSets          *self,
                                  AtStore                 *store,
                                  gint64                   user_id,
                                  gint64                   subtype_id,
                                  const char              *unit,
                                  double                   factor,
                                  GArray                  *first_page);
void       at_exercise_sets_stop (AtExerciseSets          *self);

G_END_DECLS
