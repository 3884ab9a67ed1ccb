/* at-store-records.c: reading and writing any AtRecord.
 *
 * The SQL is generated from the class's column descriptors, prepared once
 * and reused. Every statement carries the user it acts for: a row is
 * reachable only through its owner column or the chain of parent rows that
 * leads to one (the store's row-level security).
 */

#define G_LOG_DOMAIN "at-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "at-record-private.h"
#include "at-store-private.h"
#include "at-user.h"
#include "at-uuid.h"

typedef enum
{
  ACCESS_READ,
  ACCESS_WRITE,
} Access;

/* What a generated statement does: the kind of its AtStatementKey. */
enum
{
  SQL_INSERT,        /* mask: the columns named */
  SQL_INSERT_ROW,    /* mask: the number of rows */
  SQL_UPDATE,
  SQL_READ_BACK,
  SQL_LINK_READ,
  SQL_LINK_WRITE,
};

static AtRecordClass *
key_class (const AtStatementKey *key)
{
  /* Every record class is kept alive by the records the caller holds. */
  return g_type_class_peek (key->type);
}

static void
append_owner_predicate (GString       *sql,
                        AtRecordClass *klass,
                        Access         access)
{
  if (klass->owner_column != NULL)
    {
      g_string_append_printf (sql, "(%s = :user", klass->owner_column);
      if (access == ACCESS_READ && klass->owner_read_extra != NULL)
        g_string_append_printf (sql, " OR %s", klass->owner_read_extra);
      g_string_append_c (sql, ')');
      return;
    }

  if (at_record_class_is_catalogue (klass))
    {
      g_string_append (sql, access == ACCESS_READ ? "1" : "0");
      return;
    }

  g_string_append_c (sql, '(');
  for (guint i = 0; i < G_N_ELEMENTS (klass->parents) && klass->parents[i].column; i++)
    {
      AtRecordClass *parent = g_type_class_peek (klass->parents[i].type);

      if (parent == NULL)
        parent = g_type_class_ref (klass->parents[i].type);  /* kept for the process */
      if (i > 0)
        g_string_append (sql, " OR ");
      g_string_append_printf (sql, "%s IN (SELECT id FROM %s WHERE ",
                              klass->parents[i].column, parent->table);
      append_owner_predicate (sql, parent, access);
      g_string_append_c (sql, ')');
    }
  g_string_append_c (sql, ')');
}

static void
append_select_columns (GString       *sql,
                       AtRecordClass *klass)
{
  g_string_append (sql, klass->has_uuid ? "id, uuid" : "id, NULL");
  for (guint i = 0; i < klass->n_columns; i++)
    g_string_append_printf (sql, ", %s", klass->columns[i].name);
}

