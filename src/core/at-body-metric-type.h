#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_BODY_METRIC_TYPE (at_body_metric_type_get_type ())

G_DECLARE_FINAL_TYPE (AtBodyMetricType, at_body_metric_type, AT, BODY_METRIC_TYPE, AtRecord)

AtBodyMetricType *at_body_metric_type_new (void);

G_END_DECLS
