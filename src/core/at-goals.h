#pragma once

#include "at-goal.h"
#include "at-store.h"

G_BEGIN_DECLS

/* Brings the progress of the user's active goals up to date in a
 * transaction of its own: for a new day or week, when nothing was written
 * (writes bring it up to date themselves). */
gboolean at_store_refresh_goals     (AtStore  *store,
                                     gint64    user_id,
                                     GError  **error);

/* How far a goal has come, from 0 to 1: current / target, or for a body
 * measurement the share of the way from the value the goal started at to
 * the target, downwards or upwards; 1 once completed, 0 when unknown. */
double   at_store_get_goal_progress (AtStore  *store,
                                     gint64    user_id,
                                     AtGoal   *goal,
                                     GError  **error);

/* For the training rules (at-training.c): recomputes the current value,
 * completion and milestones of the user's active goals, writing only what
 * changed. */
gboolean _at_goals_update           (AtStore  *store,
                                     gint64    user_id,
                                     GError  **error);

G_END_DECLS
