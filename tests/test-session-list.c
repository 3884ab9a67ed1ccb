/* test-session-list.c: AtSessionList, the filtered lazy list of the
 * Sessions page, its headline figures, and the user's templates. */

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "at-core.h"
#include "at-store-private.h"
#include "at-test-util.h"

#define N_SESSIONS 1050
#define BASE_TIME  1700000000  /* 2023-11-14 22:13:20 UTC */

typedef struct
{
  AtTestFixture f;
  gint64        user_id;
  gint64        other_id;
} Fixture;

/* Every six hours a session, running and weight training in turn; every
 * 50th named "tempo run"; someone else's alongside. */
static void
fixture_setup (Fixture *fx)
{
  g_autoptr(GError) error = NULL;

  at_test_fixture_open (&fx->f);
  fx->user_id = at_test_create_user (fx->f.store, "lister");
  fx->other_id = at_test_create_user (fx->f.store, "bystander");

  g_assert_true (at_store_begin (fx->f.store, &error));
  for (guint i = 0; i < N_SESSIONS; i++)
    {
      gint64 type = i % 2 == 0 ? fx->f.cat.running_id : fx->f.cat.weight_training_id;
      g_autofree char *name = g_strdup_printf (i % 50 == 0 ? "tempo run %u" : "session %u", i);

      at_test_add_session (fx->f.store, fx->user_id, type, BASE_TIME + (gint64) i * 6 * 3600, name);
      if (i % 10 == 0)
        at_test_add_session (fx->f.store, fx->other_id, type, BASE_TIME + (gint64) i * 6 * 3600,
                             "tempo run");
    }
  g_assert_true (at_store_commit (fx->f.store, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *fx)
{
  at_test_fixture_close (&fx->f);
}

static void exec_printf (sqlite3 *db, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
exec_printf (sqlite3    *db,
             const char *format,
             ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  at_test_exec (db, sql);
}

/* The ids a query gives, in its order. */
static GArray *
query_ids (sqlite3    *db,
           const char *sql)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids;
}

/* Reads every row, from the top or from the bottom up. */
static void
assert_rows (GListModel *model,
             GArray     *expected,
             gboolean    bottom_up)
{
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (n, ==, expected->len);
  for (guint k = 0; k < n; k++)
    {
      guint i = bottom_up ? n - 1 - k : k;
      g_autoptr(AtRecord) session = g_list_model_get_item (model, i);

      g_assert_nonnull (session);
      g_assert_cmpint (at_record_get_id (session), ==, g_array_index (expected, gint64, i));
    }
}

static void
test_session_list_filters (void)
{
  struct {
    const char *what;
    gboolean    running;
    const char *from;
    const char *to;
    const char *text;
    const char *where;
  } cases[] = {
    { "all", FALSE, NULL, NULL, NULL, "1" },
    { "running", TRUE, NULL, NULL, NULL, "activity_type_id = TYPE" },
    { "from", FALSE, "2024-01-01", NULL, NULL, "local_date >= '2024-01-01'" },
    { "to", FALSE, NULL, "2023-12-31", NULL, "local_date <= '2023-12-31'" },
    { "one day", FALSE, "2023-12-02", "2023-12-02", NULL, "local_date = '2023-12-02'" },
    { "running in a range", TRUE, "2023-12-01", "2024-02-29", NULL,
      "activity_type_id = TYPE"
      " AND local_date BETWEEN '2023-12-01' AND '2024-02-29'" },
    { "a prefix", FALSE, NULL, NULL, "temp", "session_name LIKE 'tempo run %'" },
    { "words and a type", TRUE, NULL, NULL, "tempo r", "session_name LIKE 'tempo run %'"
      " AND activity_type_id = TYPE" },
    { "nothing", FALSE, "2030-01-01", NULL, NULL, "0" },
  };
  Fixture fx;

  fixture_setup (&fx);
  /* Deleted and template sessions never show. */
  at_test_exec (fx.f.db, "UPDATE activity_session SET deleted_at = 1 WHERE id % 7 = 0");
  at_test_exec (fx.f.db, "UPDATE activity_session SET is_template = 1, template_name = 'T'"
                         " WHERE id % 11 = 0");

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      AtSessionFilter filter = {
        .activity_type_id = cases[c].running ? fx.f.cat.running_id : 0,
        .from_date = cases[c].from,
        .to_date = cases[c].to,
        .text = cases[c].text,
      };
      g_autoptr(GError) error = NULL;
      g_autoptr(AtSessionList) list = NULL;
      g_autoptr(GArray) expected = NULL;
      g_autoptr(GString) where = g_string_new (cases[c].where);
      g_autofree char *type = g_strdup_printf ("%" G_GINT64_FORMAT, fx.f.cat.running_id);
      g_autofree char *sql = NULL;

      g_string_replace (where, "TYPE", type, 0);
      sql = g_strdup_printf ("SELECT id FROM activity_session WHERE user_id = %" G_GINT64_FORMAT
                             " AND deleted_at IS NULL AND is_template = 0 AND %s"
                             " ORDER BY started_at DESC, id DESC", fx.user_id, where->str);
      g_test_message ("case %s", cases[c].what);
      expected = query_ids (fx.f.db, sql);
      if (!g_str_equal (cases[c].what, "nothing"))
        g_assert_cmpuint (expected->len, >, 0);

      list = at_session_list_new (fx.f.store, fx.user_id, &filter, &error);
      g_assert_no_error (error);
      assert_rows (G_LIST_MODEL (list), expected, c % 2 == 1);
      g_assert_null (at_session_list_get_error (list));
    }

  fixture_teardown (&fx);
}

static void
test_session_list_bad_date (void)
{
  AtSessionFilter filter = { .from_date = "2024-02-30" };
  g_autoptr(GError) error = NULL;
  g_autoptr(AtSessionList) list = NULL;
  Fixture fx;

  fixture_setup (&fx);
  list = at_session_list_new (fx.f.store, fx.user_id, &filter, &error);
  g_assert_null (list);
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "from"));
  fixture_teardown (&fx);
}

