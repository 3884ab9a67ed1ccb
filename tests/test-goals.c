/* test-goals.c: goal progress, completion and milestones for each goal
 * type, with expectations computed by hand. */

#include "config.h"

#include <math.h>

#include "at-test-util.h"
#include "at-goals.h"

typedef struct
{
  AtTestFixture base;
  gint64        user;
  gint64        running;
  gint64        weights;
  gint64        squat;
  gint64        kg;
  gint64        lb;
  gint64        m;
  gint64        km;
  gint64        mi;
  gint64        minutes;
  gint64        hours;
  gint64        body_weight;
} Fixture;

#define NOT_COMPLETED (-1)

static gint64
id_of (Fixture    *f,
       const char *sql,
       const char *name)
{
  g_autofree char *query = at_test_sql_printf (sql, name);
  gint64 id = at_test_query_int (f->base.db, "%s", query);

  g_assert_cmpint (id, >, 0);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  at_test_fixture_open (&f->base);
  f->user = at_test_create_user (f->base.store, "goalie");
  f->running = f->base.cat.running_id;
  f->weights = f->base.cat.weight_training_id;
  f->squat = f->base.cat.squat_id;
  f->kg = f->base.cat.kg_id;
  f->lb = f->base.cat.lb_id;
  f->m = id_of (f, "SELECT id FROM unit WHERE name = %Q", "meters");
  f->km = id_of (f, "SELECT id FROM unit WHERE name = %Q", "kilometers");
  f->mi = id_of (f, "SELECT id FROM unit WHERE name = %Q", "miles");
  f->minutes = id_of (f, "SELECT id FROM unit WHERE name = %Q", "minutes");
  f->hours = id_of (f, "SELECT id FROM unit WHERE name = %Q", "hours");
  f->body_weight = f->base.cat.body_metric_type_id;
  at_store_set_now (f->base.store, at_test_utc (2024, 3, 1, 8, 0, 0));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  at_test_fixture_close (&f->base);
}

/* Noon UTC on a day of March 2024 (day 0 = 29 February). */
static gint64
march (int day)
{
  return at_test_utc (2024, 3, 1, 12, 0, 0) + (gint64) (day - 1) * 86400;
}

static gint64
add_session (Fixture *f,
             gint64   type_id,
             gint64   started_at,
             gint64   minutes)
{
  g_autoptr(AtSession) session = at_session_new ();

  at_record_set_int (AT_RECORD (session), "activity_type_id", type_id);
  at_record_set_int (AT_RECORD (session), "started_at", started_at);
  at_record_set_int (AT_RECORD (session), "ended_at", started_at + minutes * 60);
  return at_test_insert (f->base.store, f->user, session);
}

typedef struct
{
  double   weight;
  gint64   reps;
  gboolean warmup;
  gboolean in_pounds;
} SetSpec;

/* A strength session of squats, saved whole. */
static gint64
add_squats (Fixture       *f,
            gint64         started_at,
            const SetSpec *sets,
            guint          n_sets)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtSession) session = at_session_new ();
  g_autoptr(AtWorkout) workout = NULL;
  g_autoptr(AtActivityExercise) exercise = at_activity_exercise_new ();
  guint index;

  at_record_set_int (AT_RECORD (session), "activity_type_id", f->weights);
  at_record_set_int (AT_RECORD (session), "started_at", started_at);
  at_record_set_int (AT_RECORD (session), "ended_at", started_at + 3600);
  workout = at_workout_new (session);
  at_record_set_int (AT_RECORD (exercise), "activity_subtype_id", f->squat);
  at_record_set_int (AT_RECORD (exercise), "exercise_order", 1);
  index = at_workout_add_exercise (workout, exercise);
  for (guint i = 0; i < n_sets; i++)
    {
      g_autoptr(AtExerciseSet) set = at_exercise_set_new ();

      at_record_set_int (AT_RECORD (set), "set_number", i + 1);
      at_record_set_int (AT_RECORD (set), "reps", sets[i].reps);
      at_record_set_double (AT_RECORD (set), "weight", sets[i].weight);
      at_record_set_int (AT_RECORD (set), "weight_unit_id", sets[i].in_pounds ? f->lb : f->kg);
      at_record_set_boolean (AT_RECORD (set), "is_warmup", sets[i].warmup);
      at_workout_add_set (workout, index, set);
    }

  g_assert_true (at_store_save_workout (f->base.store, f->user, workout, &error));
  g_assert_no_error (error);
  return at_record_get_id (AT_RECORD (session));
}

