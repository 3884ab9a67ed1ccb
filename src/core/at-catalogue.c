/* at-catalogue.c: installs the shipped catalogue: reads its files, upserts
 * every entry by its natural key (at-catalogue-entry.c checks and binds
 * it) and keeps the installed version, all or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "at-catalogue"

#include "config.h"

#include <string.h>

#include "at-catalogue-private.h"

#define CATALOGUE_RESOURCE_PATH "/org/activitytracker/ActivityTracker/catalogue"
#define INDEX_FILE              "index.json"
#define VERSION_KEY             "catalogue_version"

G_DEFINE_QUARK (at-catalogue-error-quark, at_catalogue_error)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Where the files come from: the resource bundle or a directory. */
typedef GBytes *(*LoadFunc) (const char  *source,
                             const char  *name,
                             GError     **error);

typedef struct
{
  LoadFunc    load;
  const char *source;
} FileLoader;

static GBytes *
load_resource (const char  *source,
               const char  *name,
               GError     **error)
{
  g_autofree char *path = g_build_path ("/", source, name, NULL);

  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

static GBytes *
load_from_dir (const char  *source,
               const char  *name,
               GError     **error)
{
  g_autofree char *path = g_build_filename (source, name, NULL);
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  return g_bytes_new_take (contents, length);
}

static JsonNode *
parse_file (const FileLoader  *loader,
            const char        *name,
            GError           **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JsonParser) parser = NULL;
  const char *data;
  gsize size = 0;

  bytes = loader->load (loader->source, name, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, AT_CATALOGUE_ERROR, AT_CATALOGUE_ERROR_PARSE,
                   "%s: cannot read the file: %s", name, local_error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    {
      g_set_error (error, AT_CATALOGUE_ERROR, AT_CATALOGUE_ERROR_PARSE,
                   "%s: the file is empty", name);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      const char *message = local_error->message;
      const char *separator = ": ";

      /* json-glib says "<data>:LINE:COLUMN: ..."; name the file instead. */
      if (g_str_has_prefix (message, "<data>:"))
        {
          message += strlen ("<data>:");
          separator = ":";
        }

      g_set_error (error, AT_CATALOGUE_ERROR, AT_CATALOGUE_ERROR_PARSE,
                   "%s%s%s", name, separator, message);
      return NULL;
    }

  return json_parser_steal_root (parser);
}

static gboolean
entry_sql_error (const Entry  *entry,
                 sqlite3      *db,
                 GError      **error)
{
  return _at_catalogue_entry_error (entry, error, AT_CATALOGUE_ERROR_SQL, "%s",
                                    sqlite3_errmsg (db));
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;

  g_set_error (error, AT_CATALOGUE_ERROR, AT_CATALOGUE_ERROR_SQL,
               "%s: %s", sql, message != NULL ? message : sqlite3_errmsg (db));
  sqlite3_free (message);
  return FALSE;
}

sqlite3_stmt *
_at_catalogue_prepare (sqlite3     *db,
                       const char  *sql,
                       GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (db, sql, -1, 0, &stmt, NULL) == SQLITE_OK)
    return stmt;

  g_set_error (error, AT_CATALOGUE_ERROR, AT_CATALOGUE_ERROR_SQL,
               "cannot prepare \"%s\": %s", sql, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return NULL;
}

static gboolean
step_upsert (Installer     *self,
             const Entry   *entry,
             sqlite3_stmt  *stmt,
             gint64        *out_id,
             GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return entry_sql_error (entry, self->db, error);

  *out_id = sqlite3_column_int64 (stmt, 0);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return entry_sql_error (entry, self->db, error);

  return TRUE;
}

static gboolean
install_entry (Installer     *self,
               const Kind    *kind,
               sqlite3_stmt  *stmt,
               const Entry   *entry,
               JsonObject    *object,
               gint64         parent_id,
               gint64        *out_id,
               GError       **error)
{
  return _at_catalogue_bind_entry (self, kind, entry, object, stmt, parent_id, error) &&
         step_upsert (self, entry, stmt, out_id, error);
}

/* Two entries of one array that land on the same row share a natural key. */
static gboolean
check_unique (GHashTable   *seen,
              const Entry  *entry,
              gint64        id,
              GError      **error)
{
  gpointer earlier = g_hash_table_lookup (seen, &id);

  if (earlier != NULL)
    return _at_catalogue_entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                                      "same key as entry %u", GPOINTER_TO_UINT (earlier));

  g_hash_table_insert (seen, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (entry->number));
  return TRUE;
}

