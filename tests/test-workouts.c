/* test-workouts.c: saving whole workouts, templates, units and the rules
 * that refuse what makes no sense. */

#include "config.h"

#include "at-test-util.h"

typedef struct
{
  AtTestFixture t;
  gint64        user;
  gint64        other;
  gint64        strength;
  gint64        squat;
  gint64        bench;
  gint64        kg;
  gint64        lb;
  gint64        km;
  gint64        mi;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  at_test_fixture_open (&f->t);
  f->user = at_test_create_user (f->t.store, "lifter");
  f->other = at_test_create_user (f->t.store, "other");
  f->strength = f->t.cat.weight_training_id;
  f->squat = f->t.cat.squat_id;
  f->bench = f->t.cat.bench_id;
  f->kg = f->t.cat.kg_id;
  f->lb = f->t.cat.lb_id;
  f->km = at_test_query_int (f->t.db, "SELECT id FROM unit WHERE symbol = 'km'");
  f->mi = at_test_query_int (f->t.db, "SELECT id FROM unit WHERE symbol = 'mi'");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  at_test_fixture_close (&f->t);
}

/* Two exercises of three sets: squat 100 kg × 5, bench 80 kg × 5. */
static AtWorkout *
new_workout (Fixture *f,
             gint64   started_at)
{
  g_autoptr(AtSession) session = at_session_new ();
  AtWorkout *workout;
  const gint64 exercises[] = { f->squat, f->bench };

  g_object_set (session, "activity-type-id", f->strength, "session-name", "Heavy day",
                "started-at", started_at, "ended-at", started_at + 3600, NULL);
  workout = at_workout_new (session);

  for (guint i = 0; i < G_N_ELEMENTS (exercises); i++)
    {
      g_autoptr(AtActivityExercise) exercise = at_activity_exercise_new ();
      guint index;

      g_object_set (exercise, "activity-subtype-id", exercises[i], NULL);
      index = at_workout_add_exercise (workout, exercise);
      for (guint j = 0; j < 3; j++)
        {
          g_autoptr(AtExerciseSet) set = at_exercise_set_new ();

          g_object_set (set, "reps", (gint64) 5, "weight", i == 0 ? 100.0 : 80.0,
                        "weight-unit-id", f->kg, NULL);
          at_workout_add_set (workout, index, set);
        }
    }
  return workout;
}

/* Sets are inserted several to a statement, their ids taken from the
 * connection: every record's id must name its own row in the file. */
static void
test_many_sets_get_their_ids (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtWorkout) workout = new_workout (f, 1704110400);
  g_autoptr(AtActivityExercise) extra = at_activity_exercise_new ();
  guint index, n_sets = 0;

  /* An earlier row of another session, so ids do not start at 1. */
  g_autoptr(AtWorkout) earlier = new_workout (f, 1704000000);
  g_assert_true (at_store_save_workout (f->t.store, f->user, earlier, &error));

  g_object_set (extra, "activity-subtype-id", f->squat, NULL);
  index = at_workout_add_exercise (workout, extra);
  for (guint j = 0; j < 37; j++)
    {
      g_autoptr(AtExerciseSet) set = at_exercise_set_new ();

      g_object_set (set, "reps", (gint64) (j % 12 + 1), "weight", 20.0 + j,
                    "weight-unit-id", f->kg, NULL);
      at_workout_add_set (workout, index, set);
    }
  g_assert_true (at_store_save_workout (f->t.store, f->user, workout, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < at_workout_get_n_exercises (workout); i++)
    {
      AtRecord *exercise = AT_RECORD (at_workout_get_exercise (workout, i));
      GPtrArray *sets = at_workout_get_sets (workout, i);

      g_assert_cmpint (at_test_query_int (f->t.db, "SELECT exercise_order FROM activity_exercise"
                                          " WHERE id = %" G_GINT64_FORMAT, at_record_get_id (exercise)),
                       ==, at_record_get_int (exercise, "exercise_order"));
      for (guint j = 0; j < sets->len; j++, n_sets++)
        {
          AtRecord *set = g_ptr_array_index (sets, j);
          g_autofree char *row = at_test_query_text (f->t.db,
                                                     "SELECT exercise_id || ':' || set_number || ':' || reps"
                                                     " || ':' || weight FROM exercise_set WHERE id = %"
                                                     G_GINT64_FORMAT, at_record_get_id (set));
          g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT
                                                       ":%" G_GINT64_FORMAT ":%.1f",
                                                       at_record_get_id (exercise),
                                                       at_record_get_int (set, "set_number"),
                                                       at_record_get_int (set, "reps"),
                                                       at_record_get_double (set, "weight"));

          g_assert_cmpstr (row, ==, expected);
        }
    }
  g_assert_cmpuint (n_sets, ==, 2 * 3 + 37);
}

