/* test-catalogue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "at-catalogue.h"
#include "at-test-util.h"

#define RESOURCE_BASE_PATH "/org/activitytracker/ActivityTracker"
#define CATALOGUE_PATH     RESOURCE_BASE_PATH "/catalogue/"

static const char * const catalogue_files[] = {
  "index.json",
  "units.json",
  "categories.json",
  "activity-types.json",
  "exercises.json",
  "goal-types.json",
  "body-metric-types.json",
  "achievement-types.json",
};

/* Every catalogue table with the column that names its rows. */
static const char * const catalogue_tables[][2] = {
  { "unit", "name" },
  { "activity_category", "name" },
  { "activity_type", "name" },
  { "activity_subtype", "name" },
  { "activity_type_metric_template", "metric_name" },
  { "goal_type", "name" },
  { "body_metric_type", "name" },
  { "achievement_type", "name" },
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v3 (db, sql, -1, 0, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v3 (db, sql, -1, 0, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* A fresh in-memory database made by the real first migration. */
static sqlite3 *
open_database (void)
{
  g_autofree char *sql = at_test_migration_sql (1);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  exec_ok (db, "PRAGMA foreign_keys = ON");
  exec_ok (db, sql);
  return db;
}

static sqlite3 *
open_installed_database (void)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db = open_database ();

  g_assert_true (at_catalogue_install (db, &error));
  g_assert_no_error (error);
  return db;
}

/* "table:id=name,..." for every catalogue table: equal snapshots mean the
 * same rows with the same ids. */
static char *
snapshot_ids (sqlite3 *db)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (catalogue_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT group_concat (id || '=' || %s, ',')"
                                              " FROM (SELECT id, %s FROM %s ORDER BY id)",
                                              catalogue_tables[i][1], catalogue_tables[i][1],
                                              catalogue_tables[i][0]);
      g_autofree char *rows = query_text (db, sql);

      g_string_append_printf (out, "%s:%s\n", catalogue_tables[i][0], rows ? rows : "");
    }

  return g_string_free (out, FALSE);
}

/* Row counts plus the stored version: what a failed install must not change. */
static char *
snapshot_counts (sqlite3 *db)
{
  GString *out = g_string_new (NULL);
  g_autofree char *version = query_text (db, "SELECT value FROM at_meta"
                                             " WHERE key = 'catalogue_version'");

  for (guint i = 0; i < G_N_ELEMENTS (catalogue_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", catalogue_tables[i][0]);

      g_string_append_printf (out, "%s=%" G_GINT64_FORMAT " ",
                              catalogue_tables[i][0], query_int (db, sql));
    }
  g_string_append_printf (out, "version=%s", version ? version : "none");

  return g_string_free (out, FALSE);
}

static void
test_shipped_version (void)
{
  g_autoptr (sqlite3) db = open_installed_database ();
  g_autofree char *installed = NULL;
  g_autofree char *shipped = NULL;

  g_assert_cmpint (at_catalogue_get_shipped_version (), >=, 1);

  installed = query_text (db, "SELECT value FROM at_meta WHERE key = 'catalogue_version'");
  shipped = g_strdup_printf ("%d", at_catalogue_get_shipped_version ());
  g_assert_cmpstr (installed, ==, shipped);
}

static void
test_counts (void)
{
  g_autoptr (sqlite3) db = open_installed_database ();

  g_assert_cmpint (query_int (db, "SELECT count (*) FROM activity_category"), ==, 5);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM activity_type"), >=, 20);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM activity_subtype"), >=, 100);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM activity_subtype"
                                  " WHERE length (instructions) > 0"), >=, 40);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM achievement_type"), >=, 20);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM goal_type"), ==, 5);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM body_metric_type"), >=, 12);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM unit"), >=, 25);
}

