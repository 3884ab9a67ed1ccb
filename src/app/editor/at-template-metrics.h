#pragma once

#include <adwaita.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_TEMPLATE_METRICS (at_template_metrics_get_type ())

G_DECLARE_FINAL_TYPE (AtTemplateMetrics, at_template_metrics, AT, TEMPLATE_METRICS, AdwBin)

void     at_template_metrics_set_templates (AtTemplateMetrics  *self,
                                            GListModel         *templates,
                                            GPtrArray          *units);
gboolean at_template_metrics_show_metric   (AtTemplateMetrics  *self,
                                            AtActivityMetric   *metric,
                                            gboolean            edit);
gboolean at_template_metrics_add_to        (AtTemplateMetrics  *self,
                                            AtWorkout          *workout,
                                            GError            **error);
void     at_template_metrics_clear_errors  (AtTemplateMetrics  *self);

G_END_DECLS
