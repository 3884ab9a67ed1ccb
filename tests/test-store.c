/* test-store.c: opening, migrating and refusing files; transactions;
 * model-layer validation; soft delete, undelete and purge. */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "at-core.h"
#include "at-store-private.h"
#include "at-test-util.h"

static void
test_store_open (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = at_test_make_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "new", "profile", NULL);
  g_autofree char *path = g_build_filename (folder, "activity-tracker.db", NULL);
  AtStore *store;

  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  store = at_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (AT_IS_STORE (store));

  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (at_store_get_path (store), ==, path);
  g_assert_cmpint (at_store_get_latest_version (), >=, 1);
  g_assert_cmpint (at_store_get_version (store), ==, at_store_get_latest_version ());
  g_assert_cmpint (at_test_query_int (_at_store_get_db (store), "PRAGMA user_version"),
                   ==, at_store_get_latest_version ());

  g_assert_finalize_object (store);
  at_test_rm_rf (dir);
}

static void
test_store_pragmas (void)
{
  AtTestFixture f;
  g_autofree char *journal = NULL;

  at_test_fixture_open (&f);
  g_assert_cmpint (at_test_query_int (f.db, "PRAGMA foreign_keys"), ==, 1);
  journal = at_test_query_text (f.db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (at_test_query_int (f.db, "PRAGMA synchronous"), ==, 2);
  at_test_fixture_close (&f);
}

static void
test_store_reopen (void)
{
  AtTestFixture f;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtSession) session = NULL;
  g_autoptr(AtRecord) read_back = NULL;
  g_autoptr(AtRecord) user = NULL;
  gint64 user_id, session_id;
  gint64 started = at_test_utc (2024, 5, 1, 7, 15, 0);
  g_autofree char *uuid = NULL;

  at_test_fixture_open (&f);
  user_id = at_test_create_user (f.store, "reopen");
  session = at_test_session_new (f.cat.running_id, started, "Morning run");
  at_record_set_int (AT_RECORD (session), "ended_at", started + 1800);
  at_record_set_int (AT_RECORD (session), "rating", 8);
  session_id = at_test_insert (f.store, user_id, session);
  uuid = g_strdup (at_record_get_uuid (AT_RECORD (session)));
  g_assert_nonnull (uuid);

  /* Close: the store is freed, nothing keeps it. */
  f.db = NULL;
  g_assert_finalize_object (g_steal_pointer (&f.store));

  f.store = at_store_open (f.path, &error);
  g_assert_no_error (error);
  f.db = _at_store_get_db (f.store);
  g_assert_cmpint (at_store_get_version (f.store), ==, at_store_get_latest_version ());

  read_back = at_store_get (f.store, user_id, AT_TYPE_SESSION, session_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read_back);
  g_assert_cmpstr (at_session_get_session_name (AT_SESSION (read_back)), ==, "Morning run");
  g_assert_cmpint (at_session_get_started_at (AT_SESSION (read_back)), ==, started);
  g_assert_cmpint (at_session_get_duration_minutes (AT_SESSION (read_back)), ==, 30);
  g_assert_cmpint (at_record_get_int (read_back, "rating"), ==, 8);
  g_assert_cmpstr (at_record_get_uuid (read_back), ==, uuid);

  user = at_store_get (f.store, user_id, AT_TYPE_USER, user_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (at_record_get_string (user, "username"), ==, "reopen");

  /* A reopen applies no migration twice: one row of everything. */
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(*) FROM app_user"), ==, 1);
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(*) FROM activity_session"), ==, 1);

  at_test_fixture_close (&f);
}

/* Bad files -------------------------------------------------------------- */

static void
write_text_file (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "not a database\njust some text, long enough to be read.\n", -1, &error);
  g_assert_no_error (error);
}

