#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_METRIC_TEMPLATE (at_metric_template_get_type ())

G_DECLARE_FINAL_TYPE (AtMetricTemplate, at_metric_template, AT, METRIC_TEMPLATE, AtRecord)

AtMetricTemplate *at_metric_template_new (void);

G_END_DECLS