/* Binds column @column of @record to parameter @index. */
static void
bind_column (sqlite3_stmt *stmt,
             int           index,
             AtRecord     *record,
             guint         column)
{
  const AtCell *value = _at_record_peek_cell (record, column);

  if (value == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  switch (AT_RECORD_GET_CLASS (record)->columns[column].kind)
    {
    case AT_COLUMN_INTEGER:
    case AT_COLUMN_TIMESTAMP:
    case AT_COLUMN_BOOLEAN:
      sqlite3_bind_int64 (stmt, index, value->integer);
      break;
    case AT_COLUMN_REAL:
      sqlite3_bind_double (stmt, index, value->real);
      break;
    case AT_COLUMN_TEXT:
    case AT_COLUMN_DATE:
    case AT_COLUMN_JSON:
    default:
      sqlite3_bind_text (stmt, index, value->text, -1, SQLITE_TRANSIENT);
      break;
    }
}

static void
load_column (AtRecord       *record,
             guint           index,
             const AtColumn *column,
             sqlite3_stmt   *stmt,
             int             field)
{
  AtCell value;

  if (sqlite3_column_type (stmt, field) == SQLITE_NULL)
    {
      _at_record_load_cell (record, index, NULL);
      return;
    }

  switch (column->kind)
    {
    case AT_COLUMN_INTEGER:
    case AT_COLUMN_TIMESTAMP:
    case AT_COLUMN_BOOLEAN:
      value.integer = sqlite3_column_int64 (stmt, field);
      break;
    case AT_COLUMN_REAL:
      value.real = sqlite3_column_double (stmt, field);
      break;
    case AT_COLUMN_TEXT:
    case AT_COLUMN_DATE:
    case AT_COLUMN_JSON:
    default:
      value.text = (char *) sqlite3_column_text (stmt, field);
      break;
    }

  _at_record_load_cell (record, index, &value);
}

/* Fills a record from a row laid out by append_select_columns(). */
static void
load_row (AtRecord     *record,
          sqlite3_stmt *stmt)
{
  AtRecordClass *klass = AT_RECORD_GET_CLASS (record);
  char uuid[AT_UUID_TEXT_SIZE];

  g_object_freeze_notify (G_OBJECT (record));
  _at_record_set_id (record, sqlite3_column_int64 (stmt, 0));
  _at_record_set_uuid (record, _at_uuid_column_text (stmt, 1, uuid));
  for (guint i = 0; i < klass->n_columns; i++)
    load_column (record, i, &klass->columns[i], stmt, (int) i + 2);
  g_object_thaw_notify (G_OBJECT (record));
}

static gboolean
is_written (const AtColumn *column)
{
  return !(column->flags & AT_COLUMN_GENERATED) &&
         strcmp (column->name, "created_at") != 0 &&
         strcmp (column->name, "updated_at") != 0 &&
         strcmp (column->name, "deleted_at") != 0;
}

static gboolean
check_writable_class (AtRecordClass  *klass,
                      GError        **error)
{
  if (at_record_class_is_catalogue (klass))
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_PERMISSION,
                   _("%s is part of the catalogue, which only Activity Tracker updates"),
                   klass->table);
      return FALSE;
    }
  return TRUE;
}

/* The owner column always names the acting user: a row cannot be written
 * on someone else's behalf. */
static void
set_owner (AtRecord *record,
           gint64    user_id)
{
  AtRecordClass *klass = AT_RECORD_GET_CLASS (record);

  if (klass->owner_column != NULL && strcmp (klass->owner_column, "id") != 0)
    at_record_set_int (record, klass->owner_column, user_id);
}

/**
 * _at_store_check_record:
 *
 * Makes a record ready to be written for the user: owner set, derived
 * values filled in, every rule checked. Nothing is written.
 */
gboolean
_at_store_check_record (AtStore   *self,
                        gint64     user_id,
                        AtRecord  *record,
                        GError   **error)
{
  AtRecordClass *klass = AT_RECORD_GET_CLASS (record);

  set_owner (record, user_id);
  if (klass->prepare_write != NULL && !klass->prepare_write (record, self, user_id, error))
    return FALSE;
  return at_record_validate (record, error);
}

static char *
build_link_check (const AtStatementKey *key)
{
  AtRecordClass *target = key_class (key);
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "SELECT 1 FROM %s WHERE id = :id AND ", target->table);
  append_owner_predicate (sql, target, key->kind == SQL_LINK_READ ? ACCESS_READ : ACCESS_WRITE);
  return g_string_free (sql, FALSE);
}

/* A row may only point at rows the user may use: its parents must be the
 * user's own, the other rows it names readable by the user. Checked before
 * the write, so that nothing about another user's rows leaks out of a
 * constraint error. */