/* A real database made by the store, then closed. */
static void
make_store_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  AtStore *store = at_store_open (path, &error);
  AtTestCatalogue cat;
  gint64 user_id;

  g_assert_no_error (error);
  at_test_ensure_catalogue (_at_store_get_db (store), &cat);
  user_id = at_test_create_user (store, "someone");
  at_test_add_session (store, user_id, cat.running_id, 1000, "kept");
  g_assert_finalize_object (store);
  /* Closing the last connection checkpoints the WAL into the file. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  at_test_exec (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
write_newer_file (const char *path)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          at_store_get_latest_version () + 1);

  make_store_file (path);
  raw_exec (path, sql);
}

static void
write_corrupt_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  g_autofree char *contents = NULL;
  gsize length;

  make_store_file (path);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 3100);
  /* Page 1 after the 100-byte header: the b-tree of sqlite_schema. */
  for (gsize i = 100; i < 3100; i++)
    contents[i] = (char) g_rand_int_range (rand, 0, 256);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
write_truncated_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  make_store_file (path);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 3 * 4096);
  g_file_set_contents (path, contents, 4096 + 1000, &error);
  g_assert_no_error (error);
}

static void
write_foreign_file (const char *path)
{
  raw_exec (path, "CREATE TABLE foo (id INTEGER PRIMARY KEY, bar TEXT);"
                  "INSERT INTO foo (bar) VALUES ('somebody else''s data');");
}

static void
make_folder (const char *path)
{
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
}

typedef struct
{
  const char  *name;
  void       (*make) (const char *path);
  int          code;
  int          alt_code;   /* also accepted, or 0 */
  const char  *mentions;   /* a word the message must contain, or NULL */
} BadFileCase;

static const BadFileCase bad_files[] = {
  { "text", write_text_file, AT_STORE_ERROR_NOT_A_DATABASE, 0, NULL },
  { "newer", write_newer_file, AT_STORE_ERROR_NEWER_FILE, 0, "newer" },
  { "corrupt", write_corrupt_file, AT_STORE_ERROR_CORRUPT, AT_STORE_ERROR_NOT_A_DATABASE, NULL },
  { "truncated", write_truncated_file, AT_STORE_ERROR_CORRUPT, AT_STORE_ERROR_NOT_A_DATABASE, NULL },
  { "not-ours", write_foreign_file, AT_STORE_ERROR_NOT_OURS, 0, NULL },
  { "folder", make_folder, AT_STORE_ERROR_CANNOT_OPEN, 0, NULL },
};

static void
test_store_bad_files (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      const BadFileCase *c = &bad_files[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = at_test_make_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "bad.db", NULL);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      gsize before_length = 0, after_length = 0;
      gboolean is_file;
      AtStore *store;

      g_test_message ("bad file: %s", c->name);
      c->make (path);
      is_file = g_file_test (path, G_FILE_TEST_IS_REGULAR);
      if (is_file)
        g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));

      store = at_store_open (path, &error);
      g_assert_null (store);
      if (c->alt_code != 0)
        at_test_assert_error_either (error, c->code, c->alt_code);
      else
        g_assert_error (error, AT_STORE_ERROR, c->code);
      g_test_message ("  → %s", error->message);
      if (strstr (error->message, path) == NULL)
        g_error ("%s: the message does not name the file: %s", c->name, error->message);
      if (c->mentions != NULL && strstr (error->message, c->mentions) == NULL)
        g_error ("%s: the message does not say “%s”: %s", c->name, c->mentions, error->message);

      if (is_file)
        {
          g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
          g_assert_cmpmem (before, before_length, after, after_length);
          /* No write-ahead log left behind that would change what the file says. */
          if (g_file_test (wal, G_FILE_TEST_EXISTS))
            {
              g_autofree char *log = NULL;
              gsize log_length = 0;

              g_assert_true (g_file_get_contents (wal, &log, &log_length, NULL));
              g_assert_cmpuint (log_length, ==, 0);
            }
        }
      else
        {
          g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
        }

      at_test_rm_rf (dir);
    }
}