/* A session with one numeric metric, saved whole. */
static gint64
add_metric_session (Fixture    *f,
                    gint64      type_id,
                    gint64      started_at,
                    const char *name,
                    double      value,
                    gint64      unit_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtSession) session = at_session_new ();
  g_autoptr(AtWorkout) workout = NULL;
  g_autoptr(AtActivityMetric) metric = at_activity_metric_new ();

  at_record_set_int (AT_RECORD (session), "activity_type_id", type_id);
  at_record_set_int (AT_RECORD (session), "started_at", started_at);
  workout = at_workout_new (session);
  at_record_set_string (AT_RECORD (metric), "metric_name", name);
  at_record_set_double (AT_RECORD (metric), "metric_value_numeric", value);
  if (unit_id != 0)
    at_record_set_int (AT_RECORD (metric), "unit_id", unit_id);
  at_workout_add_metric (workout, metric);

  g_assert_true (at_store_save_workout (f->base.store, f->user, workout, &error));
  g_assert_no_error (error);
  return at_record_get_id (AT_RECORD (session));
}

static gint64
add_measurement (Fixture *f,
                 gint64   measured_at,
                 double   value,
                 gint64   unit_id)
{
  g_autoptr(AtBodyMetric) metric = at_body_metric_new ();

  at_record_set_int (AT_RECORD (metric), "metric_type_id", f->body_weight);
  at_record_set_double (AT_RECORD (metric), "value", value);
  at_record_set_int (AT_RECORD (metric), "unit_id", unit_id);
  at_record_set_int (AT_RECORD (metric), "measured_at", measured_at);
  return at_test_insert (f->base.store, f->user, metric);
}

static void
remove_session (Fixture *f,
                gint64   session_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (at_store_soft_delete (f->base.store, f->user, AT_TYPE_SESSION, session_id, &error));
  g_assert_no_error (error);
}

/* A new, unsaved goal of a type (by name) starting on a day of March. */
static AtGoal *
goal_new (Fixture    *f,
          const char *type_name,
          const char *start_date,
          const char *target_date,
          double      target_value,
          gint64      target_unit_id)
{
  AtGoal *goal = at_goal_new ();
  AtRecord *record = AT_RECORD (goal);

  at_record_set_int (record, "goal_type_id",
                     id_of (f, "SELECT id FROM goal_type WHERE name = %Q", type_name));
  at_record_set_string (record, "title", type_name);
  at_record_set_string (record, "start_date", start_date);
  if (target_date != NULL)
    at_record_set_string (record, "target_date", target_date);
  if (!isnan (target_value))
    at_record_set_double (record, "target_value", target_value);
  if (target_unit_id != 0)
    at_record_set_int (record, "target_unit_id", target_unit_id);
  return goal;
}

/* Saves a goal with milestones (NAN-terminated targets) in one
 * transaction; fills @milestone_ids. */
static gint64
save_goal (Fixture      *f,
           AtGoal       *goal,
           const double *milestones,
           gint64       *milestone_ids)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (at_store_begin (f->base.store, &error));
  at_test_insert (f->base.store, f->user, goal);
  for (guint i = 0; milestones != NULL && !isnan (milestones[i]); i++)
    {
      g_autoptr(AtGoalMilestone) milestone = at_goal_milestone_new ();
      g_autofree char *title = g_strdup_printf ("Reach %.2f", milestones[i]);

      at_record_set_int (AT_RECORD (milestone), "goal_id", at_record_get_id (AT_RECORD (goal)));
      at_record_set_string (AT_RECORD (milestone), "title", title);
      at_record_set_double (AT_RECORD (milestone), "target_value", milestones[i]);
      milestone_ids[i] = at_test_insert (f->base.store, f->user, milestone);
    }
  g_assert_true (at_store_commit (f->base.store, &error));
  g_assert_no_error (error);
  return at_record_get_id (AT_RECORD (goal));
}

