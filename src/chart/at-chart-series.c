/* at-chart-series.c: a chart's series, its points kept in time order. */

#define G_LOG_DOMAIN "at-chart"

#include "config.h"

#include <math.h>

#include "at-chart-series.h"

struct _AtChartSeries
{
  GObject            parent_instance;

  AtChartSeriesKind  kind;
  char              *label;
  char              *unit;
  guint              trend_days;
  GArray            *points;      /* of AtChartPoint, sorted by x */
};

G_DEFINE_FINAL_TYPE (AtChartSeries, at_chart_series, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_LABEL,
  PROP_UNIT,
  PROP_TREND_DAYS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The index of the first point with x >= @x (binary search). */
static guint
lower_bound (GArray *points,
             double  x)
{
  guint low = 0, high = points->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (points, AtChartPoint, mid).x < x)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

static void
at_chart_series_finalize (GObject *object)
{
  AtChartSeries *self = (AtChartSeries *) object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->points, g_array_unref);

  G_OBJECT_CLASS (at_chart_series_parent_class)->finalize (object);
}

static void
at_chart_series_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AtChartSeries *self = AT_CHART_SERIES (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_TREND_DAYS:
      g_value_set_uint (value, self->trend_days);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
at_chart_series_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AtChartSeries *self = AT_CHART_SERIES (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;
    case PROP_UNIT:
      self->unit = g_value_dup_string (value);
      break;
    case PROP_TREND_DAYS:
      at_chart_series_set_trend_days (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
at_chart_series_class_init (AtChartSeriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = at_chart_series_finalize;
  object_class->get_property = at_chart_series_get_property;
  object_class->set_property = at_chart_series_set_property;

  properties [PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, AT_CHART_SERIES_LINE, AT_CHART_SERIES_AREA,
                      AT_CHART_SERIES_LINE,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_TREND_DAYS] =
    g_param_spec_uint ("trend-days", NULL, NULL, 0, 3650, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
at_chart_series_init (AtChartSeries *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (AtChartPoint));
}

/**
 * at_chart_series_new:
 * @label: (nullable): what the series shows, e.g. "Squat"
 * @unit: (nullable): the unit of its values, e.g. "kg"
 */
AtChartSeries *
at_chart_series_new (AtChartSeriesKind  kind,
                     const char        *label,
                     const char        *unit)
{
  return g_object_new (AT_TYPE_CHART_SERIES, "kind", kind, "label", label, "unit", unit, NULL);
}

AtChartSeriesKind
at_chart_series_get_kind (AtChartSeries *self)
{
  g_return_val_if_fail (AT_IS_CHART_SERIES (self), AT_CHART_SERIES_LINE);

  return self->kind;
}

const char *
at_chart_series_get_label (AtChartSeries *self)
{
  g_return_val_if_fail (AT_IS_CHART_SERIES (self), NULL);

  return self->label;
}

const char *
at_chart_series_get_unit (AtChartSeries *self)
{
  g_return_val_if_fail (AT_IS_CHART_SERIES (self), NULL);

  return self->unit;
}

guint
at_chart_series_get_trend_days (AtChartSeries *self)
{
  g_return_val_if_fail (AT_IS_CHART_SERIES (self), 0);

  return self->trend_days;
}

/**
 * at_chart_series_set_trend_days:
 * @days: the window of a moving-average trend line, or 0 for none
 */
void
at_chart_series_set_trend_days (AtChartSeries *self,
                                guint          days)
{
  g_return_if_fail (AT_IS_CHART_SERIES (self));

  if (self->trend_days == days)
    return;

  self->trend_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TREND_DAYS]);
}

/**
 * at_chart_series_add_point:
 * @x: a Unix time in seconds
 * @session_id: the session the value came from, or 0
 *
 * Adds a point; points may come in any order, the series keeps them sorted
 * (appending in time order is the cheap case). NAN values are ignored.
 */
void
at_chart_series_add_point (AtChartSeries *self,
                           double         x,
                           double         y,
                           gint64         session_id)
{
  AtChartPoint point = { x, y, session_id };
  guint n;

  g_return_if_fail (AT_IS_CHART_SERIES (self));

  if (!isfinite (x) || !isfinite (y))
    return;

  n = self->points->len;
  if (n == 0 || g_array_index (self->points, AtChartPoint, n - 1).x <= x)
    g_array_append_val (self->points, point);
  else
    g_array_insert_val (self->points, lower_bound (self->points, x), point);
}

/**
 * at_chart_series_get_points:
 *
 * Returns: (transfer none) (array length=n_points): the points, in time order
 */
const AtChartPoint *
at_chart_series_get_points (AtChartSeries *self,
                            guint         *n_points)
{
  g_return_val_if_fail (AT_IS_CHART_SERIES (self), NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  *n_points = self->points->len;
  return (const AtChartPoint *) (gpointer) self->points->data;
}

/**
 * at_chart_series_get_range:
 * @first: (out): the first point with x >= @x_from
 * @end: (out): one past the last point with x <= @x_to
 *
 * Returns: whether any point lies in [@x_from, @x_to]
 */
gboolean
at_chart_series_get_range (AtChartSeries *self,
                           double         x_from,
                           double         x_to,
                           guint         *first,
                           guint         *end)
{
  g_return_val_if_fail (AT_IS_CHART_SERIES (self), FALSE);

  *first = lower_bound (self->points, x_from);
  *end = *first;
  while (*end < self->points->len && g_array_index (self->points, AtChartPoint, *end).x <= x_to)
    (*end)++;
  return *end > *first;
}

/**
 * at_chart_series_get_change:
 * @before: a time
 * @reference: (out): the point the change is from: the last one before
 *   @before, or the first when none is
 * @latest: (out): the last point
 *
 * What "the change since a day" compares: pass the start of the day after.
 *
 * Returns: %FALSE when there are not two points to compare
 */
gboolean
at_chart_series_get_change (AtChartSeries *self,
                            double         before,
                            AtChartPoint  *reference,
                            AtChartPoint  *latest)
{
  guint index;

  g_return_val_if_fail (AT_IS_CHART_SERIES (self), FALSE);
  g_return_val_if_fail (reference != NULL && latest != NULL, FALSE);

  if (self->points->len == 0)
    return FALSE;
  index = lower_bound (self->points, before);
  index = index > 0 ? index - 1 : 0;
  *reference = g_array_index (self->points, AtChartPoint, index);
  *latest = g_array_index (self->points, AtChartPoint, self->points->len - 1);
  return index < self->points->len - 1;
}

/**
 * at_chart_series_moving_average:
 * @days: the window, at least 1
 *
 * Returns: (transfer full) (element-type AtChartPoint): at each point, the
 * mean of the values in the @days days up to it (a trailing average)
 */
GArray *
at_chart_series_moving_average (AtChartSeries *self,
                                guint          days)
{
  GArray *trend;
  double window, sum = 0;
  guint start = 0;

  g_return_val_if_fail (AT_IS_CHART_SERIES (self), NULL);
  g_return_val_if_fail (days > 0, NULL);

  trend = g_array_sized_new (FALSE, FALSE, sizeof (AtChartPoint), self->points->len);
  window = (double) days * 86400.0;
  for (guint i = 0; i < self->points->len; i++)
    {
      const AtChartPoint *p = &g_array_index (self->points, AtChartPoint, i);
      AtChartPoint mean;

      sum += p->y;
      while (g_array_index (self->points, AtChartPoint, start).x <= p->x - window)
        sum -= g_array_index (self->points, AtChartPoint, start++).y;

      mean = (AtChartPoint) { p->x, sum / (double) (i - start + 1), 0 };
      g_array_append_val (trend, mean);
    }
  return trend;
}
