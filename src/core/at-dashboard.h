#pragma once

#include "at-store.h"

G_BEGIN_DECLS

/* One row of the session list: what the Sessions page shows. */
typedef struct
{
  gint64   id;
  gint64   started_at;
  gint64   utc_offset_seconds;
  gint64   duration_minutes;   /* -1 when the session has no end */
  double   total_volume;       /* kg; NAN without sets */
  gint64   n_exercises;
  gint64   n_sets;
  gboolean is_personal_record;
  gint64   activity_type_id;
  char    *session_name;
  char    *type_name;
  char    *exercise_name;      /* the session's exercise, or its first one */
} AtSessionSummary;

/* A week's totals, weeks starting on Monday in the sessions' local time. */
typedef struct
{
  char   week_start[11];       /* YYYY-MM-DD */
  gint64 sessions;
  gint64 minutes;
  double volume;               /* kg */
} AtWeekTotal;

typedef struct
{
  gint64  activity_type_id;
  char   *name;
  gint64  sessions;
  gint64  minutes;
} AtTypeTotal;

/* A week's minutes of one activity type. */
typedef struct
{
  char    week_start[11];      /* YYYY-MM-DD, a Monday */
  gint64  activity_type_id;
  char   *name;
  gint64  minutes;
} AtWeekTypeTotal;

/* A user's best values of one exercise, from the kept personal records;
 * NAN where there is none. Weights in kg. */
typedef struct
{
  double one_rep_max;
  double max_weight;
  double max_reps;
  double max_volume;
} AtExerciseRecords;

GArray     *at_store_list_session_summaries (AtStore            *store,
                                             gint64              user_id,
                                             const AtSessionSummary *after,
                                             guint               limit,
                                             GError            **error);
GArray     *at_store_get_weekly_totals      (AtStore            *store,
                                             gint64              user_id,
                                             guint               n_weeks,
                                             GError            **error);
GArray     *at_store_get_weekly_type_minutes (AtStore            *store,
                                             gint64              user_id,
                                             guint               n_weeks,
                                             guint               n_types,
                                             GError            **error);
GArray     *at_store_get_type_totals        (AtStore            *store,
                                             gint64              user_id,
                                             guint               n_days,
                                             GError            **error);
gboolean    at_store_get_exercise_records   (AtStore            *store,
                                             gint64              user_id,
                                             gint64              subtype_id,
                                             AtExerciseRecords  *records,
                                             GError            **error);

G_END_DECLS
