/* test-training.c: 1RM estimates, volume and personal records, with
 * expectations computed by hand. */

#include "config.h"

#include <math.h>

#include "at-test-util.h"

typedef struct
{
  AtTestFixture t;
  gint64        user;
  gint64        strength;   /* activity type "Weight Training" */
  gint64        squat;
  gint64        pull_up;
  gint64        kg;
  gint64        lb;
} Fixture;

static double
query_double (AtStore    *store,
              const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  double value;

  g_assert_cmpint (sqlite3_prepare_v2 (_at_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  at_test_fixture_open (&f->t);
  f->user = at_test_create_user (f->t.store, "lifter");
  f->strength = f->t.cat.weight_training_id;
  f->squat = f->t.cat.squat_id;
  f->kg = f->t.cat.kg_id;
  f->lb = f->t.cat.lb_id;
  f->pull_up = at_test_query_int (f->t.db, "SELECT id FROM activity_subtype WHERE name = 'Pull Up'");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  at_test_fixture_close (&f->t);
}

typedef struct
{
  double   weight;
  gint64   reps;
  gboolean warmup;
  gboolean in_pounds;
} SetSpec;

static AtExerciseSet *
new_set (Fixture       *f,
         const SetSpec *spec)
{
  AtExerciseSet *set = at_exercise_set_new ();

  g_object_set (set,
                "reps", spec->reps,
                "weight", spec->weight,
                "weight-unit-id", spec->in_pounds ? f->lb : f->kg,
                "is-warmup", spec->warmup,
                NULL);
  return set;
}

/* Logs a session of one exercise on a day (days after 2024-01-01 noon),
 * saved whole as the app does (records of a latest session follow from
 * the stored ones) or row by row (records walked again). */
static gint64
log_session_by (Fixture       *f,
                gboolean       whole,
                int            day,
                gint64         subtype,
                const SetSpec *sets,
                guint          n_sets)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtSession) session = at_session_new ();
  g_autoptr(AtActivityExercise) exercise = at_activity_exercise_new ();
  g_autoptr(AtWorkout) workout = NULL;
  gint64 started_at = 1704110400 + (gint64) day * 86400;

  g_object_set (session, "activity-type-id", f->strength, "started-at", started_at,
                "ended-at", started_at + 3600, NULL);
  g_object_set (exercise, "activity-subtype-id", subtype, "exercise-order", (gint64) 1, NULL);

  if (whole)
    {
      workout = at_workout_new (session);
      at_workout_add_exercise (workout, exercise);
      for (guint i = 0; i < n_sets; i++)
        {
          g_autoptr(AtExerciseSet) set = new_set (f, &sets[i]);

          at_workout_add_set (workout, 0, set);
        }
      g_assert_true (at_store_save_workout (f->t.store, f->user, workout, &error));
      g_assert_no_error (error);
      return at_record_get_id (AT_RECORD (session));
    }

  g_assert_true (at_store_begin (f->t.store, &error));
  g_assert_true (at_store_insert (f->t.store, f->user, AT_RECORD (session), &error));
  at_record_set_int (AT_RECORD (exercise), "session_id", at_record_get_id (AT_RECORD (session)));
  g_assert_true (at_store_insert (f->t.store, f->user, AT_RECORD (exercise), &error));
  for (guint i = 0; i < n_sets; i++)
    {
      g_autoptr(AtExerciseSet) set = new_set (f, &sets[i]);

      g_object_set (set, "exercise-id", at_record_get_id (AT_RECORD (exercise)),
                    "set-number", (gint64) i + 1, NULL);
      g_assert_true (at_store_insert (f->t.store, f->user, AT_RECORD (set), &error));
    }
  g_assert_true (at_store_commit (f->t.store, &error));
  g_assert_no_error (error);

  return at_record_get_id (AT_RECORD (session));
}

static gint64
log_session (Fixture       *f,
             int            day,
             gint64         subtype,
             const SetSpec *sets,
             guint          n_sets)
{
  return log_session_by (f, TRUE, day, subtype, sets, n_sets);
}

static double
record_value (Fixture    *f,
              gint64      subtype,
              const char *kind)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT record_value FROM personal_record WHERE user_id = %" G_GINT64_FORMAT
                     " AND activity_subtype_id = %" G_GINT64_FORMAT " AND record_type = '%s'",
                     f->user, subtype, kind);
  sqlite3_stmt *stmt = NULL;
  double value = NAN;

  g_assert_cmpint (sqlite3_prepare_v2 (f->t.db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static double
record_previous (Fixture    *f,
                 gint64      subtype,
                 const char *kind)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT previous_record_value FROM personal_record WHERE user_id = %"
                     G_GINT64_FORMAT " AND activity_subtype_id = %" G_GINT64_FORMAT
                     " AND record_type = '%s'", f->user, subtype, kind);

  return query_double (f->t.store, sql);
}

