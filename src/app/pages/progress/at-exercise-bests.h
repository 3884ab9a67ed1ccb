#pragma once

#include <adwaita.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_EXERCISE_BESTS (at_exercise_bests_get_type ())

G_DECLARE_FINAL_TYPE (AtExerciseBests, at_exercise_bests, AT, EXERCISE_BESTS, AdwBin)

GtkWidget *at_exercise_bests_new  (void);
GPtrArray *at_exercise_bests_read (AtStore          *store,
                                   gint64            user_id,
                                   gint64            subtype_id,
                                   GListModel       *units,
                                   GError          **error);
void       at_exercise_bests_show (AtExerciseBests  *self,
                                   GPtrArray        *records,
                                   GArray           *rep_maxes,
                                   const char       *unit);

G_END_DECLS
