/* at-chart-window.c: zooming and panning a chart's visible time range. */

#define G_LOG_DOMAIN "at-chart"

#include "config.h"

#include <math.h>

#include "at-chart-window.h"

/**
 * at_chart_window_zoom:
 * @window: the visible range
 * @factor: the new span over the old: below 1 zooms in, above 1 out
 * @anchor: the point that stays where it is, as a fraction of the span
 *   from @window's start: 0.5 for the middle, the pointer's place for a
 *   scroll or pinch
 *
 * Narrows or widens @window around @anchor, never below
 * %AT_CHART_WINDOW_MIN_SPAN.
 */
void
at_chart_window_zoom (AtChartWindow *window,
                      double         factor,
                      double         anchor)
{
  double span, pivot;

  g_return_if_fail (window != NULL);
  g_return_if_fail (factor > 0);
  g_return_if_fail (window->to > window->from);

  anchor = CLAMP (anchor, 0, 1);
  span = window->to - window->from;
  pivot = window->from + anchor * span;
  span = MAX (span * factor, AT_CHART_WINDOW_MIN_SPAN);
  window->from = pivot - anchor * span;
  window->to = window->from + span;
}

/**
 * at_chart_window_pan:
 * @window: the visible range
 * @fraction: how much of the span to move by; negative moves back in time
 *
 * Moves @window in time, keeping its span.
 */
void
at_chart_window_pan (AtChartWindow *window,
                     double         fraction)
{
  double shift;

  g_return_if_fail (window != NULL);
  g_return_if_fail (isfinite (fraction));

  shift = (window->to - window->from) * fraction;
  window->from += shift;
  window->to += shift;
}