static gboolean
check_link (AtStore               *self,
            AtRecord              *record,
            const AtRecordParent  *link,
            Access                 access,
            gint64                 user_id,
            GError               **error)
{
  AtRecordClass *target = g_type_class_peek (link->type);
  AtStatementKey key = { link->type, access == ACCESS_READ ? SQL_LINK_READ : SQL_LINK_WRITE, 0 };
  g_autoptr(AtStatement) stmt = NULL;
  gint64 id;

  if (link->column == NULL || at_record_is_null (record, link->column))
    return TRUE;

  if (target == NULL)
    target = g_type_class_ref (link->type);  /* kept for the process */

  id = at_record_get_int (record, link->column);
  stmt = _at_store_prepare_generated (self, &key, build_link_check, error);
  if (stmt == NULL)
    return FALSE;
  at_statement_bind_int (stmt, ":id", id);
  at_statement_bind_int (stmt, ":user", user_id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_PERMISSION,
                   _("%s.%s: %s row %" PRId64 " is not one of this user's"),
                   AT_RECORD_GET_CLASS (record)->table, link->column, target->table, id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_links (AtStore   *self,
             AtRecord  *record,
             gint64     user_id,
             GError   **error)
{
  AtRecordClass *klass = AT_RECORD_GET_CLASS (record);

  for (guint i = 0; i < G_N_ELEMENTS (klass->parents); i++)
    if (!check_link (self, record, &klass->parents[i], ACCESS_WRITE, user_id, error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (klass->references); i++)
    if (!check_link (self, record, &klass->references[i], ACCESS_READ, user_id, error))
      return FALSE;
  return TRUE;
}

static char *
build_read_back (const AtStatementKey *key)
{
  AtRecordClass *klass = key_class (key);
  GString *sql = g_string_new ("SELECT ");

  append_select_columns (sql, klass);
  g_string_append_printf (sql, " FROM %s WHERE id = ?1", klass->table);
  return g_string_free (sql, FALSE);
}

/* Reads a row just written back into its record: its id, uuid, defaults
 * and generated columns. A SELECT by id, not RETURNING, which SQLite
 * serves through a temporary table of its own. */
static gboolean
read_back (AtStore   *self,
           AtRecord  *record,
           gint64     id,
           GError   **error)
{
  AtStatementKey key = { G_OBJECT_TYPE (record), SQL_READ_BACK, 0 };
  g_autoptr(AtStatement) stmt = _at_store_prepare_generated (self, &key, build_read_back, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _at_store_set_error (self, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc,
                                AT_RECORD_GET_CLASS (record)->table, error);
  load_row (record, stmt);
  return TRUE;
}

static gboolean
run_write (AtStore       *self,
           AtRecord      *record,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  AtRecordClass *klass = AT_RECORD_GET_CLASS (record);
  sqlite3 *db = _at_store_get_db (self);
  gboolean inserting = at_record_get_id (record) == 0;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE && (inserting || sqlite3_changes (db) > 0))
    {
      at_statement_reset (stmt);  /* ends the statement before the commit */
      return read_back (self, record, inserting ? sqlite3_last_insert_rowid (db)
                                                : at_record_get_id (record), error);
    }

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND,
                   _("%s: no row %" PRId64 " of this user's"),
                   klass->table, at_record_get_id (record));
      return FALSE;
    }

  g_set_error (error, AT_STORE_ERROR,
               (rc & 0xff) == SQLITE_CONSTRAINT ? AT_STORE_ERROR_CONSTRAINT : AT_STORE_ERROR_FAILED,
               /* Translators: a table name, then SQLite's reason */
               _("Cannot save to %s: %s"), klass->table, sqlite3_errmsg (db));
  return FALSE;
}

static char *
build_insert (const AtStatementKey *key)
{
  AtRecordClass *klass = key_class (key);
  GString *sql = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (", klass->table);
  for (guint i = 0; i < klass->n_columns; i++)
    {
      if ((key->mask >> i) & 1)
        {
          g_string_append_printf (sql, "%s%s", values->len > 0 ? ", " : "", klass->columns[i].name);
          g_string_append_printf (values, "%s?%u", values->len > 0 ? ", " : "", i + 1);
        }
    }
  if (values->len == 0)
    g_string_printf (sql, "INSERT INTO %s DEFAULT VALUES", klass->table);
  else
    g_string_append_printf (sql, ") VALUES (%s)", values->str);
  return g_string_free (sql, FALSE);
}

/* Inserts the columns that hold a value, so the others get the database's
 * defaults, and reads the whole row back. */
static sqlite3_stmt *
prepare_insert (AtStore   *self,
                AtRecord  *record,
                GError   **error)
{
  AtRecordClass *klass = AT_RECORD_GET_CLASS (record);
  AtStatementKey key = { G_OBJECT_TYPE (record), SQL_INSERT, 0 };
  sqlite3_stmt *stmt;

  for (guint i = 0; i < klass->n_columns; i++)
    if (is_written (&klass->columns[i]) && _at_record_peek_cell (record, i) != NULL)
      key.mask |= G_GUINT64_CONSTANT (1) << i;

  stmt = _at_store_prepare_generated (self, &key, build_insert, error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < klass->n_columns; i++)
    if ((key.mask >> i) & 1)
      bind_column (stmt, (int) i + 1, record, i);
  return stmt;
}

static char *
build_update (const AtStatementKey *key)
{
  AtRecordClass *klass = key_class (key);
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "UPDATE %s SET ", klass->table);
  for (guint i = 0; i < klass->n_columns; i++)
    {
      if (is_written (&klass->columns[i]))
        g_string_append_printf (sql, "%s = ?%u, ", klass->columns[i].name, i + 1);
    }
  if (klass->has_updated_at)
    g_string_append (sql, "updated_at = unixepoch (), ");
  g_string_truncate (sql, sql->len - 2);
  g_string_append (sql, " WHERE id = :id AND ");
  append_owner_predicate (sql, klass, ACCESS_WRITE);
  return g_string_free (sql, FALSE);
}

static sqlite3_stmt *
prepare_update (AtStore   *self,
                AtRecord  *record,
                gint64     user_id,
                GError   **error)
{
  AtRecordClass *klass = AT_RECORD_GET_CLASS (record);
  AtStatementKey key = { G_OBJECT_TYPE (record), SQL_UPDATE, 0 };
  sqlite3_stmt *stmt;

  stmt = _at_store_prepare_generated (self, &key, build_update, error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < klass->n_columns; i++)
    {
      if (is_written (&klass->columns[i]))
        bind_column (stmt, (int) i + 1, record, i);
    }
  at_statement_bind_int (stmt, ":id", at_record_get_id (record));
  at_statement_bind_int (stmt, ":user", user_id);
  return stmt;
}

typedef sqlite3_stmt *(*PrepareWrite) (AtStore   *self,
                                       AtRecord  *record,
                                       gint64     user_id,
                                       GError   **error);

static sqlite3_stmt *
prepare_insert_for (AtStore   *self,
                    AtRecord  *record,
                    gint64     user_id,
                    GError   **error)
{
  return prepare_insert (self, record, error);
}

/* Validates, writes and re-reads a row inside a savepoint, so a failure at
 * any step leaves the store and the record's stored state as they were. */
static gboolean
write_record (AtStore       *self,
              gint64         user_id,
              AtRecord      *record,
              PrepareWrite   prepare,
              AtStoreChange  change,
              GError       **error)
{
  AtRecordClass *klass = AT_RECORD_GET_CLASS (record);
  g_autoptr(AtStatement) stmt = NULL;
  gboolean own_transaction;

  if (!check_writable_class (klass, error))
    return FALSE;

  /* One statement writes the row, so inside a caller's transaction it
   * needs no savepoint of its own; alone, it gets a transaction, whose
   * commit runs the training rules. */
  own_transaction = !_at_store_in_transaction (self);
  if (!_at_store_check_record (self, user_id, record, error) ||
      !check_links (self, record, user_id, error) ||
      (own_transaction && !at_store_begin (self, error)))
    return FALSE;

  stmt = prepare (self, record, user_id, error);
  if (stmt == NULL ||
      !_at_store_touch (self, klass, at_record_get_id (record), error) ||
      !run_write (self, record, stmt, error) ||
      !_at_store_touch (self, klass, at_record_get_id (record), error) ||
      (own_transaction && !at_store_commit (self, error)))
    {
      at_statement_reset (g_steal_pointer (&stmt));
      if (own_transaction)
        at_store_rollback (self);
      return FALSE;
    }

  _at_store_emit_changed (self, G_OBJECT_TYPE (record), at_record_get_id (record), change);
  return TRUE;
}

/**
 * at_store_insert:
 * @user_id: the user the call acts for
 * @record: a new record; receives its id, uuid, defaults and generated values
 *
 * Stores a new row that belongs to @user_id (directly, or through its
 * parent row). Nothing is written when a check fails.
 */
gboolean
at_store_insert (AtStore   *self,
                 gint64     user_id,
                 AtRecord  *record,
                 GError   **error)
{
  g_return_val_if_fail (AT_IS_STORE (self), FALSE);
  g_return_val_if_fail (AT_IS_RECORD (record), FALSE);
  g_return_val_if_fail (at_record_get_id (record) == 0, FALSE);

  return write_record (self, user_id, record, prepare_insert_for, AT_STORE_CHANGE_INSERT, error);
}

/**
 * at_store_update:
 *
 * Writes every column of a stored record back, if the row is the user's.
 */
gboolean
at_store_update (AtStore   *self,
                 gint64     user_id,
                 AtRecord  *record,
                 GError   **error)
{
  g_return_val_if_fail (AT_IS_STORE (self), FALSE);
  g_return_val_if_fail (AT_IS_RECORD (record), FALSE);
  g_return_val_if_fail (at_record_get_id (record) > 0, FALSE);

  return write_record (self, user_id, record, prepare_update, AT_STORE_CHANGE_UPDATE, error);
}

/* INSERT of key->mask rows: row r's column i is parameter r × n + i + 1,
 * for n columns in all, so a row binds the same way whatever its place. */
static char *
build_insert_rows (const AtStatementKey *key)
{
  AtRecordClass *klass = key_class (key);
  GString *sql = g_string_new (NULL);
  gboolean first = TRUE;

  g_string_append_printf (sql, "INSERT INTO %s (", klass->table);
  for (guint i = 0; i < klass->n_columns; i++)
    {
      if (!is_written (&klass->columns[i]))
        continue;
      g_string_append_printf (sql, "%s%s", first ? "" : ", ", klass->columns[i].name);
      first = FALSE;
    }
  g_string_append (sql, ") VALUES ");
  for (guint64 row = 0; row < key->mask; row++)
    {
      first = TRUE;
      g_string_append (sql, row > 0 ? ", (" : "(");
      for (guint i = 0; i < klass->n_columns; i++)
        {
          if (!is_written (&klass->columns[i]))
            continue;
          g_string_append_printf (sql, "%s?%" G_GUINT64_FORMAT, first ? "" : ", ",
                                  row * klass->n_columns + i + 1);
          first = FALSE;
        }
      g_string_append_c (sql, ')');
    }
  return g_string_free (sql, FALSE);
}

/* Binds every column; those the statement does not write are parameters
 * it never reads. Unset booleans are stored as FALSE, their default. */
static void
bind_row (sqlite3_stmt  *stmt,
          AtRecord      *record,
          guint          row)
{
  AtRecordClass *klass = AT_RECORD_GET_CLASS (record);
  int first = (int) (row * klass->n_columns) + 1;

  for (guint i = 0; i < klass->n_columns; i++)
    {
      if (klass->columns[i].kind == AT_COLUMN_BOOLEAN && _at_record_peek_cell (record, i) == NULL)
        sqlite3_bind_int (stmt, first + (int) i, 0);
      else
        bind_column (stmt, first + (int) i, record, i);
    }
}

/* Inserts up to ROWS_PER_INSERT records of one class with one statement. */
static gboolean
insert_some_rows (AtStore    *self,
                  AtRecord  **records,
                  guint       n,
                  GError    **error)
{
  AtRecordClass *klass = AT_RECORD_GET_CLASS (records[0]);
  AtStatementKey key = { G_OBJECT_TYPE (records[0]), SQL_INSERT_ROW, n };
  g_autoptr(AtStatement) stmt = NULL;
  gint64 last;
  int rc;

  stmt = _at_store_prepare_generated (self, &key, build_insert_rows, error);
  if (stmt == NULL)
    return FALSE;
  for (guint row = 0; row < n; row++)
    bind_row (stmt, records[row], row);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, AT_STORE_ERROR,
                   (rc & 0xff) == SQLITE_CONSTRAINT ? AT_STORE_ERROR_CONSTRAINT : AT_STORE_ERROR_FAILED,
                   _("Cannot save to %s: %s"), klass->table,
                   sqlite3_errmsg (_at_store_get_db (self)));
      return FALSE;
    }

  /* A new row gets the table's largest id plus one, so one statement's
   * rows have consecutive ids. (SQLite picks ids at random only once a
   * row holds the largest possible id, 2^63 - 1, which no store call
   * ever gives.) */
  last = sqlite3_last_insert_rowid (_at_store_get_db (self));
  for (guint row = 0; row < n; row++)
    _at_record_set_id (records[row], last - (n - 1 - row));
  return TRUE;
}