static double
goal_current (Fixture *f,
              gint64   goal_id)
{
  g_autofree char *text = at_test_query_text (f->base.db,
                                              "SELECT current_value FROM user_goal WHERE id = %"
                                              G_GINT64_FORMAT, goal_id);

  return text != NULL ? g_ascii_strtod (text, NULL) : NAN;
}

/* Asserts the goal's current value (NAN: NULL) and when it was completed. */
static void
assert_goal (Fixture *f,
             gint64   goal_id,
             double   current,
             gint64   completed_at)
{
  double stored = goal_current (f, goal_id);

  if (isnan (current))
    g_assert_true (isnan (stored));
  else
    g_assert_cmpfloat_with_epsilon (stored, current, 0.001);

  g_assert_cmpint (at_test_query_int (f->base.db, "SELECT is_completed FROM user_goal WHERE id = %"
                                      G_GINT64_FORMAT, goal_id),
                   ==, completed_at != NOT_COMPLETED);
  g_assert_cmpint (at_test_query_int (f->base.db, "SELECT coalesce (completed_at, -1) FROM user_goal"
                                      " WHERE id = %" G_GINT64_FORMAT, goal_id),
                   ==, completed_at);
}

static void
assert_milestone (Fixture *f,
                  gint64   milestone_id,
                  gint64   achieved_at)
{
  g_assert_cmpint (at_test_query_int (f->base.db, "SELECT is_achieved FROM goal_milestone WHERE id = %"
                                      G_GINT64_FORMAT, milestone_id),
                   ==, achieved_at != NOT_COMPLETED);
  g_assert_cmpint (at_test_query_int (f->base.db, "SELECT coalesce (achieved_at, -1)"
                                      " FROM goal_milestone WHERE id = %" G_GINT64_FORMAT,
                                      milestone_id),
                   ==, achieved_at);
}

static double
progress_of (Fixture *f,
             gint64   goal_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtRecord) goal = at_store_get (f->base.store, f->user, AT_TYPE_GOAL, goal_id, &error);
  double progress;

  g_assert_no_error (error);
  progress = at_store_get_goal_progress (f->base.store, f->user, AT_GOAL (goal), &error);
  g_assert_no_error (error);
  return progress;
}

static void
refresh (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (at_store_refresh_goals (f->base.store, f->user, &error));
  g_assert_no_error (error);
}

/* Three runs a week for the two weeks of 4–17 March 2024 (Monday to Sunday). */
static void
test_frequency (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AtGoal) goal = goal_new (f, "frequency", "2024-03-04", "2024-03-17", NAN, 0);
  g_autoptr(AtGoal) any = goal_new (f, "frequency", "2024-03-04", NULL, 4, 0);
  gint64 id, any_id, tuesday, wednesday;

  at_record_set_int (AT_RECORD (goal), "activity_type_id", f->running);
  at_record_set_int (AT_RECORD (goal), "frequency_per_week", 3);
  id = save_goal (f, goal, NULL, NULL);
  any_id = save_goal (f, any, NULL, NULL);
  assert_goal (f, id, 0, NOT_COMPLETED);

  at_store_set_now (f->base.store, march (6) + 3600);
  add_session (f, f->running, march (4), 30);
  tuesday = add_session (f, f->running, march (5), 30);
  add_session (f, f->weights, march (6), 30);   /* not a run */
  add_session (f, f->running, march (3), 30);   /* Sunday: the week before */
  wednesday = add_session (f, f->running, march (6), 30);
  assert_goal (f, id, 3, NOT_COMPLETED);
  assert_goal (f, any_id, 4, NOT_COMPLETED);    /* no target date: never completed */

  /* The second week: three runs by Wednesday, but the target date is Sunday. */
  at_store_set_now (f->base.store, march (13) + 3600);
  add_session (f, f->running, march (11), 30);
  add_session (f, f->running, march (12), 30);
  add_session (f, f->running, march (13) - 3600, 30);
  assert_goal (f, id, 3, NOT_COMPLETED);

  /* Sunday evening: nothing was written, a refresh sees the date come. */
  at_store_set_now (f->base.store, march (17) + 8 * 3600);
  refresh (f);
  assert_goal (f, id, 3, march (13) - 3600);

  /* One run fewer in the first week: no longer met. */
  remove_session (f, tuesday);
  assert_goal (f, id, 3, NOT_COMPLETED);
  add_session (f, f->running, march (7), 30);
  assert_goal (f, id, 3, march (13) - 3600);

  /* A new week starts at 0. */
  at_store_set_now (f->base.store, march (18) + 3600);
  refresh (f);
  assert_goal (f, id, 0, march (13) - 3600);
  remove_session (f, wednesday);
  assert_goal (f, id, 0, NOT_COMPLETED);      /* the first week is down to two again */
}