static void
test_consistency (void)
{
  g_autoptr (sqlite3) db = open_installed_database ();

  /* Every type but strength training is logged by metrics, so it has templates. */
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM activity_type t"
                                  " WHERE t.name <> 'Weight Training' AND NOT EXISTS"
                                  " (SELECT 1 FROM activity_type_metric_template m"
                                  "  WHERE m.activity_type_id = t.id)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM activity_type WHERE category_id IS NULL"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM activity_subtype WHERE difficulty_level"
                                  " IS NULL OR difficulty_level NOT IN"
                                  " ('beginner', 'intermediate', 'advanced')"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM activity_subtype"
                                  " WHERE json_type (muscle_groups) IS NOT 'array'"
                                  " OR json_type (equipment_needed) IS NOT 'array'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM achievement_type"
                                  " WHERE NOT json_valid (criteria_json)"
                                  " OR json_type (criteria_json) IS NOT 'object'"
                                  " OR json_extract (criteria_json, '$.kind') IS NULL"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (DISTINCT rarity) FROM achievement_type"), ==, 5);

  /* One base unit per unit type, with factor 1; factors kept exactly as shipped. */
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM (SELECT type FROM unit GROUP BY type"
                                  " HAVING sum (is_base_unit) <> 1)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM unit"
                                  " WHERE is_base_unit = 1 AND conversion_factor <> 1"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM unit WHERE conversion_factor IS NULL"
                                  " OR conversion_factor <= 0"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT conversion_factor = 0.45359237 FROM unit"
                                  " WHERE name = 'pounds'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM body_metric_type"
                                  " WHERE default_unit_id IS NULL"), ==, 0);
}

static void
test_idempotent (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3) db = open_installed_database ();
  g_autofree char *first = snapshot_ids (db);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  int changes;

  /* Same version: nothing is written at all. */
  changes = sqlite3_total_changes (db);
  g_assert_true (at_catalogue_install (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_total_changes (db), ==, changes);
  second = snapshot_ids (db);
  g_assert_cmpstr (first, ==, second);

  /* Forced reinstall: every row upserted again, ids and counts the same. */
  exec_ok (db, "UPDATE at_meta SET value = '0' WHERE key = 'catalogue_version'");
  g_assert_true (at_catalogue_install (db, &error));
  g_assert_no_error (error);
  third = snapshot_ids (db);
  g_assert_cmpstr (first, ==, third);
}

static void
test_upgrade_keeps_user_rows (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3) db = open_installed_database ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *description = NULL;
  g_autofree char *symbol = NULL;
  gint64 squat_id, custom_id, session_id;

  before = snapshot_ids (db);
  squat_id = query_int (db, "SELECT id FROM activity_subtype WHERE name = 'Squat'");

  /* A user's own exercise and a session that references a shipped one. */
  exec_ok (db, "INSERT INTO activity_subtype (activity_type_id, name, description)"
               " SELECT id, 'My Garage Lift', 'mine' FROM activity_type"
               " WHERE name = 'Weight Training'");
  custom_id = sqlite3_last_insert_rowid (db);
  exec_ok (db, "INSERT INTO app_user (username, email) VALUES ('tester', 'tester@example.org')");
  exec_ok (db, "INSERT INTO activity_session (user_id, activity_type_id, activity_subtype_id,"
               " started_at) SELECT (SELECT id FROM app_user), activity_type_id, id, 1700000000"
               " FROM activity_subtype WHERE name = 'Squat'");
  session_id = sqlite3_last_insert_rowid (db);

  /* Local drift in catalogue rows, then an older recorded version. */
  exec_ok (db, "UPDATE activity_subtype SET description = 'edited' WHERE name = 'Squat'");
  exec_ok (db, "UPDATE unit SET symbol = 'lbs' WHERE name = 'pounds'");
  exec_ok (db, "UPDATE at_meta SET value = '0' WHERE key = 'catalogue_version'");

  g_assert_true (at_catalogue_install (db, &error));
  g_assert_no_error (error);

  description = query_text (db, "SELECT description FROM activity_subtype WHERE name = 'Squat'");
  g_assert_cmpstr (description, !=, "edited");
  symbol = query_text (db, "SELECT symbol FROM unit WHERE name = 'pounds'");
  g_assert_cmpstr (symbol, ==, "lb");

  g_assert_cmpint (query_int (db, "SELECT id FROM activity_subtype WHERE name = 'Squat'"),
                   ==, squat_id);
  g_assert_cmpint (query_int (db, "SELECT id FROM activity_subtype"
                                  " WHERE name = 'My Garage Lift' AND description = 'mine'"),
                   ==, custom_id);
  g_assert_cmpint (query_int (db, "SELECT activity_subtype_id FROM activity_session"),
                   ==, squat_id);
  g_assert_cmpint (query_int (db, "SELECT id FROM activity_session"), ==, session_id);

  exec_ok (db, "DELETE FROM activity_subtype WHERE name = 'My Garage Lift'");
  after = snapshot_ids (db);
  g_assert_cmpstr (before, ==, after);
}