#define ROWS_PER_INSERT 16

/**
 * _at_store_insert_rows:
 * @records: (element-type AtRecord): new rows, all of one class
 *
 * Inserts validated child rows of a workout, several to a statement:
 * every written column, no read-back, the ids taken from the connection.
 * The caller has checked that the parent rows are the user's and holds
 * the transaction.
 */
gboolean
_at_store_insert_rows (AtStore    *self,
                       GPtrArray  *records,
                       GError    **error)
{
  for (guint done = 0; done < records->len;)
    {
      guint n = MIN (ROWS_PER_INSERT, records->len - done);

      if (!insert_some_rows (self, (AtRecord **) records->pdata + done, n, error))
        return FALSE;
      done += n;
    }
  return TRUE;
}

/**
 * at_store_create_user:
 *
 * Creates a profile; the new user then acts for itself.
 */
gboolean
at_store_create_user (AtStore   *self,
                      AtRecord  *user,
                      GError   **error)
{
  g_return_val_if_fail (AT_IS_STORE (self), FALSE);
  g_return_val_if_fail (AT_IS_RECORD (user), FALSE);
  g_return_val_if_fail (g_strcmp0 (AT_RECORD_GET_CLASS (user)->table, "app_user") == 0, FALSE);

  if (!at_record_validate (user, error) || !at_store_begin (self, error))
    return FALSE;

  {
    g_autoptr(AtStatement) stmt = prepare_insert (self, user, error);

    if (stmt == NULL || !run_write (self, user, stmt, error))
      {
        at_statement_reset (g_steal_pointer (&stmt));
        at_store_rollback (self);
        return FALSE;
      }
  }

  if (!at_store_commit (self, error))
    return FALSE;

  _at_store_emit_changed (self, G_OBJECT_TYPE (user), at_record_get_id (user),
                          AT_STORE_CHANGE_INSERT);
  return TRUE;
}