/* Met on the target date itself: dates are inclusive. */
static void
test_met_on_target_date (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AtGoal) habit = goal_new (f, "habit", "2024-03-01", "2024-03-03", 3, 0);
  g_autoptr(AtGoal) weekly = goal_new (f, "frequency", "2024-03-04", "2024-03-10", NAN, 0);
  g_autoptr(AtGoal) minutes = goal_new (f, "time_based", "2024-03-01", "2024-03-03", 90, 0);
  gint64 habit_id, weekly_id, minutes_id;
  gint64 last_evening = at_test_utc (2024, 3, 3, 23, 30, 0);

  at_record_set_int (AT_RECORD (weekly), "frequency_per_week", 2);
  habit_id = save_goal (f, habit, NULL, NULL);
  weekly_id = save_goal (f, weekly, NULL, NULL);
  minutes_id = save_goal (f, minutes, NULL, NULL);

  add_session (f, f->running, march (1), 30);
  add_session (f, f->running, march (2), 30);
  add_session (f, f->weights, march (2) + 3600, 20);  /* the same day again */
  assert_goal (f, habit_id, 2, NOT_COMPLETED);
  assert_goal (f, minutes_id, 80, NOT_COMPLETED);

  add_session (f, f->running, last_evening, 10);
  assert_goal (f, habit_id, 3, last_evening);
  assert_goal (f, minutes_id, 90, last_evening);

  /* The day after the target date no longer counts. */
  add_session (f, f->running, march (4), 30);
  assert_goal (f, habit_id, 3, last_evening);
  assert_goal (f, minutes_id, 90, last_evening);

  /* Frequency: the week's second session (after the 4th) on Sunday the
   * 10th, its last day. */
  at_store_set_now (f->base.store, march (10) + 3600);
  refresh (f);
  assert_goal (f, weekly_id, 1, NOT_COMPLETED);
  add_session (f, f->running, march (10), 30);
  assert_goal (f, weekly_id, 2, march (10));
}

