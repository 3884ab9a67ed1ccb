#pragma once

#include <adwaita.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_EXERCISE_LIST (at_exercise_list_get_type ())

G_DECLARE_FINAL_TYPE (AtExerciseList, at_exercise_list, AT, EXERCISE_LIST, AdwBin)

void     at_exercise_list_setup         (AtExerciseList  *self,
                                         AtStore         *store,
                                         gint64           user_id,
                                         GTimeZone       *zone);
void     at_exercise_list_set_weight_unit (AtExerciseList *self,
                                           gint64          unit_id,
                                           const char     *symbol,
                                           double          kg_per_unit);
void     at_exercise_list_set_editing   (AtExerciseList  *self,
                                         AtSession       *session);
gboolean at_exercise_list_show_workout  (AtExerciseList  *self,
                                         AtWorkout       *workout,
                                         gboolean         edit,
                                         GError         **error);
gboolean at_exercise_list_add_to        (AtExerciseList  *self,
                                         AtWorkout       *workout,
                                         GError         **error);
gboolean at_exercise_list_show_error    (AtExerciseList  *self,
                                         const GError    *error);
void     at_exercise_list_clear_errors  (AtExerciseList  *self);

G_END_DECLS
