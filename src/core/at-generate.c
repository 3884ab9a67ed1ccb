/* at-generate.c: the benchmark workload (shared/bench/WORKLOAD.md).
 *
 * Deterministic from a seed: users with a timezone and a body weight
 * history, sessions spread over three years (60 % strength with sets,
 * 25 % cardio with distance, pace and heart rate, 15 % other kinds with
 * their metrics), names and notes drawn from a 2,000-word vocabulary by a
 * Zipf law so that word frequencies span a wide range, 1 % of the sessions
 * soft-deleted, and goals. Everything is written through the store's own
 * calls, one transaction per user, so every trigger and training rule runs
 * as it does in the app.
 */

#define G_LOG_DOMAIN "at-generate"

#include "config.h"

#include <math.h>

#include "at-body-metric.h"
#include "at-generate.h"
#include "at-goal.h"
#include "at-store-private.h"
#include "at-user.h"
#include "at-workout.h"

#define SPAN_DAYS         1095
#define END_OF_WORKLOAD   G_GINT64_CONSTANT (1793491200)  /* 2026-11-01 00:00 UTC */
#define VOCABULARY_SEED   7
#define MAX_FAVOURITES    12
#define BODY_METRICS      300

static const char * const timezones[] = {
  "UTC", "Europe/Paris", "Europe/London", "America/New_York", "America/Los_Angeles",
  "Asia/Tokyo", "Australia/Sydney", "America/Sao_Paulo",
};

static const char * const cardio_types[] = { "Running", "Running", "Running", "Running", "Running",
                                             "Cycling", "Cycling", "Swimming", "Rowing", "Walking" };
static const char * const other_types[] = { "Yoga", "Music", "Painting", "Meditation", "Writing", "Pilates" };

/* Lifts every user does, and a base one-rep max range for each (kg). */
static const struct {
  const char *name;
  double      low;
  double      high;
} staple_lifts[] = {
  { "Squat", 60, 180 },
  { "Bench Press", 40, 140 },
  { "Deadlift", 80, 220 },
  { "Overhead Press", 30, 90 },
  { "Barbell Row", 40, 120 },
};

typedef struct
{
  gint64 id;
  double one_rep_max;   /* kg, at the start of the span */
} Lift;

typedef struct
{
  gint64  id;
  char   *name;
  GArray *numeric_metrics;  /* (metric name, unit id) pairs of its templates */
} Kind;

typedef struct
{
  char   *name;
  gint64  unit_id;
} MetricTemplate;

typedef struct
{
  AtStore          *store;
  GRand            *rand;
  double           *zipf;            /* cumulative weights of the vocabulary */
  gint64            strength_type;
  GPtrArray        *strength_lifts;  /* gint64 ids of Weight Training exercises */
  GHashTable       *kinds;           /* type name → Kind */
  gint64            kg, lb, km, bpm, seconds_per_km;
  gint64            weight_type, body_fat_type, percent;
  gint64            goal_types[5];   /* frequency, performance, habit, time_based, body */
  gint64            staple_ids[G_N_ELEMENTS (staple_lifts)];
} Generator;

/* --- The vocabulary ---------------------------------------------------- */

static char **vocabulary;

static void
build_vocabulary (void)
{
  static const char consonants[] = "bdfgklmnprstvz";
  static const char vowels[] = "aeiou";
  g_autoptr(GRand) rand = g_rand_new_with_seed (VOCABULARY_SEED);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  vocabulary = g_new0 (char *, AT_GENERATE_VOCABULARY_SIZE + 1);
  while (n < AT_GENERATE_VOCABULARY_SIZE)
    {
      GString *word = g_string_new (NULL);
      guint syllables = g_rand_int_range (rand, 2, 4);

      for (guint i = 0; i < syllables; i++)
        {
          g_string_append_c (word, consonants[g_rand_int_range (rand, 0, sizeof consonants - 1)]);
          g_string_append_c (word, vowels[g_rand_int_range (rand, 0, sizeof vowels - 1)]);
        }
      if (g_rand_int_range (rand, 0, 3) == 0)
        g_string_append_c (word, consonants[g_rand_int_range (rand, 0, sizeof consonants - 1)]);

      if (g_hash_table_contains (seen, word->str))
        {
          g_string_free (word, TRUE);
          continue;
        }
      vocabulary[n] = g_string_free (word, FALSE);
      g_hash_table_add (seen, vocabulary[n]);
      n++;
    }
}

