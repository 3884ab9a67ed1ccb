/* at-history.h: a user's values over time, for the progress charts.
 *
 * Each call is one statement over the acting user's rows, served by an
 * index that starts with the user (or, for exercises, with the exercise
 * and then the user), and returns a GArray of plain structs in time order.
 * Ranges are half-open: from <= time < to, in Unix seconds; pass 0 and
 * G_MAXINT64 for all time. Deleted and template sessions are left out. */

#pragma once

#include "at-store.h"

G_BEGIN_DECLS

/* One session's sets of one exercise, summed up; weights in kg, warm-up
 * sets and sets without reps left out. */
typedef struct
{
  gint64 session_id;
  gint64 started_at;
  double best_e1rm_kg;        /* the best set's estimated 1RM, by the store's formula */
  double heaviest_kg;         /* the heaviest set */
  double best_set_volume_kg;  /* the best set's reps × weight */
  double session_volume_kg;   /* reps × weight over the session's sets */
} AtExerciseHistoryPoint;

/* A numeric session metric (distance, pace …) in the unit it was entered in. */
typedef struct
{
  gint64 session_id;
  gint64 started_at;
  double value;
  gint64 unit_id;             /* 0 for none */
} AtMetricHistoryPoint;

/* A body measurement in the unit it was entered in. */
typedef struct
{
  gint64 id;                  /* its user_body_metric row */
  gint64 measured_at;
  double value;
  gint64 unit_id;
} AtBodyHistoryPoint;

/* A day with sessions, by the sessions' local date. */
typedef struct
{
  char   local_date[11];      /* YYYY-MM-DD */
  gint64 sessions;
  gint64 minutes;             /* of the sessions that have an end */
} AtDailyTotal;

/* Per live session with sets of the exercise (activity_subtype), oldest
 * first: its best estimated 1RM, heaviest set, best set volume and
 * volume. Served by idx_exercise_subtype (subtype, user, session). */
GArray  *at_store_get_exercise_history (AtStore     *store,
                                        gint64       user_id,
                                        gint64       subtype_id,
                                        gint64       from,
                                        gint64       to,
                                        GError     **error);

/* Per live session of the activity type with a numeric @metric_name
 * (exact name, e.g. "distance"), oldest first. Served by
 * idx_session_user_date, then idx_metric_session. */
GArray  *at_store_get_metric_history   (AtStore     *store,
                                        gint64       user_id,
                                        gint64       activity_type_id,
                                        const char  *metric_name,
                                        gint64       from,
                                        gint64       to,
                                        GError     **error);

/* The user's measurements of one body_metric_type, oldest first. Served
 * by idx_body_metrics. */
GArray  *at_store_get_body_history     (AtStore     *store,
                                        gint64       user_id,
                                        gint64       body_metric_type_id,
                                        gint64       from,
                                        gint64       to,
                                        GError     **error);

/* Sessions and minutes per local date from @from_date to @to_date, both
 * included ("YYYY-MM-DD"), days without sessions left out, oldest first:
 * the calendar heat-map. Served by idx_session_local_date. An invalid
 * date is AT_STORE_ERROR_INVALID naming it. */
GArray  *at_store_get_daily_totals     (AtStore     *store,
                                        gint64       user_id,
                                        const char  *from_date,
                                        const char  *to_date,
                                        GError     **error);

/* The heaviest weight lifted for at least @reps reps. */
typedef struct
{
  gint64 reps;                /* 1 … AT_REP_MAX_REPS */
  double weight_kg;           /* 0 when no set had that many reps */
  gint64 achieved_at;         /* the start of the set's session; 0 for none */
} AtRepMax;

#define AT_REP_MAX_REPS 12

/* For reps 1 … AT_REP_MAX_REPS, in that order: the heaviest non-warm-up
 * set of the exercise done for at least that many reps, in kg, from the
 * user's live non-template sessions. Always AT_REP_MAX_REPS elements.
 * Served by idx_exercise_subtype (subtype, user, session). */
GArray  *at_store_get_rep_maxes        (AtStore     *store,
                                        gint64       user_id,
                                        gint64       subtype_id,
                                        GError     **error);

/* The exercise the user has done in the most live non-template sessions,
 * or 0 in @subtype_id when none. Served by idx_session_user_date, then
 * idx_exercise_session. */
gboolean at_store_get_top_exercise     (AtStore     *store,
                                        gint64       user_id,
                                        gint64      *subtype_id,
                                        GError     **error);

G_END_DECLS
