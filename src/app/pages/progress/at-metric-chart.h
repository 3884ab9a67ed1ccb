#pragma once

#include <adwaita.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_METRIC_CHART (at_metric_chart_get_type ())

G_DECLARE_FINAL_TYPE (AtMetricChart, at_metric_chart, AT, METRIC_CHART, AdwBin)

GtkWidget *at_metric_chart_new         (void);
void       at_metric_chart_set_kinds   (AtMetricChart *self,
                                        AtStore       *store,
                                        gint64         user_id,
                                        GArray        *kinds);
gboolean   at_metric_chart_has_kinds   (AtMetricChart *self);
gboolean   at_metric_chart_show_metric (AtMetricChart *self,
                                        const char    *spec);

G_END_DECLS
