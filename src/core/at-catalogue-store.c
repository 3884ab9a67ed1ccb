/* at-catalogue-store.c: the catalogue rows a user adds through an
 * AtStore, beside the shipped ones at-catalogue.c installs. */

#define G_LOG_DOMAIN "at-catalogue"

#include "config.h"

#include <glib/gi18n.h>

#include "at-catalogue-store.h"
#include "at-store-private.h"

#define BODY_TYPE_EXISTS_SQL "SELECT 1 FROM body_metric_type WHERE name = ?1"
#define UNIT_EXISTS_SQL "SELECT 1 FROM unit WHERE id = ?1"
#define ADD_BODY_TYPE_SQL \
  "INSERT INTO body_metric_type (name, category, default_unit_id) VALUES (?1, 'measurement', ?2)"

static gboolean
row_exists (AtStore     *store,
            const char  *sql,
            const char  *text,
            gint64       id,
            gboolean    *exists,
            GError     **error)
{
  g_autoptr(AtStatement) stmt = _at_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _at_store_set_error (store, rc, "body_metric_type", error);
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

/**
 * at_store_add_body_metric_type:
 * @name: what the user calls it, e.g. "Left calf"
 * @unit_id: the unit it is measured in
 * @type_id: (out) (optional): the new type
 *
 * Returns: %FALSE with an error, and nothing added
 */
gboolean
at_store_add_body_metric_type (AtStore     *store,
                               const char  *name,
                               gint64       unit_id,
                               gint64      *type_id,
                               GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *key = g_utf8_strdown (stripped, -1);
  g_autoptr(AtStatement) stmt = NULL;
  gboolean exists = FALSE;
  int rc;

  g_return_val_if_fail (AT_IS_STORE (store), FALSE);

  g_strdelimit (key, " ", '_');
  if (key[0] == '\0' || g_utf8_strlen (key, -1) > 50)
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
                   /* Translators: a new body measurement type's name */
                   _("name: give the measurement type a name of 1 to 50 characters"));
      return FALSE;
    }
  if (!row_exists (store, UNIT_EXISTS_SQL, NULL, unit_id, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
                   _("default_unit_id: there is no unit %" G_GINT64_FORMAT), unit_id);
      return FALSE;
    }
  if (!row_exists (store, BODY_TYPE_EXISTS_SQL, key, 0, &exists, error))
    return FALSE;
  if (exists)
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_CONSTRAINT,
                   _("name: a measurement type called “%s” exists already"), stripped);
      return FALSE;
    }

  stmt = _at_store_prepare (store, ADD_BODY_TYPE_SQL, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _at_store_set_error (store, rc, "body_metric_type", error);
  if (type_id != NULL)
    *type_id = sqlite3_last_insert_rowid (_at_store_get_db (store));
  return TRUE;
}
