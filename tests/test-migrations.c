/* test-migrations.c: files of an older data format, opened by this
 * version: every row arrives, and a file that cannot be upgraded is left
 * as it was. */

#include "at-catalogue.h"
#include "at-test-util.h"
#include "at-uuid.h"

/* The tables whose uuid migration 0003 stores as bytes. */
static const char * const uuid_tables[] = {
  "app_user", "activity_session", "session_media", "user_goal", "goal_milestone",
  "personal_record", "user_body_metric", "workout_program", "program_session_template",
  "program_exercise_template", "user_program_enrollment", "user_achievement",
  "user_streak", "user_relationship", "session_share", "session_comment", "session_like",
};

/* A row in each of those tables (their uuids made by the old default) and
 * rows that hang off them, written with plain SQL. */
static const char format_2_rows[] =
  "INSERT INTO app_user (id, username, email, timezone)"
  "  VALUES (1, 'veteran', 'veteran@example.com', 'Europe/Paris'),"
  "         (2, 'friend', 'friend@example.com', 'UTC');"
  "INSERT INTO activity_session (id, user_id, activity_type_id, session_name, notes,"
  "                              started_at, ended_at, utc_offset_seconds, rating, deleted_at)"
  "  SELECT 10, 1, id, 'Canyon ride', 'windy', 1700000000, 1700003600, 3600, 7, NULL"
  "  FROM activity_type WHERE name = 'Running' UNION ALL"
  "  SELECT 11, 1, id, 'Hill repeats', NULL, 1700100000, 1700102400, 3600, NULL, NULL"
  "  FROM activity_type WHERE name = 'Running' UNION ALL"
  "  SELECT 12, 2, id, 'Tempo run', NULL, 1700200000, NULL, 0, 4, NULL"
  "  FROM activity_type WHERE name = 'Running' UNION ALL"
  "  SELECT 14, 1, id, 'Dropped run', NULL, 1700300000, NULL, 0, NULL, 1700300500"
  "  FROM activity_type WHERE name = 'Running';"
  "INSERT INTO activity_session (id, user_id, activity_type_id, started_at, is_template,"
  "                              template_name, parent_session_id)"
  "  SELECT 13, 1, id, 1700000000, 1, 'Ride plan', 10 FROM activity_type WHERE name = 'Running';"
  "INSERT INTO activity_exercise (id, session_id, activity_subtype_id, exercise_order)"
  "  SELECT 20, 11, id, 1 FROM activity_subtype WHERE name = 'Squat';"
  "INSERT INTO exercise_set (exercise_id, set_number, reps, weight, weight_unit_id)"
  "  VALUES (20, 1, 5, 100, 1), (20, 2, 3, 107.5, 1);"
  "INSERT INTO activity_metric (session_id, metric_name, metric_value_numeric)"
  "  VALUES (10, 'distance', 21.5);"
  "INSERT INTO session_media (id, session_id, media_type, media_url, is_progress_photo)"
  "  VALUES (30, 10, 'image', 'canyon.jpg', 1);"
  "INSERT INTO user_goal (id, user_id, goal_type_id, title, target_value, start_date)"
  "  SELECT 40, 1, id, 'Ride more', 3, '2023-11-01' FROM goal_type WHERE name = 'frequency';"
  "INSERT INTO goal_milestone (id, goal_id, title, target_value) VALUES (41, 40, 'Halfway', 2);"
  "INSERT INTO personal_record (id, user_id, activity_subtype_id, record_type, record_value,"
  "                             unit_id, session_id, exercise_id)"
  "  SELECT 50, 1, id, 'max_weight', 107.5, 1, 11, 20 FROM activity_subtype WHERE name = 'Squat';"
  "INSERT INTO user_body_metric (id, user_id, metric_type_id, value, unit_id, measured_at)"
  "  SELECT 60, 1, id, 80.4, 1, 1700000000 FROM body_metric_type WHERE name = 'weight';"
  "INSERT INTO workout_program (id, creator_id, name, description)"
  "  VALUES (70, 1, 'Base building', 'Easy miles');"
  "INSERT INTO program_session_template (id, program_id, week_number, day_number, activity_type_id)"
  "  SELECT 71, 70, 1, 1, id FROM activity_type WHERE name = 'Running';"
  "INSERT INTO program_exercise_template (id, session_template_id, activity_subtype_id, exercise_order)"
  "  SELECT 72, 71, id, 1 FROM activity_subtype WHERE name = 'Squat';"
  "INSERT INTO user_program_enrollment (id, user_id, program_id, start_date)"
  "  VALUES (73, 2, 70, '2023-11-06');"
  "INSERT INTO user_achievement (id, user_id, achievement_type_id, related_session_id)"
  "  SELECT 80, 1, min (id), 10 FROM achievement_type;"
  "INSERT INTO user_streak (id, user_id, current_streak_days, longest_streak_days)"
  "  VALUES (81, 1, 2, 5);"
  "INSERT INTO user_relationship (id, follower_id, following_id) VALUES (90, 2, 1);"
  "INSERT INTO session_share (id, session_id, shared_by_user_id, visibility)"
  "  VALUES (91, 10, 1, 'public');"
  "INSERT INTO session_comment (id, session_id, user_id, comment_text) VALUES (92, 10, 2, 'Nice');"
  "INSERT INTO session_like (id, session_id, user_id) VALUES (93, 10, 2);";

