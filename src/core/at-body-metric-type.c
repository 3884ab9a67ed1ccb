/* at-body-metric-type.c: AtBodyMetricType, a row of body_metric_type. */

#define G_LOG_DOMAIN "at-body-metric-type"

#include "config.h"

#include "at-body-metric-type.h"

/* A body measurement that can be tracked (weight, waist …). */
struct _AtBodyMetricType
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtBodyMetricType, at_body_metric_type, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "name", AT_COLUMN_TEXT, AT_COLUMN_REQUIRED, 0, 0, 0, 50 },
  { "category", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 30 },
  { "default_unit_id", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "description", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
};

static void
at_body_metric_type_class_init (AtBodyMetricTypeClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "body_metric_type", columns, G_N_ELEMENTS (columns));
  record_class->order_by = "name";
}

static void
at_body_metric_type_init (AtBodyMetricType *self)
{
}

AtBodyMetricType *
at_body_metric_type_new (void)
{
  return g_object_new (AT_TYPE_BODY_METRIC_TYPE, NULL);
}
