/* at-chart-style.h: the colours and line styles charts are drawn with.
 *
 * Series differ by more than hue, for colour-blind readers: each index has
 * its own dash pattern and marker shape as well as its colour, from a
 * palette chosen to stay apart under the common colour-vision deficiencies
 * (Okabe & Ito), with the accent colour first. */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} AtChartColor;

typedef enum
{
  AT_CHART_MARKER_CIRCLE,
  AT_CHART_MARKER_SQUARE,
  AT_CHART_MARKER_TRIANGLE,
  AT_CHART_MARKER_DIAMOND,
  AT_CHART_MARKER_CROSS,
} AtChartMarker;

typedef struct
{
  gboolean      dark;
  AtChartColor  background;
  AtChartColor  foreground;    /* title, empty-state text */
  AtChartColor  dim;           /* tick labels, axis line */
  AtChartColor  grid;
  AtChartColor  accent;        /* the first series */
  AtChartColor  goal;
  AtChartColor  empty_cell;    /* calendar days without activity */
} AtChartStyle;

#define AT_CHART_STYLE_N_SERIES 6

const AtChartStyle *at_chart_style_get_light     (void);
const AtChartStyle *at_chart_style_get_dark      (void);
AtChartColor        at_chart_style_series_color  (const AtChartStyle *style,
                                                  guint               index);
AtChartMarker       at_chart_style_series_marker (guint               index);
void                at_chart_style_set_dash      (cairo_t            *cr,
                                                  guint               index,
                                                  double              line_width);
AtChartColor        at_chart_style_level_color   (const AtChartStyle *style,
                                                  guint               level);
void                at_chart_color_set_source    (cairo_t            *cr,
                                                  const AtChartColor *color);
void                at_chart_style_draw_marker   (cairo_t            *cr,
                                                  AtChartMarker       marker,
                                                  double              x,
                                                  double              y,
                                                  double              size);

G_END_DECLS