/**
 * at_generate_vocabulary_word:
 * @rank: 1 for the most frequent word, up to %AT_GENERATE_VOCABULARY_SIZE
 *
 * Returns: the word of that frequency rank; the same for every seed.
 */
const char *
at_generate_vocabulary_word (guint rank)
{
  static gsize built = 0;

  g_return_val_if_fail (rank >= 1 && rank <= AT_GENERATE_VOCABULARY_SIZE, NULL);

  if (g_once_init_enter (&built))
    {
      build_vocabulary ();
      g_once_init_leave (&built, 1);
    }
  return vocabulary[rank - 1];
}

static double *
zipf_weights (void)
{
  double *cumulative = g_new (double, AT_GENERATE_VOCABULARY_SIZE);
  double sum = 0;

  for (guint i = 0; i < AT_GENERATE_VOCABULARY_SIZE; i++)
    {
      sum += 1.0 / (i + 1);
      cumulative[i] = sum;
    }
  for (guint i = 0; i < AT_GENERATE_VOCABULARY_SIZE; i++)
    cumulative[i] /= sum;
  return cumulative;
}

static const char *
random_word (Generator *self)
{
  double x = g_rand_double (self->rand);
  guint low = 0, high = AT_GENERATE_VOCABULARY_SIZE - 1;

  while (low < high)
    {
      guint mid = (low + high) / 2;

      if (self->zipf[mid] < x)
        low = mid + 1;
      else
        high = mid;
    }
  return at_generate_vocabulary_word (low + 1);
}

static char *
random_text (Generator *self,
             guint      min_words,
             guint      max_words)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (self->rand, min_words, max_words + 1);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "", random_word (self));
  return g_string_free (text, FALSE);
}

/* --- The catalogue ------------------------------------------------------ */