/* Bad input ------------------------------------------------------------------ */

typedef struct
{
  const char *name;
  const char *file;
  const char *key;      /* the entry to change, by name; NULL: replace the file */
  const char *member;   /* the member to set on it */
  const char *value;    /* as JSON text; or the file's whole text */
  int         code;
  const char *message;  /* expected after "FILE: entry N", or after "FILE:" */
} BadCase;

static const BadCase bad_cases[] = {
  { "unknown-type", "exercises.json", "Squat", "activity_type", "\"Weight Trainin\"",
    AT_CATALOGUE_ERROR_INVALID, " (\"Squat\"): unknown activity type \"Weight Trainin\"" },
  { "bad-difficulty", "exercises.json", "Squat", "difficulty_level", "\"expert\"",
    AT_CATALOGUE_ERROR_INVALID,
    " (\"Squat\"): member \"difficulty_level\": \"expert\" is not one of"
    " beginner, intermediate, advanced" },
  { "not-an-array", "exercises.json", "Squat", "muscle_groups", "\"legs\"",
    AT_CATALOGUE_ERROR_INVALID, " (\"Squat\"): member \"muscle_groups\" must be an array of strings" },
  { "wrong-type", "exercises.json", "Deadlift", "default_sets", "\"three\"",
    AT_CATALOGUE_ERROR_INVALID, " (\"Deadlift\"): member \"default_sets\" must be an integer" },
  { "unknown-member", "exercises.json", "Squat", "dificulty", "\"beginner\"",
    AT_CATALOGUE_ERROR_INVALID, " (\"Squat\"): unknown member \"dificulty\"" },
  { "duplicate", "exercises.json", "Front Squat", "name", "\"Squat\"",
    AT_CATALOGUE_ERROR_INVALID, " (\"Squat\"): same key as entry 1" },
  { "syntax", "exercises.json", NULL, NULL, "[{\"name\": ",
    AT_CATALOGUE_ERROR_PARSE, "exercises.json:1:10: " },
  { "top-level", "goal-types.json", NULL, NULL, "{}",
    AT_CATALOGUE_ERROR_INVALID, "the top level must be an array" },
  { "missing-member", "categories.json", NULL, NULL, "[{\"description\": \"x\"}]",
    AT_CATALOGUE_ERROR_INVALID, "entry 1: missing member \"name\"" },
  { "too-long", "goal-types.json", "habit", "name",
    "\"a goal type name that is far longer than fifty characters\"",
    AT_CATALOGUE_ERROR_INVALID, "member \"name\" is longer than 50 characters" },
  { "factor", "units.json", "pounds", "conversion_factor", "0",
    AT_CATALOGUE_ERROR_INVALID, " (\"pounds\"): member \"conversion_factor\" must be greater than 0" },
  { "criteria-type", "achievement-types.json", "Week Streak", "criteria_json", "\"streak\"",
    AT_CATALOGUE_ERROR_INVALID, " (\"Week Streak\"): member \"criteria_json\" must be an object" },
  { "criteria-kind", "achievement-types.json", "Week Streak", "criteria_json",
    "{\"kind\": \"streak_weeks\", \"days\": 7}",
    AT_CATALOGUE_ERROR_INVALID, " (\"Week Streak\"): criteria_json: unknown kind \"streak_weeks\"" },
  { "criteria-type-name", "achievement-types.json", "Bookworm", "criteria_json",
    "{\"kind\": \"total_minutes\", \"activity_type\": \"Readin\", \"value\": 10}",
    AT_CATALOGUE_ERROR_INVALID,
    " (\"Bookworm\"): criteria_json: unknown activity type \"Readin\"" },
  { "template-unit", "activity-types.json", "Running", "metric_templates",
    "[{\"metric_name\": \"distance\", \"unit\": \"kilometres\", \"is_required\": true,"
    " \"display_order\": 1, \"input_type\": \"number\"}]",
    AT_CATALOGUE_ERROR_INVALID,
    " (\"Running\"): metric template 1 (\"distance\"): unknown unit \"kilometres\"" },
  { "template-rule", "activity-types.json", "Running", "metric_templates",
    "[{\"metric_name\": \"distance\", \"unit\": \"kilometers\", \"is_required\": true,"
    " \"display_order\": 1, \"input_type\": \"number\", \"validation_rule\": \"min:zero\"}]",
    AT_CATALOGUE_ERROR_INVALID,
    " (\"Running\"): metric template 1 (\"distance\"): member \"validation_rule\":"
    " \"min\" needs a number, not \"zero\"" },
  { "missing-file", "body-metric-types.json", NULL, NULL, NULL,
    AT_CATALOGUE_ERROR_PARSE, "cannot read the file" },
};

