/* at-chart-axis.h: where a chart's ticks go and what they say.
 *
 * Time ticks fall on whole hours, days, weeks (Mondays), months or years in
 * the local timezone, the step chosen for the visible range; value ticks
 * on "nice" steps of 1, 2 or 5 × 10^n. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  AT_CHART_TIME_HOURS,
  AT_CHART_TIME_DAYS,
  AT_CHART_TIME_WEEKS,
  AT_CHART_TIME_MONTHS,
  AT_CHART_TIME_YEARS,
} AtChartTimeUnit;

typedef struct
{
  double  value;    /* a Unix time, or a value */
  char   *label;
} AtChartTick;

/* The nice bounds and step of a value axis. */
typedef struct
{
  double min;
  double max;
  double step;
} AtChartValueScale;

GArray  *at_chart_axis_time_ticks    (double             from,
                                      double             to,
                                      guint              max_ticks,
                                      AtChartTimeUnit   *unit,
                                      guint             *step);
double   at_chart_axis_nice_step     (double             range,
                                      guint              max_ticks);
void     at_chart_axis_value_scale   (double             min,
                                      double             max,
                                      guint              max_ticks,
                                      AtChartValueScale *scale);
GArray  *at_chart_axis_value_ticks   (const AtChartValueScale *scale,
                                      const char        *unit);
char    *at_chart_axis_format_value  (double             value,
                                      double             step,
                                      const char        *unit);
char    *at_chart_axis_format_date   (double             time);

G_END_DECLS
