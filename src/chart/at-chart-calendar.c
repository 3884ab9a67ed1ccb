/* at-chart-calendar.c: the year heat-map. */

#define G_LOG_DOMAIN "at-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "at-chart-calendar.h"
#include "at-chart-axis.h"
#include "at-chart-text.h"

#define N_DAYS (AT_CHART_CALENDAR_WEEKS * 7)
#define PAD 12.0

struct _AtChartCalendar
{
  GObject  parent_instance;

  char    *title;
  char    *unit;
  GDate    first;           /* the Monday of the first column */
  guint    n_shown;         /* days from it to the last day, included */
  double   values[N_DAYS];
};

G_DEFINE_FINAL_TYPE (AtChartCalendar, at_chart_calendar, G_TYPE_OBJECT)

/* The grid of a calendar drawn at some size. */
typedef struct
{
  double left;
  double top;
  double cell;   /* the pitch of a cell */
  double gap;
  double line_height;
} Grid;

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int year, month, day;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static char *
weekday_name (guint weekday)
{
  /* 1 Jan 2024 was a Monday. */
  g_autoptr(GDateTime) day = g_date_time_new_utc (2024, 1, 1 + weekday, 12, 0, 0);

  return g_date_time_format (day, "%a");
}

static Grid
measure_grid (AtChartCalendar *self,
              int              width,
              int              height)
{
  Grid grid = { 0 };
  double title_height = 0, widest = 0, rows;

  at_chart_text_measure ("0", AT_CHART_FONT_SIZE, FALSE, NULL, &grid.line_height);
  if (self->title != NULL)
    at_chart_text_measure (self->title, AT_CHART_TITLE_SIZE, TRUE, NULL, &title_height);
  for (guint d = 0; d < 7; d += 2)
    {
      g_autofree char *name = weekday_name (d);
      double w;

      at_chart_text_measure (name, AT_CHART_FONT_SIZE, FALSE, &w, NULL);
      widest = MAX (widest, w);
    }

  grid.left = PAD + widest + 8;
  grid.top = PAD + (title_height > 0 ? title_height + 8 : 0) + grid.line_height + 4;
  rows = height - grid.top - (grid.line_height + 10 + PAD);
  grid.cell = floor (MIN ((width - grid.left - PAD) / AT_CHART_CALENDAR_WEEKS, rows / 7));
  grid.cell = MAX (grid.cell, 2);
  /* Centred when the height limits the cells. */
  grid.left = MAX (grid.left, floor ((width - AT_CHART_CALENDAR_WEEKS * grid.cell + grid.left - PAD) / 2));
  grid.gap = MAX (1, round (grid.cell * 0.18));
  return grid;
}

static double
max_value (AtChartCalendar *self)
{
  double max = 0;

  for (guint i = 0; i < self->n_shown; i++)
    max = MAX (max, self->values[i]);
  return max;
}

