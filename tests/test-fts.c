/* test-fts.c: the FTS5 indexes stay in step with sessions, exercises
 * (activity_subtype) and programs through every kind of edit. */

#include "config.h"

#include <string.h>

#include "at-catalogue.h"
#include "at-core.h"
#include "at-store-private.h"
#include "at-test-util.h"

#define DEFAULT_SEED 7171u
#define N_EDITS      300

static const char * const vocabulary[] = {
  "morning", "evening", "river", "hill", "tempo", "squat", "easy", "hard", "recovery",
  "interval", "long", "short", "park", "track", "gym", "home", "sunny", "rainy", "legs", "core",
};

static const char * const noise[] = {
  "the", "with", "and", "a", "by", "on", "after", "work",
};

/* The ids a MATCH query returns, sorted. */
static GArray *
fts_ids (sqlite3    *db,
         const char *table,
         const char *query)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ?1 ORDER BY rowid",
                                          table, table);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    g_error ("%s MATCH '%s': %s", table, query, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return ids;
}

static gboolean
fts_has (sqlite3    *db,
         const char *table,
         const char *query,
         gint64      id)
{
  g_autoptr(GArray) ids = fts_ids (db, table, query);

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Our own tokenizer: runs of ASCII letters and digits, folded to lower case
 * (the test text is ASCII, so unicode61 splits it the same way). */
static gboolean
text_has_word (const char *text,
               const char *word,
               gboolean    prefix)
{
  const char *p = text;
  gsize length = strlen (word);

  if (text == NULL)
    return FALSE;
  while (*p != '\0')
    {
      const char *start;
      gsize n;

      while (*p != '\0' && !g_ascii_isalnum (*p))
        p++;
      start = p;
      while (*p != '\0' && g_ascii_isalnum (*p))
        p++;
      n = (gsize) (p - start);
      if (n == 0)
        break;
      if ((prefix ? n >= length : n == length) && g_ascii_strncasecmp (start, word, length) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The ids of rows (id, text columns …) of a query that hold the word. */
static GArray *
brute_force_ids (sqlite3    *db,
                 const char *sql,
                 const char *word,
                 gboolean    prefix)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      for (int c = 1; c < sqlite3_column_count (stmt); c++)
        if (text_has_word ((const char *) sqlite3_column_text (stmt, c), word, prefix))
          {
            g_array_append_val (ids, id);
            break;
          }
    }
  sqlite3_finalize (stmt);
  return ids;
}

static void
assert_same_ids (GArray     *fts,
                 GArray     *expected,
                 const char *table,
                 const char *word)
{
  gboolean same = fts->len == expected->len;

  for (guint i = 0; same && i < fts->len; i++)
    same = g_array_index (fts, gint64, i) == g_array_index (expected, gint64, i);
  if (!same)
    g_error ("%s: MATCH '%s' found %u rows, the brute-force search %u", table, word, fts->len,
             expected->len);
}

/* Compares MATCH with the brute force for every word of the vocabulary,
 * and a prefix of each, then runs FTS5's own integrity check. */
static void
compare_all (sqlite3    *db,
             const char *table,
             const char *source_sql)
{
  g_autofree char *check = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('integrity-check')",
                                            table, table);
  guint non_empty = 0;

  for (guint w = 0; w < G_N_ELEMENTS (vocabulary); w++)
    {
      g_autofree char *prefix = g_strndup (vocabulary[w], 3);
      g_autofree char *prefix_query = g_strdup_printf ("%s*", prefix);
      g_autoptr(GArray) fts = fts_ids (db, table, vocabulary[w]);
      g_autoptr(GArray) expected = brute_force_ids (db, source_sql, vocabulary[w], FALSE);
      g_autoptr(GArray) fts_prefix = fts_ids (db, table, prefix_query);
      g_autoptr(GArray) expected_prefix = brute_force_ids (db, source_sql, prefix, TRUE);

      assert_same_ids (fts, expected, table, vocabulary[w]);
      assert_same_ids (fts_prefix, expected_prefix, table, prefix_query);
      non_empty += expected->len > 0;
    }
  /* The comparison is not trivially between empty sets. */
  g_assert_cmpuint (non_empty, >=, G_N_ELEMENTS (vocabulary) / 2);

  if (at_test_try_exec (db, check) != SQLITE_OK)
    g_error ("%s integrity-check: %s", table, sqlite3_errmsg (db));
}

static char *
random_text (GRand *rand,
             guint  max_words)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 1, max_words + 1);

  for (guint i = 0; i < n; i++)
    {
      const char *word = g_rand_int_range (rand, 0, 3) == 0
                       ? noise[g_rand_int_range (rand, 0, G_N_ELEMENTS (noise))]
                       : vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))];
      static const char * const separators[] = { " ", ", ", " - ", "/", ". ", "!" };

      if (i > 0)
        g_string_append (text, separators[g_rand_int_range (rand, 0, G_N_ELEMENTS (separators))]);
      if (g_rand_boolean (rand))
        {
          g_autofree char *upper = g_ascii_strup (word, -1);

          g_string_append (text, g_rand_boolean (rand) ? upper : word);
        }
      else
        {
          g_string_append_c (text, g_ascii_toupper (word[0]));
          g_string_append (text, word + 1);
        }
    }
  return g_string_free (text, FALSE);
}