static JsonNode *
shipped_json (const char *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strconcat (CATALOGUE_PATH, file, NULL);
  g_autoptr (GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_autoptr (JsonParser) parser = json_parser_new ();

  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              &error);
  g_assert_no_error (error);
  return json_parser_steal_root (parser);
}

/* The index of the entry named @key, from 0. */
static guint
find_entry (JsonArray  *array,
            const char *key)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (object, "name", NULL), key) == 0)
        return i;
    }

  g_error ("no entry named \"%s\"", key);
}

static char *
shipped_text (const char *file,
              const char *key,
              const char *member,
              const char *value)
{
  g_autoptr (JsonNode) root = shipped_json (file);
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  if (g_str_equal (file, "index.json"))
    json_object_set_int_member (json_node_get_object (root), "version", 2);

  if (g_str_equal (file, "units.json"))
    {
      JsonObject *furlongs = json_object_new ();

      json_object_set_string_member (furlongs, "name", "furlongs");
      json_object_set_string_member (furlongs, "symbol", "fur");
      json_object_set_string_member (furlongs, "type", "distance");
      json_object_set_double_member (furlongs, "conversion_factor", 201.168);
      json_object_set_boolean_member (furlongs, "is_base_unit", FALSE);
      json_array_add_object_element (json_node_get_array (root), furlongs);
    }

  if (key != NULL)
    {
      JsonArray *array = json_node_get_array (root);
      JsonObject *entry = json_array_get_object_element (array, find_entry (array, key));
      g_autoptr (GError) error = NULL;
      JsonNode *node = json_from_string (value, &error);

      g_assert_no_error (error);
      json_object_set_member (entry, member, node);
    }

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* A temporary directory holding the shipped catalogue at version 2 with a
 * unit "furlongs" added, and @changed_file replaced by @changed_text (or
 * left out when that is NULL). */
static char *
write_catalogue_dir (const char *changed_file,
                     const char *changed_text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("at-catalogue-XXXXXX", &error);

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (catalogue_files); i++)
    {
      const char *file = catalogue_files[i];
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autofree char *text = NULL;

      if (g_strcmp0 (file, changed_file) == 0 && changed_text == NULL)
        continue;

      if (g_strcmp0 (file, changed_file) == 0)
        text = g_strdup (changed_text);
      else
        text = shipped_text (file, NULL, NULL, NULL);

      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
    }

  return g_steal_pointer (&dir);
}

