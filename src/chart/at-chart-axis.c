/* at-chart-axis.c: time and value ticks. */

#define G_LOG_DOMAIN "at-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "at-chart-axis.h"

#define HOUR  3600.0
#define DAY   (24 * HOUR)
#define WEEK  (7 * DAY)
#define MONTH (30.44 * DAY)
#define YEAR  (365.25 * DAY)

/* The steps a time axis may take, finest first. */
static const struct {
  AtChartTimeUnit unit;
  guint           step;
  double          seconds;
} time_steps[] = {
  { AT_CHART_TIME_HOURS, 1, HOUR }, { AT_CHART_TIME_HOURS, 2, 2 * HOUR },
  { AT_CHART_TIME_HOURS, 3, 3 * HOUR }, { AT_CHART_TIME_HOURS, 6, 6 * HOUR },
  { AT_CHART_TIME_HOURS, 12, 12 * HOUR },
  { AT_CHART_TIME_DAYS, 1, DAY }, { AT_CHART_TIME_DAYS, 2, 2 * DAY },
  { AT_CHART_TIME_WEEKS, 1, WEEK }, { AT_CHART_TIME_WEEKS, 2, 2 * WEEK },
  { AT_CHART_TIME_MONTHS, 1, MONTH }, { AT_CHART_TIME_MONTHS, 2, 2 * MONTH },
  { AT_CHART_TIME_MONTHS, 3, 3 * MONTH }, { AT_CHART_TIME_MONTHS, 6, 6 * MONTH },
  { AT_CHART_TIME_YEARS, 1, YEAR }, { AT_CHART_TIME_YEARS, 2, 2 * YEAR },
  { AT_CHART_TIME_YEARS, 5, 5 * YEAR }, { AT_CHART_TIME_YEARS, 10, 10 * YEAR },
  { AT_CHART_TIME_YEARS, 25, 25 * YEAR }, { AT_CHART_TIME_YEARS, 50, 50 * YEAR },
};

static void
tick_clear (gpointer data)
{
  g_free (((AtChartTick *) data)->label);
}

static GArray *
tick_array_new (void)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (AtChartTick));

  g_array_set_clear_func (ticks, tick_clear);
  return ticks;
}

/* "3 Jan", with the month's abbreviation in the user's language. */
static char *
format_day (GDateTime *time,
            gboolean   with_year)
{
  g_autofree char *month = g_date_time_format (time, "%b");

  if (with_year)
    return g_strdup_printf ("%d %s %d", g_date_time_get_day_of_month (time), month,
                            g_date_time_get_year (time));
  return g_strdup_printf ("%d %s", g_date_time_get_day_of_month (time), month);
}

static char *
format_tick (GDateTime       *time,
             AtChartTimeUnit  unit,
             gboolean         first)
{
  switch (unit)
    {
    case AT_CHART_TIME_HOURS:
      if (g_date_time_get_hour (time) == 0)
        return format_day (time, FALSE);
      return g_date_time_format (time, "%H:%M");
    case AT_CHART_TIME_DAYS:
    case AT_CHART_TIME_WEEKS:
      return format_day (time, FALSE);
    case AT_CHART_TIME_MONTHS:
      if (first || g_date_time_get_month (time) == 1)
        return g_date_time_format (time, "%b %Y");
      return g_date_time_format (time, "%b");
    case AT_CHART_TIME_YEARS:
    default:
      return g_date_time_format (time, "%Y");
    }
}

/* The first tick at or before @from: the start of its hour, day, week,
 * month or year, on a multiple of @step. */
