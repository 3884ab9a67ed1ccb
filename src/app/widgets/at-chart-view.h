#pragma once

#include <adwaita.h>

#include "at-chart.h"

G_BEGIN_DECLS

#define AT_TYPE_CHART_VIEW (at_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (AtChartView, at_chart_view, AT, CHART_VIEW, GtkWidget)

typedef enum
{
  AT_CHART_VIEW_RANGE_MONTH,
  AT_CHART_VIEW_RANGE_QUARTER,
  AT_CHART_VIEW_RANGE_YEAR,
  AT_CHART_VIEW_RANGE_ALL,
} AtChartViewRange;

GtkWidget *at_chart_view_new            (void);
AtChart   *at_chart_view_get_chart      (AtChartView       *self);
void       at_chart_view_set_chart      (AtChartView       *self,
                                         AtChart           *chart);
void       at_chart_view_set_range      (AtChartView       *self,
                                         AtChartViewRange   range);
void       at_chart_view_zoom           (AtChartView       *self,
                                         double             factor);
void       at_chart_view_pan            (AtChartView       *self,
                                         double             fraction);
char      *at_chart_view_describe       (AtChartView       *self);
gboolean   at_chart_view_export_to_path (AtChartView       *self,
                                         const char        *path,
                                         GError           **error);

G_END_DECLS