static gboolean
session_flag (Fixture *f,
              gint64   session)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT is_personal_record FROM activity_session WHERE id = %" G_GINT64_FORMAT,
                     session);

  return at_test_query_int (f->t.db, "%s", sql) == 1;
}

static double
session_volume (Fixture *f,
                gint64   session)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT total_volume FROM activity_session WHERE id = %" G_GINT64_FORMAT, session);

  return query_double (f->t.store, sql);
}

static void
assert_statistics_consistent (Fixture *f)
{
  g_assert_cmpint (at_test_query_int (f->t.db, "SELECT count(*) FROM user_statistics_mismatch"), ==, 0);
}

static void
test_one_rep_max_formulas (void)
{
  const struct {
    AtOneRepMaxFormula formula;
    double weight;
    gint64 reps;
    double expected;
  } cases[] = {
    { AT_ONE_REP_MAX_EPLEY, 100, 5, 100 * (1 + 5 / 30.0) },     /* 116.667 */
    { AT_ONE_REP_MAX_EPLEY, 110, 3, 121 },
    { AT_ONE_REP_MAX_BRZYCKI, 100, 5, 112.5 },                  /* 100 × 36 / 32 */
    { AT_ONE_REP_MAX_LOMBARDI, 100, 5, 117.4619 },              /* 100 × 5^0.1 */
    { AT_ONE_REP_MAX_EPLEY, 140, 1, 140 },                      /* a single is its own 1RM */
    { AT_ONE_REP_MAX_BRZYCKI, 140, 1, 140 },
    { AT_ONE_REP_MAX_LOMBARDI, 140, 1, 140 },
    { AT_ONE_REP_MAX_EPLEY, 0, 10, 0 },                         /* body weight: nothing */
    { AT_ONE_REP_MAX_EPLEY, 100, 0, 0 },
    { AT_ONE_REP_MAX_BRZYCKI, 50, 40, 50 * 36 },                /* held at 36 reps */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpfloat_with_epsilon (at_one_rep_max_estimate (cases[i].formula, cases[i].weight,
                                                             cases[i].reps),
                                    cases[i].expected, 1e-4);

  g_assert_true (at_one_rep_max_is_reliable (12));
  g_assert_false (at_one_rep_max_is_reliable (13));
  g_assert_false (at_one_rep_max_is_reliable (0));
}

static void
test_formula_names (void)
{
  AtOneRepMaxFormula formula;

  g_assert_true (at_one_rep_max_formula_parse ("brzycki", &formula));
  g_assert_cmpint (formula, ==, AT_ONE_REP_MAX_BRZYCKI);
  g_assert_cmpstr (at_one_rep_max_formula_name (AT_ONE_REP_MAX_LOMBARDI), ==, "lombardi");
  g_assert_false (at_one_rep_max_formula_parse ("magic", &formula));
}

static void
test_records_history (Fixture       *f,
                      gconstpointer  data)
{
  const SetSpec day1[] = { { 60, 10, TRUE }, { 100, 5 }, { 110, 3 } };
  const SetSpec day2[] = { { 100, 5, FALSE, TRUE } };   /* 100 lb = 45.36 kg */
  const SetSpec day3[] = { { 120, 2 } };
  const SetSpec day0[] = { { 130, 1 } };
  gint64 a, b, c, d;
  g_autoptr(GError) error = NULL;

  /* The first session sets every record; the warm-up counts for none. */
  a = log_session (f, 1, f->squat, day1, G_N_ELEMENTS (day1));
  g_assert_cmpfloat_with_epsilon (session_volume (f, a), 830, 1e-9);   /* 100×5 + 110×3 */
  g_assert_cmpfloat_with_epsilon (record_value (f, f->squat, "max_weight"), 110, 1e-9);
  g_assert_cmpfloat_with_epsilon (record_value (f, f->squat, "max_reps"), 5, 1e-9);
  g_assert_cmpfloat_with_epsilon (record_value (f, f->squat, "1rm"), 121, 1e-9);
  g_assert_cmpfloat_with_epsilon (record_value (f, f->squat, "max_volume"), 830, 1e-9);
  g_assert_true (isnan (record_previous (f, f->squat, "max_weight")));
  g_assert_true (session_flag (f, a));

  /* Pounds are converted: 5 × 100 lb is 226.80 kg of volume, no record. */
  b = log_session (f, 2, f->squat, day2, G_N_ELEMENTS (day2));
  g_assert_cmpfloat_with_epsilon (session_volume (f, b), 226.80, 1e-9);
  g_assert_false (session_flag (f, b));
  g_assert_cmpfloat_with_epsilon (record_value (f, f->squat, "max_weight"), 110, 1e-9);

  /* A heavier double beats weight and 1RM (120 × 1.0667 = 128), keeping the previous. */
  c = log_session (f, 3, f->squat, day3, G_N_ELEMENTS (day3));
  g_assert_cmpfloat_with_epsilon (record_value (f, f->squat, "max_weight"), 120, 1e-9);
  g_assert_cmpfloat_with_epsilon (record_previous (f, f->squat, "max_weight"), 110, 1e-9);
  g_assert_cmpfloat_with_epsilon (record_value (f, f->squat, "1rm"), 128, 1e-9);
  g_assert_cmpfloat_with_epsilon (record_previous (f, f->squat, "1rm"), 121, 1e-9);
  g_assert_cmpfloat_with_epsilon (record_value (f, f->squat, "max_volume"), 830, 1e-9);
  g_assert_true (session_flag (f, c));
  assert_statistics_consistent (f);
  g_assert_cmpint (at_test_query_int (f->t.db, "SELECT total_prs FROM user_statistics"), ==, 2);

  /* Deleting the beating session brings the old records back. */
  at_store_soft_delete (f->t.store, f->user, AT_TYPE_SESSION, c, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (record_value (f, f->squat, "max_weight"), 110, 1e-9);
  g_assert_true (isnan (record_previous (f, f->squat, "max_weight")));
  g_assert_cmpfloat_with_epsilon (record_value (f, f->squat, "1rm"), 121, 1e-9);
  g_assert_cmpint (at_test_query_int (f->t.db, "SELECT count(*) FROM personal_record"
                                       " WHERE session_id IN (SELECT id FROM activity_session"
                                       "                      WHERE deleted_at IS NOT NULL)"), ==, 0);
  assert_statistics_consistent (f);

  /* Undo brings it back. */
  at_store_undelete (f->t.store, f->user, AT_TYPE_SESSION, c, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (record_value (f, f->squat, "max_weight"), 120, 1e-9);

  /* A back-dated single heavier than all takes weight and 1RM from history:
   * the day-3 session no longer beat anything when it happened. */
  d = log_session (f, 0, f->squat, day0, G_N_ELEMENTS (day0));
  g_assert_cmpfloat_with_epsilon (record_value (f, f->squat, "max_weight"), 130, 1e-9);
  g_assert_true (isnan (record_previous (f, f->squat, "max_weight")));
  g_assert_cmpfloat_with_epsilon (record_value (f, f->squat, "1rm"), 130, 1e-9);
  g_assert_cmpfloat_with_epsilon (record_value (f, f->squat, "max_reps"), 5, 1e-9);
  g_assert_cmpfloat_with_epsilon (record_previous (f, f->squat, "max_reps"), 1, 1e-9);
  g_assert_true (session_flag (f, d));
  g_assert_true (session_flag (f, a));    /* still beat reps and volume on day 1 */
  g_assert_false (session_flag (f, c));
  assert_statistics_consistent (f);
}

static void
test_records_body_weight (Fixture       *f,
                          gconstpointer  data)
{
  const SetSpec sets[] = { { 0, 10 }, { 0, 12 } };
  gint64 session = log_session (f, 1, f->pull_up, sets, G_N_ELEMENTS (sets));

  g_assert_cmpfloat_with_epsilon (session_volume (f, session), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (record_value (f, f->pull_up, "max_reps"), 12, 1e-9);
  g_assert_true (isnan (record_value (f, f->pull_up, "max_weight")));
  g_assert_true (isnan (record_value (f, f->pull_up, "1rm")));
  g_assert_true (isnan (record_value (f, f->pull_up, "max_volume")));
  g_assert_true (session_flag (f, session));
}

static void
test_records_mixed_units (Fixture       *f,
                          gconstpointer  data)
{
  /* 225 lb = 102.06 kg beats 100 kg in the same exercise. */
  const SetSpec sets[] = { { 100, 3 }, { 225, 3, FALSE, TRUE } };

  log_session (f, 1, f->squat, sets, G_N_ELEMENTS (sets));
  g_assert_cmpfloat_with_epsilon (record_value (f, f->squat, "max_weight"), 102.06, 1e-9);
  /* 300 + 3 × 102.0582833 = 606.17 */
  g_assert_cmpfloat_with_epsilon (record_value (f, f->squat, "max_volume"), 606.17, 1e-9);
}

/* Random history: the records kept while editing equal a recompute from
 * scratch. */
static void
test_records_incremental_equals_scratch (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  g_autoptr(GArray) sessions = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  const char *snapshot_sql =
    "SELECT group_concat (format ('%d %s %.2f %d %s %d', activity_subtype_id, record_type,"
    "  record_value, session_id, coalesce (previous_record_value, 'none'), achieved_at), ';')"
    " FROM (SELECT * FROM personal_record ORDER BY activity_subtype_id, record_type)";
  const char *flags_sql =
    "SELECT group_concat (id || ':' || is_personal_record || ':' || coalesce (total_volume, 'n')"
    "  || ':' || coalesce (estimated_calories, 'n'), ',')"
    " FROM (SELECT * FROM activity_session ORDER BY id)";
  g_autoptr(AtBodyMetric) weight = at_body_metric_new ();
  g_autofree char *records_before = NULL;
  g_autofree char *flags_before = NULL;
  g_autofree char *records_after = NULL;
  g_autofree char *flags_after = NULL;

  /* Calories need a body weight: one at day 45, so the sessions before it
   * use the first measurement after them. */
  at_record_set_int (AT_RECORD (weight), "metric_type_id", f->t.cat.body_metric_type_id);
  at_record_set_double (AT_RECORD (weight), "value", 81.3);
  at_record_set_int (AT_RECORD (weight), "unit_id", f->kg);
  at_record_set_int (AT_RECORD (weight), "measured_at", 1704110400 + 45 * 86400);
  at_test_insert (f->t.store, f->user, weight);

  for (guint i = 0; i < 120; i++)
    {
      guint op = g_rand_int_range (rand, 0, 10);

      if (op < 6 || sessions->len == 0)
        {
          SetSpec sets[4];
          guint n = g_rand_int_range (rand, 1, 5);
          gint64 id;

          for (guint j = 0; j < n; j++)
            sets[j] = (SetSpec) { g_rand_int_range (rand, 0, 30) * 5, g_rand_int_range (rand, 1, 13),
                                  g_rand_int_range (rand, 0, 5) == 0, g_rand_boolean (rand) };
          /* Half appended after everything, half anywhere in time. */
          id = log_session_by (f, g_rand_boolean (rand),
                               g_rand_boolean (rand) ? 90 + (int) i : g_rand_int_range (rand, 0, 90),
                               g_rand_boolean (rand) ? f->squat : f->pull_up, sets, n);
          g_array_append_val (sessions, id);
        }
      else
        {
          guint index = g_rand_int_range (rand, 0, sessions->len);
          gint64 id = g_array_index (sessions, gint64, index);

          if (op < 8)
            at_store_soft_delete (f->t.store, f->user, AT_TYPE_SESSION, id, NULL);
          else if (op < 9)
            at_store_undelete (f->t.store, f->user, AT_TYPE_SESSION, id, NULL);
          else
            {
              at_store_delete (f->t.store, f->user, AT_TYPE_SESSION, id, &error);
              g_assert_no_error (error);
              g_array_remove_index (sessions, index);
            }
        }
    }

  records_before = g_strdup_printf ("%s", (const char *) NULL);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (f->t.db, snapshot_sql, -1, &stmt, NULL), ==, 0);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_free (records_before);
    records_before = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    g_assert_cmpint (sqlite3_prepare_v2 (f->t.db, flags_sql, -1, &stmt, NULL), ==, 0);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    flags_before = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }

  /* Wipe what the rules keep, then recompute everything. */
  g_assert_cmpint (sqlite3_exec (f->t.db,
                                 "DELETE FROM personal_record;"
                                 "UPDATE activity_exercise SET set_a_record = 0;"
                                 "UPDATE activity_session SET is_personal_record = 0, total_volume = NULL,"
                                 "  estimated_calories = NULL;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  at_store_recompute_records (f->t.store, f->user, &error);
  g_assert_no_error (error);

  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (f->t.db, snapshot_sql, -1, &stmt, NULL), ==, 0);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    records_after = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    g_assert_cmpint (sqlite3_prepare_v2 (f->t.db, flags_sql, -1, &stmt, NULL), ==, 0);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    flags_after = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }

  g_assert_nonnull (records_before);
  /* Whole saves set their totals in memory, row-by-row ones at the commit:
   * every session has sets and a known body weight, so none is NULL. */
  g_assert_null (strstr (flags_before, ":n"));
  g_assert_cmpstr (records_before, ==, records_after);
  g_assert_cmpstr (flags_before, ==, flags_after);
  assert_statistics_consistent (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/training/one-rep-max", test_one_rep_max_formulas);
  g_test_add_func ("/core/training/formula-names", test_formula_names);
  g_test_add ("/core/training/records/history", Fixture, NULL,
              fixture_set_up, test_records_history, fixture_tear_down);
  g_test_add ("/core/training/records/body-weight", Fixture, NULL,
              fixture_set_up, test_records_body_weight, fixture_tear_down);
  g_test_add ("/core/training/records/mixed-units", Fixture, NULL,
              fixture_set_up, test_records_mixed_units, fixture_tear_down);
  g_test_add ("/core/training/records/incremental-equals-scratch", Fixture, NULL,
              fixture_set_up, test_records_incremental_equals_scratch, fixture_tear_down);

  return g_test_run ();
}