static void
draw_cell (cairo_t            *cr,
           const Grid         *grid,
           guint               week,
           guint               weekday,
           const AtChartStyle *style,
           guint               level)
{
  AtChartColor color = at_chart_style_level_color (style, level);
  double side = grid->cell - grid->gap;
  double x = grid->left + week * grid->cell, y = grid->top + weekday * grid->cell;
  double r = MIN (2, side / 4);

  at_chart_color_set_source (cr, &color);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + side - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + side - r, y + side - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + side - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* A month's name over the first column holding its 1st day. */
static void
draw_month_labels (AtChartCalendar    *self,
                   cairo_t            *cr,
                   const Grid         *grid,
                   const AtChartStyle *style)
{
  double last_end = -INFINITY;

  for (guint week = 0; week < AT_CHART_CALENDAR_WEEKS; week++)
    {
      GDate monday = self->first, sunday;
      g_autoptr(GDateTime) time = NULL;
      g_autofree char *name = NULL;
      double x = grid->left + week * grid->cell, w;

      g_date_add_days (&monday, week * 7);
      sunday = monday;
      g_date_add_days (&sunday, 6);
      /* The first column is named after its month unless the next begins in it. */
      if (g_date_get_day (&sunday) <= 7)
        monday = sunday;
      else if (week > 0)
        continue;
      time = g_date_time_new_utc (g_date_get_year (&monday), g_date_get_month (&monday), 1, 12, 0, 0);
      name = g_date_time_format (time, "%b");
      at_chart_text_measure (name, AT_CHART_FONT_SIZE, FALSE, &w, NULL);
      if (x < last_end + 6)
        continue;
      at_chart_text_draw (cr, name, AT_CHART_FONT_SIZE, FALSE, &style->dim, x, grid->top - 4, 0, 1);
      last_end = x + w;
    }
}

static void
draw_legend (cairo_t            *cr,
             const Grid         *grid,
             double              right,
             const AtChartStyle *style)
{
  double side = grid->cell - grid->gap, y = grid->top + 7 * grid->cell + 6, more_width;
  double x;

  at_chart_text_measure (_("More"), AT_CHART_FONT_SIZE, FALSE, &more_width, NULL);
  x = right - more_width - 6 - AT_CHART_CALENDAR_LEVELS * grid->cell;
  at_chart_text_draw (cr, _("More"), AT_CHART_FONT_SIZE, FALSE, &style->dim, right, y + side / 2, 1, 0.5);
  at_chart_text_draw (cr, _("Less"), AT_CHART_FONT_SIZE, FALSE, &style->dim, x - 6, y + side / 2, 1, 0.5);
  for (guint level = 0; level < AT_CHART_CALENDAR_LEVELS; level++)
    {
      Grid at = *grid;

      at.left = x;
      at.top = y;
      draw_cell (cr, &at, level, 0, style, level);
    }
}

static void
at_chart_calendar_finalize (GObject *object)
{
  AtChartCalendar *self = (AtChartCalendar *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->unit, g_free);

  G_OBJECT_CLASS (at_chart_calendar_parent_class)->finalize (object);
}

static void
at_chart_calendar_class_init (AtChartCalendarClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = at_chart_calendar_finalize;
}

static void
at_chart_calendar_init (AtChartCalendar *self)
{
}

/**
 * at_chart_calendar_new:
 * @last_day: "YYYY-MM-DD", the newest day shown (today, say)
 *
 * Returns: (transfer full) (nullable): a calendar of the 53 weeks up to
 * @last_day's week, or %NULL if @last_day is not a date
 */
AtChartCalendar *
at_chart_calendar_new (const char *last_day)
{
  AtChartCalendar *self;
  GDate last;

  g_return_val_if_fail (last_day != NULL, NULL);

  if (!parse_date (last_day, &last))
    return NULL;

  self = g_object_new (AT_TYPE_CHART_CALENDAR, NULL);
  self->first = last;
  g_date_subtract_days (&self->first, g_date_get_weekday (&last) - G_DATE_MONDAY
                                      + (AT_CHART_CALENDAR_WEEKS - 1) * 7);
  self->n_shown = g_date_days_between (&self->first, &last) + 1;
  return self;
}

void
at_chart_calendar_set_title (AtChartCalendar *self,
                             const char      *title)
{
  g_return_if_fail (AT_IS_CHART_CALENDAR (self));

  g_free (self->title);
  self->title = g_strdup (title);
}

/* The unit of the day values, for the description, e.g. "min". */
void
at_chart_calendar_set_unit (AtChartCalendar *self,
                            const char      *unit)
{
  g_return_if_fail (AT_IS_CHART_CALENDAR (self));

  g_free (self->unit);
  self->unit = g_strdup (unit);
}

/* Returns: (transfer full): the first day shown, a Monday, "YYYY-MM-DD" */
char *
at_chart_calendar_get_first_day (AtChartCalendar *self)
{
  g_return_val_if_fail (AT_IS_CHART_CALENDAR (self), NULL);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&self->first),
                          g_date_get_month (&self->first), g_date_get_day (&self->first));
}

/**
 * at_chart_calendar_set_day:
 * @date: "YYYY-MM-DD"
 * @value: the day's count or minutes; 0 or less is no activity
 *
 * Returns: whether @date is shown (other days are ignored)
 */
gboolean
at_chart_calendar_set_day (AtChartCalendar *self,
                           const char      *date,
                           double           value)
{
  GDate day;
  int offset;

  g_return_val_if_fail (AT_IS_CHART_CALENDAR (self), FALSE);

  if (!parse_date (date, &day))
    return FALSE;
  offset = g_date_days_between (&self->first, &day);
  if (offset < 0 || (guint) offset >= self->n_shown)
    return FALSE;
  self->values[offset] = value;
  return TRUE;
}

/**
 * at_chart_calendar_get_level:
 *
 * Returns: 0 for no activity, else 1 to 4 by quarters of the busiest day
 */