/* Jumping to the bottom reads one page; scrolling through keeps a bounded
 * number in memory; both directions give the same rows. */
static void
test_session_list_lazy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autofree char *sql = NULL;
  AtSessionList *list;
  Fixture fx;

  fixture_setup (&fx);
  /* More than the pages kept: 32 pages, the last one of 10. */
  g_assert_true (at_store_begin (fx.f.store, &error));
  for (guint i = 0; i < 2060; i++)
    at_test_add_session (fx.f.store, fx.user_id, fx.f.cat.running_id, BASE_TIME - 600 - i * 60, NULL);
  g_assert_true (at_store_commit (fx.f.store, &error));
  sql = g_strdup_printf ("SELECT id FROM activity_session WHERE user_id = %" G_GINT64_FORMAT
                         " ORDER BY started_at DESC, id DESC", fx.user_id);
  expected = query_ids (fx.f.db, sql);
  g_assert_cmpuint (expected->len, ==, N_SESSIONS + 2060);

  list = at_session_list_new (fx.f.store, fx.user_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (at_session_list_get_n_loaded (list), ==, 0);
  {
    g_autoptr(AtRecord) last = g_list_model_get_item (G_LIST_MODEL (list), expected->len - 1);

    g_assert_cmpint (at_record_get_id (last), ==, g_array_index (expected, gint64, expected->len - 1));
    g_assert_cmpuint (at_session_list_get_n_loaded (list), ==, expected->len % 100);
  }
  assert_rows (G_LIST_MODEL (list), expected, TRUE);
  g_assert_cmpuint (at_session_list_get_n_loaded (list), <=, 30 * 100);
  assert_rows (G_LIST_MODEL (list), expected, FALSE);
  g_assert_cmpuint (at_session_list_get_n_loaded (list), <=, 30 * 100);

  /* The middle, far from any page read, from a fresh list. */
  g_assert_finalize_object (list);
  list = at_session_list_new (fx.f.store, fx.user_id, NULL, &error);
  {
    g_autoptr(AtRecord) middle = g_list_model_get_item (G_LIST_MODEL (list), 1777);

    g_assert_cmpint (at_record_get_id (middle), ==, g_array_index (expected, gint64, 1777));
    g_assert_cmpuint (at_session_list_get_n_loaded (list), ==, 100);
  }
  g_assert_finalize_object (list);
  fixture_teardown (&fx);
}

