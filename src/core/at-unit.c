/* at-unit.c: AtUnit, a row of unit. */

#define G_LOG_DOMAIN "at-unit"

#include "config.h"

#include "at-unit.h"

/* A unit of measurement and its factor to the base unit of its type. */
struct _AtUnit
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtUnit, at_unit, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "name", AT_COLUMN_TEXT, AT_COLUMN_REQUIRED, 0, 0, 0, 20 },
  { "symbol", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 10 },
  { "type", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 20 },
  { "conversion_factor", AT_COLUMN_REAL, AT_COLUMN_FLAGS_NONE, 6, 0, 0, 0 },
  { "is_base_unit", AT_COLUMN_BOOLEAN, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
};

static void
at_unit_class_init (AtUnitClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "unit", columns, G_N_ELEMENTS (columns));

}

static void
at_unit_init (AtUnit *self)
{
}

AtUnit *
at_unit_new (void)
{
  return g_object_new (AT_TYPE_UNIT, NULL);
}
