/* test-statistics.c: the trigger-kept user_statistics against a model of
 * the sessions kept in C, through random edits made with the store API. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "at-core.h"
#include "at-store-private.h"
#include "at-test-util.h"

#define N_USERS      3
#define N_OPERATIONS 600
#define CHECK_EVERY  50
#define DEFAULT_SEED 20240310u

/* One session as the test believes it is stored. */
typedef struct
{
  gint64   id;
  int      user;           /* index into users[] */
  gint64   type_id;
  gint64   started_at;
  gboolean has_ended;
  gint64   ended_at;
  gint64   utc_offset;
  gboolean has_rating;
  gint64   rating;
  gboolean has_calories;
  double   calories;
  gboolean is_pr;
  gboolean deleted;
} Shadow;

typedef struct
{
  AtTestFixture  f;
  GRand         *rand;
  gint64         users[N_USERS];
  double         body_weight[N_USERS];  /* kg */
  gint64         type_ids[2];
  double         met[2];                /* the types' METs, 0 for none */
  GArray        *sessions;  /* Shadow, hard-deleted ones removed */
  gint64         base;
  guint          counts[6];
} Fixture;

static const gint64 offsets[] = {
  -36000, -25200, -18000, -3600, 0, 0, 3600, 7200, 19800, 32400, 45900, 50400, 64800, -64800,
};

static void
random_values (Fixture *fx,
               Shadow  *s)
{
  GRand *r = fx->rand;

  /* Start times over 60 days, sometimes on the same second as another. */
  s->started_at = fx->base + g_rand_int_range (r, 0, 60 * 24) * 3600 +
                  (g_rand_boolean (r) ? g_rand_int_range (r, 0, 3600) : 0);
  s->has_ended = g_rand_int_range (r, 0, 4) != 0;
  s->ended_at = s->started_at + g_rand_int_range (r, 0, 4 * 3600);
  s->utc_offset = offsets[g_rand_int_range (r, 0, G_N_ELEMENTS (offsets))];
  s->has_rating = g_rand_int_range (r, 0, 3) != 0;
  s->rating = g_rand_int_range (r, 1, 11);
  /* What the user enters; the store replaces it by its estimate. */
  s->has_calories = g_rand_int_range (r, 0, 3) != 0;
  s->calories = g_rand_int_range (r, 0, 150000) / 100.0;
  s->is_pr = g_rand_int_range (r, 0, 5) == 0;
}

static void
apply_values (const Shadow *s,
              AtRecord     *record)
{
  at_record_set_int (record, "started_at", s->started_at);
  if (s->has_ended)
    at_record_set_int (record, "ended_at", s->ended_at);
  else
    at_record_set_null (record, "ended_at");
  at_record_set_int (record, "utc_offset_seconds", s->utc_offset);
  if (s->has_rating)
    at_record_set_int (record, "rating", s->rating);
  else
    at_record_set_null (record, "rating");
  if (s->has_calories)
    at_record_set_double (record, "estimated_calories", s->calories);
  else
    at_record_set_null (record, "estimated_calories");
  at_record_set_boolean (record, "is_personal_record", s->is_pr);
}

static Shadow *
pick (Fixture *fx,
      int      want_deleted,  /* 0 live, 1 deleted, -1 any */
      guint   *index)
{
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  Shadow *result = NULL;

  for (guint i = 0; i < fx->sessions->len; i++)
    {
      Shadow *s = &g_array_index (fx->sessions, Shadow, i);

      if (want_deleted < 0 || s->deleted == (gboolean) want_deleted)
        g_array_append_val (candidates, i);
    }
  if (candidates->len > 0)
    {
      guint i = g_array_index (candidates, guint, g_rand_int_range (fx->rand, 0, candidates->len));

      result = &g_array_index (fx->sessions, Shadow, i);
      if (index != NULL)
        *index = i;
    }
  g_array_unref (candidates);
  return result;
}

static void
op_insert (Fixture *fx)
{
  Shadow s = { 0 };
  g_autoptr(AtSession) session = at_session_new ();

  s.user = g_rand_int_range (fx->rand, 0, N_USERS);
  random_values (fx, &s);
  s.type_id = fx->type_ids[g_rand_int_range (fx->rand, 0, 2)];
  at_record_set_int (AT_RECORD (session), "activity_type_id", s.type_id);
  apply_values (&s, AT_RECORD (session));
  s.id = at_test_insert (fx->f.store, fx->users[s.user], session);
  g_array_append_val (fx->sessions, s);
  fx->counts[0]++;
}

