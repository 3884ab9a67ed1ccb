/* test-record-list.c: AtRecordList, the lazy keyset-paged GListModel. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "at-core.h"
#include "at-store-private.h"
#include "at-test-util.h"

#define N_SESSIONS 1050

typedef struct
{
  gint64 started_at;
  gint64 id;
} Key;

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Key *ka = a, *kb = b;

  if (ka->started_at != kb->started_at)
    return ka->started_at < kb->started_at ? 1 : -1;
  return ka->id < kb->id ? 1 : (ka->id > kb->id ? -1 : 0);
}

typedef struct
{
  AtTestFixture f;
  gint64        user_id;
  gint64        other_id;
  GArray       *expected;   /* Key, newest first */
} Fixture;

static void
fixture_setup (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1050);

  at_test_fixture_open (&fx->f);
  fx->user_id = at_test_create_user (fx->f.store, "lister");
  fx->other_id = at_test_create_user (fx->f.store, "bystander");
  fx->expected = g_array_new (FALSE, FALSE, sizeof (Key));

  g_assert_true (at_store_begin (fx->f.store, &error));
  for (guint i = 0; i < N_SESSIONS; i++)
    {
      /* Shuffled start times with many ties (three sessions per minute). */
      Key key = { 1700000000 + (gint64) g_rand_int_range (rand, 0, N_SESSIONS / 3) * 60, 0 };
      g_autofree char *name = g_strdup_printf ("session %u", i);

      key.id = at_test_add_session (fx->f.store, fx->user_id, fx->f.cat.running_id, key.started_at, name);
      g_array_append_val (fx->expected, key);

      /* Someone else's sessions at the same times must not show up. */
      if (i % 10 == 0)
        at_test_add_session (fx->f.store, fx->other_id, fx->f.cat.running_id, key.started_at, "other");
    }
  g_assert_true (at_store_commit (fx->f.store, &error));
  g_assert_no_error (error);
  g_array_sort (fx->expected, compare_newest_first);

  /* There really are ties to break. */
  g_assert_cmpint (at_test_query_int (fx->f.db, "SELECT count(*) FROM (SELECT started_at FROM activity_session"
                                      " WHERE user_id = %" G_GINT64_FORMAT " GROUP BY started_at"
                                      " HAVING count(*) > 1)", fx->user_id), >, 100);
}

static void
fixture_teardown (Fixture *fx)
{
  g_array_unref (fx->expected);
  at_test_fixture_close (&fx->f);
}

static void
assert_item (GListModel *model,
             guint       position,
             const Key  *key)
{
  g_autoptr(AtRecord) record = g_list_model_get_item (model, position);

  if (record == NULL)
    g_error ("item %u is missing", position);
  g_assert_true (AT_IS_SESSION (record));
  if (at_record_get_id (record) != key->id ||
      at_session_get_started_at (AT_SESSION (record)) != key->started_at)
    g_error ("item %u: session %" G_GINT64_FORMAT " at %" G_GINT64_FORMAT ", expected %"
             G_GINT64_FORMAT " at %" G_GINT64_FORMAT, position, at_record_get_id (record),
             at_session_get_started_at (AT_SESSION (record)), key->id, key->started_at);
}

static void
test_record_list_order (void)
{
  Fixture fx;
  AtRecordList *list;
  GListModel *model;

  fixture_setup (&fx);
  list = at_record_list_new_sessions (fx.f.store, fx.user_id);
  model = G_LIST_MODEL (list);

  g_assert_true (g_list_model_get_item_type (model) == AT_TYPE_SESSION);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_SESSIONS);
  /* Every item in order: newest first, ties by id, newest id first. */
  for (guint i = 0; i < N_SESSIONS; i++)
    assert_item (model, i, &g_array_index (fx.expected, Key, i));
  g_assert_null (g_list_model_get_item (model, N_SESSIONS));
  g_assert_null (at_record_list_get_error (list));

  g_assert_finalize_object (list);
  fixture_teardown (&fx);
}

