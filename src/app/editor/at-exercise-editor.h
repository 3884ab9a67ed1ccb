#pragma once

#include <adwaita.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_EXERCISE_EDITOR (at_exercise_editor_get_type ())

G_DECLARE_FINAL_TYPE (AtExerciseEditor, at_exercise_editor, AT, EXERCISE_EDITOR, AdwBin)

GtkWidget  *at_exercise_editor_new          (AtActivitySubtype *subtype,
                                             const char        *weight_unit_symbol);
const char *at_exercise_editor_get_name     (AtExerciseEditor  *self);
guint       at_exercise_editor_get_n_sets   (AtExerciseEditor  *self);
void        at_exercise_editor_add_set      (AtExerciseEditor  *self);
void        at_exercise_editor_set_values   (AtExerciseEditor  *self,
                                             guint              index,
                                             double             weight,
                                             gint64             reps,
                                             gint64             rpe,
                                             gboolean           warmup);
void        at_exercise_editor_add_to       (AtExerciseEditor  *self,
                                             AtWorkout         *workout,
                                             gint64             exercise_order,
                                             gint64             weight_unit_id);
gboolean    at_exercise_editor_show_error   (AtExerciseEditor  *self,
                                             const GError      *error);
void        at_exercise_editor_clear_errors (AtExerciseEditor  *self);
void        at_exercise_editor_focus        (AtExerciseEditor  *self);

G_END_DECLS
