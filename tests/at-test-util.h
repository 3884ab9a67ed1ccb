/* at-test-util.h: helpers shared by the core tests (header-only).
 *
 * Every helper is static inline so that a test that does not use one gets
 * no unused-function warning. Catalogue rows are created by name with
 * INSERT … ON CONFLICT DO NOTHING and always looked up by name, so the
 * tests keep working once the real catalogue is installed by at_store_open.
 */

#pragma once

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "at-core.h"
#include "at-store-private.h"

G_BEGIN_DECLS

/* The catalogue rows the tests use, by id. */
typedef struct
{
  gint64 category_id;         /* activity_category "Physical" */
  gint64 weight_training_id;  /* activity_type "Weight Training" */
  gint64 running_id;          /* activity_type "Running" */
  gint64 squat_id;            /* activity_subtype "Squat" of Weight Training */
  gint64 bench_id;            /* activity_subtype "Bench Press" of Weight Training */
  gint64 kg_id;               /* unit "kilograms" (kg) */
  gint64 lb_id;               /* unit "pounds" (lb) */
  gint64 goal_type_id;        /* goal_type "frequency" */
  gint64 body_metric_type_id; /* body_metric_type "weight" */
  gint64 achievement_type_id; /* achievement_type "Getting Going" */
} AtTestCatalogue;

/* A store in a fresh temporary folder. */
typedef struct
{
  char            *dir;
  char            *path;
  AtStore         *store;
  sqlite3         *db;
  AtTestCatalogue  cat;
} AtTestFixture;

/* Removes a file or a folder with everything in it. */
static inline void
at_test_rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      GDir *dir = g_dir_open (path, 0, NULL);
      const char *name;

      if (dir != NULL)
        {
          while ((name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *child = g_build_filename (path, name, NULL);

              g_chmod (child, 0700);
              at_test_rm_rf (child);
            }
          g_dir_close (dir);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static inline char *
at_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("at-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

/* sqlite3_mprintf() (with %Q and %q quoting) into GLib-owned memory. */
static inline char *
at_test_sql_printf (const char *format,
                    ...)
{
  char *sql;
  char *copy;
  va_list args;

  va_start (args, format);
  sql = sqlite3_vmprintf (format, args);
  va_end (args);
  copy = g_strdup (sql);
  sqlite3_free (sql);
  return copy;
}

/* The SQL of migration @number (1 is 0001-initial.sql): with the ones
 * before it, what makes a file of data format @number. */
static inline char *
at_test_migration_sql (int number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  _at_store_ensure_resources ();
  bytes = g_resources_lookup_data (_at_store_migration_resource (number),
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Runs SQL that must succeed. */
static inline void
at_test_exec (sqlite3    *db,
              const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("SQL failed (%d: %s): %s", sqlite3_extended_errcode (db),
             message != NULL ? message : "?", sql);
  sqlite3_free (message);
}

/* Runs SQL that may fail: returns SQLITE_OK or the extended error code. */
static inline int
at_test_try_exec (sqlite3    *db,
                  const char *sql)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK ? SQLITE_OK : sqlite3_extended_errcode (db);
}

static inline gint64 at_test_query_int (sqlite3 *db, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* The first column of the first row of a query, as an integer (0 for NULL
 * or no row). */
static inline gint64
at_test_query_int (sqlite3    *db,
                   const char *format,
                   ...)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;
  va_list args;
  int rc;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("Cannot prepare (%s): %s", sqlite3_errmsg (db), sql);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    g_error ("Cannot run (%s): %s", sqlite3_errmsg (db), sql);
  sqlite3_finalize (stmt);
  return value;
}

static inline char *at_test_query_text (sqlite3 *db, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* The first column of the first row of a query as a new string, or NULL. */
static inline char *
at_test_query_text (sqlite3    *db,
                    const char *format,
                    ...)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;
  va_list args;
  int rc;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("Cannot prepare (%s): %s", sqlite3_errmsg (db), sql);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    g_error ("Cannot run (%s): %s", sqlite3_errmsg (db), sql);
  sqlite3_finalize (stmt);
  return value;
}

/* Every row of a query, each row's columns joined by '|' and rows by '\n':
 * a snapshot to prove that nothing changed. */
static inline char *
at_test_dump (sqlite3    *db,
              const char *sql)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("Cannot prepare (%s): %s", sqlite3_errmsg (db), sql);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const unsigned char *text = sqlite3_column_text (stmt, i);

          g_string_append (out, text != NULL ? (const char *) text : "∅");
          g_string_append_c (out, '|');
        }
      g_string_append_c (out, '\n');
    }
  if (rc != SQLITE_DONE)
    g_error ("Cannot run (%s): %s", sqlite3_errmsg (db), sql);
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

/* The 28 tables of shared/schema.md. */
static const char * const at_test_schema_tables[] = {
  "app_user", "activity_category", "activity_type", "activity_subtype", "unit",
  "activity_session", "activity_exercise", "exercise_set", "activity_metric",
  "activity_type_metric_template", "session_media", "goal_type", "user_goal",
  "goal_milestone", "personal_record", "body_metric_type", "user_body_metric",
  "workout_program", "program_session_template", "program_exercise_template",
  "user_program_enrollment", "achievement_type", "user_achievement", "user_streak",
  "user_relationship", "session_share", "session_comment", "session_like",
};

/* A snapshot of every schema table plus the kept statistics. */
static inline char *
at_test_dump_all (sqlite3 *db)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (at_test_schema_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id",
                                              at_test_schema_tables[i]);
      g_autofree char *rows = at_test_dump (db, sql);

      g_string_append_printf (out, "## %s\n%s", at_test_schema_tables[i], rows);
    }
  {
    g_autofree char *rows = at_test_dump (db, "SELECT * FROM user_statistics ORDER BY user_id");

    g_string_append_printf (out, "## user_statistics\n%s", rows);
  }
  return g_string_free (out, FALSE);
}

