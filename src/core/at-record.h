#pragma once

#include <glib-object.h>

#include "at-types.h"

G_BEGIN_DECLS

/* How a column is stored in SQLite and shown as a GObject property. */
typedef enum
{
  AT_COLUMN_INTEGER,   /* gint64 */
  AT_COLUMN_REAL,      /* double, rounded to the column's scale */
  AT_COLUMN_TEXT,      /* string */
  AT_COLUMN_BOOLEAN,   /* gboolean, 0 or 1 in SQLite */
  AT_COLUMN_TIMESTAMP, /* gint64 Unix seconds, UTC */
  AT_COLUMN_DATE,      /* string "YYYY-MM-DD" */
  AT_COLUMN_JSON,      /* string holding JSON */
} AtColumnKind;

typedef enum
{
  AT_COLUMN_FLAGS_NONE = 0,
  AT_COLUMN_GENERATED  = 1 << 0, /* computed by the database, never written */
  AT_COLUMN_REQUIRED   = 1 << 1, /* NOT NULL without a database default */
  AT_COLUMN_OWNER      = 1 << 2, /* the user the row belongs to, set by the store */
  AT_COLUMN_PARENT     = 1 << 3, /* the owning parent row (see AtRecordClass.parents) */
} AtColumnFlags;

/* One column of a table: the model layer's half of the schema. The checks
 * here mirror the SQL CHECKs so that a bad value gets an error naming the
 * field before it reaches the database. */
typedef struct
{
  const char    *name;
  AtColumnKind   kind;
  AtColumnFlags  flags;
  int            scale;      /* decimal places kept for REAL columns */
  double         min;        /* numeric range, used when min < max */
  double         max;
  guint          max_length; /* characters, 0 for no limit */
} AtColumn;

/* A foreign key through which a child row belongs to its owner. */
typedef struct
{
  const char *column;
  GType       type;
} AtRecordParent;

#define AT_TYPE_RECORD (at_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (AtRecord, at_record, AT, RECORD, GObject)

struct _AtRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char     *table;
  const AtColumn *columns;
  guint           n_columns;
  GParamSpec    **column_pspecs;
  const char     *owner_column;     /* e.g. "user_id"; NULL for children and catalogue */
  const char     *owner_read_extra; /* SQL OR-ed into the read check, e.g. public rows */
  AtRecordParent  parents[2];       /* for children: the rows they belong to */
  AtRecordParent  references[2];    /* other user rows it names, which the user
                                     * must be able to read */
  gboolean        has_uuid;
  gboolean        has_updated_at;
  gboolean        has_deleted_at;
  const char     *order_by;         /* natural order of lists, default "id" */
  const char     *list_filter;      /* SQL a row must meet to be listed */
  const char     *touch_query;      /* for training rows: SQL giving (session, user,
                                     * exercise subtype) of row ?1 */

  /* Fills in what the store derives (e.g. a session's UTC offset from the
   * user's timezone); called before validation on every write. */
  gboolean (*prepare_write) (AtRecord  *self,
                             AtStore   *store,
                             gint64     user_id,
                             GError   **error);

  /* Rules the columns cannot say; called before every write. */
  gboolean (*validate) (AtRecord  *self,
                        GError   **error);

  gpointer padding[8];
};

void         at_record_class_set_table       (AtRecordClass  *klass,
                                              const char     *table,
                                              const AtColumn *columns,
                                              guint           n_columns);
const AtColumn *at_record_class_find_column  (AtRecordClass  *klass,
                                              const char     *name,
                                              guint          *index);
gboolean     at_record_class_is_catalogue    (AtRecordClass  *klass);

gint64       at_record_get_id                (AtRecord       *self);
const char  *at_record_get_uuid              (AtRecord       *self);
gboolean     at_record_is_null               (AtRecord       *self,
                                              const char     *column);
void         at_record_set_null              (AtRecord       *self,
                                              const char     *column);
gint64       at_record_get_int               (AtRecord       *self,
                                              const char     *column);
double       at_record_get_double            (AtRecord       *self,
                                              const char     *column);
gboolean     at_record_get_boolean           (AtRecord       *self,
                                              const char     *column);
const char  *at_record_get_string            (AtRecord       *self,
                                              const char     *column);
void         at_record_set_int               (AtRecord       *self,
                                              const char     *column,
                                              gint64          value);
void         at_record_set_double            (AtRecord       *self,
                                              const char     *column,
                                              double          value);
void         at_record_set_boolean           (AtRecord       *self,
                                              const char     *column,
                                              gboolean        value);
void         at_record_set_string            (AtRecord       *self,
                                              const char     *column,
                                              const char     *value);
gboolean     at_record_validate              (AtRecord       *self,
                                              GError        **error);

G_END_DECLS