/* Squat 120 kg (1RM by Epley) by the end of March; and in pounds. */
static void
test_performance_one_rep_max (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(AtGoal) goal = goal_new (f, "performance", "2024-03-01", "2024-03-31", 120, f->kg);
  g_autoptr(AtGoal) in_pounds = goal_new (f, "performance", "2024-03-01", "2024-03-31", 265, f->lb);
  const double milestones[] = { 100, 120, 130, NAN };
  gint64 milestone_ids[3];
  gint64 id, lb_id, session_19;
  const SetSpec before[] = { { 150, 1, FALSE, FALSE } };
  const SetSpec first[] = { { 140, 1, TRUE, FALSE }, { 100, 5, FALSE, FALSE } };
  const SetSpec second[] = { { 225, 3, FALSE, TRUE } };
  const SetSpec third[] = { { 60, 10, TRUE, FALSE }, { 110, 3, FALSE, FALSE } };

  at_record_set_int (AT_RECORD (goal), "activity_subtype_id", f->squat);
  at_record_set_int (AT_RECORD (in_pounds), "activity_subtype_id", f->squat);
  id = save_goal (f, goal, milestones, milestone_ids);
  lb_id = save_goal (f, in_pounds, NULL, NULL);
  assert_goal (f, id, NAN, NOT_COMPLETED);

  add_squats (f, march (0), before, 1);        /* before the start date */
  assert_goal (f, id, NAN, NOT_COMPLETED);

  /* 100 × (1 + 5/30) = 116.67; the 140 kg warm-up does not count. */
  add_squats (f, march (5), first, 2);
  assert_goal (f, id, 116.67, NOT_COMPLETED);
  assert_milestone (f, milestone_ids[0], march (5));
  assert_milestone (f, milestone_ids[1], NOT_COMPLETED);

  /* 225 lb × 0.45359237 × 1.1 = 112.26 kg: no better. */
  add_squats (f, march (12), second, 1);
  assert_goal (f, id, 116.67, NOT_COMPLETED);

  /* 110 × 1.1 = 121: met, in kg and in lb (121 / 0.45359237 = 266.76). */
  session_19 = add_squats (f, march (19), third, 2);
  assert_goal (f, id, 121, march (19));
  assert_goal (f, lb_id, 266.76, march (19));
  assert_milestone (f, milestone_ids[0], march (5));
  assert_milestone (f, milestone_ids[1], march (19));
  assert_milestone (f, milestone_ids[2], NOT_COMPLETED);
  g_assert_cmpfloat (progress_of (f, id), ==, 1.0);

  /* Deleting the session that met it un-meets it (116.67 kg = 257.21 lb). */
  remove_session (f, session_19);
  assert_goal (f, id, 116.67, NOT_COMPLETED);
  assert_goal (f, lb_id, 257.21, NOT_COMPLETED);
  assert_milestone (f, milestone_ids[1], NOT_COMPLETED);
  g_assert_cmpfloat_with_epsilon (progress_of (f, id), 116.67 / 120, 0.0001);
}

/* Run 10 km in one go: the best distance metric, in any unit of distance. */
static void
test_performance_metric (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AtGoal) goal = goal_new (f, "performance", "2024-03-01", "2024-03-31", 10, f->km);
  g_autoptr(AtGoal) early = goal_new (f, "performance", "2024-03-01", "2024-03-20", 10, f->km);
  gint64 id, early_id;

  at_record_set_int (AT_RECORD (goal), "activity_type_id", f->running);
  at_record_set_string (AT_RECORD (goal), "metric_name", "distance");
  at_record_set_int (AT_RECORD (early), "activity_type_id", f->running);
  at_record_set_string (AT_RECORD (early), "metric_name", "distance");
  id = save_goal (f, goal, NULL, NULL);
  early_id = save_goal (f, early, NULL, NULL);

  add_metric_session (f, f->running, march (2), "distance", 5000, f->m);
  assert_goal (f, id, 5, NOT_COMPLETED);
  add_metric_session (f, f->running, march (9), "distance", 8, f->km);
  add_metric_session (f, f->weights, march (10), "distance", 20, f->km);  /* not a run */
  add_metric_session (f, f->running, march (11), "pace", 50, 0);          /* another metric */
  assert_goal (f, id, 8, NOT_COMPLETED);

  /* 6.2 mi = 9.978 km: not yet. */
  add_metric_session (f, f->running, march (16), "distance", 6.2, f->mi);
  assert_goal (f, id, 9.98, NOT_COMPLETED);

  /* 10 500 m on the 23rd: met, but after the early goal's date. */
  add_metric_session (f, f->running, march (23), "distance", 10500, f->m);
  assert_goal (f, id, 10.5, march (23));
  assert_goal (f, early_id, 10.5, NOT_COMPLETED);
}

