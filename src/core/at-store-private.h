#pragma once

#include <sqlite3.h>

#include "at-store.h"

G_BEGIN_DECLS

/* The store is spread over at-store.c (opening, statements, transactions),
 * at-store-records.c, at-store-rules.c, at-store-maintenance.c,
 * at-store-social.c and at-store-workout.c. */
/* The thread that checkpoints the log (at-store-checkpoint.c). */
typedef struct _AtCheckpointer AtCheckpointer;

AtCheckpointer *_at_checkpointer_new  (sqlite3        *db,
                                       const char     *path);
void            _at_checkpointer_free (AtCheckpointer *self);

struct _AtStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;       /* SQL text → sqlite3_stmt, prepared once */
  GHashTable *generated;        /* AtStatementKey → sqlite3_stmt, borrowed */
  int         version;
  guint       transaction_depth;
  guint       failed_depth;     /* a write failed half-way at this depth, or 0 */
  AtOneRepMaxFormula formula;
  gint64      kilogram_unit;

  /* What the open transaction changed, for the training rules at commit. */
  GHashTable *touched_sessions;  /* session id (gint64 *) */
  GHashTable *touched_records;   /* "user:subtype" → appended session or 0 */
  GHashTable *touched_users;     /* user id (gint64 *) */
  gint64      now;               /* a fixed clock for tests and benchmarks, or 0 */
  GHashTable *units;             /* unit id (gint64 *) → Unit, read once */
  AtCheckpointer *checkpointer;  /* NULL until the store is open */
};

/* A cached statement that resets itself when it leaves scope:
 *   g_autoptr(AtStatement) stmt = _at_store_prepare (store, sql, error); */
typedef sqlite3_stmt AtStatement;

static inline void
at_statement_reset (AtStatement *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtStatement, at_statement_reset)

/* Binds a named parameter (":user") if the statement has it: one statement
 * text can then serve with and without a filter. */
static inline void
at_statement_bind_int (sqlite3_stmt *stmt,
                       const char   *name,
                       gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static inline void
at_statement_bind_double (sqlite3_stmt *stmt,
                          const char   *name,
                          double        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_double (stmt, index, value);
}

/* A NULL @value binds SQL NULL. */
static inline void
at_statement_bind_text (sqlite3_stmt *stmt,
                        const char   *name,
                        const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

/* The key of a statement generated from a record class. */
typedef struct
{
  GType   type;
  guint   kind;    /* what the statement does, private to its user */
  guint64 mask;    /* e.g. which columns an INSERT names */
} AtStatementKey;

typedef char *(*AtBuildSql) (const AtStatementKey *key);

/* For libat-core's own modules and the tests: the connection, and the
 * statement cache every query goes through (prepared once, reused). */
void          _at_store_ensure_resources (void);
const char   *_at_store_migration_resource (int     number);
sqlite3      *_at_store_get_db           (AtStore     *self);
gboolean      _at_store_in_transaction   (AtStore     *self);
void          _at_store_fail_transaction (AtStore     *self);
sqlite3_stmt *_at_store_prepare_generated (AtStore              *self,
                                           const AtStatementKey *key,
                                           AtBuildSql            build,
                                           GError              **error);
sqlite3_stmt *_at_store_prepare          (AtStore     *self,
                                          const char  *sql,
                                          GError     **error);
gboolean      _at_store_exec             (AtStore     *self,
                                          const char  *sql,
                                          GError     **error);
gboolean      _at_store_set_error        (AtStore     *self,
                                          int          rc,
                                          const char  *what,
                                          GError     **error);
gboolean      _at_store_touch            (AtStore       *self,
                                          AtRecordClass *klass,
                                          gint64         id,
                                          GError       **error);
gint64        _at_store_get_kilogram_unit (AtStore      *self);
const char   *_at_store_get_unit_type    (AtStore       *self,
                                          gint64         unit_id);
double        _at_store_get_unit_factor  (AtStore       *self,
                                          gint64         unit_id);
void          _at_store_note_touched     (AtStore       *self,
                                          gint64         session_id,
                                          gint64         user_id,
                                          gint64         subtype_id);
void          _at_store_note_appended    (AtStore       *self,
                                          gint64         session_id,
                                          gint64         user_id,
                                          gint64         subtype_id);
gboolean      _at_store_check_record     (AtStore       *self,
                                          gint64         user_id,
                                          AtRecord      *record,
                                          GError       **error);
gboolean      _at_store_insert_rows      (AtStore       *self,
                                          GPtrArray     *records,
                                          GError       **error);
gboolean      _at_store_query_int        (AtStore       *self,
                                          const char    *sql,
                                          gint64        *value,
                                          GError       **error);
void          _at_store_forget_touched   (AtStore       *self);
void          _at_store_forget_touched_session (AtStore *self,
                                                gint64   session_id);
gboolean      _at_store_apply_training_rules (AtStore   *self,
                                          GError       **error);
gboolean      _at_store_rebuild_bulk_load_indexes (AtStore *self,
                                          GError       **error);
void          _at_store_emit_changed     (AtStore     *self,
                                          GType        type,
                                          gint64       id,
                                          AtStoreChange change);

gboolean      _at_store_collect          (AtStore       *self,
                                          GType          type,
                                          sqlite3_stmt  *stmt,
                                          GListStore    *list,
                                          GError       **error);
void          _at_store_append_select    (GString       *sql,
                                          AtRecordClass *klass);
void          _at_store_append_count     (GString       *sql,
                                          AtRecordClass *klass);
void          _at_store_load_row         (AtRecord      *record,
                                          sqlite3_stmt  *stmt);

G_END_DECLS