guint
at_chart_calendar_get_level (AtChartCalendar *self,
                             double           value)
{
  double max;

  g_return_val_if_fail (AT_IS_CHART_CALENDAR (self), 0);

  max = max_value (self);
  if (value <= 0 || max <= 0)
    return 0;
  return (guint) CLAMP (ceil (4 * value / max), 1, 4);
}

/**
 * at_chart_calendar_get_cell:
 * @week: 0 (oldest) to 52
 * @weekday: 0 (Monday) to 6 (Sunday)
 * @cell: (out): where that day's square is drawn
 *
 * Returns: whether that day is shown (days after the last one are not)
 */
gboolean
at_chart_calendar_get_cell (AtChartCalendar   *self,
                            int                width,
                            int                height,
                            guint              week,
                            guint              weekday,
                            cairo_rectangle_t *cell)
{
  Grid grid;

  g_return_val_if_fail (AT_IS_CHART_CALENDAR (self), FALSE);
  g_return_val_if_fail (week < AT_CHART_CALENDAR_WEEKS && weekday < 7, FALSE);

  grid = measure_grid (self, width, height);
  *cell = (cairo_rectangle_t) {
    grid.left + week * grid.cell, grid.top + weekday * grid.cell, grid.cell - grid.gap, grid.cell - grid.gap
  };
  return week * 7 + weekday < self->n_shown;
}

void
at_chart_calendar_draw (AtChartCalendar    *self,
                        cairo_t            *cr,
                        int                 width,
                        int                 height,
                        const AtChartStyle *style)
{
  Grid grid;

  g_return_if_fail (AT_IS_CHART_CALENDAR (self));
  g_return_if_fail (cr != NULL && style != NULL);

  grid = measure_grid (self, width, height);
  cairo_save (cr);
  at_chart_color_set_source (cr, &style->background);
  cairo_paint (cr);
  if (self->title != NULL)
    at_chart_text_draw (cr, self->title, AT_CHART_TITLE_SIZE, TRUE, &style->foreground, PAD, PAD, 0, 0);

  for (guint d = 0; d < 7; d += 2)
    {
      g_autofree char *name = weekday_name (d);

      at_chart_text_draw (cr, name, AT_CHART_FONT_SIZE, FALSE, &style->dim, grid.left - 8,
                          grid.top + d * grid.cell + (grid.cell - grid.gap) / 2, 1, 0.5);
    }
  draw_month_labels (self, cr, &grid, style);

  for (guint i = 0; i < self->n_shown; i++)
    draw_cell (cr, &grid, i / 7, i % 7, style, at_chart_calendar_get_level (self, self->values[i]));

  draw_legend (cr, &grid, grid.left + AT_CHART_CALENDAR_WEEKS * grid.cell - grid.gap, style);
  cairo_restore (cr);
}

static char *
format_offset (AtChartCalendar *self,
               guint            offset)
{
  GDate day = self->first;
  g_autoptr(GDateTime) time = NULL;

  g_date_add_days (&day, offset);
  time = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                g_date_get_day (&day), 12, 0, 0);
  return at_chart_axis_format_date ((double) g_date_time_to_unix (time));
}

/**
 * at_chart_calendar_describe:
 *
 * Returns: (transfer full): the calendar in words: the span, how many days
 * had activity, and the busiest one
 */
char *
at_chart_calendar_describe (AtChartCalendar *self)
{
  g_autofree char *from = NULL, *to = NULL, *best_day = NULL, *best_value = NULL;
  const char *title;
  guint active = 0, best = 0;

  g_return_val_if_fail (AT_IS_CHART_CALENDAR (self), NULL);

  for (guint i = 0; i < self->n_shown; i++)
    {
      if (self->values[i] > 0)
        active++;
      if (self->values[i] > self->values[best])
        best = i;
    }
  title = self->title != NULL ? self->title : _("Activity");
  from = format_offset (self, 0);
  to = format_offset (self, self->n_shown - 1);
  if (active == 0)
    /* Translators: e.g. "Activity from 1 Jan 2024 to 5 Jan 2025: no activity." */
    return g_strdup_printf (_("%s from %s to %s: no activity."), title, from, to);

  best_day = format_offset (self, best);
  best_value = at_chart_axis_format_value (self->values[best], 0, self->unit);
  /* Translators: e.g. "Activity from 1 Jan 2024 to 5 Jan 2025: 120 active days,
   * the most on 3 Mar 2024 (95 min)." */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s from %s to %s: %u active day, the most on %s (%s).",
                                       "%s from %s to %s: %u active days, the most on %s (%s).",
                                       active),
                          title, from, to, active, best_day, best_value);
}
