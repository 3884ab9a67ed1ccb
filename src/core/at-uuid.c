/* at-uuid.c: a uuid's 16 bytes, as the file keeps them, and its text form,
 * as the rest of the product shows and exchanges it. */

#include "config.h"

#include <glib/gi18n.h>

#include "at-uuid.h"

/* Where the dashes go in xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx. */
static gboolean
is_dash_position (guint position)
{
  return position == 8 || position == 13 || position == 18 || position == 23;
}

/**
 * _at_uuid_parse:
 * @text: a uuid in its text form, in either case
 * @bytes: (out): receives its 16 bytes
 *
 * Returns: %FALSE, leaving @bytes unspecified, if @text is not a uuid
 */
gboolean
_at_uuid_parse (const char *text,
                guint8      bytes[AT_UUID_SIZE])
{
  guint n = 0;

  if (text == NULL || !g_uuid_string_is_valid (text))
    return FALSE;

  /* g_uuid_string_is_valid() vouched for 32 digits in pairs between dashes. */
  for (const char *p = text; *p != '\0'; p += 2)
    {
      if (*p == '-')
        p++;
      bytes[n++] = (guint8) (g_ascii_xdigit_value (p[0]) << 4 | g_ascii_xdigit_value (p[1]));
    }
  return TRUE;
}

/**
 * _at_uuid_format:
 * @bytes: a uuid's 16 bytes
 * @text: (out): receives its text form, in lower case
 */
void
_at_uuid_format (const guint8 bytes[AT_UUID_SIZE],
                 char         text[AT_UUID_TEXT_SIZE])
{
  static const char digits[] = "0123456789abcdef";
  guint position = 0;

  for (guint i = 0; i < AT_UUID_SIZE; i++)
    {
      if (is_dash_position (position))
        text[position++] = '-';
      text[position++] = digits[bytes[i] >> 4];
      text[position++] = digits[bytes[i] & 0xf];
    }
  text[position] = '\0';
}

/**
 * _at_uuid_column_text:
 * @stmt: a statement on a row
 * @column: the column holding a stored uuid
 * @text: a buffer for the text form
 *
 * Returns: (nullable): @text holding the column's uuid, or %NULL if the
 *   column is NULL or holds something other than 16 bytes
 */
const char *
_at_uuid_column_text (sqlite3_stmt *stmt,
                      int           column,
                      char          text[AT_UUID_TEXT_SIZE])
{
  if (sqlite3_column_type (stmt, column) != SQLITE_BLOB ||
      sqlite3_column_bytes (stmt, column) != AT_UUID_SIZE)
    return NULL;

  _at_uuid_format (sqlite3_column_blob (stmt, column), text);
  return text;
}

/* at_uuid_blob(text): the uuid's 16 bytes; NULL stays NULL, anything else
 * is an error that names the value. */
static void
uuid_blob_function (sqlite3_context  *context,
                    int               n_arguments,
                    sqlite3_value   **arguments)
{
  const char *text;
  guint8 bytes[AT_UUID_SIZE];

  g_assert (n_arguments == 1);

  if (sqlite3_value_type (arguments[0]) == SQLITE_NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  text = (const char *) sqlite3_value_text (arguments[0]);
  if (!_at_uuid_parse (text, bytes))
    {
      /* Translators: %s is the value found where a uuid should be */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a uuid"), text != NULL ? text : "");

      sqlite3_result_error (context, message, -1);
      return;
    }
  sqlite3_result_blob (context, bytes, sizeof bytes, SQLITE_TRANSIENT);
}

/**
 * _at_uuid_add_sql_function:
 * @db: a connection
 *
 * Gives @db the SQL function at_uuid_blob(), which turns a uuid's text
 * form into the 16 bytes the file keeps.
 *
 * Returns: an SQLite result code
 */
int
_at_uuid_add_sql_function (sqlite3 *db)
{
  return sqlite3_create_function_v2 (db, "at_uuid_blob", 1,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                     NULL, uuid_blob_function, NULL, NULL, NULL);
}
