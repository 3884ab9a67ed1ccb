/* at-activity-metric.c: AtActivityMetric, a row of activity_metric. */

#define G_LOG_DOMAIN "at-activity-metric"

#include "config.h"

#include <glib/gi18n.h>

#include "at-activity-metric.h"
#include "at-session.h"
#include "at-store.h"

/* A named measurement of a session (distance, words written …). */
struct _AtActivityMetric
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtActivityMetric, at_activity_metric, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "session_id", AT_COLUMN_INTEGER, AT_COLUMN_REQUIRED | AT_COLUMN_PARENT, 0, 0, 0, 0 },
  { "metric_name", AT_COLUMN_TEXT, AT_COLUMN_REQUIRED, 0, 0, 0, 50 },
  { "metric_value_numeric", AT_COLUMN_REAL, AT_COLUMN_FLAGS_NONE, 3, 0, 10000000, 0 },
  { "metric_value_text", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "unit_id", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

static gboolean
at_activity_metric_validate (AtRecord  *record,
                             GError   **error)
{
  gboolean has_number = !at_record_is_null (record, "metric_value_numeric");
  gboolean has_text = !at_record_is_null (record, "metric_value_text");

  if (has_number == has_text)
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
                   _("activity_metric.metric_value_numeric: a metric holds either a number "
                     "or a text, not both and not neither"));
      return FALSE;
    }

  return TRUE;
}

static void
at_activity_metric_class_init (AtActivityMetricClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "activity_metric", columns, G_N_ELEMENTS (columns));
  record_class->parents[0].column = "session_id";
  record_class->parents[0].type = AT_TYPE_SESSION;
  record_class->order_by = "id";
  record_class->validate = at_activity_metric_validate;
  record_class->touch_query =
    "SELECT m.session_id, s.user_id, NULL FROM activity_metric m"
    " JOIN activity_session s ON s.id = m.session_id WHERE m.id = ?1";
}

static void
at_activity_metric_init (AtActivityMetric *self)
{
}

AtActivityMetric *
at_activity_metric_new (void)
{
  return g_object_new (AT_TYPE_ACTIVITY_METRIC, NULL);
}