static void
test_store_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  AtStore *store;

  if (geteuid () == 0)
    {
      g_test_skip ("running as root, which can write to a read-only file; the CLI tests cover "
                   "this with setpriv");
      return;
    }

  dir = at_test_make_tmpdir ();
  path = g_build_filename (dir, "read-only.db", NULL);
  make_store_file (path);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));

  store = at_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));

  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  at_test_rm_rf (dir);
}

/* Transactions and validation ----------------------------------------------- */

static gint64
count_user_rows (sqlite3 *db,
                 gint64   user_id)
{
  return at_test_query_int (db,
                            "SELECT (SELECT count(*) FROM activity_session WHERE user_id = %1$" G_GINT64_FORMAT ")"
                            " + (SELECT count(*) FROM activity_exercise)"
                            " + (SELECT count(*) FROM exercise_set)"
                            " + (SELECT count(*) FROM user_statistics WHERE user_id = %1$" G_GINT64_FORMAT ")",
                            user_id);
}

static void
test_store_rollback (void)
{
  AtTestFixture f;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtSession) session = NULL;
  g_autoptr(AtActivityExercise) exercise = NULL;
  g_autoptr(AtExerciseSet) set1 = NULL;
  g_autoptr(AtExerciseSet) set1_again = NULL;
  g_autoptr(AtExerciseSet) bad_rpe = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 user_id;

  at_test_fixture_open (&f);
  user_id = at_test_create_user (f.store, "rollback");
  before = at_test_dump_all (f.db);
  g_assert_cmpint (count_user_rows (f.db, user_id), ==, 0);

  g_assert_true (at_store_begin (f.store, &error));
  g_assert_no_error (error);

  session = at_test_session_new (f.cat.weight_training_id, 5000, "Heavy day");
  at_test_insert (f.store, user_id, session);
  exercise = at_activity_exercise_new ();
  at_record_set_int (AT_RECORD (exercise), "session_id", at_record_get_id (AT_RECORD (session)));
  at_record_set_int (AT_RECORD (exercise), "activity_subtype_id", f.cat.squat_id);
  at_record_set_int (AT_RECORD (exercise), "exercise_order", 1);
  at_test_insert (f.store, user_id, exercise);
  set1 = at_exercise_set_new ();
  at_record_set_int (AT_RECORD (set1), "exercise_id", at_record_get_id (AT_RECORD (exercise)));
  at_record_set_int (AT_RECORD (set1), "set_number", 1);
  at_record_set_int (AT_RECORD (set1), "reps", 5);
  at_test_insert (f.store, user_id, set1);
  g_assert_cmpint (count_user_rows (f.db, user_id), ==, 4);

  /* The database refuses a second set 1 … */
  set1_again = at_exercise_set_new ();
  at_record_set_int (AT_RECORD (set1_again), "exercise_id", at_record_get_id (AT_RECORD (exercise)));
  at_record_set_int (AT_RECORD (set1_again), "set_number", 1);
  g_assert_false (at_store_insert (f.store, user_id, AT_RECORD (set1_again), &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (at_record_get_id (AT_RECORD (set1_again)), ==, 0);

  /* … and the model layer an RPE of 11. */
  bad_rpe = at_exercise_set_new ();
  at_record_set_int (AT_RECORD (bad_rpe), "exercise_id", at_record_get_id (AT_RECORD (exercise)));
  at_record_set_int (AT_RECORD (bad_rpe), "set_number", 2);
  at_record_set_int (AT_RECORD (bad_rpe), "rpe", 11);
  g_assert_false (at_store_insert (f.store, user_id, AT_RECORD (bad_rpe), &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "exercise_set.rpe"));
  g_clear_error (&error);

  /* The failed writes undid only themselves; the transaction still holds the rest. */
  g_assert_cmpint (count_user_rows (f.db, user_id), ==, 4);

  at_store_rollback (f.store);

  /* Nothing of it remains: not the rows, not their statistics, not the search. */
  g_assert_cmpint (count_user_rows (f.db, user_id), ==, 0);
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(*) FROM session_fts WHERE session_fts MATCH 'heavy'"),
                   ==, 0);
  after = at_test_dump_all (f.db);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (sqlite3_get_autocommit (f.db) == 0);

  at_test_fixture_close (&f);
}

