/* test-history.c: the series behind the charts, read from a real store
 * and checked against values worked out by hand. */

#include "config.h"

#include "at-test-util.h"

typedef struct
{
  AtTestFixture t;
  gint64        user;
  gint64        other;
  gint64        km;
} Fixture;

typedef struct
{
  gint64   subtype;
  gint64   reps;
  double   weight;
  gint64   unit;
  gboolean warmup;
  gint64   rpe;       /* 0 for none */
} Set;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  at_test_fixture_open (&f->t);
  f->user = at_test_create_user (f->t.store, "lifter");
  f->other = at_test_create_user (f->t.store, "other");
  f->km = at_test_query_int (f->t.db, "SELECT id FROM unit WHERE symbol = 'km'");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  at_test_fixture_close (&f->t);
}

/* Saves a one-hour strength session of @sets (one exercise per subtype,
 * in order) and returns its id. */
static gint64
save_sets (Fixture   *f,
           gint64     user,
           gint64     started_at,
           const Set *sets,
           guint      n_sets)
{
  g_autoptr(AtSession) session = at_session_new ();
  g_autoptr(AtWorkout) workout = NULL;
  g_autoptr(GError) error = NULL;
  gint64 last_subtype = 0;
  guint index = 0;

  g_object_set (session, "activity-type-id", f->t.cat.weight_training_id,
                "started-at", started_at, "ended-at", started_at + 3600, NULL);
  workout = at_workout_new (session);
  for (guint i = 0; i < n_sets; i++)
    {
      g_autoptr(AtExerciseSet) set = at_exercise_set_new ();

      if (sets[i].subtype != last_subtype)
        {
          g_autoptr(AtActivityExercise) exercise = at_activity_exercise_new ();

          g_object_set (exercise, "activity-subtype-id", sets[i].subtype, NULL);
          index = at_workout_add_exercise (workout, exercise);
          last_subtype = sets[i].subtype;
        }
      g_object_set (set, "reps", sets[i].reps, "weight", sets[i].weight,
                    "weight-unit-id", sets[i].unit, "is-warmup", sets[i].warmup, NULL);
      if (sets[i].rpe > 0)
        g_object_set (set, "rpe", sets[i].rpe, NULL);
      at_workout_add_set (workout, index, set);
    }

  at_store_save_workout (f->t.store, user, workout, &error);
  g_assert_no_error (error);
  return at_record_get_id (AT_RECORD (session));
}