static gint64
lookup_id (Generator   *self,
           const char  *sql,
           const char  *name,
           GError     **error)
{
  g_autoptr(AtStatement) stmt = _at_store_prepare (self->store, sql, error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND,
                   "The catalogue has no “%s” (%s)", name, sql);
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

#define UNIT_SQL    "SELECT id FROM unit WHERE name = ?1"
#define TYPE_SQL    "SELECT id FROM activity_type WHERE name = ?1"
#define GOAL_SQL    "SELECT id FROM goal_type WHERE name = ?1"
#define BODY_SQL    "SELECT id FROM body_metric_type WHERE name = ?1"

static void
kind_free (gpointer data)
{
  Kind *kind = data;

  g_free (kind->name);
  g_array_unref (kind->numeric_metrics);
  g_free (kind);
}

static void
metric_template_clear (gpointer data)
{
  g_free (((MetricTemplate *) data)->name);
}

static gboolean
load_kind (Generator   *self,
           const char  *name,
           GError     **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  Kind *kind;

  if (g_hash_table_contains (self->kinds, name))
    return TRUE;

  kind = g_new0 (Kind, 1);
  kind->name = g_strdup (name);
  kind->numeric_metrics = g_array_new (FALSE, FALSE, sizeof (MetricTemplate));
  g_array_set_clear_func (kind->numeric_metrics, metric_template_clear);
  g_hash_table_insert (self->kinds, kind->name, kind);

  kind->id = lookup_id (self, TYPE_SQL, name, error);
  if (kind->id == 0)
    return FALSE;

  stmt = _at_store_prepare (self->store,
                            "SELECT metric_name, unit_id FROM activity_type_metric_template"
                            " WHERE activity_type_id = ?1 AND input_type <> 'text'"
                            " ORDER BY display_order", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, kind->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      MetricTemplate template = {
        g_strdup ((const char *) sqlite3_column_text (stmt, 0)), sqlite3_column_int64 (stmt, 1)
      };
      g_array_append_val (kind->numeric_metrics, template);
    }
  return TRUE;
}

static gboolean
load_catalogue (Generator  *self,
                GError    **error)
{
  static const char * const goal_names[] = {
    "frequency", "performance", "habit", "time_based", "body_composition"
  };
  g_autoptr(AtStatement) lifts = NULL;

  self->kinds = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, kind_free);
  self->strength_type = lookup_id (self, TYPE_SQL, "Weight Training", error);
  if (self->strength_type == 0 ||
      (self->kg = lookup_id (self, UNIT_SQL, "kilograms", error)) == 0 ||
      (self->lb = lookup_id (self, UNIT_SQL, "pounds", error)) == 0 ||
      (self->km = lookup_id (self, UNIT_SQL, "kilometers", error)) == 0 ||
      (self->bpm = lookup_id (self, UNIT_SQL, "beats per minute", error)) == 0 ||
      (self->seconds_per_km = lookup_id (self, UNIT_SQL, "seconds per km", error)) == 0 ||
      (self->percent = lookup_id (self, UNIT_SQL, "percent", error)) == 0 ||
      (self->weight_type = lookup_id (self, BODY_SQL, "weight", error)) == 0 ||
      (self->body_fat_type = lookup_id (self, BODY_SQL, "body_fat_percentage", error)) == 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (goal_names); i++)
    if ((self->goal_types[i] = lookup_id (self, GOAL_SQL, goal_names[i], error)) == 0)
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (cardio_types); i++)
    if (!load_kind (self, cardio_types[i], error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (other_types); i++)
    if (!load_kind (self, other_types[i], error))
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (staple_lifts); i++)
    if ((self->staple_ids[i] = lookup_id (self, "SELECT id FROM activity_subtype WHERE name = ?1",
                                          staple_lifts[i].name, error)) == 0)
      return FALSE;

  self->strength_lifts = g_ptr_array_new ();
  lifts = _at_store_prepare (self->store,
                             "SELECT id FROM activity_subtype WHERE activity_type_id = ?1 ORDER BY id",
                             error);
  if (lifts == NULL)
    return FALSE;
  sqlite3_bind_int64 (lifts, 1, self->strength_type);
  while (sqlite3_step (lifts) == SQLITE_ROW)
    g_ptr_array_add (self->strength_lifts, GINT_TO_POINTER (sqlite3_column_int64 (lifts, 0)));
  return TRUE;
}

/* --- One user ----------------------------------------------------------- */

typedef struct
{
  GTimeZone *zone;
  gboolean   pounds;
  double     body_weight;         /* kg at the start */
  Lift       lifts[MAX_FAVOURITES];
  guint      n_lifts;
  char      *locations[3];
} User;

static void
user_clear (User *user)
{
  g_clear_pointer (&user->zone, g_time_zone_unref);
  for (guint i = 0; i < G_N_ELEMENTS (user->locations); i++)
    g_clear_pointer (&user->locations[i], g_free);
}

static double
uniform (Generator *self,
         double     low,
         double     high)
{
  return g_rand_double_range (self->rand, low, high);
}

static gboolean
chance (Generator *self,
        double     probability)
{
  return g_rand_double (self->rand) < probability;
}

static void
pick_lifts (Generator *self,
            User      *user)
{
  user->n_lifts = 0;
  for (guint i = 0; i < G_N_ELEMENTS (staple_lifts); i++)
    {
      Lift *lift = &user->lifts[user->n_lifts++];

      lift->id = self->staple_ids[i];
      lift->one_rep_max = uniform (self, staple_lifts[i].low, staple_lifts[i].high);
    }

  while (user->n_lifts < MAX_FAVOURITES && self->strength_lifts->len > 0)
    {
      Lift *lift = &user->lifts[user->n_lifts++];

      lift->id = GPOINTER_TO_SIZE (g_ptr_array_index (self->strength_lifts,
                                    g_rand_int_range (self->rand, 0, self->strength_lifts->len)));
      lift->one_rep_max = uniform (self, 15, 100);
    }
}