static sqlite3_stmt *
prepare_select (AtStore        *self,
                AtRecordClass  *klass,
                gint64          user_id,
                const char     *where,
                const char     *order,
                gboolean        listing,
                GError        **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  sqlite3_stmt *stmt;

  append_select_columns (sql, klass);
  g_string_append_printf (sql, " FROM %s WHERE ", klass->table);
  append_owner_predicate (sql, klass, ACCESS_READ);
  if (klass->has_deleted_at)
    g_string_append (sql, " AND deleted_at IS NULL");
  if (klass->list_filter != NULL && listing)
    g_string_append_printf (sql, " AND %s", klass->list_filter);
  if (where != NULL)
    g_string_append_printf (sql, " AND %s", where);
  if (order != NULL)
    g_string_append_printf (sql, " ORDER BY %s", order);

  stmt = _at_store_prepare (self, sql->str, error);
  if (stmt != NULL)
    at_statement_bind_int (stmt, ":user", user_id);
  return stmt;
}

/**
 * at_store_get:
 *
 * Returns: (transfer full): the live row @id of @type if @user_id may read
 * it, or %NULL with %AT_STORE_ERROR_NOT_FOUND.
 */
gpointer
at_store_get (AtStore  *self,
              gint64    user_id,
              GType     type,
              gint64    id,
              GError  **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autoptr(AtStatement) stmt = NULL;
  g_autoptr(AtRecord) record = NULL;
  int rc;

  g_return_val_if_fail (AT_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, AT_TYPE_RECORD), NULL);

  klass = g_type_class_ref (type);
  stmt = prepare_select (self, AT_RECORD_CLASS (klass), user_id, "id = :id", NULL, FALSE, error);
  if (stmt == NULL)
    return NULL;
  at_statement_bind_int (stmt, ":id", id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND,
                   _("%s: no row %" PRId64 " of this user's"),
                   AT_RECORD_CLASS (klass)->table, id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _at_store_set_error (self, rc, AT_RECORD_CLASS (klass)->table, error);
      return NULL;
    }

  record = g_object_new (type, NULL);
  load_row (record, stmt);
  return g_steal_pointer (&record);
}

