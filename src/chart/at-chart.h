/* at-chart.h: a time chart drawn with Cairo — no window needed.
 *
 * An AtChart holds series over time, a title, goal lines, an optional value
 * range and visible time range. It draws into any cairo_t (a widget's
 * snapshot, an image, SVG or PDF surface), describes itself in words for
 * screen readers, finds the point under the pointer and keeps one point
 * highlighted for the keyboard. Bar series share each time's slot, side by
 * side. With no point in the visible range it draws "No data for this
 * range". */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "at-chart-axis.h"
#include "at-chart-series.h"
#include "at-chart-style.h"

G_BEGIN_DECLS

/* Where a chart of a given size puts its plot and how it maps values. */
typedef struct
{
  cairo_rectangle_t plot;    /* the plot area, in pixels */
  double            x_from;  /* the visible time range, Unix seconds */
  double            x_to;
  AtChartValueScale scale;   /* the value axis */
} AtChartLayout;

/* The point nearest a position. */
typedef struct
{
  AtChartSeries *series;       /* borrowed */
  guint          series_index;
  guint          point_index;
  double         time;
  double         value;
  gint64         session_id;
  double         x;            /* where it is drawn */
  double         y;
} AtChartHit;

#define AT_TYPE_CHART (at_chart_get_type ())

G_DECLARE_FINAL_TYPE (AtChart, at_chart, AT, CHART, GObject)

AtChart       *at_chart_new               (void);
const char    *at_chart_get_title         (AtChart             *self);
void           at_chart_set_title         (AtChart             *self,
                                           const char          *title);
void           at_chart_add_series        (AtChart             *self,
                                           AtChartSeries       *series);
guint          at_chart_get_n_series      (AtChart             *self);
AtChartSeries *at_chart_get_series        (AtChart             *self,
                                           guint                index);
void           at_chart_add_goal          (AtChart             *self,
                                           double               value,
                                           const char          *label);
void           at_chart_set_value_range   (AtChart             *self,
                                           double               min,
                                           double               max);
void           at_chart_set_time_range    (AtChart             *self,
                                           double               from,
                                           double               to);
gboolean       at_chart_get_layout        (AtChart             *self,
                                           int                  width,
                                           int                  height,
                                           AtChartLayout       *layout);
double         at_chart_layout_map_x      (const AtChartLayout *layout,
                                           double               time);
double         at_chart_layout_map_y      (const AtChartLayout *layout,
                                           double               value);
void           at_chart_draw              (AtChart             *self,
                                           cairo_t             *cr,
                                           int                  width,
                                           int                  height,
                                           const AtChartStyle  *style);
char          *at_chart_describe          (AtChart             *self);
gboolean       at_chart_hit_test          (AtChart             *self,
                                           int                  width,
                                           int                  height,
                                           double               x,
                                           double               y,
                                           AtChartHit          *hit);
void           at_chart_set_session_name  (AtChart             *self,
                                           gint64               session_id,
                                           const char          *name);
void           at_chart_set_session_names (AtChart             *self,
                                           GHashTable          *names);
const char    *at_chart_get_session_name  (AtChart             *self,
                                           gint64               session_id);
char          *at_chart_describe_point    (AtChart             *self,
                                           const AtChartHit    *hit);
gboolean       at_chart_get_highlight     (AtChart             *self,
                                           AtChartHit          *hit);
void           at_chart_clear_highlight   (AtChart             *self);
gboolean       at_chart_move_highlight    (AtChart             *self,
                                           int                  steps);

G_END_DECLS