static guint32
get_seed (void)
{
  const char *env = g_getenv ("AT_TEST_SEED");

  return env != NULL ? (guint32) g_ascii_strtoull (env, NULL, 10) : DEFAULT_SEED;
}

/* Sessions waiting for the commit to index them (migration 0002). */
static gint64
queued_sessions (sqlite3 *db)
{
  return at_test_query_int (db, "SELECT count (*) FROM session_fts_queue");
}

/* Sessions ----------------------------------------------------------------- */

static void
test_fts_sessions_basic (void)
{
  AtTestFixture f;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtSession) session = NULL;
  g_autoptr(AtRecord) stored = NULL;
  gint64 user_id, run, other;

  at_test_fixture_open (&f);
  user_id = at_test_create_user (f.store, "searcher");
  session = at_test_session_new (f.cat.running_id, 1000, "Morning run");
  at_record_set_string (AT_RECORD (session), "notes", "Easy pace along the river, felt great");
  at_record_set_string (AT_RECORD (session), "location", "Riverside Park");
  run = at_test_insert (f.store, user_id, session);
  other = at_test_add_session (f.store, user_id, f.cat.weight_training_id, 2000, "Leg day");

  g_assert_true (fts_has (f.db, "session_fts", "morning", run));
  g_assert_true (fts_has (f.db, "session_fts", "MORNING", run));
  g_assert_true (fts_has (f.db, "session_fts", "mor*", run));
  g_assert_true (fts_has (f.db, "session_fts", "river", run));
  g_assert_true (fts_has (f.db, "session_fts", "riverside", run));
  g_assert_true (fts_has (f.db, "session_fts", "location:park", run));
  g_assert_false (fts_has (f.db, "session_fts", "session_name:park", run));
  g_assert_false (fts_has (f.db, "session_fts", "morning", other));
  g_assert_true (fts_has (f.db, "session_fts", "leg", other));

  /* Rename: the old word no longer matches, the new one does. */
  stored = at_store_get (f.store, user_id, AT_TYPE_SESSION, run, &error);
  g_assert_no_error (error);
  at_record_set_string (stored, "session_name", "Evening café run");
  g_assert_true (at_store_update (f.store, user_id, stored, &error));
  g_assert_no_error (error);
  g_assert_false (fts_has (f.db, "session_fts", "morning", run));
  g_assert_false (fts_has (f.db, "session_fts", "mor*", run));
  g_assert_true (fts_has (f.db, "session_fts", "evening", run));
  /* remove_diacritics: café is found as cafe. */
  g_assert_true (fts_has (f.db, "session_fts", "cafe", run));
  g_assert_true (fts_has (f.db, "session_fts", "river", run));

  /* Soft delete: gone; undelete: back; delete: gone for good. */
  g_assert_true (at_store_soft_delete (f.store, user_id, AT_TYPE_SESSION, run, &error));
  g_assert_false (fts_has (f.db, "session_fts", "evening", run));
  g_assert_false (fts_has (f.db, "session_fts", "river", run));
  at_test_exec (f.db, "INSERT INTO session_fts (session_fts) VALUES ('integrity-check')");
  g_assert_true (at_store_undelete (f.store, user_id, AT_TYPE_SESSION, run, &error));
  g_assert_true (fts_has (f.db, "session_fts", "evening", run));
  g_assert_true (fts_has (f.db, "session_fts", "river", run));
  g_assert_true (at_store_delete (f.store, user_id, AT_TYPE_SESSION, run, &error));
  g_assert_no_error (error);
  g_assert_false (fts_has (f.db, "session_fts", "evening", run));
  g_assert_false (fts_has (f.db, "session_fts", "river", run));
  g_assert_true (fts_has (f.db, "session_fts", "leg", other));

  at_test_exec (f.db, "INSERT INTO session_fts (session_fts) VALUES ('integrity-check')");
  at_test_fixture_close (&f);
}

