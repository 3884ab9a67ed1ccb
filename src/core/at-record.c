/* at-record.c: the one mechanism that maps every table to a GObject.
 *
 * A model class describes its table with an array of AtColumn; this file
 * turns each column into a GObject property, keeps the values (and which of
 * them are NULL), rounds decimals to their scale and checks the ranges the
 * schema gives. The store (at-store-records.c) reads and writes rows through
 * the same descriptors, so no class holds SQL or copies of this code.
 */

#define G_LOG_DOMAIN "at-record"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "at-record-private.h"
#include "at-store.h"

typedef struct
{
  gint64   id;
  char    *uuid;
  AtCell  *cells;     /* one per column of the concrete class */
  guint64  not_null;  /* bit i set when column i holds a value */
} AtRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AtRecord, at_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GType
column_gtype (AtColumnKind kind)
{
  switch (kind)
    {
    case AT_COLUMN_INTEGER:
    case AT_COLUMN_TIMESTAMP:
      return G_TYPE_INT64;
    case AT_COLUMN_REAL:
      return G_TYPE_DOUBLE;
    case AT_COLUMN_BOOLEAN:
      return G_TYPE_BOOLEAN;
    case AT_COLUMN_TEXT:
    case AT_COLUMN_DATE:
    case AT_COLUMN_JSON:
    default:
      return G_TYPE_STRING;
    }
}

/* GObject property names use '-' where columns use '_': "started-at". */
static const char *
property_name (const char *column)
{
  g_autofree char *name = g_strdelimit (g_strdup (column), "_", '-');

  return g_intern_string (name);
}

static GParamSpec *
column_pspec (const AtColumn *column)
{
  const char *name = property_name (column->name);
  GParamFlags flags = G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_READABLE;

  if (!(column->flags & AT_COLUMN_GENERATED))
    flags |= G_PARAM_WRITABLE;

  switch (column_gtype (column->kind))
    {
    case G_TYPE_INT64:
      return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
    case G_TYPE_DOUBLE:
      return g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
    case G_TYPE_BOOLEAN:
      return g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
    default:
      return g_param_spec_string (name, NULL, NULL, NULL, flags);
    }
}

static AtCell *
ensure_cells (AtRecord *self)
{
  AtRecordPrivate *priv = at_record_get_instance_private (self);

  if (priv->cells == NULL)
    priv->cells = g_new0 (AtCell, AT_RECORD_GET_CLASS (self)->n_columns);

  return priv->cells;
}

/* A column's cell; all zero (a NULL string) while nothing was stored. */
static const AtCell *
peek_cell (AtRecord *self,
           guint     index)
{
  static const AtCell empty = { 0 };
  AtRecordPrivate *priv = at_record_get_instance_private (self);

  return priv->cells != NULL ? &priv->cells[index] : &empty;
}

static gboolean
is_text (AtColumnKind kind)
{
  return column_gtype (kind) == G_TYPE_STRING;
}

static double
round_to_scale (double value,
                int    scale)
{
  double factor = pow (10.0, scale);

  return round (value * factor) / factor;
}

static gboolean
cells_equal (AtColumnKind  kind,
             const AtCell *a,
             const AtCell *b)
{
  switch (column_gtype (kind))
    {
    case G_TYPE_DOUBLE:
      return a->real == b->real;
    case G_TYPE_STRING:
      return g_strcmp0 (a->text, b->text) == 0;
    default:
      return a->integer == b->integer;
    }
}

/* Stores a column's value (NULL when value is NULL, or a NULL string) and
 * notifies on change. Strings are copied. */
static void
store_cell (AtRecord     *self,
            guint         index,
            const AtCell *value)
{
  AtRecordPrivate *priv = at_record_get_instance_private (self);
  const AtColumn *column = &AT_RECORD_GET_CLASS (self)->columns[index];
  AtCell *slot = &ensure_cells (self)[index];
  gboolean was_set = (priv->not_null >> index) & 1;
  gboolean is_set = value != NULL && !(is_text (column->kind) && value->text == NULL);
  AtCell stored = { 0 };

  if (is_set)
    stored = *value;
  if (is_set && column->kind == AT_COLUMN_REAL && column->scale > 0)
    stored.real = round_to_scale (stored.real, column->scale);
  if (is_set && column->kind == AT_COLUMN_BOOLEAN)
    stored.integer = stored.integer != 0;

  if (was_set == is_set && (!is_set || cells_equal (column->kind, slot, &stored)))
    return;

  if (is_text (column->kind))
    {
      char *copy = g_strdup (stored.text);

      g_free (slot->text);
      stored.text = copy;
    }
  *slot = stored;
  if (is_set)
    priv->not_null |= G_GUINT64_CONSTANT (1) << index;
  else
    priv->not_null &= ~(G_GUINT64_CONSTANT (1) << index);

  g_object_notify_by_pspec (G_OBJECT (self), AT_RECORD_GET_CLASS (self)->column_pspecs[index]);
}