/* Everything one user's transaction writes, planned ahead of the writer. */
typedef struct
{
  AtUser    *profile;
  GPtrArray *body_metrics;   /* AtBodyMetric */
  GPtrArray *workouts;       /* AtWorkout */
  GArray    *deleted;        /* gboolean per workout: soft-deleted after all are saved */
  GPtrArray *goals;          /* AtGoal */
} Plan;

static void
plan_free (Plan *plan)
{
  g_clear_object (&plan->profile);
  g_ptr_array_unref (plan->body_metrics);
  g_ptr_array_unref (plan->workouts);
  g_array_unref (plan->deleted);
  g_ptr_array_unref (plan->goals);
  g_free (plan);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Plan, plan_free)

static Plan *
plan_new (void)
{
  Plan *plan = g_new0 (Plan, 1);

  plan->body_metrics = g_ptr_array_new_with_free_func (g_object_unref);
  plan->workouts = g_ptr_array_new_with_free_func (g_object_unref);
  plan->deleted = g_array_new (FALSE, FALSE, sizeof (gboolean));
  plan->goals = g_ptr_array_new_with_free_func (g_object_unref);
  return plan;
}

static void
plan_profile (Generator *self,
              guint      number,
              User      *user,
              Plan      *plan)
{
  g_autofree char *username = g_strdup_printf ("user%04u", number);
  g_autofree char *email = g_strdup_printf ("user%04u@example.org", number);
  const char *timezone = timezones[g_rand_int_range (self->rand, 0, G_N_ELEMENTS (timezones))];

  user->pounds = chance (self, 0.2);
  plan->profile = at_user_new ();
  g_object_set (plan->profile,
                "username", username, "email", email, "timezone", timezone,
                "first-name", random_word (self),
                "measurement-preference", user->pounds ? "imperial" : "metric",
                "weight-unit-id", user->pounds ? self->lb : self->kg,
                "distance-unit-id", self->km,
                NULL);

  user->zone = at_time_zone_lookup (timezone);
  user->body_weight = uniform (self, 55, 110);
  for (guint i = 0; i < G_N_ELEMENTS (user->locations); i++)
    user->locations[i] = g_strdup (random_word (self));
  pick_lifts (self, user);
}

static gint64
utc_offset (User   *user,
            gint64  time)
{
  int interval = g_time_zone_find_interval (user->zone, G_TIME_TYPE_UNIVERSAL, time);

  return g_time_zone_get_offset (user->zone, interval);
}

static void
plan_body_metrics (Generator *self,
                   User      *user,
                   Plan      *plan)
{
  gint64 start = END_OF_WORKLOAD - (gint64) SPAN_DAYS * 86400;
  double trend = uniform (self, -8, 8);

  for (guint i = 0; i < BODY_METRICS; i++)
    {
      AtBodyMetric *metric = at_body_metric_new ();
      gboolean fat = i % 10 == 9;
      double progress = (double) i / BODY_METRICS;
      double kg = user->body_weight + trend * progress + uniform (self, -0.8, 0.8);
      double value = fat ? uniform (self, 12, 30)
                         : (user->pounds ? kg / 0.45359237 : kg);

      at_record_set_int (AT_RECORD (metric), "metric_type_id",
                         fat ? self->body_fat_type : self->weight_type);
      at_record_set_double (AT_RECORD (metric), "value", value);
      at_record_set_int (AT_RECORD (metric), "unit_id",
                         fat ? self->percent : (user->pounds ? self->lb : self->kg));
      at_record_set_int (AT_RECORD (metric), "measured_at",
                         start + (gint64) (progress * SPAN_DAYS * 86400) + 7 * 3600);
      g_ptr_array_add (plan->body_metrics, metric);
    }
}

static double
round_to (double value,
          double step)
{
  return MAX (step, round (value / step) * step);
}

