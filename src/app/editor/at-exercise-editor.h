#pragma once

#include <adwaita.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_EXERCISE_EDITOR (at_exercise_editor_get_type ())

G_DECLARE_FINAL_TYPE (AtExerciseEditor, at_exercise_editor, AT, EXERCISE_EDITOR, AdwBin)

GtkWidget         *at_exercise_editor_new                    (AtActivitySubtype  *subtype,
                                                              const char         *weight_unit_symbol,
                                                              double              kg_per_unit);
const char        *at_exercise_editor_get_name               (AtExerciseEditor   *self);
AtActivitySubtype *at_exercise_editor_get_subtype            (AtExerciseEditor   *self);
guint              at_exercise_editor_get_n_sets             (AtExerciseEditor   *self);
void               at_exercise_editor_add_set                (AtExerciseEditor   *self);
void               at_exercise_editor_set_exercise           (AtExerciseEditor   *self,
                                                              AtActivityExercise *exercise);
void               at_exercise_editor_set_set                (AtExerciseEditor   *self,
                                                              guint               index,
                                                              AtExerciseSet      *set,
                                                              double              weight);
gboolean           at_exercise_editor_get_superset_with_previous (AtExerciseEditor *self);
void               at_exercise_editor_set_superset_with_previous (AtExerciseEditor *self,
                                                                  gboolean          linked);
void               at_exercise_editor_set_can_superset       (AtExerciseEditor   *self,
                                                              gboolean            can_superset);
void               at_exercise_editor_set_superset_label     (AtExerciseEditor   *self,
                                                              const char         *label);
void               at_exercise_editor_set_hint               (AtExerciseEditor   *self,
                                                              const char         *hint);
gboolean           at_exercise_editor_add_to                 (AtExerciseEditor   *self,
                                                              AtWorkout          *workout,
                                                              gint64              exercise_order,
                                                              gint64              weight_unit_id,
                                                              gint64              superset_group,
                                                              GError            **error);
gboolean           at_exercise_editor_show_error             (AtExerciseEditor   *self,
                                                              const GError       *error);
void               at_exercise_editor_clear_errors           (AtExerciseEditor   *self);
void               at_exercise_editor_focus                  (AtExerciseEditor   *self);

G_END_DECLS
