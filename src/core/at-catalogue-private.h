/* at-catalogue-private.h: what the catalogue's files share: the kinds of
 * entry (at-catalogue-kinds.c), the checking and binding of one entry
 * (at-catalogue-entry.c) and the upserts and versions (at-catalogue.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "at-catalogue.h"

G_BEGIN_DECLS

/* One element of a file (or of an entry's nested array), for messages. */
typedef struct _Entry Entry;
struct _Entry
{
  const Entry *parent;
  const char  *file;
  const char  *what;
  guint        number;
  const char  *key;
};

typedef enum
{
  LOOKUP_UNIT,
  LOOKUP_CATEGORY,
  LOOKUP_ACTIVITY_TYPE,
  N_LOOKUPS
} Lookup;

typedef enum
{
  FIELD_TEXT,
  FIELD_RULE,
  FIELD_INT,
  FIELD_REAL,
  FIELD_BOOL,
  FIELD_STRING_ARRAY,
  FIELD_CRITERIA,
  FIELD_UNIT,
  FIELD_CATEGORY,
  FIELD_ACTIVITY_TYPE,
} FieldKind;

typedef enum
{
  FIELD_OPTIONAL     = 0,
  FIELD_REQUIRED     = 1 << 0,
  FIELD_POSITIVE     = 1 << 1,
  FIELD_NOT_NEGATIVE = 1 << 2,
} FieldFlags;

/* A JSON member bound, in order, to the next parameter of a kind's upsert. */
typedef struct
{
  const char         *member;
  FieldKind           kind;
  FieldFlags          flags;
  guint               max_chars;
  const char * const *choices;
} Field;

/* One kind of catalogue entry: its file, its upsert and its fields. When
 * @has_parent is set, ?1 is the id of the entry the array is nested in. */
typedef struct _Kind Kind;
struct _Kind
{
  const char  *file;
  const char  *what;
  const char  *key_member;
  const char  *sql;
  const Field *fields;
  guint        n_fields;
  gboolean     has_parent;
  const char  *children_member;
  const Kind  *children;
};

typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *lookups[N_LOOKUPS];
} Installer;

/* The kinds, in dependency order, NULL-terminated. */
extern const Kind * const _at_catalogue_kinds[];

gboolean      _at_catalogue_installer_init    (Installer     *self,
                                               sqlite3       *db,
                                               GError       **error);
void          _at_catalogue_installer_clear   (Installer     *self);
gboolean      _at_catalogue_bind_entry        (Installer     *self,
                                               const Kind    *kind,
                                               const Entry   *entry,
                                               JsonObject    *object,
                                               sqlite3_stmt  *stmt,
                                               gint64         parent_id,
                                               GError       **error);
gboolean      _at_catalogue_entry_error       (const Entry   *entry,
                                               GError       **error,
                                               int            code,
                                               const char    *format,
                                               ...) G_GNUC_PRINTF (4, 5);
gboolean      _at_catalogue_holds_type        (JsonNode      *node,
                                               GType          type);
const char   *_at_catalogue_get_string_member (JsonObject    *object,
                                               const char    *member);
sqlite3_stmt *_at_catalogue_prepare           (sqlite3       *db,
                                               const char    *sql,
                                               GError       **error);

G_END_DECLS