typedef struct
{
  const char *column;
  gint64      value;
  const char *field;   /* what the message must name */
} InvalidSessionCase;

static const InvalidSessionCase invalid_sessions[] = {
  { "rating", 11, "activity_session.rating" },
  { "rating", 0, "activity_session.rating" },
  { "energy_level", 0, "activity_session.energy_level" },
  { "energy_level", 11, "activity_session.energy_level" },
  { "perceived_exertion", 11, "activity_session.perceived_exertion" },
  { "utc_offset_seconds", 64801, "activity_session.utc_offset_seconds" },
  { "ended_at", 999, "activity_session.ended_at" },
};

static void
test_store_invalid_value (void)
{
  AtTestFixture f;
  g_autofree char *before = NULL;
  gint64 user_id;

  at_test_fixture_open (&f);
  user_id = at_test_create_user (f.store, "invalid");
  at_test_add_session (f.store, user_id, f.cat.running_id, 500, "existing");
  before = at_test_dump_all (f.db);

  for (guint i = 0; i < G_N_ELEMENTS (invalid_sessions); i++)
    {
      const InvalidSessionCase *c = &invalid_sessions[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(AtSession) session = at_test_session_new (f.cat.running_id, 1000, "bad");
      g_autoptr(AtSession) good = at_test_session_new (f.cat.running_id, 1000, "good");
      g_autofree char *after = NULL;

      at_record_set_int (AT_RECORD (session), c->column, c->value);
      g_assert_false (at_store_insert (f.store, user_id, AT_RECORD (session), &error));
      g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID);
      if (strstr (error->message, c->field) == NULL)
        g_error ("%s = %" G_GINT64_FORMAT ": the message does not name %s: %s",
                 c->column, c->value, c->field, error->message);
      g_assert_cmpint (at_record_get_id (AT_RECORD (session)), ==, 0);
      after = at_test_dump_all (f.db);
      g_assert_cmpstr (before, ==, after);

      /* The same session with a good value is stored (then removed again). */
      at_record_set_int (AT_RECORD (good), c->column, g_str_equal (c->column, "ended_at") ? 1000 : 5);
      at_test_insert (f.store, user_id, good);
      g_assert_true (at_store_delete (f.store, user_id, AT_TYPE_SESSION,
                                      at_record_get_id (AT_RECORD (good)), NULL));
    }

  /* An update with a bad value changes nothing either. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AtRecord) existing = NULL;
    g_autofree char *after = NULL;

    existing = at_store_get (f.store, user_id, AT_TYPE_SESSION,
                             at_test_query_int (f.db, "SELECT id FROM activity_session WHERE session_name = 'existing'"),
                             &error);
    g_assert_no_error (error);
    g_free (before);
    before = at_test_dump_all (f.db);
    at_record_set_int (existing, "rating", 42);
    g_assert_false (at_store_update (f.store, user_id, existing, &error));
    g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "activity_session.rating"));
    after = at_test_dump_all (f.db);
    g_assert_cmpstr (before, ==, after);
  }

  at_test_fixture_close (&f);
}

static void
test_store_user_validation (void)
{
  AtTestFixture f;
  g_autofree char *before = NULL;

  at_test_fixture_open (&f);
  before = at_test_dump_all (f.db);

  for (guint i = 0; i < G_N_ELEMENTS (at_test_bad_emails); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtUser) user = at_user_new ();
      g_autofree char *after = NULL;

      at_record_set_string (AT_RECORD (user), "username", "mailer");
      at_record_set_string (AT_RECORD (user), "email", at_test_bad_emails[i]);
      g_assert_false (at_store_create_user (f.store, AT_RECORD (user), &error));
      if (!g_error_matches (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID))
        g_error ("“%s” was not refused by the model layer: %s", at_test_bad_emails[i],
                 error != NULL ? error->message : "accepted");
      g_assert_nonnull (strstr (error->message, "app_user.email"));
      after = at_test_dump_all (f.db);
      g_assert_cmpstr (before, ==, after);
    }

  for (guint i = 0; i < G_N_ELEMENTS (at_test_good_emails); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtUser) user = at_user_new ();
      g_autofree char *name = g_strdup_printf ("good%u", i);

      at_record_set_string (AT_RECORD (user), "username", name);
      at_record_set_string (AT_RECORD (user), "email", at_test_good_emails[i]);
      if (!at_store_create_user (f.store, AT_RECORD (user), &error))
        g_error ("“%s” was refused: %s", at_test_good_emails[i], error->message);
    }

  /* The other rules of app_user, at the model layer too. */
  {
    const struct { const char *column; const char *value; const char *field; } bad[] = {
      { "username", "ab", "app_user.username" },
      { "measurement_preference", "metric-ish", "app_user.measurement_preference" },
      { "timezone", "Mars/Olympus_Mons", "app_user.timezone" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(AtUser) user = at_user_new ();

        at_record_set_string (AT_RECORD (user), "username", "validname");
        at_record_set_string (AT_RECORD (user), "email", "valid@example.com");
        at_record_set_string (AT_RECORD (user), bad[i].column, bad[i].value);
        g_assert_false (at_store_create_user (f.store, AT_RECORD (user), &error));
        g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID);
        g_assert_nonnull (strstr (error->message, bad[i].field));
      }
  }

  /* A duplicate username is the database's to refuse. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AtUser) user = at_user_new ();

    at_record_set_string (AT_RECORD (user), "username", "good0");
    at_record_set_string (AT_RECORD (user), "email", "other@example.com");
    g_assert_false (at_store_create_user (f.store, AT_RECORD (user), &error));
    g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_CONSTRAINT);
  }

  at_test_fixture_close (&f);
}

/* Soft delete ------------------------------------------------------------ */

static gboolean
list_has (GListModel *list,
          gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AtRecord) record = g_list_model_get_item (list, i);

      if (at_record_get_id (record) == id)
        return TRUE;
    }
  return FALSE;
}