static void
add_metric (sqlite3    *db,
            gint64      session_id,
            const char *name,
            double      value,
            gint64      unit_id)
{
  exec_printf (db, "INSERT INTO activity_metric (session_id, metric_name, metric_value_numeric,"
                    " unit_id) VALUES (%" G_GINT64_FORMAT ", '%s', %f, %" G_GINT64_FORMAT ")",
                session_id, name, value, unit_id);
}

static void
assert_headline (AtSessionList  *list,
                 gint64          session_id,
                 AtHeadlineKind  kind,
                 double          value,
                 const char     *unit)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtRecord) session = g_list_model_get_item (G_LIST_MODEL (list), i);
      AtSessionHeadline headline;

      if (at_record_get_id (session) != session_id)
        continue;

      g_assert_true (at_session_list_get_headline (list, i, &headline));
      g_assert_cmpint (headline.kind, ==, kind);
      g_assert_cmpfloat_with_epsilon (headline.value, value, 0.001);
      g_assert_cmpstr (headline.unit, ==, unit);
      return;
    }
  g_assert_not_reached ();
}

static void
test_session_list_headlines (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtSessionList) list = NULL;
  gint64 lifting, run_m, run_km, walk, open;
  gint64 meters, kilometers, miles;
  Fixture fx;

  at_test_fixture_open (&fx.f);
  fx.user_id = at_test_create_user (fx.f.store, "headlines");
  meters = at_test_query_int (fx.f.db, "SELECT id FROM unit WHERE name = 'meters'");
  kilometers = at_test_query_int (fx.f.db, "SELECT id FROM unit WHERE name = 'kilometers'");
  miles = at_test_query_int (fx.f.db, "SELECT id FROM unit WHERE name = 'miles'");

  lifting = at_test_add_session (fx.f.store, fx.user_id, fx.f.cat.weight_training_id, BASE_TIME, NULL);
  run_m = at_test_add_session (fx.f.store, fx.user_id, fx.f.cat.running_id, BASE_TIME + 10, NULL);
  run_km = at_test_add_session (fx.f.store, fx.user_id, fx.f.cat.running_id, BASE_TIME + 20, NULL);
  walk = at_test_add_session (fx.f.store, fx.user_id, fx.f.cat.running_id, BASE_TIME + 30, NULL);
  open = at_test_add_session (fx.f.store, fx.user_id, fx.f.cat.running_id, BASE_TIME + 40, NULL);
  exec_printf (fx.f.db, "UPDATE activity_session SET total_volume = 1000 WHERE id = %"
                G_GINT64_FORMAT, lifting);
  exec_printf (fx.f.db, "UPDATE activity_session SET ended_at = started_at + 2700 WHERE id = %"
                G_GINT64_FORMAT, walk);
  add_metric (fx.f.db, run_m, "distance", 5000, meters);
  add_metric (fx.f.db, run_km, "distance", 10.5, kilometers);
  add_metric (fx.f.db, run_km, "pace", 300, 30);

  list = at_session_list_new (fx.f.store, fx.user_id, NULL, &error);
  g_assert_no_error (error);
  assert_headline (list, lifting, AT_HEADLINE_VOLUME, 1000, "kg");
  assert_headline (list, run_m, AT_HEADLINE_DISTANCE, 5, "km");
  assert_headline (list, run_km, AT_HEADLINE_DISTANCE, 10.5, "km");
  assert_headline (list, walk, AT_HEADLINE_MINUTES, 45, "min");
  assert_headline (list, open, AT_HEADLINE_NONE, 0, NULL);
  g_clear_object (&list);

  /* In the user's units. */
  exec_printf (fx.f.db, "UPDATE app_user SET weight_unit_id = %" G_GINT64_FORMAT
                ", distance_unit_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                fx.f.cat.lb_id, miles, fx.user_id);
  list = at_session_list_new (fx.f.store, fx.user_id, NULL, &error);
  g_assert_no_error (error);
  assert_headline (list, lifting, AT_HEADLINE_VOLUME, 1000 / 0.45359237, "lb");
  assert_headline (list, run_m, AT_HEADLINE_DISTANCE, 5000 / 1609.344, "mi");
  assert_headline (list, run_km, AT_HEADLINE_DISTANCE, 10500 / 1609.344, "mi");

  g_clear_object (&list);
  at_test_fixture_close (&fx.f);
}

