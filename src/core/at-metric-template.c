/* at-metric-template.c: AtMetricTemplate, a row of activity_type_metric_template. */

#define G_LOG_DOMAIN "at-metric-template"

#include "config.h"

#include "at-metric-template.h"

/* A metric an activity type asks for, with its unit and input kind. */
struct _AtMetricTemplate
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtMetricTemplate, at_metric_template, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "activity_type_id", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED, 0, 0, 0, 0 },
  { "metric_name", AT_COLUMN_TEXT, AT_COLUMN_REQUIRED, 0, 0, 0, 50 },
  { "unit_id", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "is_required", AT_COLUMN_BOOLEAN, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "display_order", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "input_type", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 20 },
  { "validation_rule", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

static void
at_metric_template_class_init (AtMetricTemplateClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "activity_type_metric_template", columns, G_N_ELEMENTS (columns));
  record_class->order_by = "activity_type_id, display_order, id";
}

static void
at_metric_template_init (AtMetricTemplate *self)
{
}

AtMetricTemplate *
at_metric_template_new (void)
{
  return g_object_new (AT_TYPE_METRIC_TEMPLATE, NULL);
}