/* The format before migration 3: what the tests upgrade from. */
#define OLD_FORMAT 2

/* Writes a file of data format OLD_FORMAT with plain SQL, as that version's
 * store would have left it, then @rows. */
static void
write_old_file (const char *path,
                const char *rows)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = g_strdup_printf ("PRAGMA user_version = %d;"
                                            " PRAGMA application_id = 1096045121;",  /* "ATRA" */
                                            OLD_FORMAT);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  at_test_exec (db, "PRAGMA foreign_keys = ON");
  for (int number = 1; number <= OLD_FORMAT; number++)
    {
      g_autofree char *sql = at_test_migration_sql (number);

      at_test_exec (db, sql);
    }
  g_assert_true (at_catalogue_install (db, &error));
  g_assert_no_error (error);
  at_test_exec (db, rows);
  at_test_exec (db, stamp);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Every schema table and the kept statistics, with uuids in their text
 * form whether the file keeps them as text or as bytes. */
static char *
dump_with_text_uuids (sqlite3 *db)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (at_test_schema_tables); i++)
    {
      const char *table = at_test_schema_tables[i];
      g_autofree char *columns =
        at_test_query_text (db,
                            "SELECT group_concat (CASE WHEN name <> 'uuid' THEN name ELSE"
                            "  'CASE typeof (uuid) WHEN ''blob'' THEN lower (substr (hex (uuid), 1, 8)"
                            "   || ''-'' || substr (hex (uuid), 9, 4) || ''-'' || substr (hex (uuid), 13, 4)"
                            "   || ''-'' || substr (hex (uuid), 17, 4) || ''-'' || substr (hex (uuid), 21))"
                            "   ELSE uuid END' END, ', ')"
                            " FROM pragma_table_info ('%s')", table);
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s ORDER BY id", columns, table);
      g_autofree char *rows = at_test_dump (db, sql);

      g_string_append_printf (out, "## %s\n%s", table, rows);
    }
  {
    g_autofree char *rows = at_test_dump (db, "SELECT * FROM user_statistics ORDER BY user_id");

    g_string_append_printf (out, "## user_statistics\n%s", rows);
  }
  return g_string_free (out, FALSE);
}

static char *
dump_file (const char *path)
{
  sqlite3 *db = NULL;
  char *dump;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  dump = dump_with_text_uuids (db);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return dump;
}

/* A file of OLD_FORMAT in a folder of its own, holding format_2_rows and then
 * @extra_rows, and its dump before any upgrade. */
typedef struct
{
  char *dir;
  char *path;
  char *before;
} OldFile;

static void
old_file_write (OldFile    *file,
                const char *extra_rows)
{
  g_autofree char *rows = g_strconcat (format_2_rows, extra_rows, NULL);

  file->dir = at_test_make_tmpdir ();
  file->path = g_build_filename (file->dir, "format-2.db", NULL);
  write_old_file (file->path, rows);
  file->before = dump_file (file->path);
}

static void
old_file_remove (OldFile *file)
{
  at_test_rm_rf (file->dir);
  g_free (file->dir);
  g_free (file->path);
  g_free (file->before);
}