static char *
dump_user_rows (Fixture *f)
{
  sqlite3_stmt *stmt = NULL;
  GString *dump = g_string_new (NULL);
  const char *sql =
    "SELECT 's' || id || ':' || coalesce (total_volume, '') || ':' || is_template FROM activity_session"
    " UNION ALL SELECT 'e' || id || ':' || session_id || ':' || exercise_order FROM activity_exercise"
    " UNION ALL SELECT 'x' || id || ':' || exercise_id || ':' || set_number || ':' || reps FROM exercise_set"
    " UNION ALL SELECT 'p' || record_type || ':' || record_value FROM personal_record";

  g_assert_cmpint (sqlite3_prepare_v2 (f->t.db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (dump, "%s\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return g_string_free (dump, FALSE);
}

static void
test_save_and_load (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtWorkout) workout = new_workout (f, 1704110400);
  g_autoptr(AtWorkout) loaded = NULL;
  gint64 session_id;

  at_store_save_workout (f->t.store, f->user, workout, &error);
  g_assert_no_error (error);
  session_id = at_record_get_id (AT_RECORD (at_workout_get_session (workout)));

  loaded = at_store_load_workout (f->t.store, f->user, session_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (at_workout_get_n_exercises (loaded), ==, 2);
  g_assert_cmpuint (at_workout_get_n_sets (loaded), ==, 6);
  g_assert_cmpint (at_record_get_int (AT_RECORD (at_workout_get_exercise (loaded, 1)),
                                      "activity_subtype_id"), ==, f->bench);
  /* 3 × 5 × 100 + 3 × 5 × 80 */
  g_assert_cmpfloat (at_record_get_double (AT_RECORD (at_workout_get_session (loaded)), "total_volume"),
                     ==, 2700);

  /* Edit: drop the bench press, make the first squat set heavier. */
  g_object_set (g_ptr_array_index (at_workout_get_sets (loaded, 0), 0), "weight", 120.0, NULL);
  {
    g_autoptr(AtWorkout) edited = at_workout_new (at_workout_get_session (loaded));
    guint index = at_workout_add_exercise (edited, at_workout_get_exercise (loaded, 0));
    GPtrArray *sets = at_workout_get_sets (loaded, 0);

    for (guint i = 0; i < sets->len; i++)
      at_workout_add_set (edited, index, g_ptr_array_index (sets, i));
    at_store_save_workout (f->t.store, f->user, edited, &error);
    g_assert_no_error (error);
  }

  g_assert_cmpint (at_test_query_int (f->t.db, "SELECT count(*) FROM activity_exercise"), ==, 1);
  g_assert_cmpint (at_test_query_int (f->t.db, "SELECT count(*) FROM exercise_set"), ==, 3);
  g_assert_cmpint (at_test_query_int (f->t.db, "SELECT total_volume FROM activity_session"), ==, 1600);
  g_assert_cmpint (at_test_query_int (f->t.db, "SELECT count(*) FROM personal_record"
                                        " WHERE activity_subtype_id = (SELECT id FROM activity_subtype"
                                        "                              WHERE name = 'Bench Press')"), ==, 0);

  /* The other user cannot read it. */
  g_assert_null (at_store_load_workout (f->t.store, f->other, session_id, &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND);
}

typedef void (*Spoil) (Fixture *f, AtWorkout *workout);

static void
spoil_reps (Fixture   *f,
            AtWorkout *workout)
{
  g_object_set (g_ptr_array_index (at_workout_get_sets (workout, 1), 2), "reps", (gint64) -3, NULL);
}

static void
spoil_unit (Fixture   *f,
            AtWorkout *workout)
{
  g_object_set (g_ptr_array_index (at_workout_get_sets (workout, 1), 0), "weight-unit-id", f->km, NULL);
}

static void
spoil_unknown_unit (Fixture   *f,
                    AtWorkout *workout)
{
  g_object_set (g_ptr_array_index (at_workout_get_sets (workout, 0), 1), "weight-unit-id",
                (gint64) 99999, NULL);
}

static void
spoil_set_number (Fixture   *f,
                  AtWorkout *workout)
{
  /* Two sets numbered 1: only the database sees it, half-way through. */
  g_object_set (g_ptr_array_index (at_workout_get_sets (workout, 1), 1), "set-number", (gint64) 1, NULL);
}

static void
spoil_rating (Fixture   *f,
              AtWorkout *workout)
{
  g_object_set (at_workout_get_session (workout), "rating", (gint64) 11, NULL);
}

static void
test_bad_input_saves_nothing (Fixture       *f,
                              gconstpointer  data)
{
  const struct {
    Spoil        spoil;
    int          code;
    const char  *field;
  } cases[] = {
    { spoil_reps, AT_STORE_ERROR_INVALID, "exercise_set.reps" },
    { spoil_unit, AT_STORE_ERROR_INVALID, "exercise_set.weight_unit_id" },
    { spoil_unknown_unit, AT_STORE_ERROR_INVALID, "exercise_set.weight_unit_id" },
    { spoil_set_number, AT_STORE_ERROR_CONSTRAINT, "exercise_set" },
    { spoil_rating, AT_STORE_ERROR_INVALID, "activity_session.rating" },
  };
  g_autoptr(AtWorkout) first = new_workout (f, 1704110400);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  at_store_save_workout (f->t.store, f->user, first, &error);
  g_assert_no_error (error);
  before = dump_user_rows (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AtWorkout) workout = new_workout (f, 1704196800);
      g_autofree char *after = NULL;

      cases[i].spoil (f, workout);
      g_assert_false (at_store_save_workout (f->t.store, f->user, workout, &error));
      g_assert_error (error, AT_STORE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].field));
      g_clear_error (&error);

      after = dump_user_rows (f);
      g_assert_cmpstr (after, ==, before);
    }

  /* After a failure the same workout, corrected, saves. */
  {
    g_autoptr(AtWorkout) workout = new_workout (f, 1704196800);

    spoil_rating (f, workout);
    g_assert_false (at_store_save_workout (f->t.store, f->user, workout, &error));
    g_clear_error (&error);
    spoil_set_number (f, workout);
    g_assert_false (at_store_save_workout (f->t.store, f->user, workout, &error));
    g_clear_error (&error);
    g_object_set (at_workout_get_session (workout), "rating", (gint64) 8, NULL);
    g_object_set (g_ptr_array_index (at_workout_get_sets (workout, 1), 1), "set-number", (gint64) 2, NULL);
    at_store_save_workout (f->t.store, f->user, workout, &error);
    g_assert_no_error (error);
    g_assert_cmpint (at_test_query_int (f->t.db, "SELECT count(*) FROM activity_session"), ==, 2);
  }
}

/* Inside the caller's transaction a failed save has no savepoint: the
 * transaction cannot be committed, and rolling it back leaves nothing. */
static void
test_failure_inside_transaction (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtWorkout) good = new_workout (f, 1704110400);
  g_autoptr(AtWorkout) bad = new_workout (f, 1704196800);
  g_autoptr(AtWorkout) later = new_workout (f, 1704283200);
  g_autofree char *before = dump_user_rows (f);
  g_autofree char *after = NULL;

  g_assert_true (at_store_begin (f->t.store, &error));
  g_assert_true (at_store_save_workout (f->t.store, f->user, good, &error));
  spoil_set_number (f, bad);
  g_assert_false (at_store_save_workout (f->t.store, f->user, bad, &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_false (at_store_commit (f->t.store, &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_FAILED);
  g_clear_error (&error);
  at_store_rollback (f->t.store);

  after = dump_user_rows (f);
  g_assert_cmpstr (after, ==, before);

  /* The store is usable again. */
  g_assert_true (at_store_save_workout (f->t.store, f->user, later, &error));
  g_assert_no_error (error);
}

static void
test_templates (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtWorkout) workout = new_workout (f, 1704110400);
  g_autoptr(AtWorkout) started = NULL;
  g_autoptr(AtWorkout) repeated = NULL;
  g_autoptr(GListModel) sessions = NULL;
  AtUserStatistics stats;
  gint64 session_id, template_id;

  at_store_save_workout (f->t.store, f->user, workout, &error);
  g_assert_no_error (error);
  session_id = at_record_get_id (AT_RECORD (at_workout_get_session (workout)));

  template_id = at_store_save_as_template (f->t.store, f->user, session_id, "Heavy legs", &error);
  g_assert_no_error (error);
  g_assert_cmpint (template_id, >, session_id);
  g_assert_cmpint (at_test_query_int (f->t.db, "SELECT count(*) FROM exercise_set"), ==, 12);

  /* A template is a plan: not in the list, nor the statistics, nor the records. */
  sessions = at_store_list (f->t.store, f->user, AT_TYPE_SESSION, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 1);
  at_store_get_statistics (f->t.store, f->user, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stats.total_sessions, ==, 1);
  g_assert_cmpint (at_test_query_int (f->t.db, "SELECT count(*) FROM personal_record WHERE session_id = "
                                        "(SELECT max (id) FROM activity_session)"), ==, 0);

  /* Starting from it copies the plan and points back at it. */
  started = at_store_start_from_session (f->t.store, f->user, template_id, 1704196800, &error);
  g_assert_no_error (error);
  g_assert_cmpint (at_record_get_int (AT_RECORD (at_workout_get_session (started)), "parent_session_id"),
                   ==, template_id);
  g_assert_false (at_record_get_boolean (AT_RECORD (at_workout_get_session (started)), "is_template"));
  g_assert_cmpuint (at_workout_get_n_sets (started), ==, 6);
  at_store_save_workout (f->t.store, f->user, started, &error);
  g_assert_no_error (error);

  /* Repeating a past session works the same way. */
  repeated = at_store_start_from_session (f->t.store, f->user, session_id, 1704283200, &error);
  g_assert_no_error (error);
  g_assert_cmpint (at_record_get_int (AT_RECORD (at_workout_get_session (repeated)), "parent_session_id"),
                   ==, session_id);

  /* Nothing to copy from another user's session. */
  g_assert_null (at_store_start_from_session (f->t.store, f->other, template_id, 1704196800, &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A template needs a name. */
  g_assert_cmpint (at_store_save_as_template (f->t.store, f->user, session_id, "", &error), ==, 0);
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID);
}

static void
test_template_loop (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtWorkout) a = new_workout (f, 1704110400);
  g_autoptr(AtWorkout) b = NULL;
  g_autoptr(AtSession) first = NULL;
  g_autoptr(AtSession) other_session = at_session_new ();
  gint64 a_id, b_id;

  at_store_save_workout (f->t.store, f->user, a, &error);
  g_assert_no_error (error);
  a_id = at_record_get_id (AT_RECORD (at_workout_get_session (a)));
  b = at_store_start_from_session (f->t.store, f->user, a_id, 1704196800, &error);
  g_assert_no_error (error);
  at_store_save_workout (f->t.store, f->user, b, &error);
  g_assert_no_error (error);
  b_id = at_record_get_id (AT_RECORD (at_workout_get_session (b)));

  /* a → b → a would be a loop: refused, and a is unchanged. */
  first = at_store_get (f->t.store, f->user, AT_TYPE_SESSION, a_id, &error);
  g_assert_no_error (error);
  g_object_set (first, "parent-session-id", b_id, NULL);
  g_assert_false (at_store_update (f->t.store, f->user, AT_RECORD (first), &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "parent_session_id"));
  g_clear_error (&error);
  g_assert_cmpint (at_test_query_int (f->t.db, "SELECT count(*) FROM activity_session"
                                        " WHERE parent_session_id IS NOT NULL"), ==, 1);

  /* Nor may a session come from another user's. */
  g_object_set (other_session, "activity-type-id", f->strength, "started-at", (gint64) 1704196800,
                "parent-session-id", a_id, NULL);
  g_assert_false (at_store_insert (f->t.store, f->other, AT_RECORD (other_session), &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID);
}

static void
test_bad_json (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtProgram) program = at_program_new ();

  g_object_set (program, "name", "Strength base", "tags", "[\"strength\", ", NULL);
  g_assert_false (at_store_insert (f->t.store, f->user, AT_RECORD (program), &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "workout_program.tags"));
  g_assert_cmpint (at_test_query_int (f->t.db, "SELECT count(*) FROM workout_program"), ==, 0);
  g_clear_error (&error);

  /* Valid JSON that is not an array is the database's to refuse. */
  g_object_set (program, "tags", "{\"a\": 1}", NULL);
  g_assert_false (at_store_insert (f->t.store, f->user, AT_RECORD (program), &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_object_set (program, "tags", "[\"strength\", \"beginner\"]", NULL);
  g_assert_true (at_store_insert (f->t.store, f->user, AT_RECORD (program), &error));
  g_assert_no_error (error);
}

static void
test_goal_dates (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtGoal) goal = at_goal_new ();

  g_object_set (goal, "goal-type-id", at_test_query_int (f->t.db, "SELECT id FROM goal_type WHERE name = 'habit'"),
                "title", "Back to front", "start-date", "2024-05-10", "target-date", "2024-05-01", NULL);
  g_assert_false (at_store_insert (f->t.store, f->user, AT_RECORD (goal), &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "user_goal.target_date"));
  g_assert_cmpint (at_test_query_int (f->t.db, "SELECT count(*) FROM user_goal"), ==, 0);
}

static void
test_units (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtWorkout) workout = new_workout (f, 1704110400);
  g_autoptr(AtUser) user = NULL;
  double value = 0;
  gint64 unit = 0;

  g_assert_true (at_store_convert_unit (f->t.store, 100, f->kg, f->lb, &value, &error));
  g_assert_cmpfloat_with_epsilon (value, 220.462262, 1e-6);
  g_assert_true (at_store_convert_unit (f->t.store, 10, f->km, f->mi, &value, &error));
  g_assert_cmpfloat_with_epsilon (value, 6.213712, 1e-6);
  g_assert_no_error (error);

  g_assert_false (at_store_convert_unit (f->t.store, 10, f->km, f->kg, &value, &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (at_store_convert_unit (f->t.store, 10, 99999, f->kg, &value, &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A lifter who prefers pounds sees pounds; the stored kilograms stay as typed. */
  user = at_store_get (f->t.store, f->user, AT_TYPE_USER, f->user, &error);
  g_object_set (user, "weight-unit-id", f->lb, NULL);
  at_store_update (f->t.store, f->user, AT_RECORD (user), &error);
  g_assert_no_error (error);
  at_store_save_workout (f->t.store, f->user, workout, &error);
  g_assert_no_error (error);

  g_assert_true (at_store_to_user_weight (f->t.store, f->user, 100, f->kg, &value, &unit, &error));
  g_assert_cmpint (unit, ==, f->lb);
  g_assert_cmpfloat_with_epsilon (value, 220.46, 0.01);
  g_assert_cmpint (at_test_query_int (f->t.db, "SELECT count(*) FROM exercise_set"
                                        " WHERE weight IN (100, 80) AND weight_unit_id = "
                                        "(SELECT id FROM unit WHERE symbol = 'kg')"), ==, 6);
}

static gint64
count_bulk_indexes (Fixture *f)
{
  return at_test_query_int (f->t.db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                                     " AND name IN ('idx_set_weight', 'idx_set_reps',"
                                     "              'idx_session_type_date', 'idx_metric_name_value')");
}

/* A bulk load drops the indexes no rule reads and builds them back; an
 * interrupted load gets them back when the file is opened again. */
static void
test_bulk_load (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtWorkout) workout = new_workout (f, 1704110400);
  g_autofree char *indexes = at_test_query_text (f->t.db, "SELECT group_concat (sql) FROM sqlite_schema"
                                                          " WHERE name LIKE 'idx_set_%%' ORDER BY name");

  g_assert_cmpint (count_bulk_indexes (f), ==, 4);
  g_assert_true (at_store_begin_bulk_load (f->t.store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_bulk_indexes (f), ==, 0);

  /* Rows go in as usual, rules included. */
  g_assert_true (at_store_save_workout (f->t.store, f->user, workout, &error));
  g_assert_cmpint (at_test_query_int (f->t.db, "SELECT count(*) FROM personal_record"), >, 0);

  /* Interrupted: the next open builds them again. */
  g_assert_finalize_object (g_steal_pointer (&f->t.store));
  f->t.store = at_store_open (f->t.path, &error);
  g_assert_no_error (error);
  f->t.db = _at_store_get_db (f->t.store);
  g_assert_cmpint (count_bulk_indexes (f), ==, 4);
  g_assert_cmpint (at_test_query_int (f->t.db, "SELECT count(*) FROM at_meta"
                                               " WHERE key = 'bulk_load_indexes'"), ==, 0);

  /* And the ordinary way round. */
  g_assert_true (at_store_begin_bulk_load (f->t.store, &error));
  g_assert_true (at_store_end_bulk_load (f->t.store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_bulk_indexes (f), ==, 4);
  {
    g_autofree char *again = at_test_query_text (f->t.db, "SELECT group_concat (sql) FROM sqlite_schema"
                                                          " WHERE name LIKE 'idx_set_%%' ORDER BY name");

    g_assert_cmpstr (again, ==, indexes);
  }
  g_assert_cmpint (at_test_query_int (f->t.db, "SELECT count(*) FROM pragma_integrity_check"
                                               " WHERE integrity_check <> 'ok'"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/workouts/save-and-load", Fixture, NULL,
              fixture_set_up, test_save_and_load, fixture_tear_down);
  g_test_add ("/core/workouts/many-sets-get-their-ids", Fixture, NULL,
              fixture_set_up, test_many_sets_get_their_ids, fixture_tear_down);
  g_test_add ("/core/workouts/bad-input-saves-nothing", Fixture, NULL,
              fixture_set_up, test_bad_input_saves_nothing, fixture_tear_down);
  g_test_add ("/core/workouts/failure-inside-transaction", Fixture, NULL,
              fixture_set_up, test_failure_inside_transaction, fixture_tear_down);
  g_test_add ("/core/workouts/templates", Fixture, NULL,
              fixture_set_up, test_templates, fixture_tear_down);
  g_test_add ("/core/workouts/template-loop", Fixture, NULL,
              fixture_set_up, test_template_loop, fixture_tear_down);
  g_test_add ("/core/workouts/bad-json", Fixture, NULL,
              fixture_set_up, test_bad_json, fixture_tear_down);
  g_test_add ("/core/workouts/goal-dates", Fixture, NULL,
              fixture_set_up, test_goal_dates, fixture_tear_down);
  g_test_add ("/core/workouts/bulk-load", Fixture, NULL,
              fixture_set_up, test_bulk_load, fixture_tear_down);
  g_test_add ("/core/workouts/units", Fixture, NULL,
              fixture_set_up, test_units, fixture_tear_down);

  return g_test_run ();
}
