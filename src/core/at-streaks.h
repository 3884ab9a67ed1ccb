#pragma once

#include "at-store.h"

G_BEGIN_DECLS

/* A user's streak, overall (activity_type_id 0) or for one activity type,
 * as it stands today in the user's timezone. */
typedef struct
{
  gint64 activity_type_id;   /* 0 for the overall streak */
  gint64 current_days;       /* 0 once the run is broken */
  gint64 longest_days;
  char   last_date[11];      /* "YYYY-MM-DD", the last active day */
} AtStreakInfo;

/* Returns: (transfer full) (element-type AtStreakInfo): the overall streak
 * first (when the user has any live session), then one per activity type
 * in id order; NULL on error. */
GArray   *at_store_get_streaks (AtStore  *store,
                                gint64    user_id,
                                GError  **error);

/* For the training rules (at-training.c) and the tests: recomputes the
 * user's user_streak rows from the sessions, writing only what changed. */
gboolean _at_streaks_update    (AtStore  *store,
                                gint64    user_id,
                                GError  **error);

/* Calendar days as Julian day numbers, shared with the goal rules. */
guint32    _at_streaks_parse_day     (const char *text);
void       _at_streaks_format_day    (guint32     julian,
                                      char       *buffer);
GTimeZone *_at_streaks_get_user_zone (AtStore    *store,
                                      gint64      user_id);
guint32    _at_streaks_local_day     (GTimeZone  *zone,
                                      gint64      unix_time);
guint32    _at_streaks_get_today     (AtStore    *store,
                                      gint64      user_id);

G_END_DECLS