static void
test_uuid_bytes_keeps_rows (void)
{
  g_autoptr(GError) error = NULL;
  OldFile old;
  g_autofree char *after = NULL;
  g_autofree char *ride_uuid = NULL;
  g_autofree char *integrity = NULL;
  g_autoptr(AtRecord) ride = NULL;
  g_autoptr(AtRecord) swim = NULL;
  AtStore *store;
  sqlite3 *db;

  old_file_write (&old, "");
  {
    sqlite3 *old_db = NULL;

    g_assert_cmpint (sqlite3_open (old.path, &old_db), ==, SQLITE_OK);
    ride_uuid = at_test_query_text (old_db, "SELECT uuid FROM activity_session WHERE id = 10");
    g_assert_cmpint (sqlite3_close (old_db), ==, SQLITE_OK);
  }
  g_assert_true (g_uuid_string_is_valid (ride_uuid));

  store = at_store_open (old.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (at_store_get_version (store), ==, at_store_get_latest_version ());
  db = _at_store_get_db (store);

  /* Every uuid is 16 bytes now, and every row, uuid and total is the same. */
  for (guint i = 0; i < G_N_ELEMENTS (uuid_tables); i++)
    {
      g_assert_cmpint (at_test_query_int (db, "SELECT count(*) FROM %s"
                                              " WHERE typeof (uuid) <> 'blob' OR length (uuid) <> 16",
                                          uuid_tables[i]), ==, 0);
      g_assert_cmpint (at_test_query_int (db, "SELECT count(*) FROM %s", uuid_tables[i]), >, 0);
    }
  after = dump_with_text_uuids (db);
  g_assert_cmpstr (after, ==, old.before);
  integrity = at_test_query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (at_test_query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (at_test_query_int (db, "SELECT count(*) FROM user_statistics_mismatch"), ==, 0);
  g_assert_cmpint (at_test_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (at_test_query_int (db, "PRAGMA legacy_alter_table"), ==, 0);

  /* The store shows the same uuid as the old file held. */
  ride = at_store_get (store, 1, AT_TYPE_SESSION, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (at_record_get_uuid (ride), ==, ride_uuid);

  /* The rebuilt tables' triggers, keys and defaults work. */
  swim = AT_RECORD (at_test_session_new (at_test_query_int (db, "SELECT id FROM activity_type"
                                                                " WHERE name = 'Running'"),
                                         1700400000, "Lake crossing"));
  at_test_insert (store, 1, swim);
  g_assert_true (g_uuid_string_is_valid (at_record_get_uuid (swim)));
  g_assert_cmpint (at_test_query_int (db, "SELECT total_sessions FROM user_statistics WHERE user_id = 1"),
                   ==, 3);
  g_assert_cmpint (at_test_query_int (db, "SELECT count(*) FROM session_fts"
                                          " WHERE session_fts MATCH 'owner:u1 AND (lake OR canyon)'"),
                   ==, 2);
  at_test_exec (db, "INSERT INTO session_fts (session_fts) VALUES ('integrity-check')");
  at_test_exec (db, "DELETE FROM app_user WHERE id = 2");
  g_assert_cmpint (at_test_query_int (db, "SELECT count(*) FROM session_comment"), ==, 0);
  g_assert_cmpint (at_test_query_int (db, "SELECT count(*) FROM user_program_enrollment"), ==, 0);

  g_assert_finalize_object (store);
  old_file_remove (&old);
}

/* A uuid the bytes cannot hold stops the upgrade with its value named, and
 * the file keeps its format and every row. */
static void
test_uuid_bytes_refuses_bad_uuid (void)
{
  g_autoptr(GError) error = NULL;
  OldFile old;
  g_autofree char *after = NULL;
  AtStore *store;

  old_file_write (&old, "INSERT INTO app_user (username, email, uuid)"
                        " VALUES ('odd', 'odd@example.com', 'odd-one-out');");

  store = at_store_open (old.path, &error);
  g_assert_null (store);
  g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, "format 3"));
  g_assert_nonnull (strstr (error->message, "“odd-one-out” is not a uuid"));

  after = dump_file (old.path);
  g_assert_cmpstr (after, ==, old.before);
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (old.path, &db), ==, SQLITE_OK);
    g_assert_cmpint (at_test_query_int (db, "PRAGMA user_version"), ==, OLD_FORMAT);
    g_assert_cmpint (at_test_query_int (db, "SELECT count(*) FROM sqlite_schema"
                                            " WHERE name LIKE '%%\\_new' ESCAPE '\\'"), ==, 0);
    g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  }
  old_file_remove (&old);
}

/* A file that already had a row pointing nowhere (written with foreign
 * keys off) still upgrades: the migration may not add such rows, not
 * refuse the ones it found. The check still reports it. */
