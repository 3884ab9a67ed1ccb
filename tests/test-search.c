/* test-search.c: full-text search over sessions and the catalogue. */

#include "config.h"

#include "at-test-util.h"

typedef struct
{
  AtTestFixture t;
  gint64        alice;
  gint64        bob;
  gint64        running;
  gint64        strength;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  at_test_fixture_open (&f->t);
  f->alice = at_test_create_user (f->t.store, "alice");
  f->bob = at_test_create_user (f->t.store, "bob");
  f->running = f->t.cat.running_id;
  f->strength = f->t.cat.weight_training_id;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  at_test_fixture_close (&f->t);
}

static gint64
add_session (Fixture    *f,
             gint64      user,
             gint64      type,
             int         day,
             const char *name,
             const char *notes,
             const char *location)
{
  g_autoptr(AtSession) session = at_test_session_new (type, (gint64) 1704110400 + day * 86400, name);

  at_record_set_string (AT_RECORD (session), "notes", notes);
  at_record_set_string (AT_RECORD (session), "location", location);
  return at_test_insert (f->t.store, user, session);
}

/* The ids of a search's results, in order, as text: "3 1". */
static char *
search_ids (Fixture       *f,
            gint64         user,
            const char    *text,
            AtSearchOrder  order,
            AtSearchFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);

  results = at_store_search_sessions (f->t.store, user, text, order, flags, 50, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(AtRecord) session = g_list_model_get_item (results, i);

      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                              at_record_get_id (session));
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
expect_ids (Fixture       *f,
            gint64         user,
            const char    *text,
            AtSearchOrder  order,
            AtSearchFlags  flags,
            gint64         first,
            gint64         second)
{
  g_autofree char *ids = search_ids (f, user, text, order, flags);
  g_autofree char *expected = NULL;

  if (first == 0)
    expected = g_strdup ("");
  else if (second == 0)
    expected = g_strdup_printf ("%" G_GINT64_FORMAT, first);
  else
    expected = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, first, second);

  g_assert_cmpstr (ids, ==, expected);
}

static void
test_build_query (void)
{
  const struct { const char *text; const char *query; } cases[] = {
    { "squat", "\"squat\"*" },
    { "Heavy Squat ", "\"heavy\" \"squat\"" },
    { "café", "\"café\"*" },   /* FTS folds the accent itself */
    { "a AND b OR \"c", "\"a\" \"and\" \"b\" \"or\" \"c\"*" },
    { "   ", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = at_search_build_query (cases[i].text);

      g_assert_cmpstr (query, ==, cases[i].query);
    }
}

static void
test_search_sessions (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a1 = add_session (f, f->alice, f->running, 1, "Morning run", "easy pace", "Riverside park");
  gint64 a2 = add_session (f, f->alice, f->running, 2, "Evening run", "intervals by the river", NULL);
  gint64 a3 = add_session (f, f->alice, f->running, 3, "Long run", "morning fog", "Hills");
  gint64 b1;

  b1 = add_session (f, f->bob, f->running, 4, "Morning run", "bob's run", NULL);

  /* Prefix matching for type-ahead, only alice's sessions, newest first. */
  expect_ids (f, f->alice, "morn", AT_SEARCH_BY_NEWEST, AT_SEARCH_FLAGS_NONE, a3, a1);

  /* Every word must match, across columns. */
  expect_ids (f, f->alice, "riverside par", AT_SEARCH_BY_NEWEST, AT_SEARCH_FLAGS_NONE, a1, 0);
  expect_ids (f, f->alice, "river park", AT_SEARCH_BY_NEWEST, AT_SEARCH_FLAGS_NONE, 0, 0);

  /* Ranked: the name match ("Morning" in the short name) before notes. */
  expect_ids (f, f->alice, "morning ", AT_SEARCH_BY_RANK, AT_SEARCH_FLAGS_NONE, a1, a3);

  /* Bob finds only his own; the owner token is not a word. */
  expect_ids (f, f->bob, "morning", AT_SEARCH_BY_NEWEST, AT_SEARCH_FLAGS_NONE, b1, 0);
  expect_ids (f, f->alice, "u1", AT_SEARCH_BY_NEWEST, AT_SEARCH_FLAGS_NONE, 0, 0);

  /* Deleted sessions leave the results; undo brings them back. */
  at_store_soft_delete (f->t.store, f->alice, AT_TYPE_SESSION, a2, &error);
  g_assert_no_error (error);
  expect_ids (f, f->alice, "intervals", AT_SEARCH_BY_NEWEST, AT_SEARCH_FLAGS_NONE, 0, 0);
  at_store_undelete (f->t.store, f->alice, AT_TYPE_SESSION, a2, &error);
  g_assert_no_error (error);
  expect_ids (f, f->alice, "intervals", AT_SEARCH_BY_NEWEST, AT_SEARCH_FLAGS_NONE, a2, 0);

  /* Operators typed by the user are words, not syntax. */
  expect_ids (f, f->alice, "run OR \"", AT_SEARCH_BY_NEWEST, AT_SEARCH_FLAGS_NONE, 0, 0);
}

static void
test_search_exercise_names (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtSession) session = at_session_new ();
  g_autoptr(AtActivityExercise) exercise = at_activity_exercise_new ();
  g_autoptr(AtWorkout) workout = NULL;

  g_object_set (session, "activity-type-id", f->strength, "started-at", (gint64) 1704110400,
                "session-name", "Leg day", NULL);
  workout = at_workout_new (session);
  g_object_set (exercise, "activity-subtype-id",
                at_test_query_int (f->t.db, "SELECT id FROM activity_subtype WHERE name = 'Romanian Deadlift'"),
                NULL);
  at_workout_add_exercise (workout, exercise);
  at_store_save_workout (f->t.store, f->alice, workout, &error);
  g_assert_no_error (error);

  expect_ids (f, f->alice, "romanian", AT_SEARCH_BY_NEWEST, AT_SEARCH_FLAGS_NONE, 0, 0);
  expect_ids (f, f->alice, "romanian", AT_SEARCH_BY_NEWEST, AT_SEARCH_WITH_EXERCISES,
              at_record_get_id (AT_RECORD (session)), 0);
  expect_ids (f, f->bob, "romanian", AT_SEARCH_BY_NEWEST, AT_SEARCH_WITH_EXERCISES, 0, 0);
}

static void
test_search_catalogue (Fixture       *f,
                       gconstpointer  data)
{
  const struct { const char *text; const char *first; } cases[] = {
    { "bench", "Bench Press" },
    { "squa", "Squat" },
    { "overhead press", "Overhead Press" },
    { "deadl", "Deadlift" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) results = at_store_search_exercises (f->t.store, cases[i].text, 10, &error);
      g_autoptr(AtRecord) first = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
      first = g_list_model_get_item (results, 0);
      g_assert_cmpstr (at_record_get_string (first, "name"), ==, cases[i].first);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/search/build-query", test_build_query);
  g_test_add ("/core/search/sessions", Fixture, NULL,
              fixture_set_up, test_search_sessions, fixture_tear_down);
  g_test_add ("/core/search/exercise-names", Fixture, NULL,
              fixture_set_up, test_search_exercise_names, fixture_tear_down);
  g_test_add ("/core/search/catalogue", Fixture, NULL,
              fixture_set_up, test_search_catalogue, fixture_tear_down);

  return g_test_run ();
}
