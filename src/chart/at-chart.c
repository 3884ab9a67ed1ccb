/* at-chart.c: AtChart — its series and goals, the layout of a given size,
 * the description in words and the hit test. Painting is in
 * at-chart-draw.c. */

#define G_LOG_DOMAIN "at-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "at-chart-private.h"
#include "at-chart-text.h"

G_DEFINE_FINAL_TYPE (AtChart, at_chart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Extents of points, or of nothing. */
typedef struct
{
  double x_min, x_max, y_min, y_max;
  double min_spacing;   /* the closest two bars, in seconds */
  gboolean any;
  gboolean has_bars;
  gboolean from_zero;   /* bars and areas stand on zero */
} Extent;

static void
goal_clear (gpointer data)
{
  g_free (((AtChartGoal *) data)->label);
}

static void
extent_add (Extent *extent,
            double  x,
            double  y)
{
  extent->x_min = extent->any ? MIN (extent->x_min, x) : x;
  extent->x_max = extent->any ? MAX (extent->x_max, x) : x;
  extent->y_min = extent->any ? MIN (extent->y_min, y) : y;
  extent->y_max = extent->any ? MAX (extent->y_max, y) : y;
  extent->any = TRUE;
}

/* The extent of every point in [from, to]. */
static Extent
measure_points (AtChart *self,
                double   from,
                double   to)
{
  Extent extent = { .min_spacing = INFINITY };

  for (guint s = 0; s < self->series->len; s++)
    {
      AtChartSeries *series = g_ptr_array_index (self->series, s);
      AtChartSeriesKind kind = at_chart_series_get_kind (series);
      guint n, first, end;
      const AtChartPoint *points = at_chart_series_get_points (series, &n);

      if (!at_chart_series_get_range (series, from, to, &first, &end))
        continue;
      for (guint i = first; i < end; i++)
        {
          extent_add (&extent, points[i].x, points[i].y);
          if (kind == AT_CHART_SERIES_BAR && i > first)
            extent.min_spacing = MIN (extent.min_spacing, points[i].x - points[i - 1].x);
        }
      extent.has_bars |= kind == AT_CHART_SERIES_BAR;
      extent.from_zero |= kind == AT_CHART_SERIES_BAR || kind == AT_CHART_SERIES_AREA;
    }
  return extent;
}

/* The visible time range: the one set, or the data's with a margin. */
static void
pick_time_range (AtChart      *self,
                 const Extent *all,
                 double       *from,
                 double       *to)
{
  double pad;

  if (isfinite (self->time_from) && isfinite (self->time_to))
    {
      /* Bars at the ends stay whole. */
      pad = all->has_bars && isfinite (all->min_spacing) ? all->min_spacing * 0.6 : 0;
      *from = self->time_from - pad;
      *to = self->time_to + pad;
      return;
    }

  *from = all->x_min;
  *to = all->x_max;
  if (*to - *from < 3600)
    {
      *from -= 86400;
      *to += 86400;
    }
  pad = (*to - *from) * 0.02;
  if (all->has_bars && isfinite (all->min_spacing))
    pad = MAX (pad, all->min_spacing * 0.6);
  *from -= pad;
  *to += pad;
}

static void
pick_value_scale (AtChart           *self,
                  const Extent      *visible,
                  guint              max_ticks,
                  AtChartValueScale *scale)
{
  double lo = visible->y_min, hi = visible->y_max;

  for (guint i = 0; i < self->goals->len; i++)
    {
      double goal = g_array_index (self->goals, AtChartGoal, i).value;

      lo = MIN (lo, goal);
      hi = MAX (hi, goal);
    }
  if (visible->from_zero)
    {
      lo = MIN (lo, 0);
      hi = MAX (hi, 0);
    }
  if (isfinite (self->value_min))
    lo = self->value_min;
  if (isfinite (self->value_max))
    hi = self->value_max;

  at_chart_axis_value_scale (lo, hi, max_ticks, scale);
  if (isfinite (self->value_min))
    scale->min = self->value_min;
  if (isfinite (self->value_max))
    scale->max = self->value_max;
}

/* The widest label of the value axis. */
static double
widest_value_label (const AtChartValueScale *scale,
                    const char              *unit)
{
  g_autoptr(GArray) ticks = at_chart_axis_value_ticks (scale, unit);
  double widest = 0;

  for (guint i = 0; i < ticks->len; i++)
    {
      double width;

      at_chart_text_measure (g_array_index (ticks, AtChartTick, i).label, AT_CHART_FONT_SIZE,
                             FALSE, &width, NULL);
      widest = MAX (widest, width);
    }
  return widest;
}

static const char *
first_unit (AtChart *self)
{
  return self->series->len > 0 ? at_chart_series_get_unit (g_ptr_array_index (self->series, 0)) : NULL;
}

static void
at_chart_finalize (GObject *object)
{
  AtChart *self = (AtChart *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->goals, g_array_unref);

  G_OBJECT_CLASS (at_chart_parent_class)->finalize (object);
}

static void
at_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  AtChart *self = AT_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
at_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  AtChart *self = AT_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      at_chart_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
at_chart_class_init (AtChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = at_chart_finalize;
  object_class->get_property = at_chart_get_property;
  object_class->set_property = at_chart_set_property;

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
at_chart_init (AtChart *self)
{
  self->series = g_ptr_array_new_with_free_func (g_object_unref);
  self->goals = g_array_new (FALSE, FALSE, sizeof (AtChartGoal));
  g_array_set_clear_func (self->goals, goal_clear);
  self->value_min = self->value_max = NAN;
  self->time_from = self->time_to = NAN;
}

/* Internal API */

gboolean
_at_chart_has_legend (AtChart *self)
{
  if (self->series->len > 1 || self->goals->len > 0)
    return TRUE;
  return self->series->len == 1 &&
         at_chart_series_get_trend_days (g_ptr_array_index (self->series, 0)) > 0;
}

char *
_at_chart_trend_label (AtChartSeries *series)
{
  guint days = at_chart_series_get_trend_days (series);

  /* Translators: the legend of a moving-average trend line */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u-day average", "%u-day average", days),
                          days);
}

/* Public API */

AtChart *
at_chart_new (void)
{
  return g_object_new (AT_TYPE_CHART, NULL);
}

const char *
at_chart_get_title (AtChart *self)
{
  g_return_val_if_fail (AT_IS_CHART (self), NULL);

  return self->title;
}

void
at_chart_set_title (AtChart    *self,
                    const char *title)
{
  g_return_if_fail (AT_IS_CHART (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

/* Adds a series, drawn in the next colour, dash and marker of the style. */
void
at_chart_add_series (AtChart       *self,
                     AtChartSeries *series)
{
  g_return_if_fail (AT_IS_CHART (self));
  g_return_if_fail (AT_IS_CHART_SERIES (series));

  g_ptr_array_add (self->series, g_object_ref (series));
}

guint
at_chart_get_n_series (AtChart *self)
{
  g_return_val_if_fail (AT_IS_CHART (self), 0);

  return self->series->len;
}

/**
 * at_chart_get_series:
 *
 * Returns: (transfer none): the series at @index
 */
AtChartSeries *
at_chart_get_series (AtChart *self,
                     guint    index)
{
  g_return_val_if_fail (AT_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->series->len, NULL);

  return g_ptr_array_index (self->series, index);
}

/**
 * at_chart_add_goal:
 * @value: in the unit of the series
 * @label: (nullable): e.g. "Goal"
 *
 * Adds a horizontal target line; the value axis always shows it.
 */
void
at_chart_add_goal (AtChart    *self,
                   double      value,
                   const char *label)
{
  AtChartGoal goal = { value, g_strdup (label != NULL ? label : _("Goal")) };

  g_return_if_fail (AT_IS_CHART (self));

  g_array_append_val (self->goals, goal);
}

/**
 * at_chart_set_value_range:
 * @min: the lowest value shown, or NAN to follow the data
 * @max: the highest, or NAN
 */
void
at_chart_set_value_range (AtChart *self,
                          double   min,
                          double   max)
{
  g_return_if_fail (AT_IS_CHART (self));

  self->value_min = min;
  self->value_max = max;
}

/**
 * at_chart_set_time_range:
 * @from: Unix seconds, or NAN to follow the data
 * @to: Unix seconds, after @from, or NAN
 */
void
at_chart_set_time_range (AtChart *self,
                         double   from,
                         double   to)
{
  g_return_if_fail (AT_IS_CHART (self));
  g_return_if_fail (!(to <= from));

  self->time_from = from;
  self->time_to = to;
}

/**
 * at_chart_get_layout:
 *
 * Computes where a chart of @width × @height pixels puts its plot, its
 * visible time range and its value axis.
 *
 * Returns: %FALSE when no point is visible: the chart draws its empty state
 */
gboolean
at_chart_get_layout (AtChart       *self,
                     int            width,
                     int            height,
                     AtChartLayout *layout)
{
  Extent all, visible;
  double line_height, title_height = 0, top, bottom, left, right;
  guint max_ticks;

  g_return_val_if_fail (AT_IS_CHART (self), FALSE);
  g_return_val_if_fail (layout != NULL, FALSE);

  *layout = (AtChartLayout) { { 0, 0, width, height }, 0, 0, { 0, 1, 1 } };
  all = measure_points (self, -INFINITY, INFINITY);
  if (!all.any)
    return FALSE;
  pick_time_range (self, &all, &layout->x_from, &layout->x_to);
  visible = measure_points (self, layout->x_from, layout->x_to);
  if (!visible.any)
    return FALSE;

  at_chart_text_measure ("0", AT_CHART_FONT_SIZE, FALSE, NULL, &line_height);
  if (self->title != NULL)
    at_chart_text_measure (self->title, AT_CHART_TITLE_SIZE, TRUE, NULL, &title_height);
  top = AT_CHART_PAD + (title_height > 0 ? title_height + 8 : 0)
      + (_at_chart_has_legend (self) ? line_height + 8 : 0) + line_height / 2;
  bottom = AT_CHART_PAD + line_height + 6;

  max_ticks = (guint) MAX (2, (height - top - bottom) / 48);
  pick_value_scale (self, &visible, max_ticks, &layout->scale);
  left = AT_CHART_PAD + widest_value_label (&layout->scale, first_unit (self)) + 8;
  right = AT_CHART_PAD + 16;

  layout->plot = (cairo_rectangle_t) {
    round (left), round (top), MAX (1, round (width - left - right)), MAX (1, round (height - top - bottom))
  };
  return TRUE;
}

double
at_chart_layout_map_x (const AtChartLayout *layout,
                       double               time)
{
  return layout->plot.x + (time - layout->x_from) / (layout->x_to - layout->x_from) * layout->plot.width;
}

double
at_chart_layout_map_y (const AtChartLayout *layout,
                       double               value)
{
  return layout->plot.y + layout->plot.height
         - (value - layout->scale.min) / (layout->scale.max - layout->scale.min) * layout->plot.height;
}

/* "Squat from 3 Jan 2024 to 2 Nov 2026: lowest 92.5 kg on 5 Jan 2024,
 * highest 140 kg on 1 Oct 2026, latest 137.5 kg." */
static void
describe_series (GString             *text,
                 AtChartSeries       *series,
                 const char          *name,
                 const AtChartPoint  *points,
                 guint                first,
                 guint                end)
{
  const char *unit = at_chart_series_get_unit (series);
  guint lowest = first, highest = first;
  g_autofree char *from = at_chart_axis_format_date (points[first].x);
  g_autofree char *to = at_chart_axis_format_date (points[end - 1].x);
  g_autofree char *low_date = NULL, *high_date = NULL;
  g_autofree char *low = NULL, *high = NULL, *latest = NULL;

  for (guint i = first; i < end; i++)
    {
      if (points[i].y < points[lowest].y)
        lowest = i;
      if (points[i].y > points[highest].y)
        highest = i;
    }
  low_date = at_chart_axis_format_date (points[lowest].x);
  high_date = at_chart_axis_format_date (points[highest].x);
  low = at_chart_axis_format_value (points[lowest].y, 0, unit);
  high = at_chart_axis_format_value (points[highest].y, 0, unit);
  latest = at_chart_axis_format_value (points[end - 1].y, 0, unit);

  if (text->len > 0)
    g_string_append_c (text, ' ');
  if (end - first == 1)
    /* Translators: a chart's only value, e.g. "Squat on 3 Jan 2024: 100 kg." */
    g_string_append_printf (text, _("%s on %s: %s."), name, from, latest);
  else
    /* Translators: a chart in words, e.g. "Squat from 3 Jan 2024 to 2 Nov 2026: lowest
     * 92.5 kg on 5 Jan 2024, highest 140 kg on 1 Oct 2026, latest 137.5 kg." */
    g_string_append_printf (text, _("%s from %s to %s: lowest %s on %s, highest %s on %s, latest %s."),
                            name, from, to, low, low_date, high, high_date, latest);
}

/**
 * at_chart_describe:
 *
 * Returns: (transfer full): the chart in words, for its accessible
 * description: each series' span, lowest, highest and latest values in the
 * visible range, and the goals
 */
char *
at_chart_describe (AtChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  AtChartLayout layout;
  const char *title;

  g_return_val_if_fail (AT_IS_CHART (self), NULL);

  title = self->title != NULL ? self->title : _("Chart");
  if (!at_chart_get_layout (self, 800, 400, &layout))
    /* Translators: the description of a chart without data, e.g. "Squat: no data for this range." */
    return g_strdup_printf (_("%s: no data for this range."), title);

  for (guint s = 0; s < self->series->len; s++)
    {
      AtChartSeries *series = g_ptr_array_index (self->series, s);
      const char *label = at_chart_series_get_label (series);
      guint n, first, end;
      const AtChartPoint *points = at_chart_series_get_points (series, &n);

      if (!at_chart_series_get_range (series, layout.x_from, layout.x_to, &first, &end))
        continue;
      if (label == NULL || (self->series->len == 1 && self->title != NULL))
        label = title;
      describe_series (text, series, label, points, first, end);
    }

  for (guint i = 0; i < self->goals->len; i++)
    {
      const AtChartGoal *goal = &g_array_index (self->goals, AtChartGoal, i);
      g_autofree char *value = at_chart_axis_format_value (goal->value, 0, first_unit (self));

      /* Translators: a goal line in a chart's description, e.g. " Goal: 150 kg." */
      g_string_append_printf (text, _(" %s: %s."), goal->label, value);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * at_chart_hit_test:
 * @x: a position in a chart drawn at @width × @height
 * @hit: (out): the visible point nearest (@x, @y)
 *
 * Returns: whether there is one: %FALSE outside the plot or without data
 */
gboolean
at_chart_hit_test (AtChart    *self,
                   int         width,
                   int         height,
                   double      x,
                   double      y,
                   AtChartHit *hit)
{
  AtChartLayout layout;
  double best = INFINITY;
  const double slack = 8;

  g_return_val_if_fail (AT_IS_CHART (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  if (!at_chart_get_layout (self, width, height, &layout) ||
      x < layout.plot.x - slack || x > layout.plot.x + layout.plot.width + slack ||
      y < layout.plot.y - slack || y > layout.plot.y + layout.plot.height + slack)
    return FALSE;

  for (guint s = 0; s < self->series->len; s++)
    {
      AtChartSeries *series = g_ptr_array_index (self->series, s);
      guint n, first, end;
      const AtChartPoint *points = at_chart_series_get_points (series, &n);

      if (!at_chart_series_get_range (series, layout.x_from, layout.x_to, &first, &end))
        continue;
      for (guint i = first; i < end; i++)
        {
          double px = at_chart_layout_map_x (&layout, points[i].x);
          double py = at_chart_layout_map_y (&layout, points[i].y);
          double distance = hypot (px - x, py - y);

          if (distance < best)
            {
              best = distance;
              *hit = (AtChartHit) { series, s, i, points[i].x, points[i].y, points[i].session_id, px, py };
            }
        }
    }
  return isfinite (best);
}