static void
op_update (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtRecord) record = NULL;
  Shadow *s = pick (fx, 0, NULL);
  Shadow changed;

  if (s == NULL)
    return;

  record = at_store_get (fx->f.store, fx->users[s->user], AT_TYPE_SESSION, s->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (at_record_get_int (record, "started_at"), ==, s->started_at);

  /* Change one to all of the fields the statistics read. */
  changed = *s;
  random_values (fx, &changed);
  switch (g_rand_int_range (fx->rand, 0, 7))
    {
    case 0: /* started_at, keeping the end after the start */
      s->started_at = changed.started_at;
      if (s->has_ended && s->ended_at < s->started_at)
        s->ended_at = s->started_at + (changed.ended_at - changed.started_at);
      break;
    case 1:
      s->has_ended = changed.has_ended;
      s->ended_at = s->started_at + (changed.ended_at - changed.started_at);
      break;
    case 2:
      s->has_rating = changed.has_rating;
      s->rating = changed.rating;
      break;
    case 3:
      s->has_calories = changed.has_calories;
      s->calories = changed.calories;
      break;
    case 4:
      s->utc_offset = changed.utc_offset;
      break;
    case 5:
      s->is_pr = !s->is_pr;
      break;
    default:
      changed.id = s->id;
      changed.user = s->user;
      changed.type_id = s->type_id;
      changed.deleted = s->deleted;
      *s = changed;
      break;
    }

  apply_values (s, record);
  if (!at_store_update (fx->f.store, fx->users[s->user], record, &error))
    g_error ("update of session %" G_GINT64_FORMAT " failed: %s", s->id, error->message);
  fx->counts[1]++;
}

static void
op_soft_delete (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  Shadow *s = pick (fx, 0, NULL);

  if (s == NULL)
    return;
  g_assert_true (at_store_soft_delete (fx->f.store, fx->users[s->user], AT_TYPE_SESSION, s->id, &error));
  g_assert_no_error (error);
  s->deleted = TRUE;
  fx->counts[2]++;
}

static void
op_undelete (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  Shadow *s = pick (fx, 1, NULL);

  if (s == NULL)
    return;
  g_assert_true (at_store_undelete (fx->f.store, fx->users[s->user], AT_TYPE_SESSION, s->id, &error));
  g_assert_no_error (error);
  s->deleted = FALSE;
  fx->counts[3]++;
}

static void
op_delete (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  guint index = 0;
  Shadow *s = pick (fx, -1, &index);

  if (s == NULL)
    return;
  g_assert_true (at_store_delete (fx->f.store, fx->users[s->user], AT_TYPE_SESSION, s->id, &error));
  g_assert_no_error (error);
  g_array_remove_index_fast (fx->sessions, index);
  fx->counts[4]++;
}

static void
op_purge (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  int user = g_rand_int_range (fx->rand, 0, N_USERS);
  gint64 expected = 0;
  gint64 purged;

  for (guint i = fx->sessions->len; i > 0; i--)
    {
      Shadow *s = &g_array_index (fx->sessions, Shadow, i - 1);

      if (s->user == user && s->deleted)
        {
          g_array_remove_index_fast (fx->sessions, i - 1);
          expected++;
        }
    }
  purged = at_store_purge_deleted (fx->f.store, fx->users[user], AT_TYPE_SESSION, &error);
  g_assert_no_error (error);
  g_assert_cmpint (purged, ==, expected);
  fx->counts[5]++;
}

/* The store's estimate of a session's calories (at-training.c): the type's
 * METs × the body weight in kg × hours, two decimals; none without an end
 * or METs. The body weights are chosen so that no product lands on a half
 * cent, where rounding could differ. */
