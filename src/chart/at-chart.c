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
  g_clear_pointer (&self->session_names, g_hash_table_unref);

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
  self->session_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->highlight_series = G_MAXUINT;
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

/* Bars of several series stand side by side: the group at a time spans
 * 70 % of the gap to the next bar (each bar at most 48 pixels), and each bar
 * series has an equal slot in it, in series order, a pixel apart. */
void
_at_chart_bar_slot (AtChart             *self,
                    const AtChartLayout *layout,
                    guint                series_index,
                    double              *offset,
                    double              *width)
{
  Extent visible = measure_points (self, layout->x_from, layout->x_to);
  guint n_bars = 0, slot = 0;
  double spacing = INFINITY, group, pitch;

  for (guint s = 0; s < self->series->len; s++)
    if (at_chart_series_get_kind (g_ptr_array_index (self->series, s)) == AT_CHART_SERIES_BAR)
      {
        if (s == series_index)
          slot = n_bars;
        n_bars++;
      }
  n_bars = MAX (n_bars, 1);

  if (isfinite (visible.min_spacing))
    spacing = visible.min_spacing / (layout->x_to - layout->x_from) * layout->plot.width;
  group = isfinite (spacing) ? CLAMP (floor (spacing * 0.7), n_bars, 48.0 * n_bars) : 24.0 * n_bars;
  pitch = floor (group / n_bars);
  *width = n_bars > 1 && pitch >= 4 ? pitch - 1 : pitch;
  *offset = -round (pitch * n_bars / 2) + slot * pitch;
}

