/* at-body-metric.c: AtBodyMetric, a row of user_body_metric. */

#define G_LOG_DOMAIN "at-body-metric"

#include "config.h"

#include "at-body-metric.h"

/* One body measurement (weight, body fat, waist …) at a time. */
struct _AtBodyMetric
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtBodyMetric, at_body_metric, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "user_id", AT_COLUMN_INTEGER, AT_COLUMN_OWNER, 0, 0, 0, 0 },
  { "metric_type_id", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED, 0, 0, 0, 0 },
  { "value", AT_COLUMN_REAL, AT_COLUMN_REQUIRED, 2, 0, 999999, 0 },
  { "unit_id", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED, 0, 0, 0, 0 },
  { "measured_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "notes", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

static void
at_body_metric_class_init (AtBodyMetricClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "user_body_metric", columns, G_N_ELEMENTS (columns));
  record_class->owner_column = "user_id";
  record_class->order_by = "measured_at DESC, id DESC";
  record_class->has_uuid = TRUE;
  record_class->touch_query = "SELECT 0, user_id, NULL FROM user_body_metric WHERE id = ?1";
}

static void
at_body_metric_init (AtBodyMetric *self)
{
}

AtBodyMetric *
at_body_metric_new (void)
{
  return g_object_new (AT_TYPE_BODY_METRIC, NULL);
}