static void
add_strength (Generator *self,
              User      *user,
              AtWorkout *workout,
              double     progress)
{
  guint n_exercises = g_rand_int_range (self->rand, 4, 7);
  double step = user->pounds ? 5 : 2.5;

  for (guint i = 0; i < n_exercises; i++)
    {
      g_autoptr(AtActivityExercise) exercise = at_activity_exercise_new ();
      const Lift *lift = &user->lifts[i == 0 ? g_rand_int_range (self->rand, 0, 3)
                                             : g_rand_int_range (self->rand, 0, user->n_lifts)];
      double one_rep_max = lift->one_rep_max * (1.0 + 0.25 * progress);
      guint n_sets = g_rand_int_range (self->rand, 3, 6);
      guint index;

      at_record_set_int (AT_RECORD (exercise), "activity_subtype_id", lift->id);
      index = at_workout_add_exercise (workout, exercise);

      for (guint j = 0; j < n_sets; j++)
        {
          g_autoptr(AtExerciseSet) set = at_exercise_set_new ();
          gboolean warmup = j == 0 && chance (self, 0.6);
          gint64 reps = warmup ? 10 : g_rand_int_range (self->rand, 3, 13);
          double kg = warmup ? one_rep_max * 0.5
                             : one_rep_max / (1.0 + reps / 30.0) * uniform (self, 0.85, 1.0);
          double weight = round_to (user->pounds ? kg / 0.45359237 : kg, step);

          at_record_set_int (AT_RECORD (set), "reps", reps);
          at_record_set_double (AT_RECORD (set), "weight", weight);
          at_record_set_int (AT_RECORD (set), "weight_unit_id", user->pounds ? self->lb : self->kg);
          at_record_set_boolean (AT_RECORD (set), "is_warmup", warmup);
          if (!warmup && chance (self, 0.7))
            at_record_set_int (AT_RECORD (set), "rpe", g_rand_int_range (self->rand, 6, 11));
          at_workout_add_set (workout, index, set);
        }
    }
}

static void
add_metric (AtWorkout  *workout,
            const char *name,
            double      value,
            gint64      unit_id)
{
  g_autoptr(AtActivityMetric) metric = at_activity_metric_new ();

  at_record_set_string (AT_RECORD (metric), "metric_name", name);
  at_record_set_double (AT_RECORD (metric), "metric_value_numeric", value);
  if (unit_id != 0)
    at_record_set_int (AT_RECORD (metric), "unit_id", unit_id);
  at_workout_add_metric (workout, metric);
}

static void
add_cardio (Generator *self,
            AtWorkout *workout,
            double     minutes)
{
  double km = minutes / uniform (self, 4.5, 8.0);

  add_metric (workout, "distance", round (km * 100) / 100, self->km);
  add_metric (workout, "pace", round (minutes * 60 / km), self->seconds_per_km);
  add_metric (workout, "avg_heart_rate", g_rand_int_range (self->rand, 120, 176), self->bpm);
}

static void
add_other (Generator  *self,
           AtWorkout  *workout,
           const Kind *kind)
{
  guint wanted = g_rand_int_range (self->rand, 1, 3);
  guint n = MIN (kind->numeric_metrics->len, wanted);

  for (guint i = 0; i < n; i++)
    {
      const MetricTemplate *template = &g_array_index (kind->numeric_metrics, MetricTemplate, i);

      add_metric (workout, template->name, g_rand_int_range (self->rand, 1, 500), template->unit_id);
    }
}

static const Kind *
pick_kind (Generator    *self,
           const char * const *names,
           guint         n_names)
{
  return g_hash_table_lookup (self->kinds, names[g_rand_int_range (self->rand, 0, n_names)]);
}