/* E-mail addresses the schema's pattern rejects and accepts: both the SQL
 * CHECK and the model layer must agree on them. */
static const char * const at_test_bad_emails[] = {
  "no-at-sign.example.com",      /* no @ */
  "user@example",                /* no top-level domain */
  "a@b@example.com",             /* two @ */
  "user@example.c",              /* one-letter top-level domain */
  "@example.com",                /* empty local part */
  "user name@example.com",       /* space */
};

static const char * const at_test_good_emails[] = {
  "user@example.com",
  "first.last+tag@sub.example.co.uk",
  "x_y%z-1@a-b.io",
  "UPPER@EXAMPLE.ORG",
};

/* Creates (if missing) and looks up by name the catalogue rows the tests use. */
static inline void
at_test_ensure_catalogue (sqlite3         *db,
                          AtTestCatalogue *cat)
{
  at_test_exec (db,
    "INSERT INTO activity_category (name, display_order) VALUES ('Physical', 1)"
    "  ON CONFLICT (name) DO NOTHING;"
    "INSERT INTO activity_type (name, category_id)"
    "  SELECT 'Weight Training', id FROM activity_category WHERE name = 'Physical'"
    "  ON CONFLICT (name) DO NOTHING;"
    "INSERT INTO activity_type (name, category_id)"
    "  SELECT 'Running', id FROM activity_category WHERE name = 'Physical'"
    "  ON CONFLICT (name) DO NOTHING;"
    "INSERT INTO activity_subtype (activity_type_id, name, description)"
    "  SELECT id, 'Squat', 'Barbell back squat' FROM activity_type WHERE name = 'Weight Training'"
    "  ON CONFLICT (activity_type_id, name) DO NOTHING;"
    "INSERT INTO activity_subtype (activity_type_id, name, description)"
    "  SELECT id, 'Bench Press', 'Barbell bench press' FROM activity_type"
    "  WHERE name = 'Weight Training'"
    "  ON CONFLICT (activity_type_id, name) DO NOTHING;"
    "INSERT INTO unit (name, symbol, type, conversion_factor, is_base_unit)"
    "  VALUES ('kilograms', 'kg', 'weight', 1, 1) ON CONFLICT (name) DO NOTHING;"
    "INSERT INTO unit (name, symbol, type, conversion_factor, is_base_unit)"
    "  VALUES ('pounds', 'lb', 'weight', 0.45359237, 0) ON CONFLICT (name) DO NOTHING;"
    "INSERT INTO goal_type (name) VALUES ('frequency') ON CONFLICT (name) DO NOTHING;"
    "INSERT INTO body_metric_type (name, category)"
    "  VALUES ('weight', 'weight') ON CONFLICT (name) DO NOTHING;"
    "INSERT INTO achievement_type (name, rarity, points)"
    "  VALUES ('Getting Going', 'common', 10) ON CONFLICT (name) DO NOTHING;");

  cat->category_id = at_test_query_int (db, "SELECT id FROM activity_category WHERE name = 'Physical'");
  cat->weight_training_id = at_test_query_int (db, "SELECT id FROM activity_type WHERE name = 'Weight Training'");
  cat->running_id = at_test_query_int (db, "SELECT id FROM activity_type WHERE name = 'Running'");
  cat->squat_id = at_test_query_int (db,
                                     "SELECT id FROM activity_subtype WHERE name = 'Squat'"
                                     " AND activity_type_id = %" G_GINT64_FORMAT,
                                     cat->weight_training_id);
  cat->bench_id = at_test_query_int (db,
                                     "SELECT id FROM activity_subtype WHERE name = 'Bench Press'"
                                     " AND activity_type_id = %" G_GINT64_FORMAT,
                                     cat->weight_training_id);
  cat->kg_id = at_test_query_int (db, "SELECT id FROM unit WHERE name = 'kilograms'");
  cat->lb_id = at_test_query_int (db, "SELECT id FROM unit WHERE name = 'pounds'");
  cat->goal_type_id = at_test_query_int (db, "SELECT id FROM goal_type WHERE name = 'frequency'");
  cat->body_metric_type_id = at_test_query_int (db, "SELECT id FROM body_metric_type WHERE name = 'weight'");
  cat->achievement_type_id = at_test_query_int (db,
                                                "SELECT id FROM achievement_type"
                                                " WHERE name = 'Getting Going'");

  g_assert_cmpint (cat->category_id, >, 0);
  g_assert_cmpint (cat->weight_training_id, >, 0);
  g_assert_cmpint (cat->running_id, >, 0);
  g_assert_cmpint (cat->squat_id, >, 0);
  g_assert_cmpint (cat->bench_id, >, 0);
  g_assert_cmpint (cat->kg_id, >, 0);
  g_assert_cmpint (cat->lb_id, >, 0);
  g_assert_cmpint (cat->goal_type_id, >, 0);
  g_assert_cmpint (cat->body_metric_type_id, >, 0);
  g_assert_cmpint (cat->achievement_type_id, >, 0);
}