/* How far right of its time a series draws a point: to a bar's middle. */
double
_at_chart_series_shift (AtChart             *self,
                        const AtChartLayout *layout,
                        guint                series_index)
{
  double offset, width;

  if (at_chart_series_get_kind (g_ptr_array_index (self->series, series_index)) != AT_CHART_SERIES_BAR)
    return 0;
  _at_chart_bar_slot (self, layout, series_index, &offset, &width);
  return offset + width / 2;
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

      double shift;

      if (!at_chart_series_get_range (series, layout.x_from, layout.x_to, &first, &end))
        continue;
      shift = _at_chart_series_shift (self, &layout, s);
      for (guint i = first; i < end; i++)
        {
          double px = at_chart_layout_map_x (&layout, points[i].x) + shift;
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

/**
 * at_chart_set_session_name:
 * @session_id: a session some points came from
 * @name: (nullable): what to call it in the tooltip and description
 */
void
at_chart_set_session_name (AtChart    *self,
                           gint64      session_id,
                           const char *name)
{
  g_return_if_fail (AT_IS_CHART (self));

  if (name == NULL)
    g_hash_table_remove (self->session_names, &session_id);
  else
    g_hash_table_insert (self->session_names, g_memdup2 (&session_id, sizeof session_id),
                         g_strdup (name));
}

/**
 * at_chart_set_session_names:
 * @names: (element-type gint64 utf8): session id (a pointer to it) → name,
 *   as at_store_get_session_names() gives
 *
 * Names many sessions at once.
 */
void
at_chart_set_session_names (AtChart    *self,
                            GHashTable *names)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (AT_IS_CHART (self));
  g_return_if_fail (names != NULL);

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    at_chart_set_session_name (self, *(gint64 *) key, value);
}

/**
 * at_chart_get_session_name:
 *
 * Returns: (nullable): the name given to @session_id
 */
const char *
at_chart_get_session_name (AtChart *self,
                           gint64   session_id)
{
  g_return_val_if_fail (AT_IS_CHART (self), NULL);

  return g_hash_table_lookup (self->session_names, &session_id);
}

/**
 * at_chart_describe_point:
 *
 * Returns: (transfer full): a point in words, e.g. "Squat: 100 kg on
 * 3 Jan 2024, Leg Day", for its tooltip and its description
 */
char *
at_chart_describe_point (AtChart          *self,
                         const AtChartHit *hit)
{
  const char *label, *session;
  g_autofree char *value = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (AT_IS_CHART (self), NULL);
  g_return_val_if_fail (hit != NULL && AT_IS_CHART_SERIES (hit->series), NULL);

  label = at_chart_series_get_label (hit->series);
  if (label == NULL)
    label = self->title != NULL ? self->title : _("Chart");
  value = at_chart_axis_format_value (hit->value, 0, at_chart_series_get_unit (hit->series));
  date = at_chart_axis_format_date (hit->time);
  session = hit->session_id != 0 ? at_chart_get_session_name (self, hit->session_id) : NULL;
  if (session != NULL)
    /* Translators: a chart point, e.g. "Squat: 100 kg on 3 Jan 2024, Leg Day" */
    return g_strdup_printf (_("%s: %s on %s, %s"), label, value, date, session);
  /* Translators: a chart point, e.g. "Squat: 100 kg on 3 Jan 2024" */
  return g_strdup_printf (_("%s: %s on %s"), label, value, date);
}

static void
fill_hit (AtChart    *self,
          guint       series_index,
          guint       point_index,
          AtChartHit *hit)
{
  AtChartSeries *series = g_ptr_array_index (self->series, series_index);
  guint n;
  const AtChartPoint *point = &at_chart_series_get_points (series, &n)[point_index];

  *hit = (AtChartHit) { series, series_index, point_index, point->x, point->y, point->session_id, NAN, NAN };
}

/**
 * at_chart_get_highlight:
 * @hit: (out) (optional): the highlighted point; its x and y are NAN
 *
 * Returns: whether a point is highlighted
 */
gboolean
at_chart_get_highlight (AtChart    *self,
                        AtChartHit *hit)
{
  g_return_val_if_fail (AT_IS_CHART (self), FALSE);

  if (self->highlight_series == G_MAXUINT)
    return FALSE;
  if (hit != NULL)
    fill_hit (self, self->highlight_series, self->highlight_point, hit);
  return TRUE;
}

void
at_chart_clear_highlight (AtChart *self)
{
  g_return_if_fail (AT_IS_CHART (self));

  self->highlight_series = G_MAXUINT;
}

/* The first series with points from sessions, or else the first with points. */
static gboolean
pick_highlight_series (AtChart *self,
                       guint   *series_index)
{
  gboolean found = FALSE;

  for (guint s = 0; s < self->series->len; s++)
    {
      guint n;
      const AtChartPoint *points = at_chart_series_get_points (g_ptr_array_index (self->series, s), &n);

      for (guint i = 0; i < n; i++)
        if (points[i].session_id != 0)
          {
            *series_index = s;
            return TRUE;
          }
      if (n > 0 && !found)
        {
          *series_index = s;
          found = TRUE;
        }
    }
  return found;
}

/**
 * at_chart_move_highlight:
 * @steps: how many points to move by: negative back in time
 *
 * Moves the keyboard's point along its series. Without one, highlights the
 * latest point up to the end of the visible range, of the first series
 * whose points come from sessions.
 *
 * Returns: whether the highlight moved
 */
gboolean
at_chart_move_highlight (AtChart *self,
                         int      steps)
{
  AtChartLayout layout;
  guint series_index, n, first, end;
  gint64 point;
  AtChartSeries *series;

  g_return_val_if_fail (AT_IS_CHART (self), FALSE);

  if (self->highlight_series == G_MAXUINT)
    {
      if (!pick_highlight_series (self, &series_index))
        return FALSE;
      series = g_ptr_array_index (self->series, series_index);
      at_chart_series_get_points (series, &n);
      self->highlight_series = series_index;
      self->highlight_point = n - 1;
      if (at_chart_get_layout (self, 800, 400, &layout) &&
          at_chart_series_get_range (series, -INFINITY, layout.x_to, &first, &end))
        self->highlight_point = end - 1;
      return TRUE;
    }

  at_chart_series_get_points (g_ptr_array_index (self->series, self->highlight_series), &n);
  point = CLAMP ((gint64) self->highlight_point + steps, 0, (gint64) n - 1);
  if (point == self->highlight_point)
    return FALSE;
  self->highlight_point = (guint) point;
  return TRUE;
}