static void
plan_session (Generator *self,
              User      *user,
              gint64     started_at,
              double     progress,
              Plan      *plan)
{
  g_autoptr(AtSession) session = at_session_new ();
  AtWorkout *workout;
  gboolean deleted;
  g_autofree char *name = random_text (self, 2, 3);
  double minutes = uniform (self, 20, 120);
  double kind = g_rand_double (self->rand);
  const Kind *other = NULL;

  at_record_set_string (AT_RECORD (session), "session_name", name);
  at_record_set_int (AT_RECORD (session), "started_at", started_at);
  at_record_set_int (AT_RECORD (session), "ended_at", started_at + (gint64) (minutes * 60));
  at_record_set_int (AT_RECORD (session), "utc_offset_seconds", utc_offset (user, started_at));
  if (chance (self, 0.4))
    {
      g_autofree char *notes = random_text (self, 5, 15);

      at_record_set_string (AT_RECORD (session), "notes", notes);
    }
  if (chance (self, 0.3))
    at_record_set_string (AT_RECORD (session), "location",
                          user->locations[g_rand_int_range (self->rand, 0, 3)]);
  if (chance (self, 0.6))
    at_record_set_int (AT_RECORD (session), "rating", g_rand_int_range (self->rand, 1, 11));
  if (chance (self, 0.3))
    at_record_set_int (AT_RECORD (session), "perceived_exertion", g_rand_int_range (self->rand, 1, 11));

  workout = at_workout_new (session);
  if (kind < 0.60)
    {
      at_record_set_int (AT_RECORD (session), "activity_type_id", self->strength_type);
      add_strength (self, user, workout, progress);
    }
  else if (kind < 0.85)
    {
      const Kind *cardio = pick_kind (self, cardio_types, G_N_ELEMENTS (cardio_types));

      at_record_set_int (AT_RECORD (session), "activity_type_id", cardio->id);
      add_cardio (self, workout, minutes);
    }
  else
    {
      other = pick_kind (self, other_types, G_N_ELEMENTS (other_types));
      at_record_set_int (AT_RECORD (session), "activity_type_id", other->id);
      add_other (self, workout, other);
    }

  deleted = chance (self, 0.01);
  g_ptr_array_add (plan->workouts, workout);
  g_array_append_val (plan->deleted, deleted);
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
plan_sessions (Generator *self,
               User      *user,
               guint      n,
               Plan      *plan)
{
  g_autofree gint64 *times = g_new (gint64, n);
  gint64 start = END_OF_WORKLOAD - (gint64) SPAN_DAYS * 86400;

  /* Local daytime between 6:00 and 21:00, any day of the span. */
  for (guint i = 0; i < n; i++)
    {
      gint64 day = start + (gint64) g_rand_int_range (self->rand, 0, SPAN_DAYS) * 86400;
      gint64 local = day + g_rand_int_range (self->rand, 6 * 3600, 21 * 3600);

      times[i] = local - utc_offset (user, local);
    }
  qsort (times, n, sizeof (gint64), compare_times);

  for (guint i = 0; i < n; i++)
    plan_session (self, user, times[i], (double) i / n, plan);
}

static char *
iso_date (gint64 time)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (time);

  return g_date_time_format (date, "%Y-%m-%d");
}

static void
plan_goal (Generator *self,
           User      *user,
           guint      type_index,
           Plan      *plan)
{
  AtGoal *goal = at_goal_new ();
  g_autofree char *start = iso_date (END_OF_WORKLOAD - 365 * 86400);
  g_autofree char *target = iso_date (END_OF_WORKLOAD + 90 * 86400);
  const Kind *running = g_hash_table_lookup (self->kinds, "Running");
  const Kind *meditation = g_hash_table_lookup (self->kinds, "Meditation");

  g_object_set (goal, "goal-type-id", self->goal_types[type_index],
                "start-date", start, "target-date", target, NULL);
  switch (type_index)
    {
    case 0:
      g_object_set (goal, "title", "Run three times a week", "activity-type-id", running->id,
                    "frequency-per-week", (gint64) 3, NULL);
      break;
    case 1:
      g_object_set (goal, "title", "Squat a new best", "activity-subtype-id", user->lifts[0].id,
                    "target-value", round_to (user->lifts[0].one_rep_max * 1.4, 2.5),
                    "target-unit-id", self->kg, NULL);
      break;
    case 2:
      g_object_set (goal, "title", "Meditate often", "activity-type-id", meditation->id,
                    "target-value", 100.0, NULL);
      break;
    case 3:
      g_object_set (goal, "title", "Ten hours of meditation", "activity-type-id", meditation->id,
                    "target-value", 600.0, NULL);
      break;
    default:
      g_object_set (goal, "title", "Reach my weight", "body-metric-type-id", self->weight_type,
                    "target-value", round (user->body_weight - 5), "target-unit-id", self->kg, NULL);
      break;
    }

  g_ptr_array_add (plan->goals, goal);
}