/* Runs a statement that changes rows of one type by id for the user. */
static gboolean
change_rows (AtStore        *self,
             GType           type,
             gint64          user_id,
             gint64          id,
             const char     *verb,
             const char     *assignment,
             const char     *condition,
             AtStoreChange   change,
             gint64         *n_changed,
             GError        **error)
{
  g_autoptr(GTypeClass) type_class = g_type_class_ref (type);
  AtRecordClass *klass = AT_RECORD_CLASS (type_class);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(AtStatement) stmt = NULL;
  gboolean own_transaction;
  int rc;

  if (!check_writable_class (klass, error))
    return FALSE;

  g_string_append_printf (sql, "%s %s%s", verb, klass->table, assignment);
  g_string_append_printf (sql, " WHERE %s AND ", condition);
  append_owner_predicate (sql, klass, ACCESS_WRITE);

  /* One statement, as in write_record(): a transaction only when alone. */
  own_transaction = !_at_store_in_transaction (self);
  stmt = _at_store_prepare (self, sql->str, error);
  if (stmt == NULL || (own_transaction && !at_store_begin (self, error)))
    return FALSE;
  at_statement_bind_int (stmt, ":id", id);
  at_statement_bind_int (stmt, ":user", user_id);

  if (!_at_store_touch (self, klass, id, error))
    {
      if (own_transaction)
        at_store_rollback (self);
      return FALSE;
    }

  rc = sqlite3_step (stmt);
  *n_changed = sqlite3_changes64 (_at_store_get_db (self));
  at_statement_reset (g_steal_pointer (&stmt));
  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (self, rc, klass->table, error);
      if (own_transaction)
        at_store_rollback (self);
      return FALSE;
    }

  if (!_at_store_touch (self, klass, id, error) ||
      (own_transaction && !at_store_commit (self, error)))
    {
      if (own_transaction)
        at_store_rollback (self);
      return FALSE;
    }

  if (*n_changed > 0)
    _at_store_emit_changed (self, type, id, change);
  return TRUE;
}