static void
test_record_list_lazy (void)
{
  Fixture fx;
  AtRecordList *list;
  GListModel *model;

  fixture_setup (&fx);
  list = at_record_list_new_sessions (fx.f.store, fx.user_id);
  model = G_LIST_MODEL (list);

  /* Counting reads no rows. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_SESSIONS);
  g_assert_cmpuint (at_record_list_get_n_loaded (list), ==, 0);

  /* A few items at the top load a page, not the list. */
  for (guint i = 0; i < 5; i++)
    assert_item (model, i, &g_array_index (fx.expected, Key, i));
  g_assert_cmpuint (at_record_list_get_n_loaded (list), >, 0);
  g_assert_cmpuint (at_record_list_get_n_loaded (list), <=, 200);

  g_assert_finalize_object (list);

  /* Random access far down, then back up. */
  list = at_record_list_new_sessions (fx.f.store, fx.user_id);
  model = G_LIST_MODEL (list);
  assert_item (model, 1000, &g_array_index (fx.expected, Key, 1000));
  g_assert_cmpuint (at_record_list_get_n_loaded (list), <=, 200);
  assert_item (model, 5, &g_array_index (fx.expected, Key, 5));
  g_assert_cmpuint (at_record_list_get_n_loaded (list), <=, 200);
  g_assert_cmpuint (at_record_list_get_n_loaded (list), <, N_SESSIONS / 4);

  /* Pages reached from a loaded neighbour by keyset agree with the order. */
  assert_item (model, N_SESSIONS - 1, &g_array_index (fx.expected, Key, N_SESSIONS - 1));
  assert_item (model, 101, &g_array_index (fx.expected, Key, 101));
  assert_item (model, 250, &g_array_index (fx.expected, Key, 250));
  assert_item (model, 999, &g_array_index (fx.expected, Key, 999));
  assert_item (model, 100, &g_array_index (fx.expected, Key, 100));
  assert_item (model, 99, &g_array_index (fx.expected, Key, 99));

  g_assert_finalize_object (list);
  fixture_teardown (&fx);
}

typedef struct
{
  guint n_signals;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
on_items_changed_cb (GListModel   *model,
                     guint         position,
                     guint         removed,
                     guint         added,
                     ItemsChanged *record)
{
  record->n_signals++;
  record->position = position;
  record->removed = removed;
  record->added = added;
  /* The model is consistent when it says it changed. */
  g_assert_cmpuint (position + added, <=, g_list_model_get_n_items (model));
}

static void
test_record_list_changes (void)
{
  Fixture fx;
  g_autoptr(GError) error = NULL;
  AtRecordList *list;
  GListModel *model;
  ItemsChanged changes = { 0 };
  gint64 newest;
  Key key;

  fixture_setup (&fx);
  list = at_record_list_new_sessions (fx.f.store, fx.user_id);
  model = G_LIST_MODEL (list);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);
  assert_item (model, 0, &g_array_index (fx.expected, Key, 0));

  /* A new newest session. */
  key.started_at = g_array_index (fx.expected, Key, 0).started_at + 3600;
  newest = at_test_add_session (fx.f.store, fx.user_id, fx.f.cat.running_id, key.started_at, "newest");
  key.id = newest;
  g_assert_cmpuint (changes.n_signals, >=, 1);
  g_assert_cmpuint (changes.added - changes.removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_SESSIONS + 1);
  assert_item (model, 0, &key);
  assert_item (model, 1, &g_array_index (fx.expected, Key, 0));

  /* Someone else's session changes nothing visible. */
  memset (&changes, 0, sizeof changes);
  at_test_add_session (fx.f.store, fx.other_id, fx.f.cat.running_id, key.started_at + 60, "not mine");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_SESSIONS + 1);
  assert_item (model, 0, &key);

  /* Soft delete: it leaves the list. */
  memset (&changes, 0, sizeof changes);
  g_assert_true (at_store_soft_delete (fx.f.store, fx.user_id, AT_TYPE_SESSION, newest, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n_signals, >=, 1);
  g_assert_cmpuint (changes.removed - changes.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_SESSIONS);
  assert_item (model, 0, &g_array_index (fx.expected, Key, 0));

  /* Undelete: back in its place. */
  memset (&changes, 0, sizeof changes);
  g_assert_true (at_store_undelete (fx.f.store, fx.user_id, AT_TYPE_SESSION, newest, &error));
  g_assert_cmpuint (changes.n_signals, >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_SESSIONS + 1);
  assert_item (model, 0, &key);

  /* Deleting one in the middle shifts the rest (read in order, so that the
   * loaded pages have no gaps: /core/record-list/sparse-pages tests those). */
  g_assert_true (at_store_delete (fx.f.store, fx.user_id, AT_TYPE_SESSION,
                                  g_array_index (fx.expected, Key, 500).id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_SESSIONS);
  for (guint i = 1; i <= 501; i++)
    assert_item (model, i, &g_array_index (fx.expected, Key, i <= 500 ? i - 1 : i));

  g_assert_finalize_object (list);
  fixture_teardown (&fx);
}

static void
test_record_list_children (void)
{
  AtTestFixture f;
  AtRecordList *exercises;
  AtRecordList *sets;
  const gint64 orders[] = { 5, 1, 3, 2, 4, 3 };
  const gint64 set_numbers[] = { 4, 2, 5, 1, 3 };
  g_autoptr(GArray) exercise_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 user_id, session_id, first_exercise = 0;
  ItemsChanged changes = { 0 };

  at_test_fixture_open (&f);
  user_id = at_test_create_user (f.store, "lifter");
  session_id = at_test_add_session (f.store, user_id, f.cat.weight_training_id, 1000, "Lifting");

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autoptr(AtActivityExercise) exercise = at_activity_exercise_new ();
      gint64 id;

      at_record_set_int (AT_RECORD (exercise), "session_id", session_id);
      at_record_set_int (AT_RECORD (exercise), "activity_subtype_id", f.cat.squat_id);
      at_record_set_int (AT_RECORD (exercise), "exercise_order", orders[i]);
      id = at_test_insert (f.store, user_id, exercise);
      g_array_append_val (exercise_ids, id);
      if (orders[i] == 1)
        first_exercise = id;
    }

  exercises = at_record_list_new_exercises (f.store, user_id, session_id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (exercises)), ==, G_N_ELEMENTS (orders));
  {
    gint64 previous_order = 0, previous_id = 0;

    for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
      {
        g_autoptr(AtRecord) record = g_list_model_get_item (G_LIST_MODEL (exercises), i);
        gint64 order = at_record_get_int (record, "exercise_order");

        g_assert_cmpint (order, ==, (gint64) (i < 3 ? i + 1 : i));  /* 1 2 3 3 4 5 */
        g_assert_true (order > previous_order || (order == previous_order && at_record_get_id (record) > previous_id));
        previous_order = order;
        previous_id = at_record_get_id (record);
      }
  }

  for (guint i = 0; i < G_N_ELEMENTS (set_numbers); i++)
    {
      g_autoptr(AtExerciseSet) set = at_exercise_set_new ();

      at_record_set_int (AT_RECORD (set), "exercise_id", first_exercise);
      at_record_set_int (AT_RECORD (set), "set_number", set_numbers[i]);
      at_record_set_int (AT_RECORD (set), "reps", 10 - set_numbers[i]);
      at_test_insert (f.store, user_id, set);
    }
  sets = at_record_list_new_sets (f.store, user_id, first_exercise);
  g_signal_connect (sets, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sets)), ==, G_N_ELEMENTS (set_numbers));
  for (guint i = 0; i < G_N_ELEMENTS (set_numbers); i++)
    {
      g_autoptr(AtRecord) record = g_list_model_get_item (G_LIST_MODEL (sets), i);

      g_assert_cmpint (at_record_get_int (record, "set_number"), ==, i + 1);
      g_assert_cmpint (at_record_get_int (record, "reps"), ==, 10 - (gint64) (i + 1));
    }

  /* A new set shows up in the list of its exercise. */
  {
    g_autoptr(AtExerciseSet) set = at_exercise_set_new ();

    at_record_set_int (AT_RECORD (set), "exercise_id", first_exercise);
    at_record_set_int (AT_RECORD (set), "set_number", 6);
    at_test_insert (f.store, user_id, set);
  }
  g_assert_cmpuint (changes.n_signals, >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sets)), ==, G_N_ELEMENTS (set_numbers) + 1);

  /* The list holds a reference on the store: free the lists first. */
  g_assert_finalize_object (sets);
  g_assert_finalize_object (exercises);
  at_test_fixture_close (&f);
}