static Plan *
plan_user (Generator *self,
           guint      number,
           guint      n_sessions)
{
  Plan *plan = plan_new ();
  User user = { 0 };
  guint n_goals;

  plan_profile (self, number, &user, plan);
  plan_body_metrics (self, &user, plan);
  plan_sessions (self, &user, n_sessions, plan);
  n_goals = g_rand_int_range (self->rand, 3, 6);
  for (guint i = 0; i < n_goals; i++)
    plan_goal (self, &user, i, plan);

  user_clear (&user);
  return plan;
}

/* --- Writing ------------------------------------------------------------ */

static gboolean
insert_all (AtStore    *store,
            gint64      user_id,
            GPtrArray  *records,
            GError    **error)
{
  for (guint i = 0; i < records->len; i++)
    if (!at_store_insert (store, user_id, g_ptr_array_index (records, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
save_workouts (AtStore           *store,
               gint64             user_id,
               Plan              *plan,
               AtGenerateReport  *report,
               GError           **error)
{
  for (guint i = 0; i < plan->workouts->len; i++)
    {
      AtWorkout *workout = g_ptr_array_index (plan->workouts, i);
      AtRecord *session = AT_RECORD (at_workout_get_session (workout));

      if (!at_store_save_workout (store, user_id, workout, error))
        return FALSE;

      report->sessions++;
      report->exercises += at_workout_get_n_exercises (workout);
      report->sets += at_workout_get_n_sets (workout);
      report->metrics += at_workout_get_metrics (workout)->len;
      report->newest_session = MAX (report->newest_session, at_record_get_int (session, "started_at"));
    }
  return TRUE;
}

/* Sessions are deleted once the user's history is there, as a user tidies
 * up past entries; not each right after it was saved, when it is the
 * user's latest and the statistics' last activity must be looked for
 * again among all their sessions. */
static gboolean
delete_sessions (AtStore           *store,
                 gint64             user_id,
                 Plan              *plan,
                 AtGenerateReport  *report,
                 GError           **error)
{
  for (guint i = 0; i < plan->workouts->len; i++)
    {
      AtWorkout *workout = g_ptr_array_index (plan->workouts, i);
      gint64 session_id = at_record_get_id (AT_RECORD (at_workout_get_session (workout)));

      if (!g_array_index (plan->deleted, gboolean, i))
        continue;
      if (!at_store_soft_delete (store, user_id, AT_TYPE_SESSION, session_id, error))
        return FALSE;
      report->deleted_sessions++;
    }
  return TRUE;
}

/* One user, one transaction, through the store's own calls. */
static gboolean
write_plan (AtStore           *store,
            Plan              *plan,
            AtGenerateReport  *report,
            GError           **error)
{
  gint64 user_id;
  gboolean done;

  if (!at_store_begin (store, error))
    return FALSE;

  done = at_store_create_user (store, AT_RECORD (plan->profile), error);
  user_id = at_record_get_id (AT_RECORD (plan->profile));
  done = done &&
         insert_all (store, user_id, plan->body_metrics, error) &&
         save_workouts (store, user_id, plan, report, error) &&
         delete_sessions (store, user_id, plan, report, error) &&
         insert_all (store, user_id, plan->goals, error) &&
         at_store_commit (store, error);
  if (!done)
    {
      at_store_rollback (store);
      return FALSE;
    }

  report->users++;
  report->body_metrics += plan->body_metrics->len;
  report->goals += plan->goals->len;
  return TRUE;
}

/* Plans are made on a thread of their own, a few users ahead of the
 * writer, and freed there too: the writer only writes. The planner works
 * through the users in order with the one random generator, so the data
 * is the same as if one thread did it all. */
#define PLANS_AHEAD 2
#define EMPTY_SLOT  GINT_TO_POINTER (1)

typedef struct
{
  Generator   *generator;
  guint        users;
  guint        sessions_per_user;
  GAsyncQueue *planned;   /* Plan, in user order */
  GAsyncQueue *written;   /* Plan to free; each one lets the planner go on */
  gint         stop;      /* set when the writer gives up */
} Pipeline;

static gpointer
plan_users (gpointer data)
{
  Pipeline *pipeline = data;

  for (guint i = 0; i < pipeline->users; i++)
    {
      /* A slot: either a written plan to free, or one of the first few. */
      Plan *written = g_async_queue_pop (pipeline->written);

      if (written != EMPTY_SLOT)
        plan_free (written);
      if (g_atomic_int_get (&pipeline->stop))
        break;
      g_async_queue_push (pipeline->planned,
                          plan_user (pipeline->generator, i + 1, pipeline->sessions_per_user));
    }
  return NULL;
}

static void
free_queued_plans (GAsyncQueue *queue)
{
  gpointer plan;

  while ((plan = g_async_queue_try_pop (queue)) != NULL)
    if (plan != EMPTY_SLOT)
      plan_free (plan);
}

static gboolean
generate_users (AtStore                  *store,
                Generator                *generator,
                const AtGenerateOptions  *options,
                AtGenerateReport         *report,
                GError                  **error)
{
  Pipeline pipeline = {
    generator, options->users, options->sessions_per_user,
    g_async_queue_new (), g_async_queue_new (), FALSE,
  };
  GThread *planner;
  gboolean done = TRUE;

  for (guint i = 0; i < PLANS_AHEAD; i++)
    g_async_queue_push (pipeline.written, EMPTY_SLOT);
  planner = g_thread_new ("at-generate-planner", plan_users, &pipeline);

  for (guint i = 0; i < options->users && done; i++)
    {
      Plan *plan = g_async_queue_pop (pipeline.planned);

      done = write_plan (store, plan, report, error);
      g_async_queue_push (pipeline.written, plan);
      if (done && options->progress != NULL)
        options->progress (i + 1, options->users, options->progress_data);
    }

  if (!done)
    {
      g_atomic_int_set (&pipeline.stop, TRUE);
      g_async_queue_push (pipeline.written, EMPTY_SLOT);
    }
  g_thread_join (planner);
  free_queued_plans (pipeline.planned);
  free_queued_plans (pipeline.written);
  g_async_queue_unref (pipeline.planned);
  g_async_queue_unref (pipeline.written);
  return done;
}

/**
 * at_generate_workload:
 *
 * Adds the workload to @store (normally a new, empty database): the same
 * @options give the same data. Each user is one transaction.
 */
gboolean
at_generate_workload (AtStore                  *store,
                      const AtGenerateOptions  *options,
                      AtGenerateReport         *report,
                      GError                  **error)
{
  Generator self = { 0 };
  gint64 started = g_get_monotonic_time ();
  gboolean done;

  g_return_val_if_fail (AT_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL && report != NULL, FALSE);

  *report = (AtGenerateReport) { 0 };
  self.store = store;
  self.rand = g_rand_new_with_seed (options->seed);
  self.zipf = zipf_weights ();

  /* A user's transaction touches a few thousand pages: keep them all in
   * memory so each is written to the log once, at the commit. */
  done = _at_store_exec (store, "PRAGMA cache_size = -524288", error) &&
         load_catalogue (&self, error) &&
         at_store_begin_bulk_load (store, error);
  if (done)
    {
      done = generate_users (store, &self, options, report, error);
      /* Builds the indexes again even after a failure, so the file stays whole. */
      if (!at_store_end_bulk_load (store, done ? error : NULL))
        done = FALSE;
    }

  report->seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  g_rand_free (self.rand);
  g_free (self.zipf);
  g_clear_pointer (&self.kinds, g_hash_table_unref);
  g_clear_pointer (&self.strength_lifts, g_ptr_array_unref);
  return done;
}
