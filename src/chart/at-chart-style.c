/* at-chart-style.c: light and dark palettes, dashes and markers. */

#define G_LOG_DOMAIN "at-chart"

#include "config.h"

#include <math.h>

#include "at-chart-style.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* libadwaita's view colours and accent (GNOME blue). */
static const AtChartStyle light_style = {
  .dark = FALSE,
  .background = RGB (0xffffff),
  .foreground = RGB (0x241f31),
  .dim = RGB (0x5e5c64),
  .grid = RGB (0xe6e6e9),
  .accent = RGB (0x1c71d8),
  .goal = RGB (0x26a269),
  .empty_cell = RGB (0xebebed),
};

static const AtChartStyle dark_style = {
  .dark = TRUE,
  .background = RGB (0x1e1e1e),
  .foreground = RGB (0xffffff),
  .dim = RGB (0xb0afb5),
  .grid = RGB (0x38383c),
  .accent = RGB (0x78aeed),
  .goal = RGB (0x8ff0a4),
  .empty_cell = RGB (0x2e2e32),
};

/* After the accent: Okabe & Ito's orange, bluish green, vermilion, reddish
 * purple and sky blue; lighter twins on dark backgrounds. */
static const guint32 light_series[AT_CHART_STYLE_N_SERIES - 1] = {
  0xc77700, 0x009e73, 0xd55e00, 0xcc79a7, 0x3a9bd9,
};
static const guint32 dark_series[AT_CHART_STYLE_N_SERIES - 1] = {
  0xf0b030, 0x3cd6a6, 0xff8a4c, 0xe8a0c8, 0x8fd0f5,
};

/* Solid, dashed, dotted, dash-dot, long dash, dash-dot-dot (× line width). */
static const double dash_patterns[AT_CHART_STYLE_N_SERIES][6] = {
  { 0 }, { 4, 2 }, { 1, 2 }, { 5, 2, 1, 2 }, { 8, 3 }, { 5, 2, 1, 2, 1, 2 },
};
static const int dash_lengths[AT_CHART_STYLE_N_SERIES] = { 0, 2, 2, 4, 2, 6 };

const AtChartStyle *
at_chart_style_get_light (void)
{
  return &light_style;
}

const AtChartStyle *
at_chart_style_get_dark (void)
{
  return &dark_style;
}

/**
 * at_chart_style_series_color:
 *
 * Returns: the colour of the series at @index: the accent first
 */
AtChartColor
at_chart_style_series_color (const AtChartStyle *style,
                             guint               index)
{
  const guint32 *palette;
  guint32 hex;

  g_return_val_if_fail (style != NULL, light_style.accent);

  index %= AT_CHART_STYLE_N_SERIES;
  if (index == 0)
    return style->accent;

  palette = style->dark ? dark_series : light_series;
  hex = palette[index - 1];
  return (AtChartColor) RGB (hex);
}

AtChartMarker
at_chart_style_series_marker (guint index)
{
  static const AtChartMarker markers[AT_CHART_STYLE_N_SERIES] = {
    AT_CHART_MARKER_CIRCLE, AT_CHART_MARKER_SQUARE, AT_CHART_MARKER_TRIANGLE,
    AT_CHART_MARKER_DIAMOND, AT_CHART_MARKER_CROSS, AT_CHART_MARKER_CIRCLE,
  };

  return markers[index % AT_CHART_STYLE_N_SERIES];
}

/* Sets the dash pattern of the series at @index, scaled to the line. */
void
at_chart_style_set_dash (cairo_t *cr,
                         guint    index,
                         double   line_width)
{
  double dashes[6];
  int n;

  index %= AT_CHART_STYLE_N_SERIES;
  n = dash_lengths[index];
  for (int i = 0; i < n; i++)
    dashes[i] = dash_patterns[index][i] * line_width;
  cairo_set_dash (cr, dashes, n, 0);
}

/**
 * at_chart_style_level_color:
 * @level: 0 (nothing) to 4 (the most)
 *
 * Returns: the calendar colour of an intensity level: the accent from
 * faint to full, so levels differ in lightness, not only hue
 */
AtChartColor
at_chart_style_level_color (const AtChartStyle *style,
                            guint               level)
{
  static const double mix[5] = { 0, 0.3, 0.5, 0.75, 1.0 };
  AtChartColor color;
  double t;

  g_return_val_if_fail (style != NULL, light_style.empty_cell);

  if (level == 0)
    return style->empty_cell;

  t = mix[MIN (level, 4)];
  color.red = style->empty_cell.red + (style->accent.red - style->empty_cell.red) * t;
  color.green = style->empty_cell.green + (style->accent.green - style->empty_cell.green) * t;
  color.blue = style->empty_cell.blue + (style->accent.blue - style->empty_cell.blue) * t;
  color.alpha = 1;
  return color;
}

void
at_chart_color_set_source (cairo_t            *cr,
                           const AtChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* Fills (or, for a cross, strokes) a marker of @size pixels at (x, y). */
void
at_chart_style_draw_marker (cairo_t       *cr,
                            AtChartMarker  marker,
                            double         x,
                            double         y,
                            double         size)
{
  double r = size / 2;

  switch (marker)
    {
    case AT_CHART_MARKER_SQUARE:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case AT_CHART_MARKER_TRIANGLE:
      cairo_move_to (cr, x, y - r * 1.1);
      cairo_line_to (cr, x + r, y + r * 0.75);
      cairo_line_to (cr, x - r, y + r * 0.75);
      cairo_close_path (cr);
      break;
    case AT_CHART_MARKER_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;
    case AT_CHART_MARKER_CROSS:
      cairo_save (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, MAX (1.5, size / 4));
      cairo_move_to (cr, x - r, y - r);
      cairo_line_to (cr, x + r, y + r);
      cairo_move_to (cr, x + r, y - r);
      cairo_line_to (cr, x - r, y + r);
      cairo_stroke (cr);
      cairo_restore (cr);
      return;
    case AT_CHART_MARKER_CIRCLE:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
  cairo_fill (cr);
}
