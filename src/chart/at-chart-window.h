/* at-chart-window.h: the time range a chart shows, zoomed and panned.
 *
 * Pure arithmetic on [from, to] in Unix seconds, shared by the chart
 * widget's pointer, touchpad and keyboard handling and by the tests. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double from;   /* Unix seconds */
  double to;     /* after from */
} AtChartWindow;

/* The narrowest window zooming in stops at: one day. */
#define AT_CHART_WINDOW_MIN_SPAN 86400.0

void  at_chart_window_zoom  (AtChartWindow *window,
                             double         factor,
                             double         anchor);
void  at_chart_window_pan   (AtChartWindow *window,
                             double         fraction);

G_END_DECLS