static void
test_exercise_history (Fixture       *f,
                       gconstpointer  data)
{
  const gint64 squat = f->t.cat.squat_id, bench = f->t.cat.bench_id, kg = f->t.cat.kg_id;
  const Set first[] = {
    { squat, 10, 60, kg, TRUE },      /* a warm-up: left out */
    { squat, 5, 100, kg, FALSE },
    { bench, 5, 80, kg, FALSE },      /* another exercise */
  };
  const Set second[] = {
    { squat, 3, 110, kg, FALSE },
    { squat, 5, 100, kg, FALSE },
  };
  const Set in_pounds[] = { { squat, 1, 100, f->t.cat.lb_id, FALSE } };
  const Set theirs[] = { { squat, 1, 300, kg, FALSE } };
  gint64 t1 = at_test_utc (2024, 1, 3, 18, 0, 0), t2 = at_test_utc (2024, 1, 10, 18, 0, 0);
  gint64 t3 = at_test_utc (2024, 1, 17, 18, 0, 0);
  gint64 s1, s2, s3, deleted;
  g_autoptr(GArray) history = NULL;
  g_autoptr(GArray) since = NULL;
  g_autoptr(GError) error = NULL;
  const AtExerciseHistoryPoint *p;

  /* Saved out of order: the history is in time order. */
  s2 = save_sets (f, f->user, t2, second, G_N_ELEMENTS (second));
  s1 = save_sets (f, f->user, t1, first, G_N_ELEMENTS (first));
  s3 = save_sets (f, f->user, t3, in_pounds, G_N_ELEMENTS (in_pounds));
  deleted = save_sets (f, f->user, t3 + 86400, theirs, G_N_ELEMENTS (theirs));
  g_assert_true (at_store_soft_delete (f->t.store, f->user, AT_TYPE_SESSION, deleted, &error));
  g_assert_no_error (error);
  save_sets (f, f->other, t2, theirs, G_N_ELEMENTS (theirs));

  history = at_store_get_exercise_history (f->t.store, f->user, squat, 0, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);

  /* 100 × 5: Epley 100 × (1 + 5/30) = 116.67 */
  p = &g_array_index (history, AtExerciseHistoryPoint, 0);
  g_assert_cmpint (p->session_id, ==, s1);
  g_assert_cmpint (p->started_at, ==, t1);
  g_assert_cmpfloat_with_epsilon (p->best_e1rm_kg, 116.6667, 1e-3);
  g_assert_cmpfloat (p->heaviest_kg, ==, 100);
  g_assert_cmpfloat (p->best_set_volume_kg, ==, 500);
  g_assert_cmpfloat (p->session_volume_kg, ==, 500);

  /* 110 × 3: 110 × 1.1 = 121 beats 116.67; volume 330 + 500 */
  p = &g_array_index (history, AtExerciseHistoryPoint, 1);
  g_assert_cmpint (p->session_id, ==, s2);
  g_assert_cmpfloat_with_epsilon (p->best_e1rm_kg, 121, 1e-9);
  g_assert_cmpfloat (p->heaviest_kg, ==, 110);
  g_assert_cmpfloat (p->best_set_volume_kg, ==, 500);
  g_assert_cmpfloat (p->session_volume_kg, ==, 830);

  /* 100 lb × 1 = 45.359237 kg */
  p = &g_array_index (history, AtExerciseHistoryPoint, 2);
  g_assert_cmpint (p->session_id, ==, s3);
  g_assert_cmpfloat_with_epsilon (p->best_e1rm_kg, 45.359237, 1e-6);
  g_assert_cmpfloat_with_epsilon (p->heaviest_kg, 45.359237, 1e-6);

  /* The range is half-open: from t2 up to, not including, t3. */
  since = at_store_get_exercise_history (f->t.store, f->user, squat, t2, t3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (since->len, ==, 1);
  g_assert_cmpint (g_array_index (since, AtExerciseHistoryPoint, 0).session_id, ==, s2);

  /* Brzycki, when the store uses it: 110 × 36 / 34 = 116.47 for the second. */
  at_store_set_one_rep_max_formula (f->t.store, AT_ONE_REP_MAX_BRZYCKI);
  g_clear_pointer (&since, g_array_unref);
  since = at_store_get_exercise_history (f->t.store, f->user, squat, t2, t3, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (g_array_index (since, AtExerciseHistoryPoint, 0).best_e1rm_kg,
                                  MAX (110 * 36.0 / 34, 100 * 36.0 / 32), 1e-9);
}

static gint64
add_run (Fixture *f,
         gint64   user,
         gint64   type,
         gint64   started_at,
         double   km)
{
  g_autoptr(AtSession) session = at_session_new ();
  g_autoptr(AtActivityMetric) distance = at_activity_metric_new ();
  g_autoptr(AtActivityMetric) note = at_activity_metric_new ();
  g_autoptr(AtWorkout) workout = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (session, "activity-type-id", type, "started-at", started_at,
                "ended-at", started_at + 1800, NULL);
  workout = at_workout_new (session);
  g_object_set (distance, "metric-name", "distance", "metric-value-numeric", km, "unit-id", f->km, NULL);
  g_object_set (note, "metric-name", "surface", "metric-value-text", "trail", NULL);
  at_workout_add_metric (workout, distance);
  at_workout_add_metric (workout, note);
  at_store_save_workout (f->t.store, user, workout, &error);
  g_assert_no_error (error);
  return at_record_get_id (AT_RECORD (session));
}

static void
test_metric_history (Fixture       *f,
                     gconstpointer  data)
{
  gint64 running = f->t.cat.running_id;
  gint64 t1 = at_test_utc (2024, 2, 1, 7, 0, 0), t2 = at_test_utc (2024, 2, 3, 7, 0, 0);
  gint64 a, b;
  g_autoptr(GArray) history = NULL;
  g_autoptr(GArray) none = NULL;
  g_autoptr(GError) error = NULL;

  b = add_run (f, f->user, running, t2, 10.5);
  a = add_run (f, f->user, running, t1, 5.25);
  add_run (f, f->other, running, t1, 42);

  history = at_store_get_metric_history (f->t.store, f->user, running, "distance", 0, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (g_array_index (history, AtMetricHistoryPoint, 0).session_id, ==, a);
  g_assert_cmpint (g_array_index (history, AtMetricHistoryPoint, 0).started_at, ==, t1);
  g_assert_cmpfloat (g_array_index (history, AtMetricHistoryPoint, 0).value, ==, 5.25);
  g_assert_cmpint (g_array_index (history, AtMetricHistoryPoint, 0).unit_id, ==, f->km);
  g_assert_cmpint (g_array_index (history, AtMetricHistoryPoint, 1).session_id, ==, b);
  g_assert_cmpfloat (g_array_index (history, AtMetricHistoryPoint, 1).value, ==, 10.5);

  /* A text metric has no numbers; another type has no runs. */
  none = at_store_get_metric_history (f->t.store, f->user, running, "surface", 0, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  g_clear_pointer (&none, g_array_unref);
  none = at_store_get_metric_history (f->t.store, f->user, f->t.cat.weight_training_id, "distance",
                                      0, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

static gint64
add_weight (Fixture *f,
            gint64   user,
            gint64   measured_at,
            double   value)
{
  g_autoptr(AtBodyMetric) metric = at_body_metric_new ();

  g_object_set (metric, "metric-type-id", f->t.cat.body_metric_type_id, "value", value,
                "unit-id", f->t.cat.kg_id, "measured-at", measured_at, NULL);
  return at_test_insert (f->t.store, user, metric);
}

static void
test_body_history (Fixture       *f,
                   gconstpointer  data)
{
  gint64 t1 = at_test_utc (2024, 3, 1, 8, 0, 0), t2 = at_test_utc (2024, 3, 8, 8, 0, 0);
  gint64 later, earlier;
  g_autoptr(GArray) history = NULL;
  g_autoptr(GError) error = NULL;

  later = add_weight (f, f->user, t2, 81.4);
  earlier = add_weight (f, f->user, t1, 82.1);
  add_weight (f, f->other, t1, 60);

  history = at_store_get_body_history (f->t.store, f->user, f->t.cat.body_metric_type_id,
                                       0, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (g_array_index (history, AtBodyHistoryPoint, 0).id, ==, earlier);
  g_assert_cmpint (g_array_index (history, AtBodyHistoryPoint, 0).measured_at, ==, t1);
  g_assert_cmpfloat (g_array_index (history, AtBodyHistoryPoint, 0).value, ==, 82.1);
  g_assert_cmpint (g_array_index (history, AtBodyHistoryPoint, 0).unit_id, ==, f->t.cat.kg_id);
  g_assert_cmpint (g_array_index (history, AtBodyHistoryPoint, 1).id, ==, later);
  g_assert_cmpfloat (g_array_index (history, AtBodyHistoryPoint, 1).value, ==, 81.4);
}

static void
test_daily_totals (Fixture       *f,
                   gconstpointer  data)
{
  gint64 day1 = at_test_utc (2024, 4, 1, 7, 0, 0), day2 = at_test_utc (2024, 4, 3, 19, 0, 0);
  g_autoptr(AtSession) open_ended = at_test_session_new (f->t.cat.running_id, day2, "No end");
  g_autoptr(AtSession) late = at_test_session_new (f->t.cat.running_id, day1 + 10 * 3600, "Evening");
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) bad = NULL;
  g_autoptr(GError) error = NULL;
  const AtDailyTotal *d;

  add_run (f, f->user, f->t.cat.running_id, day1, 5);          /* 30 min */
  at_record_set_int (AT_RECORD (late), "ended_at", day1 + 10 * 3600 + 45 * 60);
  at_test_insert (f->t.store, f->user, late);                   /* 45 min the same day */
  at_test_insert (f->t.store, f->user, open_ended);             /* no end: no minutes */
  add_run (f, f->other, f->t.cat.running_id, day1, 5);
  add_run (f, f->user, f->t.cat.running_id, at_test_utc (2024, 4, 10, 7, 0, 0), 5);  /* after the range */

  days = at_store_get_daily_totals (f->t.store, f->user, "2024-04-01", "2024-04-03", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 2);
  d = &g_array_index (days, AtDailyTotal, 0);
  g_assert_cmpstr (d->local_date, ==, "2024-04-01");
  g_assert_cmpint (d->sessions, ==, 2);
  g_assert_cmpint (d->minutes, ==, 75);
  d = &g_array_index (days, AtDailyTotal, 1);
  g_assert_cmpstr (d->local_date, ==, "2024-04-03");
  g_assert_cmpint (d->sessions, ==, 1);
  g_assert_cmpint (d->minutes, ==, 0);

  bad = at_store_get_daily_totals (f->t.store, f->user, "2024-04-01", "2024-13-01", &error);
  g_assert_null (bad);
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "to_date"));
  g_assert_nonnull (strstr (error->message, "2024-13-01"));
}

static void
test_rep_maxes (Fixture       *f,
                gconstpointer  data)
{
  const gint64 squat = f->t.cat.squat_id, bench = f->t.cat.bench_id, kg = f->t.cat.kg_id;
  const Set first[] = {
    { squat, 10, 150, kg, TRUE },     /* a warm-up: left out */
    { squat, 5, 100, kg, FALSE },
    { squat, 8, 90, kg, FALSE },
    { bench, 1, 200, kg, FALSE },     /* another exercise */
  };
  const Set second[] = {
    { squat, 3, 110, kg, FALSE },
    { squat, 15, 60, kg, FALSE },     /* more than 12: counts for every row */
  };
  const Set in_pounds[] = { { squat, 1, 300, f->t.cat.lb_id, FALSE } };  /* 136.08 kg */
  const Set theirs[] = { { squat, 1, 300, kg, FALSE } };
  gint64 t1 = at_test_utc (2024, 1, 3, 18, 0, 0), t2 = at_test_utc (2024, 1, 10, 18, 0, 0);
  gint64 t3 = at_test_utc (2024, 1, 17, 18, 0, 0);
  gint64 deleted, top = -1;
  /* Worked out by hand: the best weight among sets of at least r reps. */
  const double expected[AT_REP_MAX_REPS] = {
    300 * 0.45359237, 110, 110, 100, 100, 90, 90, 90, 60, 60, 60, 60,
  };
  const gint64 when[AT_REP_MAX_REPS] = { t3, t2, t2, t1, t1, t1, t1, t1, t2, t2, t2, t2 };
  g_autoptr(GArray) maxes = NULL;
  g_autoptr(GArray) none = NULL;
  g_autoptr(GError) error = NULL;

  save_sets (f, f->user, t1, first, G_N_ELEMENTS (first));
  save_sets (f, f->user, t2, second, G_N_ELEMENTS (second));
  save_sets (f, f->user, t3, in_pounds, G_N_ELEMENTS (in_pounds));
  deleted = save_sets (f, f->user, t3 + 86400, theirs, G_N_ELEMENTS (theirs));
  g_assert_true (at_store_soft_delete (f->t.store, f->user, AT_TYPE_SESSION, deleted, &error));
  g_assert_no_error (error);
  save_sets (f, f->other, t2, theirs, G_N_ELEMENTS (theirs));

  maxes = at_store_get_rep_maxes (f->t.store, f->user, squat, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (maxes->len, ==, AT_REP_MAX_REPS);
  for (guint i = 0; i < AT_REP_MAX_REPS; i++)
    {
      const AtRepMax *m = &g_array_index (maxes, AtRepMax, i);

      g_assert_cmpint (m->reps, ==, i + 1);
      g_assert_cmpfloat_with_epsilon (m->weight_kg, expected[i], 1e-9);
      g_assert_cmpint (m->achieved_at, ==, when[i]);
    }

  /* Nobody's squats: twelve empty rows. */
  none = at_store_get_rep_maxes (f->t.store, f->user, f->t.cat.running_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, AT_REP_MAX_REPS);
  g_assert_cmpfloat (g_array_index (none, AtRepMax, 0).weight_kg, ==, 0);
  g_assert_cmpint (g_array_index (none, AtRepMax, 11).achieved_at, ==, 0);

  /* Squats in three live sessions, bench in one. */
  g_assert_true (at_store_get_top_exercise (f->t.store, f->user, &top, &error));
  g_assert_no_error (error);
  g_assert_cmpint (top, ==, squat);
}

/* Every set, warm-ups too, newest session first, a page of sessions at a time. */
static void
test_exercise_sets (Fixture       *f,
                    gconstpointer  data)
{
  const gint64 squat = f->t.cat.squat_id, bench = f->t.cat.bench_id, kg = f->t.cat.kg_id;
  const Set first[] = {
    { squat, 10, 60, kg, TRUE, 0 },
    { squat, 5, 100, kg, FALSE, 8 },
    { bench, 5, 80, kg, FALSE, 0 },
  };
  const Set second[] = {
    { squat, 3, 110, kg, FALSE, 9 },
    { squat, 5, 100, f->t.cat.lb_id, FALSE, 0 },
  };
  const Set third[] = { { squat, 1, 120, kg, FALSE, 10 } };
  gint64 t1 = at_test_utc (2024, 1, 3, 18, 0, 0), t2 = at_test_utc (2024, 1, 10, 18, 0, 0);
  gint64 t3 = at_test_utc (2024, 1, 17, 18, 0, 0);
  gint64 s1, s2, s3, deleted;
  g_autoptr(GArray) page = NULL;
  g_autoptr(GArray) next = NULL;
  g_autoptr(GArray) last = NULL;
  g_autoptr(GError) error = NULL;
  const AtExerciseSetRow *r;

  s1 = save_sets (f, f->user, t1, first, G_N_ELEMENTS (first));
  s3 = save_sets (f, f->user, t3, third, G_N_ELEMENTS (third));
  s2 = save_sets (f, f->user, t2, second, G_N_ELEMENTS (second));
  deleted = save_sets (f, f->user, t3 + 86400, third, G_N_ELEMENTS (third));
  g_assert_true (at_store_soft_delete (f->t.store, f->user, AT_TYPE_SESSION, deleted, &error));
  g_assert_no_error (error);
  save_sets (f, f->other, t3 + 3600, third, G_N_ELEMENTS (third));

  /* Two sessions: the newest, then the one before, its sets in order. */
  page = at_store_list_exercise_sets (f->t.store, f->user, squat, NULL, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 3);
  r = &g_array_index (page, AtExerciseSetRow, 0);
  g_assert_cmpint (r->session_id, ==, s3);
  g_assert_cmpint (r->started_at, ==, t3);
  g_assert_cmpint (r->set_number, ==, 1);
  g_assert_cmpint (r->reps, ==, 1);
  g_assert_cmpfloat (r->weight_kg, ==, 120);
  g_assert_cmpint (r->rpe, ==, 10);
  r = &g_array_index (page, AtExerciseSetRow, 1);
  g_assert_cmpint (r->session_id, ==, s2);
  g_assert_cmpint (r->set_number, ==, 1);
  g_assert_cmpfloat (r->weight_kg, ==, 110);
  g_assert_cmpint (r->rpe, ==, 9);
  r = &g_array_index (page, AtExerciseSetRow, 2);
  g_assert_cmpint (r->set_number, ==, 2);
  g_assert_cmpfloat_with_epsilon (r->weight_kg, 45.359237, 1e-6);   /* 100 lb */
  g_assert_cmpint (r->rpe, ==, 0);

  /* The next page: the oldest session, its warm-up first and marked; the
   * bench press is another exercise. */
  next = at_store_list_exercise_sets (f->t.store, f->user, squat,
                                      &g_array_index (page, AtExerciseSetRow, page->len - 1), 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (next->len, ==, 2);
  r = &g_array_index (next, AtExerciseSetRow, 0);
  g_assert_cmpint (r->session_id, ==, s1);
  g_assert_true (r->is_warmup);
  g_assert_cmpint (r->reps, ==, 10);
  g_assert_cmpfloat (r->weight_kg, ==, 60);
  r = &g_array_index (next, AtExerciseSetRow, 1);
  g_assert_false (r->is_warmup);
  g_assert_cmpint (r->rpe, ==, 8);

  last = at_store_list_exercise_sets (f->t.store, f->user, squat,
                                      &g_array_index (next, AtExerciseSetRow, next->len - 1), 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last->len, ==, 0);
}

/* The metrics a user can chart: stored, from templates, and a derived pace. */
static void
test_metric_kinds (Fixture       *f,
                   gconstpointer  data)
{
  gint64 running = f->t.cat.running_id;
  gint64 t1 = at_test_utc (2024, 2, 1, 7, 0, 0), t2 = at_test_utc (2024, 2, 3, 7, 0, 0);
  gint64 s_per_km = at_test_query_int (f->t.db, "SELECT id FROM unit WHERE symbol = 's/km'");
  gint64 n_templates;
  g_autoptr(GArray) kinds = NULL;
  g_autoptr(GArray) pace = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a, b, theirs;
  gboolean distance = FALSE, derived_pace = FALSE;

  a = add_run (f, f->user, running, t1, 5.25);    /* 30 min each */
  b = add_run (f, f->user, running, t2, 10);
  theirs = add_run (f, f->other, running, t1, 42);

  kinds = at_store_list_metric_kinds (f->t.store, f->user, &error);
  g_assert_no_error (error);
  n_templates = at_test_query_int (f->t.db,
                                   "SELECT count (*) FROM activity_type_metric_template"
                                   " WHERE activity_type_id = %" G_GINT64_FORMAT
                                   " AND input_type IN ('number', 'duration')"
                                   " AND metric_name NOT IN ('distance', 'pace')", running);
  for (guint i = 0; i < kinds->len; i++)
    {
      const AtMetricKind *k = &g_array_index (kinds, AtMetricKind, i);

      g_assert_cmpint (k->activity_type_id, ==, running);
      g_assert_cmpstr (k->metric_name, !=, "surface");    /* text only */
      if (g_strcmp0 (k->metric_name, "distance") == 0)
        {
          distance = TRUE;
          g_assert_cmpint (k->n_values, ==, 2);
          g_assert_cmpint (k->unit_id, ==, f->km);
          g_assert_false (k->derived);
        }
      else if (g_strcmp0 (k->metric_name, "pace") == 0)
        {
          derived_pace = TRUE;
          g_assert_true (k->derived);
          g_assert_cmpint (k->n_values, ==, 2);
          g_assert_cmpint (k->unit_id, ==, s_per_km);
        }
      else
        g_assert_cmpint (k->n_values, ==, 0);
    }
  g_assert_true (distance);
  g_assert_true (derived_pace);
  g_assert_cmpuint (kinds->len, ==, 2 + n_templates);

  /* 30 minutes over 5.25 km and 10 km. */
  pace = at_store_get_pace_history (f->t.store, f->user, running, 0, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pace->len, ==, 2);
  g_assert_cmpint (g_array_index (pace, AtMetricHistoryPoint, 0).session_id, ==, a);
  g_assert_cmpfloat_with_epsilon (g_array_index (pace, AtMetricHistoryPoint, 0).value, 1800 / 5.25, 1e-9);
  g_assert_cmpint (g_array_index (pace, AtMetricHistoryPoint, 0).unit_id, ==, s_per_km);
  g_assert_cmpfloat_with_epsilon (g_array_index (pace, AtMetricHistoryPoint, 1).value, 180, 1e-9);

  /* Unnamed sessions go by their type; another user's are not named. */
  g_array_append_val (ids, a);
  g_array_append_val (ids, b);
  g_array_append_val (ids, a);
  g_array_append_val (ids, theirs);
  names = at_store_get_session_names (f->t.store, f->user, ids, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (names), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (names, &a), ==, "Running");
  g_assert_null (g_hash_table_lookup (names, &theirs));
}

/* A measurement type of the user's own, in the catalogue, and the bad ones refused. */
static void
test_add_body_metric_type (Fixture       *f,
                           gconstpointer  data)
{
  gint64 cm = at_test_query_int (f->t.db, "SELECT id FROM unit WHERE symbol = 'cm'");
  gint64 before = at_test_query_int (f->t.db, "SELECT count (*) FROM body_metric_type");
  gint64 id = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtRecord) type = NULL;

  g_assert_true (at_store_add_body_metric_type (f->t.store, "  Left Calf ", cm, &id, &error));
  g_assert_no_error (error);
  type = at_store_get (f->t.store, f->user, AT_TYPE_BODY_METRIC_TYPE, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (at_record_get_string (type, "name"), ==, "left_calf");
  g_assert_cmpstr (at_record_get_string (type, "category"), ==, "measurement");
  g_assert_cmpint (at_record_get_int (type, "default_unit_id"), ==, cm);

  /* Taken, empty, too long, no such unit: nothing added, the field named. */
  g_assert_false (at_store_add_body_metric_type (f->t.store, "left calf", cm, NULL, &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_CONSTRAINT);
  g_assert_true (g_str_has_prefix (error->message, "name: "));
  g_clear_error (&error);
  g_assert_false (at_store_add_body_metric_type (f->t.store, "   ", cm, NULL, &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "name: "));
  g_clear_error (&error);
  g_assert_false (at_store_add_body_metric_type (f->t.store, "a very long name of a measurement that nobody needs",
                                                 cm, NULL, &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (at_store_add_body_metric_type (f->t.store, "Wrist", 999999, NULL, &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "default_unit_id: "));
  g_assert_cmpint (at_test_query_int (f->t.db, "SELECT count (*) FROM body_metric_type"), ==, before + 1);
}

/* Minutes per week of the types with the most minutes, for the grouped bars. */
static void
test_weekly_type_minutes (Fixture       *f,
                          gconstpointer  data)
{
  gint64 yoga = at_test_query_int (f->t.db, "SELECT id FROM activity_type WHERE name = 'Yoga'");
  const Set lift[] = { { f->t.cat.squat_id, 5, 100, f->t.cat.kg_id, FALSE, 0 } };
  g_autoptr(AtSession) stretch = at_test_session_new (yoga, at_test_utc (2024, 5, 9, 7, 0, 0), "Stretch");
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deleted;
  const struct {
    const char *week;
    gint64      type;
    const char *name;
    gint64      minutes;
  } expected[] = {
    { "2024-05-06", f->t.cat.running_id, "Running", 30 },
    { "2024-05-06", f->t.cat.weight_training_id, "Weight Training", 60 },
    { "2024-05-13", f->t.cat.running_id, "Running", 60 },
  };

  at_store_set_now (f->t.store, at_test_utc (2024, 5, 15, 12, 0, 0));   /* a Wednesday */
  add_run (f, f->user, f->t.cat.running_id, at_test_utc (2024, 5, 7, 7, 0, 0), 5);     /* 30 min */
  save_sets (f, f->user, at_test_utc (2024, 5, 8, 18, 0, 0), lift, 1);                 /* 60 min */
  at_record_set_int (AT_RECORD (stretch), "ended_at", at_test_utc (2024, 5, 9, 7, 20, 0));
  at_test_insert (f->t.store, f->user, stretch);                                        /* 20 min */
  add_run (f, f->user, f->t.cat.running_id, at_test_utc (2024, 5, 13, 7, 0, 0), 5);
  add_run (f, f->user, f->t.cat.running_id, at_test_utc (2024, 5, 14, 7, 0, 0), 5);
  save_sets (f, f->user, at_test_utc (2024, 4, 29, 18, 0, 0), lift, 1);                /* too early */
  deleted = add_run (f, f->user, f->t.cat.running_id, at_test_utc (2024, 5, 14, 9, 0, 0), 5);
  g_assert_true (at_store_soft_delete (f->t.store, f->user, AT_TYPE_SESSION, deleted, &error));
  g_assert_no_error (error);
  add_run (f, f->other, f->t.cat.running_id, at_test_utc (2024, 5, 14, 7, 0, 0), 5);

  /* Two weeks, two types: running (90 min) and weight training (60), not yoga (20). */
  weeks = at_store_get_weekly_type_minutes (f->t.store, f->user, 2, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const AtWeekTypeTotal *w = &g_array_index (weeks, AtWeekTypeTotal, i);

      g_assert_cmpstr (w->week_start, ==, expected[i].week);
      g_assert_cmpint (w->activity_type_id, ==, expected[i].type);
      g_assert_cmpstr (w->name, ==, expected[i].name);
      g_assert_cmpint (w->minutes, ==, expected[i].minutes);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  at_test_keep_going (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/history/exercise", test_exercise_history);
  ADD ("/core/history/metric", test_metric_history);
  ADD ("/core/history/body", test_body_history);
  ADD ("/core/history/daily", test_daily_totals);
  ADD ("/core/history/rep-maxes", test_rep_maxes);
  ADD ("/core/history/exercise-sets", test_exercise_sets);
  ADD ("/core/history/metric-kinds", test_metric_kinds);
  ADD ("/core/history/add-body-metric-type", test_add_body_metric_type);
  ADD ("/core/history/weekly-type-minutes", test_weekly_type_minutes);

  return g_test_run ();
}