static gboolean
estimated_calories (Fixture      *fx,
                    const Shadow *s,
                    double       *calories)
{
  double met = s->type_id == fx->type_ids[0] ? fx->met[0] : fx->met[1];
  gint64 minutes;

  if (!s->has_ended || met <= 0)
    return FALSE;
  minutes = (s->ended_at - s->started_at + 30) / 60;
  *calories = round (met * fx->body_weight[s->user] * minutes / 60.0 * 100.0) / 100.0;
  return TRUE;
}

/* The schema's SELECT, computed in C from the model. */
static void
expected_statistics (Fixture          *fx,
                     int               user,
                     AtUserStatistics *out)
{
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 rating_sum = 0, rating_count = 0, minutes_count = 0, calories_count = 0;

  memset (out, 0, sizeof *out);
  for (guint i = 0; i < fx->sessions->len; i++)
    {
      const Shadow *s = &g_array_index (fx->sessions, Shadow, i);

      if (s->user != user || s->deleted)
        continue;
      out->total_sessions++;
      g_hash_table_add (days, at_test_local_date (s->started_at, s->utc_offset));
      out->last_activity = out->total_sessions == 1 ? s->started_at
                                                     : MAX (out->last_activity, s->started_at);
      if (s->has_ended)
        {
          /* round((ended - started) / 60), halves up, as the generated column */
          out->total_minutes += (s->ended_at - s->started_at + 30) / 60;
          minutes_count++;
        }
      if (s->has_rating)
        {
          rating_sum += s->rating;
          rating_count++;
        }
      {
        double calories;

        if (estimated_calories (fx, s, &calories))
          {
            out->total_calories += calories;
            calories_count++;
          }
      }
      if (s->is_pr)
        out->total_prs++;
    }
  out->found = out->total_sessions > 0;
  out->total_days_active = g_hash_table_size (days);
  /* SQL's NULL sums and averages, as at_store_get_statistics() reports them. */
  if (minutes_count == 0)
    out->total_minutes = -1;
  out->avg_session_rating = rating_count > 0 ? (double) rating_sum / rating_count : NAN;
  if (calories_count == 0)
    out->total_calories = NAN;
}

static gboolean
same_double (double a,
             double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return fabs (a - b) <= 1e-6;
}

static void
check_statistics (Fixture    *fx,
                  const char *when)
{
  g_assert_cmpint (at_test_query_int (fx->f.db, "SELECT count(*) FROM user_statistics_mismatch"), ==, 0);

  for (int u = 0; u < N_USERS; u++)
    {
      g_autoptr(GError) error = NULL;
      AtUserStatistics expected, actual;

      expected_statistics (fx, u, &expected);
      g_assert_true (at_store_get_statistics (fx->f.store, fx->users[u], &actual, &error));
      g_assert_no_error (error);

      if (actual.found != expected.found ||
          actual.total_sessions != expected.total_sessions ||
          actual.total_days_active != expected.total_days_active ||
          actual.last_activity != expected.last_activity ||
          actual.total_minutes != expected.total_minutes ||
          actual.total_prs != expected.total_prs ||
          !same_double (actual.avg_session_rating, expected.avg_session_rating) ||
          !same_double (actual.total_calories, expected.total_calories))
        g_error ("%s, user %d: stored {found %d, sessions %" G_GINT64_FORMAT ", days %" G_GINT64_FORMAT
                 ", last %" G_GINT64_FORMAT ", minutes %" G_GINT64_FORMAT ", rating %.9f"
                 ", calories %.6f, prs %" G_GINT64_FORMAT "} expected {%d, %" G_GINT64_FORMAT
                 ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %.9f, %.6f, %"
                 G_GINT64_FORMAT "}", when, u, actual.found,
                 actual.total_sessions, actual.total_days_active, actual.last_activity,
                 actual.total_minutes, actual.avg_session_rating, actual.total_calories,
                 actual.total_prs, expected.found,
                 expected.total_sessions, expected.total_days_active, expected.last_activity,
                 expected.total_minutes, expected.avg_session_rating, expected.total_calories,
                 expected.total_prs);
    }
}

static guint32
get_seed (void)
{
  const char *env = g_getenv ("AT_TEST_SEED");

  return env != NULL ? (guint32) g_ascii_strtoull (env, NULL, 10) : DEFAULT_SEED;
}