static gboolean
change_one_row (AtStore     *self,
                GType        type,
                gint64       user_id,
                gint64       id,
                const char  *verb,
                const char  *assignment,
                const char  *condition,
                AtStoreChange change,
                GError     **error)
{
  gint64 n_changed = 0;

  if (!change_rows (self, type, user_id, id, verb, assignment, condition, change, &n_changed,
                    error))
    return FALSE;

  if (n_changed == 0)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (type);

      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND,
                   _("%s: no row %" PRId64 " of this user's"),
                   AT_RECORD_CLASS (klass)->table, id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_soft_deletable (GType    type,
                      GError **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  if (!AT_RECORD_CLASS (klass)->has_deleted_at)
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
                   _("%s rows are deleted for good, not moved to the bin"),
                   AT_RECORD_CLASS (klass)->table);
      return FALSE;
    }
  return TRUE;
}

/**
 * at_store_soft_delete:
 *
 * Moves a row to the bin: it leaves every list and total until
 * at_store_undelete() brings it back or at_store_purge_deleted() removes it.
 */
gboolean
at_store_soft_delete (AtStore  *self,
                      gint64    user_id,
                      GType     type,
                      gint64    id,
                      GError  **error)
{
  g_return_val_if_fail (AT_IS_STORE (self), FALSE);

  return check_soft_deletable (type, error) &&
         change_one_row (self, type, user_id, id,
                         "UPDATE", " SET deleted_at = unixepoch ()",
                         "id = :id AND deleted_at IS NULL", AT_STORE_CHANGE_DELETE, error);
}

gboolean
at_store_undelete (AtStore  *self,
                   gint64    user_id,
                   GType     type,
                   gint64    id,
                   GError  **error)
{
  g_return_val_if_fail (AT_IS_STORE (self), FALSE);

  return check_soft_deletable (type, error) &&
         change_one_row (self, type, user_id, id,
                         "UPDATE", " SET deleted_at = NULL",
                         "id = :id AND deleted_at IS NOT NULL", AT_STORE_CHANGE_INSERT, error);
}

/**
 * at_store_delete:
 *
 * Deletes a row for good, with its owned children (ON DELETE CASCADE).
 */
gboolean
at_store_delete (AtStore  *self,
                 gint64    user_id,
                 GType     type,
                 gint64    id,
                 GError  **error)
{
  g_return_val_if_fail (AT_IS_STORE (self), FALSE);

  return change_one_row (self, type, user_id, id, "DELETE FROM", "", "id = :id",
                         AT_STORE_CHANGE_DELETE, error);
}

/**
 * at_store_purge_deleted:
 *
 * Returns: how many rows of @type in the user's bin were deleted for good,
 * or -1 on error.
 */