/* Three hours of activity, counted in hours; and 120 minutes. */
static void
test_time_based (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(AtGoal) hours = goal_new (f, "time_based", "2024-03-01", NULL, 3, f->hours);
  g_autoptr(AtGoal) minutes = goal_new (f, "time_based", "2024-03-01", NULL, 120, f->minutes);
  const double milestones[] = { 1, 2.5, NAN };
  gint64 milestone_ids[2];
  gint64 hours_id, minutes_id, last;

  hours_id = save_goal (f, hours, milestones, milestone_ids);
  minutes_id = save_goal (f, minutes, NULL, NULL);
  assert_goal (f, hours_id, 0, NOT_COMPLETED);

  add_session (f, f->running, march (0), 600);  /* before the start */
  add_session (f, f->running, march (1), 45);
  add_session (f, f->weights, march (2), 60);
  assert_goal (f, hours_id, 1.75, NOT_COMPLETED);
  assert_goal (f, minutes_id, 105, NOT_COMPLETED);
  assert_milestone (f, milestone_ids[0], march (2));

  add_session (f, f->running, march (3), 50);   /* 155 min = 2.58 h */
  assert_goal (f, minutes_id, 155, march (3));
  assert_goal (f, hours_id, 2.58, NOT_COMPLETED);
  assert_milestone (f, milestone_ids[1], march (3));

  last = add_session (f, f->running, march (4), 30);  /* 185 min = 3.08 h */
  assert_goal (f, hours_id, 3.08, march (4));

  remove_session (f, last);
  assert_goal (f, hours_id, 2.58, NOT_COMPLETED);
}

/* Lose weight to 80 kg: starting from 85 kg measured before the start. */
static void
test_body_going_down (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AtGoal) goal = goal_new (f, "body_composition", "2024-03-01", "2024-04-30", 80, f->kg);
  g_autoptr(AtGoal) in_pounds = goal_new (f, "body_composition", "2024-03-01", NULL, 176, f->lb);
  const double milestones[] = { 84, 82, 80, NAN };
  gint64 milestone_ids[3];
  gint64 id, lb_id, latest;
  g_autoptr(GError) error = NULL;

  at_record_set_int (AT_RECORD (goal), "body_metric_type_id", f->body_weight);
  at_record_set_int (AT_RECORD (in_pounds), "body_metric_type_id", f->body_weight);
  id = save_goal (f, goal, milestones, milestone_ids);
  lb_id = save_goal (f, in_pounds, NULL, NULL);
  assert_goal (f, id, NAN, NOT_COMPLETED);

  add_measurement (f, march (0) - 4 * 86400, 85, f->kg);
  add_measurement (f, march (5), 83, f->kg);
  /* 84 was never measured, but 83 is past it on the way down. */
  assert_goal (f, id, 83, NOT_COMPLETED);
  assert_milestone (f, milestone_ids[0], march (5));
  assert_milestone (f, milestone_ids[1], NOT_COMPLETED);

  add_measurement (f, march (12), 81.5, f->kg);
  g_assert_cmpfloat_with_epsilon (progress_of (f, id), (85 - 81.5) / (85 - 80.0), 0.0001);

  /* 175.5 lb = 79.61 kg: met, in kg and in lb (176 lb = 79.83 kg). */
  add_measurement (f, march (19), 175.5, f->lb);
  assert_goal (f, id, 79.61, march (19));
  assert_goal (f, lb_id, 175.5, march (19));
  assert_milestone (f, milestone_ids[1], march (12));
  assert_milestone (f, milestone_ids[2], march (19));

  /* Back up to 80.6: the latest is no longer at the target. */
  latest = add_measurement (f, march (26), 80.6, f->kg);
  assert_goal (f, id, 80.6, NOT_COMPLETED);
  assert_milestone (f, milestone_ids[1], march (12));
  assert_milestone (f, milestone_ids[2], NOT_COMPLETED);

  g_assert_true (at_store_delete (f->base.store, f->user, AT_TYPE_BODY_METRIC, latest, &error));
  g_assert_no_error (error);
  assert_goal (f, id, 79.61, march (19));
}

