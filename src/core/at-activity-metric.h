#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_ACTIVITY_METRIC (at_activity_metric_get_type ())

G_DECLARE_FINAL_TYPE (AtActivityMetric, at_activity_metric, AT, ACTIVITY_METRIC, AtRecord)

AtActivityMetric *at_activity_metric_new (void);

G_END_DECLS