static GDateTime *
align_time (double          from,
            AtChartTimeUnit unit,
            guint           step)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_local ((gint64) floor (from));
  int y = g_date_time_get_year (t), m = g_date_time_get_month (t), d = g_date_time_get_day_of_month (t);
  g_autoptr(GDateTime) day = g_date_time_new (zone, y, m, d, 0, 0, 0);
  g_autoptr(GDate) date = g_date_new_dmy (d, m, y);
  /* Julian day 1, 1 Jan of year 1, was a Monday: multi-day steps align on it. */
  gint64 day_number = (gint64) g_date_get_julian (date) - 1;

  switch (unit)
    {
    case AT_CHART_TIME_HOURS:
      return g_date_time_new (zone, y, m, d, g_date_time_get_hour (t) - g_date_time_get_hour (t) % (int) step, 0, 0);
    case AT_CHART_TIME_DAYS:
      return g_date_time_add_days (day, -(int) (day_number % step));
    case AT_CHART_TIME_WEEKS:
      return g_date_time_add_days (day, -(int) (day_number % 7) - 7 * (int) (day_number / 7 % step));
    case AT_CHART_TIME_MONTHS:
      return g_date_time_new (zone, y, m - (m - 1) % (int) step, 1, 0, 0, 0);
    case AT_CHART_TIME_YEARS:
    default:
      return g_date_time_new (zone, y - y % (int) step, 1, 1, 0, 0, 0);
    }
}

static GDateTime *
advance (GDateTime       *time,
         AtChartTimeUnit  unit,
         guint            step)
{
  switch (unit)
    {
    case AT_CHART_TIME_HOURS:
      return g_date_time_add_hours (time, step);
    case AT_CHART_TIME_DAYS:
      return g_date_time_add_days (time, step);
    case AT_CHART_TIME_WEEKS:
      return g_date_time_add_weeks (time, step);
    case AT_CHART_TIME_MONTHS:
      return g_date_time_add_months (time, step);
    case AT_CHART_TIME_YEARS:
    default:
      return g_date_time_add_years (time, step);
    }
}

/**
 * at_chart_axis_time_ticks:
 * @from: the start of the visible range, Unix seconds
 * @to: its end
 * @max_ticks: at most this many ticks (about one per 100 pixels)
 * @unit: (out) (optional): the unit of the step chosen
 * @step: (out) (optional): how many units a step is
 *
 * Picks the finest step of whole hours, days, weeks, months or years that
 * gives at most @max_ticks ticks over the range, in the local timezone.
 *
 * Returns: (transfer full) (element-type AtChartTick): the ticks in [@from,
 * @to], in order, with their labels
 */
GArray *
at_chart_axis_time_ticks (double           from,
                          double           to,
                          guint            max_ticks,
                          AtChartTimeUnit *unit,
                          guint           *step)
{
  GArray *ticks = tick_array_new ();
  g_autoptr(GDateTime) time = NULL;
  guint chosen = G_N_ELEMENTS (time_steps) - 1;

  g_return_val_if_fail (to >= from, ticks);

  max_ticks = MAX (max_ticks, 2);
  for (guint i = 0; i < G_N_ELEMENTS (time_steps); i++)
    {
      if ((to - from) / time_steps[i].seconds + 1 <= max_ticks)
        {
          chosen = i;
          break;
        }
    }

  if (unit != NULL)
    *unit = time_steps[chosen].unit;
  if (step != NULL)
    *step = time_steps[chosen].step;

  time = align_time (from, time_steps[chosen].unit, time_steps[chosen].step);
  while (time != NULL && (double) g_date_time_to_unix (time) <= to && ticks->len <= max_ticks + 1)
    {
      GDateTime *next;

      if ((double) g_date_time_to_unix (time) >= from)
        {
          AtChartTick tick = {
            (double) g_date_time_to_unix (time),
            format_tick (time, time_steps[chosen].unit, ticks->len == 0),
          };

          g_array_append_val (ticks, tick);
        }
      next = advance (time, time_steps[chosen].unit, time_steps[chosen].step);
      g_date_time_unref (time);
      time = next;
    }
  return ticks;
}

/**
 * at_chart_axis_nice_step:
 *
 * Returns: the smallest step of 1, 2 or 5 × 10^n that divides @range into
 * at most @max_ticks parts
 */
double
at_chart_axis_nice_step (double range,
                         guint  max_ticks)
{
  double raw, magnitude, normalized;

  if (!(range > 0))
    return 1;

  raw = range / MAX (max_ticks, 1);
  magnitude = pow (10, floor (log10 (raw)));
  normalized = raw / magnitude;
  if (normalized <= 1 + 1e-9)
    return magnitude;
  if (normalized <= 2 + 1e-9)
    return 2 * magnitude;
  if (normalized <= 5 + 1e-9)
    return 5 * magnitude;
  return 10 * magnitude;
}

