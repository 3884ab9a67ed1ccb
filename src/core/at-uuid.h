#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A uuid is stored as its 16 bytes (migration 0003) and shown, read and
 * written everywhere else in its 36-character text form. */
#define AT_UUID_SIZE 16
#define AT_UUID_TEXT_SIZE 37  /* 36 characters and the terminating NUL */

gboolean     _at_uuid_parse           (const char   *text,
                                       guint8        bytes[AT_UUID_SIZE]);
void         _at_uuid_format          (const guint8  bytes[AT_UUID_SIZE],
                                       char          text[AT_UUID_TEXT_SIZE]);
const char  *_at_uuid_column_text     (sqlite3_stmt *stmt,
                                       int           column,
                                       char          text[AT_UUID_TEXT_SIZE]);
int          _at_uuid_add_sql_function (sqlite3     *db);

G_END_DECLS
