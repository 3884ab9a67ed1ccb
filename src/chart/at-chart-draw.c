/* at-chart-draw.c: painting an AtChart — background, title, legend, axes
 * and grid, the series (reduced to the pixel width), trends and goals, or
 * the empty state. */

#define G_LOG_DOMAIN "at-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "at-chart-private.h"
#include "at-chart-reduce.h"
#include "at-chart-text.h"

#define LEGEND_SWATCH 26.0

/* A trend line under its series: enough to stand out on either background. */
#define TREND_ALPHA(style) ((style)->dark ? 0.6 : 0.45)

/* Lines through more points than this per pixel column are reduced. */
#define POINTS_PER_PIXEL 2

static void
draw_empty (AtChart            *self,
            cairo_t            *cr,
            int                 width,
            int                 height,
            const AtChartStyle *style)
{
  at_chart_text_draw (cr, _("No data for this range"), AT_CHART_TITLE_SIZE, FALSE, &style->dim,
                      width / 2.0, height / 2.0, 0.5, 0.5);
}

static double
title_bottom (AtChart *self)
{
  double height = 0;

  if (self->title != NULL)
    at_chart_text_measure (self->title, AT_CHART_TITLE_SIZE, TRUE, NULL, &height);
  return AT_CHART_PAD + (height > 0 ? height + 8 : 0);
}

/* A legend's sample of a series: its line, dash and marker, or a bar. */
static void
draw_swatch (cairo_t            *cr,
             AtChartSeries      *series,
             guint               index,
             const AtChartStyle *style,
             double              x,
             double              y)
{
  AtChartColor color = at_chart_style_series_color (style, index);

  cairo_save (cr);
  at_chart_color_set_source (cr, &color);
  if (at_chart_series_get_kind (series) == AT_CHART_SERIES_BAR)
    {
      cairo_rectangle (cr, x + 6, y - 6, LEGEND_SWATCH - 12, 12);
      cairo_fill (cr);
    }
  else
    {
      cairo_set_line_width (cr, AT_CHART_LINE_WIDTH);
      at_chart_style_set_dash (cr, index, AT_CHART_LINE_WIDTH);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + LEGEND_SWATCH, y);
      cairo_stroke (cr);
      at_chart_style_draw_marker (cr, at_chart_style_series_marker (index),
                                  x + LEGEND_SWATCH / 2, y, AT_CHART_MARKER_SIZE);
    }
  cairo_restore (cr);
}

/* Draws one legend entry at x; returns where the next one starts. */
static double
draw_legend_label (cairo_t            *cr,
                   const char         *label,
                   const AtChartStyle *style,
                   double              x,
                   double              y)
{
  double width;

  at_chart_text_measure (label, AT_CHART_FONT_SIZE, FALSE, &width, NULL);
  at_chart_text_draw (cr, label, AT_CHART_FONT_SIZE, FALSE, &style->foreground,
                      x + LEGEND_SWATCH + 6, y, 0, 0.5);
  return x + LEGEND_SWATCH + 6 + width + 18;
}

static void
draw_legend (AtChart            *self,
             cairo_t            *cr,
             const AtChartStyle *style)
{
  double line_height, x = AT_CHART_PAD, y;

  at_chart_text_measure ("0", AT_CHART_FONT_SIZE, FALSE, NULL, &line_height);
  y = title_bottom (self) + line_height / 2;

  for (guint s = 0; s < self->series->len; s++)
    {
      AtChartSeries *series = g_ptr_array_index (self->series, s);
      const char *label = at_chart_series_get_label (series);
      AtChartColor color = at_chart_style_series_color (style, s);

      draw_swatch (cr, series, s, style, x, y);
      x = draw_legend_label (cr, label != NULL ? label : "", style, x, y);
      if (at_chart_series_get_trend_days (series) > 0)
        {
          g_autofree char *trend = _at_chart_trend_label (series);

          color.alpha = TREND_ALPHA (style);
          at_chart_color_set_source (cr, &color);
          cairo_set_line_width (cr, AT_CHART_LINE_WIDTH * 2.5);
          cairo_move_to (cr, x, y);
          cairo_line_to (cr, x + LEGEND_SWATCH, y);
          cairo_stroke (cr);
          x = draw_legend_label (cr, trend, style, x, y);
        }
    }

  for (guint i = 0; i < self->goals->len; i++)
    {
      at_chart_color_set_source (cr, &style->goal);
      cairo_set_line_width (cr, AT_CHART_LINE_WIDTH);
      cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + LEGEND_SWATCH, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      x = draw_legend_label (cr, g_array_index (self->goals, AtChartGoal, i).label, style, x, y);
    }
}