static void
column_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  AtRecord *self = AT_RECORD (object);
  const AtCell *cell = peek_cell (self, prop_id - 1);

  switch (G_VALUE_TYPE (value))
    {
    case G_TYPE_INT64:
      g_value_set_int64 (value, cell->integer);
      break;
    case G_TYPE_DOUBLE:
      g_value_set_double (value, cell->real);
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, cell->integer != 0);
      break;
    default:
      g_value_set_string (value, cell->text);
      break;
    }
}

static void
column_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  AtCell cell = { 0 };

  switch (G_VALUE_TYPE (value))
    {
    case G_TYPE_INT64:
      cell.integer = g_value_get_int64 (value);
      break;
    case G_TYPE_DOUBLE:
      cell.real = g_value_get_double (value);
      break;
    case G_TYPE_BOOLEAN:
      cell.integer = g_value_get_boolean (value);
      break;
    default:
      cell.text = (char *) g_value_get_string (value);
      break;
    }
  store_cell (AT_RECORD (object), prop_id - 1, &cell);
}

static const AtColumn *find_column (AtRecordClass *klass,
                                    const char    *name,
                                    guint         *index);

static guint
column_index (AtRecord   *self,
              const char *name)
{
  guint index = 0;

  if (find_column (AT_RECORD_GET_CLASS (self), name, &index) == NULL)
    g_error ("%s has no column “%s”", G_OBJECT_TYPE_NAME (self), name);

  return index;
}

static void
at_record_finalize (GObject *object)
{
  AtRecord *self = AT_RECORD (object);
  AtRecordPrivate *priv = at_record_get_instance_private (self);
  AtRecordClass *klass = AT_RECORD_GET_CLASS (self);

  if (priv->cells != NULL)
    {
      for (guint i = 0; i < klass->n_columns; i++)
        if (is_text (klass->columns[i].kind))
          g_free (priv->cells[i].text);
      g_free (priv->cells);
    }
  g_free (priv->uuid);

  G_OBJECT_CLASS (at_record_parent_class)->finalize (object);
}