/* Pages loaded far apart leave unloaded (NULL) pages between them; a store
 * change (which drops the pages) and freeing the list must cope with them. */
static void
test_record_list_sparse_pages (void)
{
  Fixture fx;
  AtRecordList *list;
  GListModel *model;

  if (!g_test_subprocess ())
    {
      /* In a child, so that a fatal critical fails this test only. */
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
      g_test_trap_assert_passed ();
      return;
    }

  fixture_setup (&fx);
  list = at_record_list_new_sessions (fx.f.store, fx.user_id);
  model = G_LIST_MODEL (list);
  assert_item (model, 1000, &g_array_index (fx.expected, Key, 1000));
  assert_item (model, 5, &g_array_index (fx.expected, Key, 5));
  g_assert_cmpuint (at_record_list_get_n_loaded (list), <=, 200);

  /* A change drops the pages … */
  at_test_add_session (fx.f.store, fx.user_id, fx.f.cat.running_id, 1, "oldest");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_SESSIONS + 1);
  assert_item (model, 1000, &g_array_index (fx.expected, Key, 1000));
  assert_item (model, 5, &g_array_index (fx.expected, Key, 5));

  /* … and so does freeing the list. */
  g_assert_finalize_object (list);
  fixture_teardown (&fx);
}

int
main (int   argc,
      char *argv[])
{
  at_test_keep_going (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/record-list/order", test_record_list_order);
  g_test_add_func ("/core/record-list/lazy", test_record_list_lazy);
  g_test_add_func ("/core/record-list/changes", test_record_list_changes);
  g_test_add_func ("/core/record-list/children", test_record_list_children);
  g_test_add_func ("/core/record-list/sparse-pages", test_record_list_sparse_pages);

  return g_test_run ();
}
