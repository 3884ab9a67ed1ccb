#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_BODY_METRIC (at_body_metric_get_type ())

G_DECLARE_FINAL_TYPE (AtBodyMetric, at_body_metric, AT, BODY_METRIC, AtRecord)

AtBodyMetric *at_body_metric_new (void);

G_END_DECLS