static void
test_fts_sessions_random (void)
{
  AtTestFixture f;
  guint32 seed = get_seed ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 users[2];
  guint commit_before = 0;

  g_test_message ("seed %u (set AT_TEST_SEED to repeat another)", seed);
  at_test_fixture_open (&f);
  users[0] = at_test_create_user (f.store, "first");
  users[1] = at_test_create_user (f.store, "second");

  for (guint edit = 0; edit < N_EDITS; edit++)
    {
      g_autoptr(GError) error = NULL;
      guint dice;
      gint64 id, owner;
      gboolean deleted;

      /* Runs of edits share a transaction, so the commit's queue meets
       * every kind of edit of a session it has not indexed yet. */
      if (commit_before == edit && commit_before != 0)
        {
          g_assert_true (at_store_commit (f.store, &error));
          g_assert_no_error (error);
          commit_before = 0;
        }
      if (commit_before == 0 && g_rand_int_range (rand, 0, 3) == 0)
        {
          g_assert_true (at_store_begin (f.store, &error));
          commit_before = edit + g_rand_int_range (rand, 2, 12);
        }

      dice = g_rand_int_range (rand, 0, 100);
      id = ids->len > 0 ? g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len)) : 0;
      owner = id > 0 ? at_test_query_int (f.db, "SELECT user_id FROM activity_session WHERE id = %"
                                                 G_GINT64_FORMAT, id) : 0;
      deleted = id > 0 && at_test_query_int (f.db, "SELECT deleted_at IS NOT NULL FROM"
                                             " activity_session WHERE id = %" G_GINT64_FORMAT, id);

      if (dice < 40 || ids->len < 5)
        {
          g_autofree char *name = random_text (rand, 3);
          g_autofree char *notes = random_text (rand, 8);
          g_autofree char *location = random_text (rand, 2);
          g_autoptr(AtSession) session = at_test_session_new (f.cat.running_id, 1000 + edit, name);
          gint64 new_id;

          if (g_rand_boolean (rand))
            at_record_set_string (AT_RECORD (session), "notes", notes);
          if (g_rand_boolean (rand))
            at_record_set_string (AT_RECORD (session), "location", location);
          new_id = at_test_insert (f.store, users[g_rand_int_range (rand, 0, 2)], session);
          g_array_append_val (ids, new_id);
        }
      else if (dice < 70)
        {
          g_autoptr(AtRecord) record = NULL;
          g_autofree char *text = random_text (rand, 4);
          static const char * const columns[] = { "session_name", "notes", "location" };
          const char *column = columns[g_rand_int_range (rand, 0, 3)];

          if (deleted)
            continue;
          record = at_store_get (f.store, owner, AT_TYPE_SESSION, id, &error);
          g_assert_no_error (error);
          if (g_rand_int_range (rand, 0, 5) == 0)
            at_record_set_null (record, column);
          else
            at_record_set_string (record, column, text);
          g_assert_true (at_store_update (f.store, owner, record, &error));
          g_assert_no_error (error);
        }
      else if (dice < 82)
        {
          if (deleted)
            g_assert_true (at_store_undelete (f.store, owner, AT_TYPE_SESSION, id, &error));
          else
            g_assert_true (at_store_soft_delete (f.store, owner, AT_TYPE_SESSION, id, &error));
          g_assert_no_error (error);
        }
      else if (dice < 95)
        {
          g_assert_true (at_store_delete (f.store, owner, AT_TYPE_SESSION, id, &error));
          g_assert_no_error (error);
          for (guint i = 0; i < ids->len; i++)
            if (g_array_index (ids, gint64, i) == id)
              g_array_remove_index_fast (ids, i);
        }
      else
        {
          gint64 purged = at_store_purge_deleted (f.store, owner, AT_TYPE_SESSION, &error);

          g_assert_no_error (error);
          g_assert_cmpint (purged, >=, 0);
          g_array_set_size (ids, 0);
          {
            sqlite3_stmt *stmt = NULL;

            g_assert_cmpint (sqlite3_prepare_v2 (f.db, "SELECT id FROM activity_session", -1, &stmt, NULL), ==, SQLITE_OK);
            while (sqlite3_step (stmt) == SQLITE_ROW)
              {
                gint64 left = sqlite3_column_int64 (stmt, 0);

                g_array_append_val (ids, left);
              }
            sqlite3_finalize (stmt);
          }
        }
    }

  if (commit_before != 0)
    g_assert_true (at_store_commit (f.store, NULL));
  g_assert_cmpint (queued_sessions (f.db), ==, 0);

  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(*) FROM activity_session WHERE deleted_at IS NOT NULL"), >, 0);
  compare_all (f.db, "session_fts",
               "SELECT id, session_name, notes, location FROM activity_session"
               " WHERE deleted_at IS NULL ORDER BY id");

  /* 'rebuild' from the content reproduces exactly what the triggers kept. */
  {
    g_autoptr(GArray) before = fts_ids (f.db, "session_fts", "river OR park OR gym");
    g_autoptr(GArray) after = NULL;

    at_test_exec (f.db, "INSERT INTO session_fts (session_fts) VALUES ('rebuild')");
    after = fts_ids (f.db, "session_fts", "river OR park OR gym");
    assert_same_ids (after, before, "session_fts after rebuild", "river OR park OR gym");
  }

  at_test_fixture_close (&f);
}

