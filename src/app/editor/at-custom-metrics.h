#pragma once

#include <adwaita.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_CUSTOM_METRICS (at_custom_metrics_get_type ())

G_DECLARE_FINAL_TYPE (AtCustomMetrics, at_custom_metrics, AT, CUSTOM_METRICS, AdwBin)

void     at_custom_metrics_set_units    (AtCustomMetrics   *self,
                                         GPtrArray         *units);
void     at_custom_metrics_show_metric  (AtCustomMetrics   *self,
                                         AtActivityMetric  *metric,
                                         gboolean           edit);
gboolean at_custom_metrics_add_to       (AtCustomMetrics   *self,
                                         AtWorkout         *workout,
                                         GError           **error);
void     at_custom_metrics_clear_errors (AtCustomMetrics   *self);

G_END_DECLS