static void
remove_catalogue_dir (const char *dir)
{
  for (guint i = 0; i < G_N_ELEMENTS (catalogue_files); i++)
    {
      g_autofree char *path = g_build_filename (dir, catalogue_files[i], NULL);

      g_remove (path);
    }

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_upgrade_from_dir (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3) db = open_installed_database ();
  g_autofree char *dir = write_catalogue_dir (NULL, NULL);
  g_autofree char *before = snapshot_ids (db);
  g_autofree char *version = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *after = NULL;
  gint64 n_units = query_int (db, "SELECT count (*) FROM unit");
  gint64 pounds_id = query_int (db, "SELECT id FROM unit WHERE name = 'pounds'");

  /* The directory is the shipped catalogue at version 2 with one new unit. */
  g_assert_true (at_catalogue_install_from_dir (db, dir, &error));
  g_assert_no_error (error);
  remove_catalogue_dir (dir);

  version = query_text (db, "SELECT value FROM at_meta WHERE key = 'catalogue_version'");
  g_assert_cmpstr (version, ==, "2");
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM unit"), ==, n_units + 1);
  g_assert_cmpint (query_int (db, "SELECT id FROM unit WHERE name = 'pounds'"), ==, pounds_id);
  g_assert_cmpint (query_int (db, "SELECT max (id) FROM unit WHERE name <> 'furlongs'"),
                   <, query_int (db, "SELECT id FROM unit WHERE name = 'furlongs'"));

  /* The shipped catalogue is older now, so installing it changes nothing. */
  g_assert_true (at_catalogue_install (db, &error));
  g_assert_no_error (error);
  kept = query_text (db, "SELECT value FROM at_meta WHERE key = 'catalogue_version'");
  g_assert_cmpstr (kept, ==, "2");
  exec_ok (db, "DELETE FROM unit WHERE name = 'furlongs'");
  after = snapshot_ids (db);
  g_assert_cmpstr (before, ==, after);
}

static void
check_bad_install (sqlite3       *db,
                   const BadCase *bad,
                   const char    *dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = snapshot_counts (db);
  g_autofree char *after = NULL;
  g_autofree char *prefix = NULL;

  g_assert_false (at_catalogue_install_from_dir (db, dir, &error));
  g_assert_error (error, AT_CATALOGUE_ERROR, bad->code);

  if (bad->key != NULL)
    {
      g_autoptr (JsonNode) root = shipped_json (bad->file);

      prefix = g_strdup_printf ("%s: entry %u", bad->file,
                                find_entry (json_node_get_array (root), bad->key) + 1);
    }
  else
    prefix = g_strdup_printf ("%s:", bad->file);

  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, bad->message) == NULL)
    g_error ("unexpected message \"%s\": wanted \"%s...%s\"", error->message, prefix, bad->message);

  /* Nothing half-written: not even the unit added by the valid units.json. */
  after = snapshot_counts (db);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM unit WHERE name = 'furlongs'"), ==, 0);

  /* The database is still usable after the rollback. */
  exec_ok (db, "SELECT count (*) FROM unit");
}

static void
test_bad_input (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (sqlite3) fresh = open_database ();
  g_autoptr (sqlite3) installed = open_installed_database ();

  if (bad->key != NULL)
    text = shipped_text (bad->file, bad->key, bad->member, bad->value);
  else
    text = g_strdup (bad->value);

  dir = write_catalogue_dir (bad->file, text);
  check_bad_install (fresh, bad, dir);
  check_bad_install (installed, bad, dir);
  remove_catalogue_dir (dir);

  g_assert_cmpint (query_int (fresh, "SELECT count (*) FROM activity_subtype"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* libat-core's resources are registered by hand; AtStore does it in the app. */
  _at_store_ensure_resources ();

  g_test_add_func ("/core/catalogue/shipped-version", test_shipped_version);
  g_test_add_func ("/core/catalogue/counts", test_counts);
  g_test_add_func ("/core/catalogue/consistency", test_consistency);
  g_test_add_func ("/core/catalogue/idempotent", test_idempotent);
  g_test_add_func ("/core/catalogue/upgrade/keeps-user-rows", test_upgrade_keeps_user_rows);
  g_test_add_func ("/core/catalogue/upgrade/from-dir", test_upgrade_from_dir);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/catalogue/bad-input/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_input);
    }

  return g_test_run ();
}
