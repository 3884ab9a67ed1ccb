/* at-store.c: the SQLite store — opening, checking and migrating the file,
 * transactions, the statement cache, statistics and integrity checks.
 * Row reading and writing through AtRecord lives in at-store-records.c.
 */

#define G_LOG_DOMAIN "at-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "at-catalogue.h"
#include "at-core-resources.h"
#include "at-store-private.h"
#include "at-uuid.h"

/* "ATRA" in the SQLite header: this file is an Activity Tracker database. */
#define AT_APPLICATION_ID 0x41545241
#define BUSY_TIMEOUT_MS   5000
#define READ_ONLY_PROBLEM _("the file is read-only; Activity Tracker needs to write to it")

G_DEFINE_FINAL_TYPE (AtStore, at_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (at-store-error-quark, at_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Numbered migrations, applied in order; the number is PRAGMA user_version. */
static const char * const migrations[] = {
  RESOURCE_BASE "/sql/0001-initial.sql",
  RESOURCE_BASE "/sql/0002-session-search-queue.sql",
  RESOURCE_BASE "/sql/0003-uuid-bytes.sql",
  RESOURCE_BASE "/sql/0004-days-active-from-sessions.sql",
};
#define SEARCH_QUEUE_VERSION 2
#define ANY_SESSION_QUEUED_SQL "SELECT EXISTS (SELECT 1 FROM session_fts_queue)"

static gboolean
set_file_error (GError     **error,
                int          code,
                const char  *path,
                const char  *problem)
{
  /* Translators: the first %s is a file name, the second what is wrong with it */
  g_set_error (error, AT_STORE_ERROR, code, _("Cannot open “%s”: %s"), path, problem);
  return FALSE;
}

static int
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      return AT_STORE_ERROR_CONSTRAINT;
    case SQLITE_NOTADB:
      return AT_STORE_ERROR_NOT_A_DATABASE;
    case SQLITE_CORRUPT:
      return AT_STORE_ERROR_CORRUPT;
    case SQLITE_READONLY:
      return AT_STORE_ERROR_READ_ONLY;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return AT_STORE_ERROR_CANNOT_OPEN;
    default:
      return AT_STORE_ERROR_FAILED;
    }
}

