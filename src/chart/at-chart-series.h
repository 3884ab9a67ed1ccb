/* at-chart-series.h: one series of a chart — its kind, label, unit and
 * points in time order. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  AT_CHART_SERIES_LINE,
  AT_CHART_SERIES_BAR,
  AT_CHART_SERIES_SCATTER,
  AT_CHART_SERIES_AREA,
} AtChartSeriesKind;

/* A point: x is a Unix time in seconds, y a value in the series' unit;
 * session_id is the session it came from, or 0. */
typedef struct
{
  double x;
  double y;
  gint64 session_id;
} AtChartPoint;

#define AT_TYPE_CHART_SERIES (at_chart_series_get_type ())

G_DECLARE_FINAL_TYPE (AtChartSeries, at_chart_series, AT, CHART_SERIES, GObject)

AtChartSeries      *at_chart_series_new            (AtChartSeriesKind  kind,
                                                    const char        *label,
                                                    const char        *unit);
AtChartSeriesKind   at_chart_series_get_kind       (AtChartSeries     *self);
const char         *at_chart_series_get_label      (AtChartSeries     *self);
const char         *at_chart_series_get_unit       (AtChartSeries     *self);
guint               at_chart_series_get_trend_days (AtChartSeries     *self);
void                at_chart_series_set_trend_days (AtChartSeries     *self,
                                                    guint              days);
void                at_chart_series_add_point      (AtChartSeries     *self,
                                                    double             x,
                                                    double             y,
                                                    gint64             session_id);
const AtChartPoint *at_chart_series_get_points     (AtChartSeries     *self,
                                                    guint             *n_points);
gboolean            at_chart_series_get_range      (AtChartSeries     *self,
                                                    double             x_from,
                                                    double             x_to,
                                                    guint             *first,
                                                    guint             *end);
gboolean            at_chart_series_get_change     (AtChartSeries     *self,
                                                    double             before,
                                                    AtChartPoint      *reference,
                                                    AtChartPoint      *latest);
GArray             *at_chart_series_moving_average (AtChartSeries     *self,
                                                    guint              days);

G_END_DECLS