static void
test_uuid_bytes_keeps_old_broken_link (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  OldFile old;
  g_autofree char *after = NULL;
  AtStore *store;

  old_file_write (&old, "PRAGMA foreign_keys = OFF;"
                        "INSERT INTO session_like (session_id, user_id) VALUES (999, 1);");

  store = at_store_open (old.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (at_store_get_version (store), ==, at_store_get_latest_version ());
  after = dump_with_text_uuids (_at_store_get_db (store));
  g_assert_cmpstr (after, ==, old.before);

  g_assert_true (at_store_check (store, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "session_like"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "activity_session"));

  g_assert_finalize_object (store);
  old_file_remove (&old);
}

/* The text form and the bytes turn into each other, in either case, and
 * the SQL function says what it cannot read. */
static void
test_uuid_text_form (void)
{
  static const char text[] = "0b7e2e1c-4f5e-4a8b-9c1d-2e3f4a5b6c7d";
  guint8 bytes[AT_UUID_SIZE];
  char back[AT_UUID_TEXT_SIZE];
  AtTestFixture f;
  g_autofree char *upper = g_ascii_strup (text, -1);
  g_autofree char *hex = NULL;

  g_assert_true (_at_uuid_parse (upper, bytes));
  _at_uuid_format (bytes, back);
  g_assert_cmpstr (back, ==, text);
  g_assert_cmpint (bytes[0], ==, 0x0b);
  g_assert_cmpint (bytes[15], ==, 0x7d);
  g_assert_false (_at_uuid_parse ("0b7e2e1c4f5e4a8b9c1d2e3f4a5b6c7d", bytes));
  g_assert_false (_at_uuid_parse ("0b7e2e1c-4f5e-4a8b-9c1d-2e3f4a5b6c7", bytes));
  g_assert_false (_at_uuid_parse (NULL, bytes));

  at_test_fixture_open (&f);
  hex = at_test_query_text (f.db, "SELECT hex (at_uuid_blob ('%s'))", upper);
  g_assert_cmpstr (hex, ==, "0B7E2E1C4F5E4A8B9C1D2E3F4A5B6C7D");
  g_assert_cmpint (at_test_query_int (f.db, "SELECT at_uuid_blob (NULL) IS NULL"), ==, 1);
  g_assert_cmpint (at_test_try_exec (f.db, "SELECT at_uuid_blob ('nope')"), ==, SQLITE_ERROR);
  g_assert_cmpstr (sqlite3_errmsg (f.db), ==, "“nope” is not a uuid");
  at_test_fixture_close (&f);
}

/* A bulk load of the old format that was cut short (its indexes dropped,
 * their SQL left in at_meta) is finished, and the file upgraded; the
 * migration builds one of those tables again with its indexes. */
static void
test_uuid_bytes_after_cut_bulk_load (void)
{
  g_autoptr(GError) error = NULL;
  OldFile old;
  g_autofree char *after = NULL;
  g_autofree char *integrity = NULL;
  AtStore *store;
  sqlite3 *db;

  old_file_write (&old, "INSERT INTO at_meta (key, value)"
                        " SELECT 'bulk_load_indexes', json_group_array (sql)"
                        " FROM sqlite_schema"
                        " WHERE name IN ('idx_session_type_date', 'idx_set_weight');"
                        "DROP INDEX idx_session_type_date;"
                        "DROP INDEX idx_set_weight;");

  store = at_store_open (old.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (at_store_get_version (store), ==, at_store_get_latest_version ());
  db = _at_store_get_db (store);
  g_assert_cmpint (at_test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                                          " AND name IN ('idx_session_type_date', 'idx_set_weight')"),
                   ==, 2);
  g_assert_cmpint (at_test_query_int (db, "SELECT count(*) FROM at_meta"
                                          " WHERE key = 'bulk_load_indexes'"), ==, 0);
  after = dump_with_text_uuids (db);
  g_assert_cmpstr (after, ==, old.before);
  integrity = at_test_query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");

  g_assert_finalize_object (store);
  old_file_remove (&old);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/migrations/uuid-bytes/text-form", test_uuid_text_form);
  g_test_add_func ("/core/migrations/uuid-bytes/keeps-rows", test_uuid_bytes_keeps_rows);
  g_test_add_func ("/core/migrations/uuid-bytes/refuses-bad-uuid", test_uuid_bytes_refuses_bad_uuid);
  g_test_add_func ("/core/migrations/uuid-bytes/after-cut-bulk-load",
                   test_uuid_bytes_after_cut_bulk_load);
  g_test_add_func ("/core/migrations/uuid-bytes/keeps-old-broken-link",
                   test_uuid_bytes_keeps_old_broken_link);

  return g_test_run ();
}