static void
on_list_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AtSessionList **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = at_session_list_new_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out);
}

static void
test_session_list_async (void)
{
  AtSessionFilter filter = { .text = "tempo" };
  AtSessionList *list = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autofree char *sql = NULL;
  Fixture fx;

  fixture_setup (&fx);
  at_session_list_new_async (fx.f.store, fx.user_id, &filter, NULL, on_list_ready_cb, &list);
  while (list == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* The first page came with it; the rest reads through the main store. */
  g_assert_cmpuint (at_session_list_get_n_loaded (list), ==, (N_SESSIONS + 49) / 50);
  sql = g_strdup_printf ("SELECT id FROM activity_session WHERE user_id = %" G_GINT64_FORMAT
                         " AND session_name LIKE 'tempo%%' ORDER BY started_at DESC, id DESC",
                         fx.user_id);
  expected = query_ids (fx.f.db, sql);
  assert_rows (G_LIST_MODEL (list), expected, FALSE);

  g_assert_finalize_object (list);
  fixture_teardown (&fx);
}

static void
test_session_list_templates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) templates = NULL;
  g_autoptr(AtSessionList) list = NULL;
  g_autoptr(AtRecord) template = NULL;
  gint64 source, template_id;
  Fixture fx;

  at_test_fixture_open (&fx.f);
  fx.user_id = at_test_create_user (fx.f.store, "planner");
  fx.other_id = at_test_create_user (fx.f.store, "bystander");
  source = at_test_add_session (fx.f.store, fx.user_id, fx.f.cat.running_id, BASE_TIME, "Intervals");
  template_id = at_store_save_as_template (fx.f.store, fx.user_id, source, "Track Day", &error);
  g_assert_no_error (error);
  g_assert_cmpint (template_id, >, 0);
  g_assert_cmpint (at_store_save_as_template (fx.f.store, fx.other_id,
                                              at_test_add_session (fx.f.store, fx.other_id,
                                                                   fx.f.cat.running_id,
                                                                   BASE_TIME, NULL),
                                              "Theirs", &error), >, 0);

  templates = at_store_list_templates (fx.f.store, fx.user_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (templates), ==, 1);
  template = g_list_model_get_item (templates, 0);
  g_assert_cmpint (at_record_get_id (template), ==, template_id);
  g_assert_cmpstr (at_record_get_string (template, "template_name"), ==, "Track Day");

  /* The template is no session of the list. */
  list = at_session_list_new (fx.f.store, fx.user_id, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  g_clear_object (&list);
  g_clear_object (&templates);
  at_test_fixture_close (&fx.f);
}

int
main (int   argc,
      char *argv[])
{
  at_test_keep_going (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/session-list/filters", test_session_list_filters);
  g_test_add_func ("/core/session-list/bad-date", test_session_list_bad_date);
  g_test_add_func ("/core/session-list/lazy", test_session_list_lazy);
  g_test_add_func ("/core/session-list/headlines", test_session_list_headlines);
  g_test_add_func ("/core/session-list/async", test_session_list_async);
  g_test_add_func ("/core/session-list/templates", test_session_list_templates);

  return g_test_run ();
}