static void
test_statistics_random_edits (void)
{
  Fixture fx = { 0 };
  guint32 seed = get_seed ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_test_message ("seed %u (set AT_TEST_SEED to repeat another)", seed);
  at_test_fixture_open (&fx.f);
  fx.rand = g_rand_new_with_seed (seed);
  fx.sessions = g_array_new (FALSE, TRUE, sizeof (Shadow));
  fx.base = at_test_utc (2024, 1, 1, 0, 0, 0);
  fx.type_ids[0] = fx.f.cat.running_id;
  fx.type_ids[1] = fx.f.cat.weight_training_id;
  for (guint t = 0; t < 2; t++)
    {
      g_autofree char *met = at_test_query_text (fx.f.db, "SELECT met_value FROM activity_type WHERE id = %"
                                                 G_GINT64_FORMAT, fx.type_ids[t]);

      fx.met[t] = met != NULL ? g_ascii_strtod (met, NULL) : 0;
      g_test_message ("activity type %" G_GINT64_FORMAT ": %g METs", fx.type_ids[t], fx.met[t]);
    }
  for (int u = 0; u < N_USERS; u++)
    {
      g_autofree char *name = g_strdup_printf ("user%d", u);

      fx.users[u] = at_test_create_user (fx.f.store, name);
      /* A body weight, from which the store estimates calories. */
      {
        g_autoptr(AtBodyMetric) weight = at_body_metric_new ();
        static const double weights[] = { 60, 30, 120 };

        fx.body_weight[u] = weights[u % G_N_ELEMENTS (weights)];
        at_record_set_int (AT_RECORD (weight), "metric_type_id", fx.f.cat.body_metric_type_id);
        at_record_set_double (AT_RECORD (weight), "value", fx.body_weight[u]);
        at_record_set_int (AT_RECORD (weight), "unit_id", fx.f.cat.kg_id);
        at_record_set_int (AT_RECORD (weight), "measured_at", fx.base - 86400);
        at_test_insert (fx.f.store, fx.users[u], weight);
      }
    }
  check_statistics (&fx, "before any session");

  for (guint op = 1; op <= N_OPERATIONS; op++)
    {
      guint dice = g_rand_int_range (fx.rand, 0, 100);

      if (dice < 40 || fx.sessions->len < 5)
        op_insert (&fx);
      else if (dice < 70)
        op_update (&fx);
      else if (dice < 82)
        op_soft_delete (&fx);
      else if (dice < 90)
        op_undelete (&fx);
      else if (dice < 98)
        op_delete (&fx);
      else
        op_purge (&fx);

      if (op % CHECK_EVERY == 0)
        {
          g_autofree char *when = g_strdup_printf ("after %u operations (seed %u)", op, seed);

          check_statistics (&fx, when);
        }
    }
  g_test_message ("inserts %u, updates %u, soft deletes %u, undeletes %u, deletes %u, purges %u;"
                  " %u sessions left", fx.counts[0], fx.counts[1], fx.counts[2], fx.counts[3],
                  fx.counts[4], fx.counts[5], fx.sessions->len);
  /* The mix really exercised every kind of edit. */
  for (guint i = 0; i < G_N_ELEMENTS (fx.counts); i++)
    g_assert_cmpuint (fx.counts[i], >, 0);

  /* A rebuild gives the same numbers. */
  g_assert_true (at_store_rebuild_statistics (fx.f.store, &error));
  g_assert_no_error (error);
  check_statistics (&fx, "after the rebuild");

  g_assert_true (at_store_check (fx.f.store, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);

  /* A broken statistics row is reported … */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE user_statistics SET total_sessions = 999"
                                            " WHERE user_id = %" G_GINT64_FORMAT, fx.users[0]);
    gboolean found = FALSE;

    g_assert_cmpint (at_test_query_int (fx.f.db, "SELECT count(*) FROM user_statistics WHERE user_id = %"
                                        G_GINT64_FORMAT, fx.users[0]), ==, 1);
    at_test_exec (fx.f.db, sql);
    g_assert_true (at_store_check (fx.f.store, problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, >=, 1);
    for (guint i = 0; i < problems->len; i++)
      {
        g_test_message ("problem: %s", (char *) problems->pdata[i]);
        if (strstr (problems->pdata[i], "statistics") != NULL)
          found = TRUE;
      }
    g_assert_true (found);
  }

  /* … and a rebuild repairs it. */
  g_ptr_array_set_size (problems, 0);
  g_assert_true (at_store_rebuild_statistics (fx.f.store, &error));
  g_assert_no_error (error);
  g_assert_true (at_store_check (fx.f.store, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  check_statistics (&fx, "after the repair");

  g_array_unref (fx.sessions);
  g_rand_free (fx.rand);
  at_test_fixture_close (&fx.f);
}

/* Hand-made cases for the edges of the triggers. */
static void
test_statistics_edges (void)
{
  AtTestFixture f;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtSession) a = NULL;
  g_autoptr(AtSession) b = NULL;
  AtUserStatistics stats;
  gint64 user_id;
  gint64 day = at_test_utc (2024, 3, 10, 23, 30, 0);

  at_test_fixture_open (&f);
  user_id = at_test_create_user (f.store, "edges");

  /* No session: no row, all zero. */
  g_assert_true (at_store_get_statistics (f.store, user_id, &stats, &error));
  g_assert_false (stats.found);
  g_assert_cmpint (stats.total_sessions, ==, 0);
  g_assert_cmpint (stats.total_minutes, ==, -1);
  g_assert_true (isnan (stats.avg_session_rating));
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(*) FROM user_statistics"), ==, 0);

  /* Two sessions on the same UTC day but different local days. */
  a = at_test_session_new (f.cat.running_id, day, "a");
  at_record_set_int (AT_RECORD (a), "ended_at", day + 89);
  at_record_set_int (AT_RECORD (a), "utc_offset_seconds", 3600);
  at_record_set_int (AT_RECORD (a), "rating", 7);
  at_test_insert (f.store, user_id, a);
  b = at_test_session_new (f.cat.running_id, day - 3600, "b");
  at_record_set_int (AT_RECORD (b), "ended_at", day - 3600 + 90);
  at_record_set_int (AT_RECORD (b), "rating", 8);
  at_record_set_double (AT_RECORD (b), "estimated_calories", 250.25);
  at_test_insert (f.store, user_id, b);

  g_assert_true (at_store_get_statistics (f.store, user_id, &stats, &error));
  g_assert_cmpint (stats.total_sessions, ==, 2);
  g_assert_cmpint (stats.total_days_active, ==, 2);
  g_assert_cmpint (stats.last_activity, ==, day);
  g_assert_cmpint (stats.total_minutes, ==, 1 + 2);
  g_assert_cmpfloat_with_epsilon (stats.avg_session_rating, 7.5, 1e-9);
  /* Calories are the store's estimate, which needs a body weight: none here. */
  g_assert_true (isnan (stats.total_calories));

  /* Moving a to UTC puts both on one local day. */
  at_record_set_int (AT_RECORD (a), "utc_offset_seconds", 0);
  g_assert_true (at_store_update (f.store, user_id, AT_RECORD (a), &error));
  g_assert_no_error (error);
  g_assert_true (at_store_get_statistics (f.store, user_id, &stats, &error));
  g_assert_cmpint (stats.total_days_active, ==, 1);

  /* Deleting the latest session moves last_activity back. */
  g_assert_true (at_store_soft_delete (f.store, user_id, AT_TYPE_SESSION,
                                       at_record_get_id (AT_RECORD (a)), &error));
  g_assert_true (at_store_get_statistics (f.store, user_id, &stats, &error));
  g_assert_cmpint (stats.total_sessions, ==, 1);
  g_assert_cmpint (stats.last_activity, ==, day - 3600);
  g_assert_cmpint (stats.total_minutes, ==, 2);
  g_assert_cmpfloat_with_epsilon (stats.avg_session_rating, 8.0, 1e-9);

  /* The last live session gone: the row goes. */
  g_assert_true (at_store_soft_delete (f.store, user_id, AT_TYPE_SESSION,
                                       at_record_get_id (AT_RECORD (b)), &error));
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(*) FROM user_statistics"), ==, 0);
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(*) FROM user_statistics_mismatch"), ==, 0);

  at_test_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  at_test_keep_going (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/statistics/random-edits", test_statistics_random_edits);
  g_test_add_func ("/core/statistics/edges", test_statistics_edges);

  return g_test_run ();
}