/* Opens a new store at <tmp>/profile/activity-tracker.db with the catalogue
 * rows the tests need. */
static inline void
at_test_fixture_open (AtTestFixture *f)
{
  g_autoptr(GError) error = NULL;

  memset (f, 0, sizeof *f);
  f->dir = at_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "profile", "activity-tracker.db", NULL);
  f->store = at_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
  f->db = _at_store_get_db (f->store);
  g_assert_nonnull (f->db);
  at_test_ensure_catalogue (f->db, &f->cat);
}

/* Closes the store (proving it is freed) and removes the folder. */
static inline void
at_test_fixture_close (AtTestFixture *f)
{
  f->db = NULL;
  /* A worker's task keeps a ref on the store for a moment after its
   * callback ran (GTask drops it when the worker thread returns). */
  for (guint waited = 0; f->store != NULL && G_OBJECT (f->store)->ref_count > 1 && waited < 5000; waited++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  if (f->store != NULL)
    g_assert_finalize_object (g_steal_pointer (&f->store));
  at_test_rm_rf (f->dir);
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
}

/* Creates a profile through the store and returns its id. */
static inline gint64
at_test_create_user (AtStore    *store,
                     const char *username)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtUser) user = at_user_new ();
  g_autofree char *email = g_strdup_printf ("%s@example.com", username);

  at_record_set_string (AT_RECORD (user), "username", username);
  at_record_set_string (AT_RECORD (user), "email", email);
  at_record_set_string (AT_RECORD (user), "timezone", "UTC");
  g_assert_true (at_store_create_user (store, AT_RECORD (user), &error));
  g_assert_no_error (error);
  g_assert_cmpint (at_record_get_id (AT_RECORD (user)), >, 0);
  return at_record_get_id (AT_RECORD (user));
}