static void
assert_session_visible (AtTestFixture *f,
                        gint64         user_id,
                        gint64         session_id,
                        gboolean       visible,
                        gint64         expected_total)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = at_store_list (f->store, user_id, AT_TYPE_SESSION, NULL, 0, &error);
  g_autoptr(AtRecordList) records = at_record_list_new_sessions (f->store, user_id);
  g_autoptr(AtRecord) record = NULL;
  AtUserStatistics stats;
  gboolean in_records = FALSE;

  g_assert_no_error (error);
  g_assert_cmpint (list_has (list, session_id), ==, visible);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, expected_total);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (records)), ==, expected_total);
  in_records = list_has (G_LIST_MODEL (records), session_id);
  g_assert_cmpint (in_records, ==, visible);

  record = at_store_get (f->store, user_id, AT_TYPE_SESSION, session_id, &error);
  if (visible)
    {
      g_assert_no_error (error);
      g_assert_nonnull (record);
    }
  else
    {
      g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND);
      g_assert_null (record);
    }
  g_clear_error (&error);

  g_assert_true (at_store_get_statistics (f->store, user_id, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stats.total_sessions, ==, expected_total);
  g_assert_cmpint (at_test_query_int (f->db, "SELECT count(*) FROM session_fts WHERE session_fts MATCH 'doomed'"),
                   ==, visible ? 1 : 0);
}

