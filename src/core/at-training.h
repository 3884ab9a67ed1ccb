#pragma once

#include "at-one-rep-max.h"
#include "at-store.h"
#include "at-workout.h"

G_BEGIN_DECLS

/* The training rules a write sets off, run by the store once per outermost
 * transaction for the sessions and exercises the transaction touched:
 * session volume, personal records with their previous values, the PR
 * flags of exercises and sessions. See at-training.c. */
gboolean _at_training_update_session (AtStore             *store,
                                      gint64               session_id,
                                      GError             **error);
gboolean _at_training_fill_totals    (AtStore             *store,
                                      gint64               user_id,
                                      AtWorkout           *workout,
                                      GError             **error);
gboolean _at_training_update_records (AtStore             *store,
                                      gint64               user_id,
                                      gint64               subtype_id,
                                      gint64               appended_session_id,
                                      AtOneRepMaxFormula   formula,
                                      GError             **error);

/* The time order of sessions: by start, then by id. */
int      _at_training_compare_times  (gint64               started_at_a,
                                      gint64               session_id_a,
                                      gint64               started_at_b,
                                      gint64               session_id_b);

/* Streaks and goal progress of a user whose sessions or measurements
 * changed (at-streaks.c, at-goals.c). */
gboolean _at_training_update_user    (AtStore             *store,
                                      gint64               user_id,
                                      GError             **error);

G_END_DECLS