/* Gain weight to 70 kg: the first measurement after the start is 65. */
static void
test_body_going_up (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AtGoal) goal = goal_new (f, "body_composition", "2024-03-01", "2024-03-31", 70, f->kg);
  const double milestones[] = { 67, NAN };
  gint64 milestone_ids[1];
  gint64 id;

  at_record_set_int (AT_RECORD (goal), "body_metric_type_id", f->body_weight);
  id = save_goal (f, goal, milestones, milestone_ids);

  add_measurement (f, march (2), 65, f->kg);
  add_measurement (f, march (9), 147.71, f->lb);  /* 67.00 kg */
  assert_goal (f, id, 67, NOT_COMPLETED);
  assert_milestone (f, milestone_ids[0], march (9));
  g_assert_cmpfloat_with_epsilon (progress_of (f, id), 0.4, 0.001);

  add_measurement (f, march (16), 70.2, f->kg);
  assert_goal (f, id, 70.2, march (16));

  /* Down again, the goal is not met; back up after the target date, it
   * is, by the first measurement that reached it in time. */
  add_measurement (f, march (16) + 3600, 68, f->kg);
  assert_goal (f, id, 68, NOT_COMPLETED);
  add_measurement (f, march (33), 71, f->kg);
  assert_goal (f, id, 71, march (16));
}

static void
test_target_before_start (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AtGoal) goal = goal_new (f, "habit", "2024-03-10", "2024-03-09", 5, 0);
  g_autoptr(GError) error = NULL;

  g_assert_false (at_store_insert (f->base.store, f->user, AT_RECORD (goal), &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "user_goal.target_date"));
  g_assert_cmpint (at_test_query_int (f->base.db, "SELECT count(*) FROM user_goal"), ==, 0);
}

/* An inactive goal keeps what it had; a goal the rules cannot measure is
 * the user's to keep. */
static void
test_left_alone (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(AtGoal) paused = goal_new (f, "habit", "2024-03-01", NULL, 5, 0);
  g_autoptr(AtGoal) manual = goal_new (f, "performance", "2024-03-01", NULL, 5, 0);
  gint64 paused_id, manual_id;

  at_record_set_boolean (AT_RECORD (paused), "is_active", FALSE);
  at_record_set_double (AT_RECORD (manual), "current_value", 2);
  paused_id = save_goal (f, paused, NULL, NULL);
  manual_id = save_goal (f, manual, NULL, NULL);

  add_session (f, f->running, march (2), 30);
  assert_goal (f, paused_id, NAN, NOT_COMPLETED);
  assert_goal (f, manual_id, 2, NOT_COMPLETED);
}

/* A save that changes no goal writes no goal row. */
static void
test_writes_only_changes (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AtGoal) goal = goal_new (f, "habit", "2024-03-01", NULL, 5, 0);

  at_record_set_int (AT_RECORD (goal), "activity_type_id", f->running);
  save_goal (f, goal, NULL, NULL);
  add_session (f, f->running, march (2), 30);
  at_test_exec (f->base.db,
                "CREATE TEMP TABLE goal_writes (n INTEGER);"
                "INSERT INTO goal_writes VALUES (0);"
                "CREATE TEMP TRIGGER goal_updated AFTER UPDATE ON main.user_goal"
                " BEGIN UPDATE goal_writes SET n = n + 1; END;");

  add_session (f, f->weights, march (3), 30);
  add_session (f, f->running, march (2) + 3600, 30);
  g_assert_cmpint (at_test_query_int (f->base.db, "SELECT n FROM goal_writes"), ==, 0);
  add_session (f, f->running, march (3), 30);
  g_assert_cmpint (at_test_query_int (f->base.db, "SELECT n FROM goal_writes"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  at_test_keep_going (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/goals/frequency", test_frequency);
  ADD ("/core/goals/met-on-target-date", test_met_on_target_date);
  ADD ("/core/goals/performance-1rm", test_performance_one_rep_max);
  ADD ("/core/goals/performance-metric", test_performance_metric);
  ADD ("/core/goals/time-based", test_time_based);
  ADD ("/core/goals/body-going-down", test_body_going_down);
  ADD ("/core/goals/body-going-up", test_body_going_up);
  ADD ("/core/goals/target-before-start", test_target_before_start);
  ADD ("/core/goals/left-alone", test_left_alone);
  ADD ("/core/goals/writes-only-changes", test_writes_only_changes);
#undef ADD

  return g_test_run ();
}