static gboolean install_entries (Installer    *self,
                                 const Kind   *kind,
                                 JsonArray    *array,
                                 const Entry  *parent,
                                 gint64        parent_id,
                                 GError      **error);

static gboolean
install_children (Installer    *self,
                  const Kind   *kind,
                  const Entry  *entry,
                  JsonObject   *object,
                  gint64        id,
                  GError      **error)
{
  JsonNode *node;

  if (kind->children == NULL)
    return TRUE;

  node = json_object_get_member (object, kind->children_member);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _at_catalogue_entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                                      "member \"%s\" must be an array", kind->children_member);

  return install_entries (self, kind->children, json_node_get_array (node), entry, id, error);
}

static gboolean
install_entries (Installer    *self,
                 const Kind   *kind,
                 JsonArray    *array,
                 const Entry  *parent,
                 gint64        parent_id,
                 GError      **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) seen = NULL;

  stmt = _at_catalogue_prepare (self->db, kind->sql, error);
  if (stmt == NULL)
    {
      g_prefix_error (error, "%s: ", kind->file);
      return FALSE;
    }

  seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      Entry entry = { parent, kind->file, kind->what, i + 1, NULL };
      JsonObject *object;
      gint64 id = 0;
      gboolean ok;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return _at_catalogue_entry_error (&entry, error, AT_CATALOGUE_ERROR_INVALID,
                                          "not an object");

      object = json_node_get_object (node);
      entry.key = _at_catalogue_get_string_member (object, kind->key_member);

      ok = install_entry (self, kind, stmt, &entry, object, parent_id, &id, error);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);

      if (!ok
          || !check_unique (seen, &entry, id, error)
          || !install_children (self, kind, &entry, object, id, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
install_file (Installer         *self,
              const FileLoader  *loader,
              const Kind        *kind,
              GError           **error)
{
  g_autoptr (JsonNode) root = parse_file (loader, kind->file, error);

  if (root == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, AT_CATALOGUE_ERROR, AT_CATALOGUE_ERROR_INVALID,
                   "%s: the top level must be an array", kind->file);
      return FALSE;
    }

  return install_entries (self, kind, json_node_get_array (root), NULL, 0, error);
}

static gboolean
read_version (const FileLoader  *loader,
              int               *out_version,
              GError           **error)
{
  g_autoptr (JsonNode) root = parse_file (loader, INDEX_FILE, error);
  JsonNode *version = NULL;

  if (root == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_OBJECT (root))
    version = json_object_get_member (json_node_get_object (root), "version");

  if (version == NULL || !_at_catalogue_holds_type (version, G_TYPE_INT64)
      || json_node_get_int (version) < 1 || json_node_get_int (version) > G_MAXINT)
    {
      g_set_error (error, AT_CATALOGUE_ERROR, AT_CATALOGUE_ERROR_INVALID,
                   "%s: \"version\" must be a whole number of at least 1", INDEX_FILE);
      return FALSE;
    }

  *out_version = (int) json_node_get_int (version);
  return TRUE;
}

/* 0 when no catalogue was ever installed (or the value is not a number). */
static gboolean
read_installed_version (sqlite3  *db,
                        gint64   *out_version,
                        GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  *out_version = 0;
  stmt = _at_catalogue_prepare (db, "SELECT value FROM at_meta WHERE key = '" VERSION_KEY "'",
                                error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    g_ascii_string_to_signed ((const char *) sqlite3_column_text (stmt, 0), 10,
                              0, G_MAXINT, out_version, NULL);
  else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      g_set_error (error, AT_CATALOGUE_ERROR, AT_CATALOGUE_ERROR_SQL,
                   "cannot read the catalogue version: %s", sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_installed_version (sqlite3  *db,
                         int       version,
                         GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *text = g_strdup_printf ("%d", version);

  stmt = _at_catalogue_prepare (db,
                                "INSERT INTO at_meta (key, value) VALUES ('" VERSION_KEY "', ?1)"
                                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, AT_CATALOGUE_ERROR, AT_CATALOGUE_ERROR_SQL,
                   "cannot store the catalogue version: %s", sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

static gboolean
install_all (sqlite3           *db,
             const FileLoader  *loader,
             int                version,
             GError           **error)
{
  Installer self;
  gboolean ok;

  if (!_at_catalogue_installer_init (&self, db, error))
    return FALSE;

  ok = TRUE;
  for (guint i = 0; ok && _at_catalogue_kinds[i] != NULL; i++)
    ok = install_file (&self, loader, _at_catalogue_kinds[i], error);

  if (ok)
    ok = write_installed_version (db, version, error);

  _at_catalogue_installer_clear (&self);
  return ok;
}

/* All or nothing: on any failure the savepoint is rolled back. */
static gboolean
install_with_loader (sqlite3           *db,
                     const FileLoader  *loader,
                     GError           **error)
{
  g_autoptr (GError) local_error = NULL;
  gint64 installed = 0;
  int shipped = 0;

  if (!read_version (loader, &shipped, error)
      || !exec_sql (db, "SAVEPOINT at_catalogue_install", error))
    return FALSE;

  if (read_installed_version (db, &installed, &local_error)
      && (installed >= shipped || install_all (db, loader, shipped, &local_error))
      && exec_sql (db, "RELEASE at_catalogue_install", &local_error))
    return TRUE;

  exec_sql (db, "ROLLBACK TO at_catalogue_install", NULL);
  exec_sql (db, "RELEASE at_catalogue_install", NULL);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * at_catalogue_get_shipped_version:
 *
 * The core resources must be registered, as for at_catalogue_install().
 *
 * Returns: the `version` of the catalogue in the resource bundle, or 0 if it
 *   cannot be read (which is a packaging bug and logs a critical).
 */
int
at_catalogue_get_shipped_version (void)
{
  const FileLoader loader = { load_resource, CATALOGUE_RESOURCE_PATH };
  g_autoptr (GError) error = NULL;
  int version = 0;

  if (!read_version (&loader, &version, &error))
    g_critical ("Cannot read the shipped catalogue version: %s", error->message);

  return version;
}

/**
 * at_catalogue_install:
 * @db: an open database with the schema migrated
 * @error: return location for an #AtCatalogueError
 *
 * Brings the catalogue rows of @db up to the shipped catalogue. The core
 * resources must be registered (at_store_open() does it; a test calls
 * _at_store_ensure_resources(), which registers them once). Does nothing
 * when the installed version is already the shipped one or newer. Otherwise
 * upserts every entry by its natural key inside a savepoint and records the
 * version; on failure nothing is changed.
 *
 * Returns: %TRUE on success
 */
gboolean
at_catalogue_install (sqlite3  *db,
                      GError  **error)
{
  const FileLoader loader = { load_resource, CATALOGUE_RESOURCE_PATH };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return install_with_loader (db, &loader, error);
}

/**
 * at_catalogue_install_from_dir:
 * @db: an open database with the schema migrated
 * @dir: a directory holding `index.json` and the other catalogue files
 * @error: return location for an #AtCatalogueError
 *
 * Like at_catalogue_install(), with the files read from @dir.
 *
 * Returns: %TRUE on success
 */
gboolean
at_catalogue_install_from_dir (sqlite3     *db,
                               const char  *dir,
                               GError     **error)
{
  const FileLoader loader = { load_from_dir, dir };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return install_with_loader (db, &loader, error);
}