/* A new, unsaved session with the required columns set. */
static inline AtSession *
at_test_session_new (gint64      activity_type_id,
                     gint64      started_at,
                     const char *name)
{
  AtSession *session = at_session_new ();

  at_record_set_int (AT_RECORD (session), "activity_type_id", activity_type_id);
  at_record_set_int (AT_RECORD (session), "started_at", started_at);
  at_record_set_int (AT_RECORD (session), "utc_offset_seconds", 0);
  if (name != NULL)
    at_record_set_string (AT_RECORD (session), "session_name", name);
  return session;
}

/* Inserts a record for a user, asserting success; returns its id. */
static inline gint64
at_test_insert (AtStore  *store,
                gint64    user_id,
                gpointer  record)
{
  g_autoptr(GError) error = NULL;

  if (!at_store_insert (store, user_id, AT_RECORD (record), &error))
    g_error ("Cannot insert a %s: %s", G_OBJECT_TYPE_NAME (record), error->message);
  g_assert_cmpint (at_record_get_id (AT_RECORD (record)), >, 0);
  return at_record_get_id (AT_RECORD (record));
}

/* Inserts a session and returns its id. */
static inline gint64
at_test_add_session (AtStore    *store,
                     gint64      user_id,
                     gint64      activity_type_id,
                     gint64      started_at,
                     const char *name)
{
  g_autoptr(AtSession) session = at_test_session_new (activity_type_id, started_at, name);

  return at_test_insert (store, user_id, session);
}

/* Seconds since the epoch for a UTC wall-clock time. */
static inline gint64
at_test_utc (int year,
             int month,
             int day,
             int hour,
             int minute,
             int second)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, second);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

/* The local date "YYYY-MM-DD" of a UTC instant at an offset from UTC. */
static inline char *
at_test_local_date (gint64 utc_seconds,
                    gint64 offset_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (utc_seconds + offset_seconds);

  g_assert_nonnull (dt);
  return g_date_time_format (dt, "%Y-%m-%d");
}

/* Adds --keep-going to the arguments before g_test_init(), so that one
 * failing test case does not hide the results of the ones after it. */
static inline void
at_test_keep_going (int    *argc,
                    char ***argv)
{
  static char **args = NULL;
  static char keep_going[] = "--keep-going";

  g_assert_null (args);
  args = g_new0 (char *, *argc + 2);
  for (int i = 0; i < *argc; i++)
    args[i] = (*argv)[i];
  args[*argc] = keep_going;
  *argc += 1;
  *argv = args;
}

/* Asserts that an error is of AT_STORE_ERROR with one of two codes. */
#define at_test_assert_error_either(err, code_a, code_b)                           \
  G_STMT_START {                                                                   \
    g_assert_nonnull (err);                                                        \
    if (!g_error_matches ((err), AT_STORE_ERROR, (code_a)) &&                      \
        !g_error_matches ((err), AT_STORE_ERROR, (code_b)))                        \
      g_error ("Expected AT_STORE_ERROR %d or %d, got %s %d: %s", (code_a), (code_b), \
               g_quark_to_string ((err)->domain), (err)->code, (err)->message);    \
  } G_STMT_END

G_END_DECLS