static void
draw_value_axis (AtChart             *self,
                 cairo_t             *cr,
                 const AtChartLayout *layout,
                 const AtChartStyle  *style)
{
  const char *unit = self->series->len > 0
                   ? at_chart_series_get_unit (g_ptr_array_index (self->series, 0)) : NULL;
  g_autoptr(GArray) ticks = at_chart_axis_value_ticks (&layout->scale, unit);

  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < ticks->len; i++)
    {
      const AtChartTick *tick = &g_array_index (ticks, AtChartTick, i);
      double y = round (at_chart_layout_map_y (layout, tick->value)) + 0.5;

      if (y < layout->plot.y - 1 || y > layout->plot.y + layout->plot.height + 1)
        continue;
      at_chart_color_set_source (cr, &style->grid);
      cairo_move_to (cr, layout->plot.x, y);
      cairo_line_to (cr, layout->plot.x + layout->plot.width, y);
      cairo_stroke (cr);
      at_chart_text_draw (cr, tick->label, AT_CHART_FONT_SIZE, FALSE, &style->dim,
                          layout->plot.x - 8, y, 1, 0.5);
    }
}

static void
draw_time_axis (cairo_t             *cr,
                const AtChartLayout *layout,
                int                  width,
                const AtChartStyle  *style)
{
  g_autoptr(GArray) ticks = at_chart_axis_time_ticks (layout->x_from, layout->x_to,
                                                      (guint) MAX (2, layout->plot.width / 90),
                                                      NULL, NULL);
  double bottom = layout->plot.y + layout->plot.height;
  double last_end = -INFINITY;

  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < ticks->len; i++)
    {
      const AtChartTick *tick = &g_array_index (ticks, AtChartTick, i);
      double x = round (at_chart_layout_map_x (layout, tick->value)) + 0.5;
      double label_width;

      at_chart_color_set_source (cr, &style->grid);
      cairo_move_to (cr, x, layout->plot.y);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
      at_chart_color_set_source (cr, &style->dim);
      cairo_move_to (cr, x, bottom);
      cairo_line_to (cr, x, bottom + 4);
      cairo_stroke (cr);

      /* A label that would overlap the one before or leave the chart is left out. */
      at_chart_text_measure (tick->label, AT_CHART_FONT_SIZE, FALSE, &label_width, NULL);
      if (x - label_width / 2 < MAX (last_end + 8, 2) || x + label_width / 2 > width - 2)
        continue;
      at_chart_text_draw (cr, tick->label, AT_CHART_FONT_SIZE, FALSE, &style->dim,
                          x, bottom + 6, 0.5, 0);
      last_end = x + label_width / 2;
    }

  at_chart_color_set_source (cr, &style->dim);
  cairo_move_to (cr, layout->plot.x, round (bottom) + 0.5);
  cairo_line_to (cr, layout->plot.x + layout->plot.width, round (bottom) + 0.5);
  cairo_stroke (cr);
}

/* The visible points of a series, with one more on each side so that a
 * line runs to the edges, reduced to what the width can show. */
