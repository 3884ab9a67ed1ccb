#pragma once

#include <glib-object.h>

#include "at-activity-exercise.h"
#include "at-activity-metric.h"
#include "at-exercise-set.h"
#include "at-session.h"
#include "at-store.h"

G_BEGIN_DECLS

#define AT_TYPE_WORKOUT (at_workout_get_type ())

G_DECLARE_FINAL_TYPE (AtWorkout, at_workout, AT, WORKOUT, GObject)

AtWorkout          *at_workout_new               (AtSession          *session);
AtSession          *at_workout_get_session       (AtWorkout          *self);
guint               at_workout_get_n_exercises   (AtWorkout          *self);
AtActivityExercise *at_workout_get_exercise      (AtWorkout          *self,
                                                  guint               index);
GPtrArray          *at_workout_get_sets          (AtWorkout          *self,
                                                  guint               index);
GPtrArray          *at_workout_get_metrics       (AtWorkout          *self);
guint               at_workout_add_exercise      (AtWorkout          *self,
                                                  AtActivityExercise *exercise);
void                at_workout_add_set           (AtWorkout          *self,
                                                  guint               exercise_index,
                                                  AtExerciseSet      *set);
void                at_workout_add_metric        (AtWorkout          *self,
                                                  AtActivityMetric   *metric);
void                at_workout_clear             (AtWorkout          *self);
guint               at_workout_get_n_sets        (AtWorkout          *self);

/* Saving and loading a whole workout: the session editor's path. */
gboolean            at_store_save_workout        (AtStore            *store,
                                                  gint64              user_id,
                                                  AtWorkout          *workout,
                                                  GError            **error);
AtWorkout          *at_store_load_workout        (AtStore            *store,
                                                  gint64              user_id,
                                                  gint64              session_id,
                                                  GError            **error);

/* Templates: a saved plan of exercises and target sets. */
gint64              at_store_save_as_template    (AtStore            *store,
                                                  gint64              user_id,
                                                  gint64              session_id,
                                                  const char         *template_name,
                                                  GError            **error);
AtWorkout          *at_store_start_from_session  (AtStore            *store,
                                                  gint64              user_id,
                                                  gint64              session_id,
                                                  gint64              started_at,
                                                  GError            **error);

G_END_DECLS