gboolean
_at_store_set_error (AtStore     *self,
                     int          rc,
                     const char  *what,
                     GError     **error)
{
  g_set_error (error, AT_STORE_ERROR, error_code_for (rc), "%s: %s",
               what, self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  return FALSE;
}

sqlite3 *
_at_store_get_db (AtStore *self)
{
  return self->db;
}

gboolean
_at_store_in_transaction (AtStore *self)
{
  return self->transaction_depth > 0;
}

sqlite3_stmt *
_at_store_prepare (AtStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _at_store_set_error (self, rc, _("Cannot prepare a query"), error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* The statements' SQL runs to hundreds of bytes, and a save looks a dozen
 * up: g_str_hash() takes them a byte at a time, this eight. */
static guint
sql_hash (gconstpointer data)
{
  const char *sql = data;
  size_t length = strlen (sql);
  guint64 hash = length;

  for (size_t i = 0; i + sizeof (guint64) <= length; i += sizeof (guint64))
    {
      guint64 chunk;

      memcpy (&chunk, sql + i, sizeof chunk);
      hash = (hash ^ chunk) * G_GUINT64_CONSTANT (0x100000001b3);
    }
  for (size_t i = length - length % sizeof (guint64); i < length; i++)
    hash = (hash ^ (guchar) sql[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  return (guint) (hash ^ (hash >> 32));
}

static guint
statement_key_hash (gconstpointer data)
{
  const AtStatementKey *key = data;

  return (guint) (key->type * 31 + key->kind * 7 + key->mask * 131 + (key->mask >> 32));
}

static gboolean
statement_key_equal (gconstpointer a,
                     gconstpointer b)
{
  const AtStatementKey *x = a, *y = b;

  return x->type == y->type && x->kind == y->kind && x->mask == y->mask;
}

/**
 * _at_store_prepare_generated:
 * @build: makes the SQL, called only the first time @key is asked for
 *
 * The statement cache for SQL generated from a record class: looked up by
 * a small key, so hot paths neither rebuild nor hash the SQL text.
 */
sqlite3_stmt *
_at_store_prepare_generated (AtStore              *self,
                             const AtStatementKey *key,
                             AtBuildSql            build,
                             GError              **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->generated, key);
  g_autofree char *sql = NULL;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  sql = build (key);
  stmt = _at_store_prepare (self, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (self->generated, g_memdup2 (key, sizeof *key), stmt);
  return stmt;
}

gboolean
_at_store_exec (AtStore     *self,
                const char  *sql,
                GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, AT_STORE_ERROR, error_code_for (rc), "%s",
                   message != NULL ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

void
_at_store_emit_changed (AtStore       *self,
                        GType          type,
                        gint64         id,
                        AtStoreChange  change)
{
  g_signal_emit (self, signals [CHANGED], 0, type, id, change);
}

gboolean
_at_store_query_int (AtStore     *self,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(AtStatement) stmt = _at_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _at_store_set_error (self, rc, sql, error);

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Reads the header and the schema without writing a byte, so that a file
 * that is not ours, is damaged or is newer is refused untouched. */
static gboolean
check_file (AtStore  *self,
            GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 application_id = 0;
  gint64 n_objects = 0;
  gint64 version = 0;

  if (!_at_store_query_int (self, "PRAGMA application_id", &application_id, &local_error) ||
      !_at_store_query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, &local_error) ||
      !_at_store_query_int (self, "PRAGMA user_version", &version, &local_error))
    {
      if (g_error_matches (local_error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_A_DATABASE))
        return set_file_error (error, AT_STORE_ERROR_NOT_A_DATABASE, self->path,
                               _("the file is not a database"));
      if (g_error_matches (local_error, AT_STORE_ERROR, AT_STORE_ERROR_CORRUPT))
        return set_file_error (error, AT_STORE_ERROR_CORRUPT, self->path,
                               _("the database is damaged (“database disk image is malformed”); "
                                 "it was left as it was"));
      if (g_error_matches (local_error, AT_STORE_ERROR, AT_STORE_ERROR_READ_ONLY))
        return set_file_error (error, AT_STORE_ERROR_READ_ONLY, self->path, READ_ONLY_PROBLEM);
      return set_file_error (error, local_error->code, self->path, local_error->message);
    }

  if (application_id != AT_APPLICATION_ID && (application_id != 0 || n_objects > 0))
    return set_file_error (error, AT_STORE_ERROR_NOT_OURS, self->path,
                           _("the database was not made by Activity Tracker"));

  if (version > at_store_get_latest_version ())
    {
      g_autofree char *problem =
        g_strdup_printf (_("it was written by a newer version of Activity Tracker "
                           "(data format %d; this version reads up to %d). "
                           "Update Activity Tracker to open it; the file was not changed"),
                         (int) version, at_store_get_latest_version ());
      return set_file_error (error, AT_STORE_ERROR_NEWER_FILE, self->path, problem);
    }

  if (sqlite3_db_readonly (self->db, "main") == 1)
    return set_file_error (error, AT_STORE_ERROR_READ_ONLY, self->path, READ_ONLY_PROBLEM);

  self->version = (int) version;
  return TRUE;
}

static gboolean
configure_connection (AtStore  *self,
                      GError  **error)
{
  g_autoptr(GError) local_error = NULL;

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  if (_at_uuid_add_sql_function (self->db) != SQLITE_OK)
    return set_file_error (error, AT_STORE_ERROR_CANNOT_OPEN, self->path, sqlite3_errmsg (self->db));
  if (!_at_store_exec (self,
                       "PRAGMA foreign_keys = ON;"
                       "PRAGMA journal_mode = WAL;"
                       "PRAGMA synchronous = FULL;"
                       "PRAGMA temp_store = MEMORY;"
                       /* Reads straight from the mapped file, no copy per page;
                        * writes still go through the log. */
                       "PRAGMA mmap_size = 2147418112;"
                       "PRAGMA cache_size = -65536;",
                       &local_error))
    return set_file_error (error, local_error->code, self->path, local_error->message);

  /* The log goes back into the file on a thread of its own, not in a save. */
  self->checkpointer = _at_checkpointer_new (self->db, self->path);
  return TRUE;
}

/* A migration may build a table again (SQLite cannot change a column's
 * type): create it under a new name, fill it, drop the old one and rename
 * the new one. That is done as SQLite's documentation says, with foreign
 * keys off (dropping a parent would otherwise delete its children) and the
 * legacy rename (which leaves the views and triggers that name the table
 * alone), and the foreign keys checked before the commit: a migration may
 * not leave more rows pointing nowhere than the file had (a file damaged
 * that way before still opens, and at_store_check() reports it). */
#define MIGRATION_SETTINGS "PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON;"
#define NORMAL_SETTINGS "PRAGMA legacy_alter_table = OFF; PRAGMA foreign_keys = ON;"
#define BROKEN_LINKS_SQL "SELECT count(*) FROM pragma_foreign_key_check"

static gboolean
run_migration (AtStore     *self,
               const char  *sql,
               int          number,
               GError     **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                                  number, AT_APPLICATION_ID);
  gint64 broken_before = 0;
  gint64 broken_after = 0;

  if (!at_store_begin (self, error))
    return FALSE;
  if (!_at_store_query_int (self, BROKEN_LINKS_SQL, &broken_before, error) ||
      !_at_store_exec (self, sql, error) ||
      !_at_store_exec (self, set_version, error) ||
      !_at_store_query_int (self, BROKEN_LINKS_SQL, &broken_after, error))
    {
      at_store_rollback (self);
      return FALSE;
    }
  if (broken_after > broken_before)
    {
      at_store_rollback (self);
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_CONSTRAINT,
                   ngettext ("%lu row would refer to one that does not exist",
                             "%lu rows would refer to ones that do not exist",
                             (gulong) (broken_after - broken_before)),
                   (gulong) (broken_after - broken_before));
      return FALSE;
    }
  if (!at_store_commit (self, error))
    {
      at_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_migration (AtStore  *self,
                 int       number,
                 GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean applied;

  bytes = g_resources_lookup_data (_at_store_migration_resource (number),
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  if (!_at_store_exec (self, MIGRATION_SETTINGS, error))
    return FALSE;
  applied = run_migration (self, g_bytes_get_data (bytes, NULL), number, &local_error);
  /* Even after a failure: the connection must get its own settings back. */
  if (!_at_store_exec (self, NORMAL_SETTINGS, applied ? &local_error : NULL))
    applied = FALSE;

  if (!applied)
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_MIGRATION,
                   _("Cannot upgrade “%s” to data format %d: %s. Nothing was changed"),
                   self->path, number, local_error->message);
      return FALSE;
    }

  self->version = number;
  return TRUE;
}

/* Sessions that a writer other than the store (plain SQL) left queued for
 * search are indexed when the file is opened: an empty transaction's
 * commit does it. */
static gboolean
index_sessions_left_queued (AtStore  *self,
                            GError  **error)
{
  gint64 queued;

  if (!_at_store_query_int (self, ANY_SESSION_QUEUED_SQL, &queued, error))
    return FALSE;
  if (!queued)
    return TRUE;
  if (!at_store_begin (self, error))
    return FALSE;
  if (!at_store_commit (self, error))
    {
      at_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (AtStore  *self,
         GError  **error)
{
  /* A bulk load that was cut short is finished first, in the format it
   * began in: a migration that builds a table again makes its indexes. */
  if (self->version > 0 && !_at_store_rebuild_bulk_load_indexes (self, error))
    {
      g_prefix_error (error, _("Cannot open “%s”: "), self->path);
      return FALSE;
    }

  for (int number = self->version + 1; number <= at_store_get_latest_version (); number++)
    {
      if (!apply_migration (self, number, error))
        return FALSE;
    }

  if (!at_catalogue_install (self->db, error) ||
      !index_sessions_left_queued (self, error))
    {
      g_prefix_error (error, _("Cannot open “%s”: "), self->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_connection (AtStore  *self,
                 GError  **error)
{
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  int rc;

  if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
    return set_file_error (error, AT_STORE_ERROR_CANNOT_OPEN, self->path, _("it is a folder"));

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *folder = g_path_get_dirname (self->path);

      if (g_mkdir_with_parents (folder, 0700) != 0)
        return set_file_error (error, AT_STORE_ERROR_CANNOT_OPEN, self->path, g_strerror (errno));
      flags |= SQLITE_OPEN_CREATE;
    }

  rc = sqlite3_open_v2 (self->path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    return set_file_error (error, AT_STORE_ERROR_CANNOT_OPEN, self->path,
                           self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));

  return TRUE;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
at_store_finalize (GObject *object)
{
  AtStore *self = AT_STORE (object);

  g_clear_pointer (&self->generated, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->touched_sessions, g_hash_table_unref);
  g_clear_pointer (&self->touched_records, g_hash_table_unref);
  g_clear_pointer (&self->touched_users, g_hash_table_unref);
  g_clear_pointer (&self->units, g_hash_table_unref);
  g_clear_pointer (&self->checkpointer, _at_checkpointer_free);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (at_store_parent_class)->finalize (object);
}

static void
at_store_class_init (AtStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = at_store_finalize;

  /**
   * AtStore::changed:
   * @type: the record type whose table changed
   * @id: the row, or 0 for many rows
   * @change: an #AtStoreChange
   *
   * Emitted after a row is written, so lists can refresh.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_GTYPE, G_TYPE_INT64, G_TYPE_INT);
}

static void
at_store_init (AtStore *self)
{
  self->touched_sessions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->touched_records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->touched_users = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->statements = g_hash_table_new_full (sql_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->generated = g_hash_table_new_full (statement_key_hash, statement_key_equal, g_free, NULL);
}

/**
 * at_store_get_default_path:
 *
 * Returns: the default profile's database, under $XDG_DATA_HOME/<app-id>/.
 */
char *
at_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, "activity-tracker.db", NULL);
}

int
at_store_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/* The resource path of migration @number, 1 to the latest version: also
 * how tests build a file of an older format. */
const char *
_at_store_migration_resource (int number)
{
  g_return_val_if_fail (number >= 1 && number <= (int) G_N_ELEMENTS (migrations), NULL);

  return migrations[number - 1];
}

/* libat-core is static: its resources are registered by hand, not by a
 * constructor the linker could drop. Once only: GResource must not be
 * registered twice. */
void
_at_store_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      at_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

/* SQLite counts every allocation under a global lock unless told not to;
 * nothing here reads those counts. Too late once SQLite is initialised
 * (another library used it first): then it stays as it was. */
static void
configure_sqlite (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
}

/**
 * at_store_open:
 * @path: the database file; created with its folder when missing
 *
 * Opens a profile's database: checks it is ours and not newer than this
 * version, applies the missing migrations (one transaction each) and
 * installs or upgrades the catalogue. A file that fails a check is left
 * byte for byte as it was.
 */
AtStore *
at_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(AtStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _at_store_ensure_resources ();
  configure_sqlite ();
  self = g_object_new (AT_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!open_connection (self, error) ||
      !check_file (self, error) ||
      !configure_connection (self, error) ||
      !migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
at_store_get_path (AtStore *self)
{
  g_return_val_if_fail (AT_IS_STORE (self), NULL);

  return self->path;
}

int
at_store_get_version (AtStore *self)
{
  g_return_val_if_fail (AT_IS_STORE (self), 0);

  return self->version;
}

/* Runs one cached statement that returns no rows, e.g. SAVEPOINT. */
static gboolean
step_once (AtStore     *self,
           const char  *sql,
           GError     **error)
{
  g_autoptr(AtStatement) stmt = _at_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _at_store_set_error (self, rc, sql, error);
  return TRUE;
}

/**
 * at_store_begin:
 *
 * Starts a transaction, or a savepoint inside one: every write between this
 * and at_store_commit() lands whole or not at all.
 */
gboolean
at_store_begin (AtStore  *self,
                GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (AT_IS_STORE (self), FALSE);

  sql = self->transaction_depth == 0
      ? g_strdup ("BEGIN IMMEDIATE")
      : g_strdup_printf ("SAVEPOINT at_%u", self->transaction_depth);
  if (!step_once (self, sql, error))
    return FALSE;

  self->transaction_depth++;
  return TRUE;
}

/* Indexes the sessions the transaction queued for search, in one
 * statement: one FTS5 segment per transaction (see migration 0002). */
static gboolean
index_queued_sessions (AtStore  *self,
                       GError  **error)
{
  gint64 queued;

  /* Migrations up to the one that made the queue commit without it. */
  if (self->version < SEARCH_QUEUE_VERSION)
    return TRUE;
  if (!_at_store_query_int (self, ANY_SESSION_QUEUED_SQL, &queued, error))
    return FALSE;
  return !queued ||
         (step_once (self,
                     "INSERT INTO session_fts (rowid, owner, session_name, notes, location)"
                     " SELECT s.id, 'u' || s.user_id, s.session_name, s.notes, s.location"
                     " FROM session_fts_queue q JOIN activity_session s ON s.id = q.id",
                     error) &&
          step_once (self, "DELETE FROM session_fts_queue", error));
}

gboolean
at_store_commit (AtStore  *self,
                 GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (AT_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (self->failed_depth >= self->transaction_depth)
    {
      if (self->transaction_depth == 1)
        {
          g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_FAILED,
                       _("A write of this transaction failed half-way: roll it back"));
          return FALSE;
        }
      self->failed_depth = self->transaction_depth - 1;
    }

  if (self->transaction_depth == 1 &&
      (!_at_store_apply_training_rules (self, error) || !index_queued_sessions (self, error)))
    return FALSE;

  sql = self->transaction_depth == 1
      ? g_strdup ("COMMIT")
      : g_strdup_printf ("RELEASE at_%u", self->transaction_depth - 1);
  if (!step_once (self, sql, error))
    return FALSE;

  self->transaction_depth--;
  return TRUE;
}

void
at_store_rollback (AtStore *self)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AT_IS_STORE (self));
  g_return_if_fail (self->transaction_depth > 0);

  sql = self->transaction_depth == 1
      ? g_strdup ("ROLLBACK")
      : g_strdup_printf ("ROLLBACK TO at_%u", self->transaction_depth - 1);
  if (!step_once (self, sql, &error))
    g_warning ("Cannot roll back: %s", error->message);
  if (self->transaction_depth > 1)
    {
      g_free (sql);
      sql = g_strdup_printf ("RELEASE at_%u", self->transaction_depth - 1);
      if (!step_once (self, sql, &error))
        g_warning ("Cannot release a savepoint: %s", error->message);
    }

  self->transaction_depth--;
  if (self->failed_depth > self->transaction_depth)
    self->failed_depth = 0;
  if (self->transaction_depth == 0)
    _at_store_forget_touched (self);
}

/**
 * _at_store_fail_transaction:
 *
 * Says that a write of several statements failed inside the caller's
 * transaction without a savepoint of its own: the transaction must be
 * rolled back, and committing it fails.
 */
void
_at_store_fail_transaction (AtStore *self)
{
  g_return_if_fail (self->transaction_depth > 0);

  self->failed_depth = MAX (self->failed_depth, self->transaction_depth);
}