/* The queue of sessions indexed at the commit (migration 0002) ----------- */

static void
test_fts_sessions_queue (void)
{
  AtTestFixture f;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AtRecord) walk = NULL;
  g_autoptr(GArray) glacier = NULL;
  g_autofree char *stray = NULL;
  AtStore *reopened;
  gint64 user_id, loop, sprint, walk_id, fjord;

  at_test_fixture_open (&f);
  user_id = at_test_create_user (f.store, "queued");

  /* Inside a transaction new sessions wait in the queue, not the index... */
  g_assert_true (at_store_begin (f.store, &error));
  loop = at_test_add_session (f.store, user_id, f.cat.running_id, 1000, "Harbour loop");
  sprint = at_test_add_session (f.store, user_id, f.cat.running_id, 2000, "Harbour sprint");
  walk_id = at_test_add_session (f.store, user_id, f.cat.running_id, 3000, "Harbour walk");
  g_assert_cmpint (queued_sessions (f.db), ==, 3);
  g_assert_false (fts_has (f.db, "session_fts", "harbour", loop));

  /* ...and edits in the same transaction change the queue instead. */
  g_assert_true (at_store_soft_delete (f.store, user_id, AT_TYPE_SESSION, sprint, &error));
  walk = at_store_get (f.store, user_id, AT_TYPE_SESSION, walk_id, &error);
  g_assert_no_error (error);
  at_record_set_string (walk, "session_name", "Lighthouse walk");
  g_assert_true (at_store_update (f.store, user_id, walk, &error));
  g_assert_cmpint (queued_sessions (f.db), ==, 2);
  g_assert_true (at_store_commit (f.store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (queued_sessions (f.db), ==, 0);
  g_assert_true (fts_has (f.db, "session_fts", "harbour", loop));
  g_assert_false (fts_has (f.db, "session_fts", "harbour", sprint));
  g_assert_false (fts_has (f.db, "session_fts", "harbour", walk_id));
  g_assert_true (fts_has (f.db, "session_fts", "lighthouse", walk_id));
  at_test_exec (f.db, "INSERT INTO session_fts (session_fts) VALUES ('integrity-check')");

  /* A rolled-back transaction leaves nothing queued or indexed. */
  g_assert_true (at_store_begin (f.store, &error));
  at_test_add_session (f.store, user_id, f.cat.running_id, 4000, "Glacier hike");
  at_store_rollback (f.store);
  g_assert_cmpint (queued_sessions (f.db), ==, 0);
  glacier = fts_ids (f.db, "session_fts", "glacier");
  g_assert_cmpuint (glacier->len, ==, 0);

  /* A session written with plain SQL, not through the store, waits in the
   * queue: the check reports it, and the next opening indexes it. */
  stray = g_strdup_printf ("INSERT INTO activity_session (user_id, activity_type_id, session_name, started_at)"
                           " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'Fjord paddle', 5000)",
                           user_id, f.cat.running_id);
  at_test_exec (f.db, stray);
  fjord = sqlite3_last_insert_rowid (f.db);
  g_assert_cmpint (queued_sessions (f.db), ==, 1);
  g_assert_true (at_store_check (f.store, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, >=, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, problems->len - 1), "waiting to be indexed"));
  g_assert_false (fts_has (f.db, "session_fts", "fjord", fjord));

  reopened = at_store_open (f.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (queued_sessions (f.db), ==, 0);
  g_assert_true (fts_has (f.db, "session_fts", "fjord", fjord));
  g_assert_finalize_object (reopened);

  at_test_fixture_close (&f);
}

/* A file of data format 1, whose triggers wrote the index directly. */
static void
write_format_1_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = at_test_migration_sql (1);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  at_test_exec (db, "PRAGMA foreign_keys = ON");
  at_test_exec (db, sql);
  g_assert_true (at_catalogue_install (db, &error));
  g_assert_no_error (error);
  at_test_exec (db,
                "INSERT INTO app_user (id, username, email) VALUES (1, 'veteran', 'veteran@example.com');"
                "INSERT INTO activity_session (id, user_id, activity_type_id, session_name, started_at)"
                "  SELECT 10, 1, id, 'Canyon ride', 1000 FROM activity_type WHERE name = 'Running';"
                "PRAGMA user_version = 1;"
                "PRAGMA application_id = 1096045121;");  /* "ATRA" */
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_fts_sessions_upgrade (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = at_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(AtRecord) ride = NULL;
  AtStore *store;
  sqlite3 *db;

  write_format_1_file (path);
  store = at_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (at_store_get_version (store), ==, at_store_get_latest_version ());
  db = _at_store_get_db (store);

  /* What format 1 indexed is still found, and edits go through the queue. */
  g_assert_true (fts_has (db, "session_fts", "canyon", 10));
  ride = at_store_get (store, 1, AT_TYPE_SESSION, 10, &error);
  g_assert_no_error (error);
  at_record_set_string (ride, "session_name", "Desert ride");
  g_assert_true (at_store_update (store, 1, ride, &error));
  g_assert_no_error (error);
  g_assert_false (fts_has (db, "session_fts", "canyon", 10));
  g_assert_true (fts_has (db, "session_fts", "desert", 10));
  g_assert_cmpint (queued_sessions (db), ==, 0);
  at_test_exec (db, "INSERT INTO session_fts (session_fts) VALUES ('integrity-check')");

  g_assert_finalize_object (store);
  at_test_rm_rf (dir);
}

/* Exercises (activity_subtype, catalogue rows edited with SQL) ------------ */

static void
test_fts_exercises (void)
{
  AtTestFixture f;
  guint32 seed = get_seed () + 1;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint made = 0;

  g_test_message ("seed %u", seed);
  at_test_fixture_open (&f);
  g_assert_true (fts_has (f.db, "exercise_fts", "squat", f.cat.squat_id));

  for (guint edit = 0; edit < N_EDITS; edit++)
    {
      guint dice = g_rand_int_range (rand, 0, 100);
      g_autofree char *sql = NULL;

      if (dice < 45 || ids->len < 5)
        {
          g_autofree char *name = random_text (rand, 3);
          g_autofree char *unique = g_strdup_printf ("%s %u", name, made++);
          g_autofree char *description = random_text (rand, 8);

          sql = at_test_sql_printf ("INSERT INTO activity_subtype (activity_type_id, name, description)"
                                    " VALUES (%lld, %Q, %Q)", (long long) f.cat.weight_training_id,
                                    unique, g_rand_boolean (rand) ? description : NULL);
          at_test_exec (f.db, sql);
          {
            gint64 id = sqlite3_last_insert_rowid (f.db);

            g_array_append_val (ids, id);
          }
        }
      else
        {
          guint index = g_rand_int_range (rand, 0, ids->len);
          gint64 id = g_array_index (ids, gint64, index);

          if (dice < 85)
            {
              g_autofree char *text = random_text (rand, 6);

              if (g_rand_boolean (rand))
                sql = at_test_sql_printf ("UPDATE activity_subtype SET description = %Q WHERE id = %lld",
                                          g_rand_int_range (rand, 0, 4) == 0 ? NULL : text, (long long) id);
              else
                sql = at_test_sql_printf ("UPDATE activity_subtype SET name = %Q WHERE id = %lld",
                                          text, (long long) id);
              /* a rename may clash with another name of the type: that is fine */
              at_test_try_exec (f.db, sql);
            }
          else
            {
              sql = g_strdup_printf ("DELETE FROM activity_subtype WHERE id = %" G_GINT64_FORMAT, id);
              at_test_exec (f.db, sql);
              g_array_remove_index_fast (ids, index);
            }
        }
    }

  compare_all (f.db, "exercise_fts", "SELECT id, name, description FROM activity_subtype ORDER BY id");
  at_test_fixture_close (&f);
}

/* Programs ------------------------------------------------------------------ */

static void
test_fts_programs (void)
{
  AtTestFixture f;
  guint32 seed = get_seed () + 2;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 user_id;

  g_test_message ("seed %u", seed);
  at_test_fixture_open (&f);
  user_id = at_test_create_user (f.store, "coach");

  for (guint edit = 0; edit < N_EDITS; edit++)
    {
      g_autoptr(GError) error = NULL;
      guint dice = g_rand_int_range (rand, 0, 100);
      g_autofree char *tags = g_strdup_printf ("[\"%s\", \"%s\"]",
                                               vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))],
                                               vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))]);

      if (dice < 40 || ids->len < 5)
        {
          g_autoptr(AtProgram) program = at_program_new ();
          g_autofree char *name = random_text (rand, 3);
          g_autofree char *description = random_text (rand, 8);
          gint64 id;

          at_record_set_string (AT_RECORD (program), "name", name);
          if (g_rand_boolean (rand))
            at_record_set_string (AT_RECORD (program), "description", description);
          if (g_rand_boolean (rand))
            at_record_set_string (AT_RECORD (program), "tags", tags);
          id = at_test_insert (f.store, user_id, program);
          g_array_append_val (ids, id);
        }
      else
        {
          guint index = g_rand_int_range (rand, 0, ids->len);
          gint64 id = g_array_index (ids, gint64, index);
          gboolean deleted = at_test_query_int (f.db, "SELECT deleted_at IS NOT NULL FROM workout_program"
                                                " WHERE id = %" G_GINT64_FORMAT, id);

          if (dice < 70 && !deleted)
            {
              g_autoptr(AtRecord) record = at_store_get (f.store, user_id, AT_TYPE_PROGRAM, id, &error);
              g_autofree char *text = random_text (rand, 5);

              g_assert_no_error (error);
              switch (g_rand_int_range (rand, 0, 3))
                {
                case 0:
                  at_record_set_string (record, "name", text);
                  break;
                case 1:
                  at_record_set_string (record, "description", text);
                  break;
                default:
                  at_record_set_string (record, "tags", tags);
                  break;
                }
              g_assert_true (at_store_update (f.store, user_id, record, &error));
              g_assert_no_error (error);
            }
          else if (dice < 90)
            {
              if (deleted)
                g_assert_true (at_store_undelete (f.store, user_id, AT_TYPE_PROGRAM, id, &error));
              else
                g_assert_true (at_store_soft_delete (f.store, user_id, AT_TYPE_PROGRAM, id, &error));
              g_assert_no_error (error);
            }
          else
            {
              g_assert_true (at_store_delete (f.store, user_id, AT_TYPE_PROGRAM, id, &error));
              g_assert_no_error (error);
              g_array_remove_index_fast (ids, index);
            }
        }
    }

  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(*) FROM workout_program WHERE deleted_at IS NOT NULL"), >, 0);
  compare_all (f.db, "program_fts",
               "SELECT id, name, description, tags FROM workout_program"
               " WHERE deleted_at IS NULL ORDER BY id");

  /* Everything at_store_check looks at agrees too. */
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GError) error = NULL;

    g_assert_true (at_store_check (f.store, problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }

  at_test_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  at_test_keep_going (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/fts/sessions", test_fts_sessions_basic);
  g_test_add_func ("/core/fts/sessions-random", test_fts_sessions_random);
  g_test_add_func ("/core/fts/sessions-queue", test_fts_sessions_queue);
  g_test_add_func ("/core/fts/sessions-upgrade", test_fts_sessions_upgrade);
  g_test_add_func ("/core/fts/exercises-random", test_fts_exercises);
  g_test_add_func ("/core/fts/programs-random", test_fts_programs);

  return g_test_run ();
}