static void
test_store_soft_delete (void)
{
  AtTestFixture f;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtActivityExercise) exercise = NULL;
  g_autoptr(AtExerciseSet) set = NULL;
  gint64 user_id, doomed, exercise_id;

  at_test_fixture_open (&f);
  user_id = at_test_create_user (f.store, "deleter");
  at_test_add_session (f.store, user_id, f.cat.running_id, 1000, "first");
  doomed = at_test_add_session (f.store, user_id, f.cat.weight_training_id, 2000, "doomed");
  at_test_add_session (f.store, user_id, f.cat.running_id, 3000, "third");
  exercise = at_activity_exercise_new ();
  at_record_set_int (AT_RECORD (exercise), "session_id", doomed);
  at_record_set_int (AT_RECORD (exercise), "exercise_order", 1);
  exercise_id = at_test_insert (f.store, user_id, exercise);
  set = at_exercise_set_new ();
  at_record_set_int (AT_RECORD (set), "exercise_id", exercise_id);
  at_record_set_int (AT_RECORD (set), "set_number", 1);
  at_test_insert (f.store, user_id, set);

  assert_session_visible (&f, user_id, doomed, TRUE, 3);

  g_assert_true (at_store_soft_delete (f.store, user_id, AT_TYPE_SESSION, doomed, &error));
  g_assert_no_error (error);
  assert_session_visible (&f, user_id, doomed, FALSE, 2);
  /* Still on disk, in the bin. */
  g_assert_cmpint (at_test_query_int (f.db, "SELECT deleted_at IS NOT NULL FROM activity_session"
                                      " WHERE id = %" G_GINT64_FORMAT, doomed), ==, 1);
  /* Deleting it again finds nothing to delete. */
  g_assert_false (at_store_soft_delete (f.store, user_id, AT_TYPE_SESSION, doomed, &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (at_store_undelete (f.store, user_id, AT_TYPE_SESSION, doomed, &error));
  g_assert_no_error (error);
  assert_session_visible (&f, user_id, doomed, TRUE, 3);
  g_assert_false (at_store_undelete (f.store, user_id, AT_TYPE_SESSION, doomed, &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Purge removes only what is in the bin. */
  g_assert_cmpint (at_store_purge_deleted (f.store, user_id, AT_TYPE_SESSION, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_true (at_store_soft_delete (f.store, user_id, AT_TYPE_SESSION, doomed, &error));
  g_assert_cmpint (at_store_purge_deleted (f.store, user_id, AT_TYPE_SESSION, &error), ==, 1);
  g_assert_no_error (error);
  assert_session_visible (&f, user_id, doomed, FALSE, 2);
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(*) FROM activity_session WHERE id = %"
                                      G_GINT64_FORMAT, doomed), ==, 0);
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(*) FROM activity_exercise WHERE id = %"
                                      G_GINT64_FORMAT, exercise_id), ==, 0);
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(*) FROM exercise_set WHERE exercise_id = %"
                                      G_GINT64_FORMAT, exercise_id), ==, 0);
  g_assert_false (at_store_undelete (f.store, user_id, AT_TYPE_SESSION, doomed, &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Rows without deleted_at are not moved to the bin. */
  g_assert_false (at_store_soft_delete (f.store, user_id, AT_TYPE_EXERCISE_SET, 1, &error));
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID);

  at_test_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  at_test_keep_going (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/store/open", test_store_open);
  g_test_add_func ("/core/store/pragmas", test_store_pragmas);
  g_test_add_func ("/core/store/reopen", test_store_reopen);
  g_test_add_func ("/core/store/bad-files", test_store_bad_files);
  g_test_add_func ("/core/store/read-only", test_store_read_only);
  g_test_add_func ("/core/store/rollback", test_store_rollback);
  g_test_add_func ("/core/store/invalid-value", test_store_invalid_value);
  g_test_add_func ("/core/store/user-validation", test_store_user_validation);
  g_test_add_func ("/core/store/soft-delete", test_store_soft_delete);

  return g_test_run ();
}