static GArray *
visible_points (AtChartSeries       *series,
                const AtChartPoint  *points,
                guint                n_points,
                const AtChartLayout *layout,
                gboolean             neighbours)
{
  guint first, end, max_points;

  at_chart_series_get_range (series, layout->x_from, layout->x_to, &first, &end);
  if (neighbours)
    {
      first = first > 0 ? first - 1 : 0;
      end = MIN (end + 1, n_points);
    }
  max_points = (guint) MAX (4, layout->plot.width * POINTS_PER_PIXEL);
  return at_chart_reduce_min_max (points + first, end - first, max_points);
}

static double
baseline (const AtChartLayout *layout)
{
  return at_chart_layout_map_y (layout, CLAMP (0, layout->scale.min, layout->scale.max));
}

static void
trace_line (cairo_t             *cr,
            const AtChartLayout *layout,
            GArray              *points)
{
  for (guint i = 0; i < points->len; i++)
    {
      const AtChartPoint *p = &g_array_index (points, AtChartPoint, i);

      cairo_line_to (cr, at_chart_layout_map_x (layout, p->x), at_chart_layout_map_y (layout, p->y));
    }
}

static void
draw_markers (cairo_t             *cr,
              const AtChartLayout *layout,
              GArray              *points,
              guint                index)
{
  cairo_set_dash (cr, NULL, 0, 0);
  for (guint i = 0; i < points->len; i++)
    {
      const AtChartPoint *p = &g_array_index (points, AtChartPoint, i);

      at_chart_style_draw_marker (cr, at_chart_style_series_marker (index),
                                  at_chart_layout_map_x (layout, p->x),
                                  at_chart_layout_map_y (layout, p->y), AT_CHART_MARKER_SIZE);
    }
}

static void
draw_bars (AtChart             *self,
           cairo_t             *cr,
           const AtChartLayout *layout,
           guint                index,
           GArray              *points)
{
  double offset, bar, y0 = baseline (layout);

  _at_chart_bar_slot (self, layout, index, &offset, &bar);
  for (guint i = 0; i < points->len; i++)
    {
      const AtChartPoint *p = &g_array_index (points, AtChartPoint, i);
      double x = round (at_chart_layout_map_x (layout, p->x) + offset);
      double y = round (at_chart_layout_map_y (layout, p->y));

      cairo_rectangle (cr, x, MIN (y, y0), bar, fabs (y0 - y));
    }
  cairo_fill (cr);
}