/**
 * at_chart_axis_value_scale:
 *
 * Widens [@min, @max] to whole nice steps, with at most @max_ticks steps.
 * A range of one value is widened around it.
 */
void
at_chart_axis_value_scale (double             min,
                           double             max,
                           guint              max_ticks,
                           AtChartValueScale *scale)
{
  g_return_if_fail (scale != NULL);

  if (!isfinite (min) || !isfinite (max))
    min = 0, max = 1;
  if (max < min)
    {
      double swap = min;

      min = max;
      max = swap;
    }
  if (max - min < 1e-9 * MAX (fabs (max), 1))
    {
      double half = max == 0 ? 1 : fabs (max) * 0.1;

      min -= half;
      max += half;
    }

  scale->step = at_chart_axis_nice_step (max - min, max_ticks);
  scale->min = floor (min / scale->step + 1e-9) * scale->step;
  scale->max = ceil (max / scale->step - 1e-9) * scale->step;
}

/**
 * at_chart_axis_value_ticks:
 *
 * Returns: (transfer full) (element-type AtChartTick): a tick at every step
 * from the scale's min to its max, labelled in @unit
 */
GArray *
at_chart_axis_value_ticks (const AtChartValueScale *scale,
                           const char              *unit)
{
  GArray *ticks = tick_array_new ();
  guint n;

  g_return_val_if_fail (scale != NULL && scale->step > 0, ticks);

  n = (guint) llround ((scale->max - scale->min) / scale->step);
  for (guint i = 0; i <= n && i <= 1000; i++)
    {
      double value = scale->min + i * scale->step;
      AtChartTick tick;

      if (fabs (value) < scale->step * 1e-6)
        value = 0;
      tick = (AtChartTick) { value, at_chart_axis_format_value (value, scale->step, unit) };
      g_array_append_val (ticks, tick);
    }
  return ticks;
}

/* Removes trailing zeros after a decimal separator. */
static void
trim_zeros (char *text)
{
  char *end = text + strlen (text) - 1;

  if (strpbrk (text, ".,") == NULL)
    return;
  while (end > text && *end == '0')
    *end-- = '\0';
  if (end > text && (*end == '.' || *end == ','))
    *end = '\0';
}

/**
 * at_chart_axis_format_value:
 * @step: the axis step, which sets the decimals; 0 for a value on its own
 *   (up to two decimals, trailing zeros dropped)
 * @unit: (nullable): appended after a space
 *
 * Returns: e.g. "137.5 kg", or "12k kg" on an axis of thousands
 */
char *
at_chart_axis_format_value (double      value,
                            double      step,
                            const char *unit)
{
  g_autofree char *number = NULL;
  const char *suffix = "";
  int decimals;

  value += 0.0;  /* no "-0" */
  if (step >= 1000 && value != 0)
    {
      value /= 1000;
      step /= 1000;
      /* Translators: the suffix of thousands on a chart axis, as in "12k" */
      suffix = C_("thousands", "k");
    }

  if (step > 0)
    {
      decimals = step >= 1 ? 0 : (int) ceil (-log10 (step) - 1e-9);
      number = g_strdup_printf ("%.*f", decimals, value);
    }
  else
    {
      number = g_strdup_printf ("%.2f", value);
      trim_zeros (number);
    }
  if (g_str_equal (number, "-0"))
    number[0] = '0', number[1] = '\0';

  if (unit == NULL || *unit == '\0')
    return g_strconcat (number, suffix, NULL);
  return g_strdup_printf ("%s%s %s", number, suffix, unit);
}

/**
 * at_chart_axis_format_date:
 *
 * Returns: a Unix time's local date for people, e.g. "3 Jan 2024"
 */
char *
at_chart_axis_format_date (double time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local ((gint64) floor (time));

  if (local == NULL)
    return g_strdup ("?");
  return format_day (local, TRUE);
}