gint64
at_store_purge_deleted (AtStore  *self,
                        gint64    user_id,
                        GType     type,
                        GError  **error)
{
  gint64 n_changed = 0;

  g_return_val_if_fail (AT_IS_STORE (self), -1);

  if (!check_soft_deletable (type, error) ||
      !change_rows (self, type, user_id, 0, "DELETE FROM", "", "deleted_at IS NOT NULL",
                    AT_STORE_CHANGE_DELETE, &n_changed, error))
    return -1;

  return n_changed;
}

/* Fills a list store with the rows a prepared select returns. */
gboolean
_at_store_collect (AtStore       *self,
                   GType          type,
                   sqlite3_stmt  *stmt,
                   GListStore    *list,
                   GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AtRecord) record = g_object_new (type, NULL);

      load_row (record, stmt);
      g_list_store_append (list, record);
    }

  if (rc != SQLITE_DONE)
    return _at_store_set_error (self, rc, g_type_name (type), error);
  return TRUE;
}

/**
 * at_store_list:
 * @parent_column: (nullable): a column to filter on, e.g. "session_id"
 *
 * Returns: (transfer full): every live row of @type the user may read.
 */
GListModel *
at_store_list (AtStore     *self,
               gint64       user_id,
               GType        type,
               const char  *parent_column,
               gint64       parent_id,
               GError     **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(AtStatement) stmt = NULL;
  g_autofree char *where = NULL;

  g_return_val_if_fail (AT_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, AT_TYPE_RECORD), NULL);

  klass = g_type_class_ref (type);
  if (parent_column != NULL)
    {
      g_return_val_if_fail (at_record_class_find_column (AT_RECORD_CLASS (klass), parent_column,
                                                         NULL) != NULL, NULL);
      where = g_strdup_printf ("%s = :parent", parent_column);
    }

  stmt = prepare_select (self, AT_RECORD_CLASS (klass), user_id, where,
                         AT_RECORD_CLASS (klass)->order_by ? AT_RECORD_CLASS (klass)->order_by : "id",
                         TRUE, error);
  if (stmt == NULL)
    return NULL;
  at_statement_bind_int (stmt, ":parent", parent_id);

  list = g_list_store_new (type);
  if (!_at_store_collect (self, type, stmt, list, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * at_store_list_users:
 *
 * Returns: (transfer full): the profiles in this database, oldest first.
 */
GListModel *
at_store_list_users (AtStore  *self,
                     GError  **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (at_user_get_type ());
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(GListStore) list = g_list_store_new (at_user_get_type ());
  g_autoptr(AtStatement) stmt = NULL;

  g_return_val_if_fail (AT_IS_STORE (self), NULL);

  append_select_columns (sql, AT_RECORD_CLASS (klass));
  g_string_append (sql, " FROM app_user WHERE deleted_at IS NULL ORDER BY id");
  stmt = _at_store_prepare (self, sql->str, error);
  if (stmt == NULL || !_at_store_collect (self, at_user_get_type (), stmt, list, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* For AtRecordList: a page of rows in the class's order after a key. */
void
_at_store_append_select (GString       *sql,
                         AtRecordClass *klass)
{
  g_string_append (sql, "SELECT ");
  append_select_columns (sql, klass);
  g_string_append_printf (sql, " FROM %s WHERE ", klass->table);
  append_owner_predicate (sql, klass, ACCESS_READ);
  if (klass->has_deleted_at)
    g_string_append (sql, " AND deleted_at IS NULL");
  if (klass->list_filter != NULL)
    g_string_append_printf (sql, " AND %s", klass->list_filter);
}

void
_at_store_append_count (GString       *sql,
                        AtRecordClass *klass)
{
  g_string_append_printf (sql, "SELECT count(*) FROM %s WHERE ", klass->table);
  append_owner_predicate (sql, klass, ACCESS_READ);
  if (klass->has_deleted_at)
    g_string_append (sql, " AND deleted_at IS NULL");
  if (klass->list_filter != NULL)
    g_string_append_printf (sql, " AND %s", klass->list_filter);
}

void
_at_store_load_row (AtRecord     *record,
                    sqlite3_stmt *stmt)
{
  load_row (record, stmt);
}