static void
draw_trend (cairo_t             *cr,
            AtChartSeries       *series,
            const AtChartLayout *layout,
            AtChartColor         color,
            double               alpha)
{
  g_autoptr(GArray) trend = at_chart_series_moving_average (series, at_chart_series_get_trend_days (series));
  g_autoptr(GArray) points = NULL;
  guint first, end;

  if (trend->len < 2)
    return;
  /* A trend is smooth: a point every few pixels draws it as well as all. */
  at_chart_series_get_range (series, layout->x_from, layout->x_to, &first, &end);
  first = first > 0 ? first - 1 : 0;
  end = MIN (end + 1, trend->len);
  points = at_chart_reduce_lttb ((AtChartPoint *) (gpointer) trend->data + first, end - first,
                                 (guint) MAX (4, layout->plot.width / 4));
  color.alpha = alpha;
  at_chart_color_set_source (cr, &color);
  cairo_set_line_width (cr, AT_CHART_LINE_WIDTH * 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_new_path (cr);
  trace_line (cr, layout, points);
  cairo_stroke (cr);
}

/* Denser than the pixels, a line is a band from each column's lowest to
 * highest value: filling that outline (widened by the line) looks the same
 * as stroking every zig-zag and costs a small part of it. */
static void
draw_band (cairo_t             *cr,
           const AtChartLayout *layout,
           const AtChartPoint  *points,
           guint                n_points)
{
  guint n_columns = (guint) MAX (1, layout->plot.width);
  g_autofree double *top = g_new (double, n_columns);
  g_autofree double *bottom = g_new (double, n_columns);
  const double half = AT_CHART_LINE_WIDTH / 2;

  for (guint c = 0; c < n_columns; c++)
    top[c] = INFINITY, bottom[c] = -INFINITY;
  for (guint i = 0; i < n_points; i++)
    {
      double x = at_chart_layout_map_x (layout, points[i].x) - layout->plot.x;
      double y = at_chart_layout_map_y (layout, points[i].y);
      guint c = (guint) CLAMP (x, 0, n_columns - 1);

      top[c] = MIN (top[c], y - half);
      bottom[c] = MAX (bottom[c], y + half);
    }

  /* Each column is flat across its pixel, so a one-day spike is a whole
   * pixel wide up to its value. */
  cairo_new_path (cr);
  for (guint c = 0; c < n_columns; c++)
    if (isfinite (top[c]))
      {
        cairo_line_to (cr, layout->plot.x + c, top[c]);
        cairo_line_to (cr, layout->plot.x + c + 1, top[c]);
      }
  for (guint c = n_columns; c-- > 0;)
    if (isfinite (bottom[c]))
      {
        cairo_line_to (cr, layout->plot.x + c + 1, bottom[c]);
        cairo_line_to (cr, layout->plot.x + c, bottom[c]);
      }
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_series (AtChart             *self,
             cairo_t             *cr,
             AtChartSeries       *series,
             guint                index,
             const AtChartLayout *layout,
             const AtChartStyle  *style)
{
  AtChartSeriesKind kind = at_chart_series_get_kind (series);
  AtChartColor color = at_chart_style_series_color (style, index);
  guint n;
  const AtChartPoint *all = at_chart_series_get_points (series, &n);
  g_autoptr(GArray) points = visible_points (series, all, n, layout, kind != AT_CHART_SERIES_BAR);
  gboolean markers = points->len <= layout->plot.width / 14;
  gboolean trend = at_chart_series_get_trend_days (series) > 0;
  gboolean dense = kind == AT_CHART_SERIES_LINE && points->len > layout->plot.width;

  if (points->len == 0)
    return;
  /* A trend runs under a line, and over the band of a dense one, which
   * then steps back. */
  if (trend && !dense)
    draw_trend (cr, series, layout, color, TREND_ALPHA (style));
  if (dense)
    {
      guint first, end;

      color.alpha = trend ? 0.4 : 1;
      at_chart_color_set_source (cr, &color);
      at_chart_series_get_range (series, layout->x_from, layout->x_to, &first, &end);
      draw_band (cr, layout, all + first, end - first);
      if (trend)
        draw_trend (cr, series, layout, color, 1);
      return;
    }

  at_chart_color_set_source (cr, &color);
  cairo_set_line_width (cr, AT_CHART_LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  at_chart_style_set_dash (cr, index, AT_CHART_LINE_WIDTH);
  cairo_new_path (cr);

  switch (kind)
    {
    case AT_CHART_SERIES_BAR:
      draw_bars (self, cr, layout, index, points);
      return;
    case AT_CHART_SERIES_SCATTER:
      markers = TRUE;
      break;
    case AT_CHART_SERIES_AREA:
      trace_line (cr, layout, points);
      cairo_line_to (cr, at_chart_layout_map_x (layout, g_array_index (points, AtChartPoint, points->len - 1).x),
                     baseline (layout));
      cairo_line_to (cr, at_chart_layout_map_x (layout, g_array_index (points, AtChartPoint, 0).x),
                     baseline (layout));
      cairo_close_path (cr);
      color.alpha = 0.2;
      at_chart_color_set_source (cr, &color);
      cairo_fill (cr);
      color.alpha = 1;
      at_chart_color_set_source (cr, &color);
      G_GNUC_FALLTHROUGH;
    case AT_CHART_SERIES_LINE:
    default:
      trace_line (cr, layout, points);
      cairo_stroke (cr);
      break;
    }

  if (markers)
    draw_markers (cr, layout, points, index);
}

/* The keyboard's point: a ring in the text colour, around a bar's top. */
static void
draw_highlight (AtChart             *self,
                cairo_t             *cr,
                const AtChartLayout *layout,
                const AtChartStyle  *style)
{
  AtChartHit hit;
  double x, y;

  if (!at_chart_get_highlight (self, &hit) || hit.time < layout->x_from || hit.time > layout->x_to)
    return;

  x = at_chart_layout_map_x (layout, hit.time) + _at_chart_series_shift (self, layout, hit.series_index);
  y = at_chart_layout_map_y (layout, hit.value);
  at_chart_color_set_source (cr, &style->foreground);
  cairo_set_line_width (cr, AT_CHART_LINE_WIDTH);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, AT_CHART_MARKER_SIZE + 3, 0, 2 * G_PI);
  cairo_stroke (cr);
}

static void
draw_goals (AtChart             *self,
            cairo_t             *cr,
            const AtChartLayout *layout,
            const AtChartStyle  *style)
{
  const char *unit = self->series->len > 0
                   ? at_chart_series_get_unit (g_ptr_array_index (self->series, 0)) : NULL;

  for (guint i = 0; i < self->goals->len; i++)
    {
      const AtChartGoal *goal = &g_array_index (self->goals, AtChartGoal, i);
      double y = round (at_chart_layout_map_y (layout, goal->value)) + 0.5;
      g_autofree char *value = at_chart_axis_format_value (goal->value, 0, unit);
      g_autofree char *label = g_strdup_printf ("%s %s", goal->label, value);

      at_chart_color_set_source (cr, &style->goal);
      cairo_set_line_width (cr, AT_CHART_LINE_WIDTH);
      cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
      cairo_move_to (cr, layout->plot.x, y);
      cairo_line_to (cr, layout->plot.x + layout->plot.width, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      at_chart_text_draw (cr, label, AT_CHART_FONT_SIZE, TRUE, &style->goal,
                          layout->plot.x + layout->plot.width - 4, y - 3, 1, 1);
    }
}

/**
 * at_chart_draw:
 * @cr: where to draw, its origin at the chart's top-left corner
 * @style: the palette: at_chart_style_get_light() or _dark()
 *
 * Draws the chart into @width × @height pixels of @cr.
 */
void
at_chart_draw (AtChart            *self,
               cairo_t            *cr,
               int                 width,
               int                 height,
               const AtChartStyle *style)
{
  AtChartLayout layout;

  g_return_if_fail (AT_IS_CHART (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  at_chart_color_set_source (cr, &style->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  if (self->title != NULL)
    at_chart_text_draw (cr, self->title, AT_CHART_TITLE_SIZE, TRUE, &style->foreground,
                        AT_CHART_PAD, AT_CHART_PAD, 0, 0);

  if (!at_chart_get_layout (self, width, height, &layout))
    {
      draw_empty (self, cr, width, height, style);
      cairo_restore (cr);
      return;
    }

  if (_at_chart_has_legend (self))
    draw_legend (self, cr, style);
  draw_value_axis (self, cr, &layout, style);
  draw_time_axis (cr, &layout, width, style);

  cairo_save (cr);
  /* Lines run to the edges; markers on the top line stay whole. */
  cairo_rectangle (cr, layout.plot.x, layout.plot.y - AT_CHART_MARKER_SIZE,
                   layout.plot.width, layout.plot.height + AT_CHART_MARKER_SIZE);
  cairo_clip (cr);
  for (guint s = 0; s < self->series->len; s++)
    draw_series (self, cr, g_ptr_array_index (self->series, s), s, &layout, style);
  cairo_restore (cr);

  draw_highlight (self, cr, &layout, style);

  draw_goals (self, cr, &layout, style);
  cairo_restore (cr);
}