static void
at_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AtRecordPrivate *priv = at_record_get_instance_private (AT_RECORD (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, priv->uuid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
at_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AtRecord *self = AT_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      _at_record_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_UUID:
      _at_record_set_uuid (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* What the "id" property sets, without a property lookup: the store sets it
 * on every row it writes. */
void
_at_record_set_id (AtRecord *self,
                   gint64    id)
{
  AtRecordPrivate *priv = at_record_get_instance_private (self);

  if (priv->id == id)
    return;
  priv->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/* ...and what "uuid" sets. */
void
_at_record_set_uuid (AtRecord   *self,
                     const char *uuid)
{
  AtRecordPrivate *priv = at_record_get_instance_private (self);

  if (g_strcmp0 (priv->uuid, uuid) == 0)
    return;
  g_free (priv->uuid);
  priv->uuid = g_strdup (uuid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

static void
at_record_class_init (AtRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = at_record_finalize;
  object_class->get_property = at_record_get_property;
  object_class->set_property = at_record_set_property;

  /* The local row id: 0 until the row is stored. */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The id that stays the same on every machine, for rows a user owns. */
  properties [PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
at_record_init (AtRecord *self)
{
}

/**
 * at_record_class_set_table:
 *
 * Called from a model class's class_init: names its table and installs one
 * property per column. The class's id and uuid come from AtRecord.
 */
void
at_record_class_set_table (AtRecordClass  *klass,
                           const char     *table,
                           const AtColumn *columns,
                           guint           n_columns)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (n_columns <= 64);

  object_class->get_property = column_get_property;
  object_class->set_property = column_set_property;

  klass->table = table;
  klass->columns = columns;
  klass->n_columns = n_columns;
  klass->column_pspecs = g_new0 (GParamSpec *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    {

      klass->column_pspecs[i + 1] = column_pspec (&columns[i]);
      if (g_strcmp0 (columns[i].name, "updated_at") == 0)
        klass->has_updated_at = TRUE;
      if (g_strcmp0 (columns[i].name, "deleted_at") == 0)
        klass->has_deleted_at = TRUE;
    }
  g_object_class_install_properties (object_class, n_columns + 1, klass->column_pspecs);

  /* Index i of column_pspecs is column i from here on. */
  memmove (klass->column_pspecs, klass->column_pspecs + 1, n_columns * sizeof (GParamSpec *));
}

/* Lookups by name are on every accessor's path: the first letter rules out
 * most columns before a full comparison. */
static const AtColumn *
find_column (AtRecordClass *klass,
             const char    *name,
             guint         *index)
{
  for (guint i = 0; i < klass->n_columns; i++)
    {
      const char *column = klass->columns[i].name;

      if (column[0] == name[0] && strcmp (column, name) == 0)
        {
          if (index != NULL)
            *index = i;
          return &klass->columns[i];
        }
    }

  return NULL;
}

const AtColumn *
at_record_class_find_column (AtRecordClass *klass,
                             const char    *name,
                             guint         *index)
{
  g_return_val_if_fail (AT_IS_RECORD_CLASS (klass), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return find_column (klass, name, index);
}

/* Catalogue tables (units, types, exercises …) belong to no user: everyone
 * reads them, only the catalogue loader writes them. */
gboolean
at_record_class_is_catalogue (AtRecordClass *klass)
{
  return klass->owner_column == NULL && klass->parents[0].column == NULL;
}

gint64
at_record_get_id (AtRecord *self)
{
  AtRecordPrivate *priv = at_record_get_instance_private (self);

  g_return_val_if_fail (AT_IS_RECORD (self), 0);

  return priv->id;
}

const char *
at_record_get_uuid (AtRecord *self)
{
  AtRecordPrivate *priv = at_record_get_instance_private (self);

  g_return_val_if_fail (AT_IS_RECORD (self), NULL);

  return priv->uuid;
}

gboolean
at_record_is_null (AtRecord   *self,
                   const char *column)
{
  AtRecordPrivate *priv = at_record_get_instance_private (self);

  g_return_val_if_fail (AT_IS_RECORD (self), TRUE);

  return ((priv->not_null >> column_index (self, column)) & 1) == 0;
}

void
at_record_set_null (AtRecord   *self,
                    const char *column)
{
  g_return_if_fail (AT_IS_RECORD (self));

  store_cell (self, column_index (self, column), NULL);
}

/* The index of a column of the record's class that holds values of @type. */
static guint
typed_column_index (AtRecord   *self,
                    const char *name,
                    GType       type)
{
  guint index = column_index (self, name);

  if (G_UNLIKELY (column_gtype (AT_RECORD_GET_CLASS (self)->columns[index].kind) != type))
    g_error ("%s.%s does not hold a %s", G_OBJECT_TYPE_NAME (self), name, g_type_name (type));
  return index;
}

gint64
at_record_get_int (AtRecord   *self,
                   const char *column)
{
  g_return_val_if_fail (AT_IS_RECORD (self), 0);

  return peek_cell (self, typed_column_index (self, column, G_TYPE_INT64))->integer;
}

double
at_record_get_double (AtRecord   *self,
                      const char *column)
{
  g_return_val_if_fail (AT_IS_RECORD (self), 0.0);

  return peek_cell (self, typed_column_index (self, column, G_TYPE_DOUBLE))->real;
}

gboolean
at_record_get_boolean (AtRecord   *self,
                       const char *column)
{
  g_return_val_if_fail (AT_IS_RECORD (self), FALSE);

  return peek_cell (self, typed_column_index (self, column, G_TYPE_BOOLEAN))->integer != 0;
}

const char *
at_record_get_string (AtRecord   *self,
                      const char *column)
{
  g_return_val_if_fail (AT_IS_RECORD (self), NULL);

  return peek_cell (self, typed_column_index (self, column, G_TYPE_STRING))->text;
}

void
at_record_set_int (AtRecord   *self,
                   const char *column,
                   gint64      value)
{
  g_return_if_fail (AT_IS_RECORD (self));

  store_cell (self, typed_column_index (self, column, G_TYPE_INT64), &(AtCell) { .integer = value });
}

void
at_record_set_double (AtRecord   *self,
                      const char *column,
                      double      value)
{
  g_return_if_fail (AT_IS_RECORD (self));

  store_cell (self, typed_column_index (self, column, G_TYPE_DOUBLE), &(AtCell) { .real = value });
}

void
at_record_set_boolean (AtRecord   *self,
                       const char *column,
                       gboolean    value)
{
  g_return_if_fail (AT_IS_RECORD (self));

  store_cell (self, typed_column_index (self, column, G_TYPE_BOOLEAN), &(AtCell) { .integer = value });
}

void
at_record_set_string (AtRecord   *self,
                      const char *column,
                      const char *value)
{
  g_return_if_fail (AT_IS_RECORD (self));

  store_cell (self, typed_column_index (self, column, G_TYPE_STRING), &(AtCell) { .text = (char *) value });
}

static gboolean
invalid (GError     **error,
         const char  *table,
         const char  *column,
         const char  *reason)
{
  g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
               /* Translators: a field of a record could not be saved, e.g.
                * "activity_session.rating: must be between 1 and 10" */
               _("%s.%s: %s"), table, column, reason);
  return FALSE;
}

static gboolean
validate_column (AtRecord        *self,
                 const AtColumn  *column,
                 const AtCell    *value,
                 gboolean         is_set,
                 GError         **error)
{
  const char *table = AT_RECORD_GET_CLASS (self)->table;

  if (!is_set)
    {
      if (column->flags & AT_COLUMN_REQUIRED)
        return invalid (error, table, column->name, _("a value is required"));
      return TRUE;
    }

  if (column->min < column->max)
    {
      double number = column->kind == AT_COLUMN_REAL ? value->real : (double) value->integer;

      if (isnan (number) || number < column->min || number > column->max)
        {
          g_autofree char *reason =
            g_strdup_printf (_("must be between %g and %g, not %g"),
                             column->min, column->max, number);
          return invalid (error, table, column->name, reason);
        }
    }

  if (column->max_length > 0 && is_text (column->kind) &&
      g_utf8_strlen (value->text, -1) > column->max_length)
    {
      g_autofree char *reason =
        g_strdup_printf (_("must be at most %u characters long"), column->max_length);
      return invalid (error, table, column->name, reason);
    }

  if (column->kind == AT_COLUMN_JSON)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) json_error = NULL;

      if (!json_parser_load_from_data (parser, value->text, -1, &json_error))
        {
          g_autofree char *reason = g_strdup_printf (_("is not valid JSON (%s)"), json_error->message);
          return invalid (error, table, column->name, reason);
        }
    }

  if (column->kind == AT_COLUMN_DATE)
    {
      const char *text = value->text;
      int y, m, d;
      char end;

      if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 || strlen (text) != 10 ||
          !g_date_valid_dmy (d, m, y))
        return invalid (error, table, column->name, _("is not a date of the form YYYY-MM-DD"));
    }

  return TRUE;
}

/**
 * at_record_validate:
 *
 * Checks every column against its descriptor, then the class's own rules.
 * The store calls it before each write, so a bad value never reaches SQL.
 */
gboolean
at_record_validate (AtRecord  *self,
                    GError   **error)
{
  AtRecordPrivate *priv = at_record_get_instance_private (self);
  AtRecordClass *klass = AT_RECORD_GET_CLASS (self);

  g_return_val_if_fail (AT_IS_RECORD (self), FALSE);

  for (guint i = 0; i < klass->n_columns; i++)
    {
      const AtColumn *column = &klass->columns[i];

      if (column->flags & (AT_COLUMN_GENERATED | AT_COLUMN_OWNER))
        continue;
      if (!validate_column (self, column, peek_cell (self, i), (priv->not_null >> i) & 1, error))
        return FALSE;
    }

  if (klass->validate != NULL)
    return klass->validate (self, error);

  return TRUE;
}

/* For the store: the value of column i, or NULL when it is NULL. */
const AtCell *
_at_record_peek_cell (AtRecord *self,
                      guint     index)
{
  AtRecordPrivate *priv = at_record_get_instance_private (self);

  if (((priv->not_null >> index) & 1) == 0)
    return NULL;
  return &priv->cells[index];
}

/* For the store: sets column i (a string is copied), NULL for SQL NULL. */
void
_at_record_load_cell (AtRecord     *self,
                      guint         index,
                      const AtCell *value)
{
  store_cell (self, index, value);
}
