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

/* One set of an exercise in the sets table: weights in kg, NAN for none. */
typedef struct
{
  gint64   session_id;
  gint64   started_at;
  gint64   set_id;
  gint64   set_number;
  gint64   reps;              /* 0 for none */
  double   weight_kg;         /* NAN for none */
  gint64   rpe;               /* 0 for none */
  gboolean is_warmup;
} AtExerciseSetRow;

/* Every set of the exercise, warm-ups included, in pages of @n_sessions
 * sessions: newest session first, its sets in the order done. @after is
 * the last row of the page before, or %NULL for the first page; a page
 * shorter than @n_sessions sessions is the last. Served by
 * idx_exercise_subtype, then exercise_set's (exercise_id, set_number) key. */
GArray  *at_store_list_exercise_sets   (AtStore                *store,
                                        gint64                  user_id,
                                        gint64                  subtype_id,
                                        const AtExerciseSetRow *after,
                                        guint                   n_sessions,
                                        GError                **error);

/* A metric of an activity type the user can see over time. */
typedef struct
{
  gint64    activity_type_id;
  char     *type_name;
  char     *metric_name;
  gint64    n_values;         /* values of the user's; 0 for a template metric not used yet */
  gint64    unit_id;          /* 0 for none */
  gboolean  derived;          /* pace worked out from duration and distance */
} AtMetricKind;

/* The numeric metrics of the activity types the user does, by type and
 * metric name: those with values, those of the types' metric templates
 * (numbers and durations), and a derived "pace" where a type has
 * distances but no pace of its own. */
GArray  *at_store_list_metric_kinds    (AtStore     *store,
                                        gint64       user_id,
                                        GError     **error);

/* Pace in seconds per kilometre (the base pace unit, in unit_id), from
 * each live session's duration and distance, oldest first. */
GArray  *at_store_get_pace_history     (AtStore     *store,
                                        gint64       user_id,
                                        gint64       activity_type_id,
                                        gint64       from,
                                        gint64       to,
                                        GError     **error);

/* What to call each of the user's sessions in @session_ids (gint64): its
 * name, or else its activity type's. Another user's sessions are left
 * out. Returns a table of gint64 * → char *. */
GHashTable *at_store_get_session_names (AtStore     *store,
                                        gint64       user_id,
                                        GArray      *session_ids,
                                        GError     **error);

G_END_DECLS
