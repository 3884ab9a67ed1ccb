/* at-cli-chart.c: `chart`, a progress chart or the activity calendar of a
 * user, drawn into a PNG, SVG or PDF file without a window. */

#define G_LOG_DOMAIN "at-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "at-cli.h"
#include "at-chart.h"
#include "at-chart-calendar.h"
#include "at-chart-export.h"
#include "at-history.h"

#define WEEK (7 * 86400)

typedef struct
{
  char     *kind;
  char     *exercise;
  char     *type;
  char     *metric;
  char     *body_metric;
  char     *from;
  char     *to;
  char     *output;
  int       width;
  int       height;
  int       trend;
  double    goal;
  gboolean  dark;
  /* Parsed */
  gint64    from_time;     /* 0: from the first value */
  gint64    to_time;       /* G_MAXINT64: to the last */
  char     *to_date;       /* the calendar's last day */
} ChartOptions;

static void
chart_options_clear (ChartOptions *options)
{
  g_free (options->kind);
  g_free (options->exercise);
  g_free (options->type);
  g_free (options->metric);
  g_free (options->body_metric);
  g_free (options->from);
  g_free (options->to);
  g_free (options->output);
  g_free (options->to_date);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChartOptions, chart_options_clear)

static gboolean
usage_error (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
usage_error (GError     **error,
             const char  *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (AT_CLI_ERROR, AT_CLI_ERROR_USAGE, format, args));
  va_end (args);
  return FALSE;
}

/* "YYYY-MM-DD" as the start of that day in @zone, plus @days. */
static gboolean
parse_day (const char  *option,
           const char  *text,
           GTimeZone   *zone,
           int          days,
           gint64      *time,
           GError     **error)
{
  int year, month, day;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) shifted = NULL;

  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return usage_error (error, _("--%s: “%s” is not a date (YYYY-MM-DD)"), option, text);

  start = g_date_time_new (zone, year, month, day, 0, 0, 0);
  shifted = g_date_time_add_days (start, days);
  *time = g_date_time_to_unix (shifted);
  return TRUE;
}

static gboolean
check_options (ChartOptions   *o,
               AtChartFormat  *format,
               GError        **error)
{
  static const char * const kinds[] = { "e1rm", "volume", "metric", "body", "calendar", NULL };

  if (!at_cli_require_option ("kind", o->kind, error) ||
      !at_cli_require_option ("output", o->output, error))
    return FALSE;
  if (!g_strv_contains (kinds, o->kind))
    return usage_error (error, _("--kind: “%s” is not one of e1rm, volume, metric, body, calendar"),
                        o->kind);
  if (!at_chart_format_from_path (o->output, format, NULL))
    return usage_error (error, _("--output: “%s” must end in .png, .svg or .pdf"), o->output);
  if ((g_str_equal (o->kind, "e1rm") || g_str_equal (o->kind, "volume")) &&
      !at_cli_require_option ("exercise", o->exercise, error))
    return FALSE;
  if (g_str_equal (o->kind, "metric") &&
      (!at_cli_require_option ("type", o->type, error) ||
       !at_cli_require_option ("metric", o->metric, error)))
    return FALSE;
  if (g_str_equal (o->kind, "body") && !at_cli_require_option ("body-metric", o->body_metric, error))
    return FALSE;
  if (o->width != 0 && (o->width < 100 || o->width > 10000))
    return usage_error (error, _("--width: %d is not between 100 and 10000"), o->width);
  if (o->height != 0 && (o->height < 100 || o->height > 10000))
    return usage_error (error, _("--height: %d is not between 100 and 10000"), o->height);
  if (o->trend < 0 || o->trend > 3650)
    return usage_error (error, _("--trend: %d is not between 0 and 3650 days"), o->trend);
  return TRUE;
}

/* The range in the user's timezone: --to includes its whole day. */
static gboolean
parse_range (ChartOptions  *o,
             AtRecord      *user,
             GError       **error)
{
  g_autoptr(GTimeZone) zone = at_cli_user_zone (user);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);

  o->from_time = 0;
  o->to_time = G_MAXINT64;
  if (o->from != NULL && !parse_day ("from", o->from, zone, 0, &o->from_time, error))
    return FALSE;
  if (o->to != NULL && !parse_day ("to", o->to, zone, 1, &o->to_time, error))
    return FALSE;
  if (o->from != NULL && o->to != NULL && o->from_time >= o->to_time)
    return usage_error (error, _("--from: %s is after --to %s"), o->from, o->to);
  o->to_date = o->to != NULL ? g_strdup (o->to) : g_date_time_format (now, "%Y-%m-%d");
  return TRUE;
}

/* A catalogue row by its name, in any case. */
static AtRecord *
find_by_name (AtStore     *store,
              gint64       user_id,
              GType        type,
              const char  *option,
              const char  *name,
              GError     **error)
{
  g_autoptr(GListModel) rows = at_store_list (store, user_id, type, NULL, 0, error);

  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(AtRecord) row = g_list_model_get_item (rows, i);

      if (g_utf8_collate (name, at_record_get_string (row, "name")) == 0 ||
          g_ascii_strcasecmp (name, at_record_get_string (row, "name")) == 0)
        return g_steal_pointer (&row);
    }
  usage_error (error, _("--%s: there is no “%s” in “%s”"), option, name, at_store_get_path (store));
  return NULL;
}

static char *
unit_symbol (AtStore *store,
             gint64   user_id,
             gint64   unit_id)
{
  g_autoptr(AtRecord) unit = NULL;

  if (unit_id == 0)
    return NULL;
  unit = at_store_get (store, user_id, AT_TYPE_UNIT, unit_id, NULL);
  return unit != NULL ? g_strdup (at_record_get_string (unit, "symbol")) : NULL;
}

/* How to show kilograms to this user: the factor and the unit's symbol. */
static gboolean
user_weight_unit (AtStore  *store,
                  gint64    user_id,
                  double   *per_kg,
                  char    **symbol,
                  GError  **error)
{
  g_autoptr(GListModel) units = at_store_list (store, user_id, AT_TYPE_UNIT, NULL, 0, error);
  gint64 kg = 0, shown = 0;

  if (units == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (units) && kg == 0; i++)
    {
      g_autoptr(AtRecord) unit = g_list_model_get_item (units, i);

      if (g_strcmp0 (at_record_get_string (unit, "type"), "weight") == 0 &&
          at_record_get_boolean (unit, "is_base_unit"))
        kg = at_record_get_id (unit);
    }
  *per_kg = 1;
  *symbol = g_strdup ("kg");
  if (kg == 0 || !at_store_to_user_weight (store, user_id, 1, kg, per_kg, &shown, error))
    return kg == 0;
  g_free (*symbol);
  *symbol = unit_symbol (store, user_id, shown);
  return TRUE;
}

static AtChartSeries *
exercise_series (ChartOptions  *o,
                 AtStore       *store,
                 gint64         user_id,
                 GError       **error)
{
  g_autoptr(AtRecord) exercise = find_by_name (store, user_id, AT_TYPE_ACTIVITY_SUBTYPE, "exercise",
                                               o->exercise, error);
  g_autoptr(GArray) history = NULL;
  g_autoptr(AtChartSeries) series = NULL;
  g_autofree char *unit = NULL;
  gboolean volume = g_str_equal (o->kind, "volume");
  double per_kg, week_sum = 0;
  gint64 week = -1;

  if (exercise == NULL)
    return NULL;
  history = at_store_get_exercise_history (store, user_id, at_record_get_id (exercise),
                                           o->from_time, o->to_time, error);
  if (history == NULL || !user_weight_unit (store, user_id, &per_kg, &unit, error))
    return NULL;

  series = at_chart_series_new (volume ? AT_CHART_SERIES_BAR : AT_CHART_SERIES_LINE,
                                at_record_get_string (exercise, "name"), unit);
  for (guint i = 0; i < history->len; i++)
    {
      const AtExerciseHistoryPoint *p = &g_array_index (history, AtExerciseHistoryPoint, i);
      /* Weeks from Monday 5 Jan 1970, in UTC. */
      gint64 p_week = (p->started_at - 4 * 86400) / WEEK;

      if (!volume)
        {
          at_chart_series_add_point (series, p->started_at, p->best_e1rm_kg * per_kg, p->session_id);
          continue;
        }
      if (week >= 0 && p_week != week)
        at_chart_series_add_point (series, week * WEEK + 4 * 86400 + WEEK / 2, week_sum * per_kg, 0);
      if (p_week != week)
        week_sum = 0;
      week = p_week;
      week_sum += p->session_volume_kg;
    }
  if (volume && week >= 0)
    at_chart_series_add_point (series, week * WEEK + 4 * 86400 + WEEK / 2, week_sum * per_kg, 0);
  return g_steal_pointer (&series);
}

/* Values in the first one's unit. */
static AtChartSeries *
converted_series (AtStore       *store,
                  gint64         user_id,
                  const char    *name,
                  const gint64  *times,
                  const double  *values,
                  const gint64  *units,
                  const gint64  *sessions,
                  guint          n,
                  GError       **error)
{
  g_autofree char *symbol = unit_symbol (store, user_id, n > 0 ? units[0] : 0);
  g_autoptr(AtChartSeries) series = at_chart_series_new (AT_CHART_SERIES_LINE, name, symbol);

  for (guint i = 0; i < n; i++)
    {
      double value = values[i];

      if (units[i] != units[0] && units[i] != 0 && units[0] != 0 &&
          !at_store_convert_unit (store, values[i], units[i], units[0], &value, error))
        return NULL;
      at_chart_series_add_point (series, times[i], value, sessions != NULL ? sessions[i] : 0);
    }
  return g_steal_pointer (&series);
}

static AtChartSeries *
metric_series (ChartOptions  *o,
               AtStore       *store,
               gint64         user_id,
               GError       **error)
{
  g_autoptr(AtRecord) type = find_by_name (store, user_id, AT_TYPE_ACTIVITY_TYPE, "type", o->type, error);
  g_autoptr(GArray) history = NULL;
  g_autofree gint64 *times = NULL, *units = NULL, *sessions = NULL;
  g_autofree double *values = NULL;

  if (type == NULL)
    return NULL;
  history = at_store_get_metric_history (store, user_id, at_record_get_id (type), o->metric,
                                         o->from_time, o->to_time, error);
  if (history == NULL)
    return NULL;

  times = g_new (gint64, history->len + 1);
  units = g_new (gint64, history->len + 1);
  sessions = g_new (gint64, history->len + 1);
  values = g_new (double, history->len + 1);
  for (guint i = 0; i < history->len; i++)
    {
      const AtMetricHistoryPoint *p = &g_array_index (history, AtMetricHistoryPoint, i);

      times[i] = p->started_at, values[i] = p->value, units[i] = p->unit_id, sessions[i] = p->session_id;
    }
  return converted_series (store, user_id, o->metric, times, values, units, sessions, history->len, error);
}

static AtChartSeries *
body_series (ChartOptions  *o,
             AtStore       *store,
             gint64         user_id,
             GError       **error)
{
  g_autoptr(AtRecord) type = find_by_name (store, user_id, AT_TYPE_BODY_METRIC_TYPE, "body-metric",
                                           o->body_metric, error);
  g_autoptr(GArray) history = NULL;
  g_autofree gint64 *times = NULL, *units = NULL;
  g_autofree double *values = NULL;

  if (type == NULL)
    return NULL;
  history = at_store_get_body_history (store, user_id, at_record_get_id (type),
                                       o->from_time, o->to_time, error);
  if (history == NULL)
    return NULL;

  times = g_new (gint64, history->len + 1);
  units = g_new (gint64, history->len + 1);
  values = g_new (double, history->len + 1);
  for (guint i = 0; i < history->len; i++)
    {
      const AtBodyHistoryPoint *p = &g_array_index (history, AtBodyHistoryPoint, i);

      times[i] = p->measured_at, values[i] = p->value, units[i] = p->unit_id;
    }
  return converted_series (store, user_id, at_record_get_string (type, "name"), times, values, units,
                           NULL, history->len, error);
}

static AtChart *
build_chart (ChartOptions  *o,
             AtStore       *store,
             gint64         user_id,
             GError       **error)
{
  g_autoptr(AtChart) chart = at_chart_new ();
  g_autoptr(AtChartSeries) series = NULL;
  g_autofree char *title = NULL;

  if (g_str_equal (o->kind, "e1rm") || g_str_equal (o->kind, "volume"))
    series = exercise_series (o, store, user_id, error);
  else if (g_str_equal (o->kind, "metric"))
    series = metric_series (o, store, user_id, error);
  else
    series = body_series (o, store, user_id, error);
  if (series == NULL)
    return NULL;

  /* Named as the catalogue spells them. */
  if (g_str_equal (o->kind, "e1rm"))
    title = g_strdup_printf (_("Estimated 1RM of %s"), at_chart_series_get_label (series));
  else if (g_str_equal (o->kind, "volume"))
    title = g_strdup_printf (_("Weekly volume of %s"), at_chart_series_get_label (series));
  else if (g_str_equal (o->kind, "metric"))
    /* Translators: a chart's title, e.g. "distance of Running" */
    title = g_strdup_printf (_("%s of %s"), o->metric, o->type);
  else
    title = g_strdup (at_chart_series_get_label (series));

  at_chart_set_title (chart, title);
  at_chart_series_set_trend_days (series, o->trend);
  at_chart_add_series (chart, series);
  if (isfinite (o->goal))
    at_chart_add_goal (chart, o->goal, NULL);
  if (o->from != NULL && o->to != NULL)
    at_chart_set_time_range (chart, o->from_time, o->to_time);
  return g_steal_pointer (&chart);
}

static AtChartCalendar *
build_calendar (ChartOptions  *o,
                AtStore       *store,
                gint64         user_id,
                GError       **error)
{
  g_autoptr(AtChartCalendar) calendar = at_chart_calendar_new (o->to_date);
  g_autofree char *first = NULL;
  g_autoptr(GArray) days = NULL;

  if (calendar == NULL)
    {
      usage_error (error, _("--to: “%s” is not a date (YYYY-MM-DD)"), o->to_date);
      return NULL;
    }
  first = at_chart_calendar_get_first_day (calendar);
  days = at_store_get_daily_totals (store, user_id, first, o->to_date, error);
  if (days == NULL)
    return NULL;

  at_chart_calendar_set_title (calendar, _("Activity"));
  at_chart_calendar_set_unit (calendar, _("min"));
  for (guint i = 0; i < days->len; i++)
    {
      const AtDailyTotal *day = &g_array_index (days, AtDailyTotal, i);

      /* A day with sessions but no recorded time still shows. */
      at_chart_calendar_set_day (calendar, day->local_date, MAX ((double) day->minutes, 1));
    }
  return g_steal_pointer (&calendar);
}

static void
draw_calendar (gpointer            calendar,
               cairo_t            *cr,
               int                 width,
               int                 height,
               const AtChartStyle *style)
{
  at_chart_calendar_draw (calendar, cr, width, height, style);
}

static gboolean
write_chart (ChartOptions   *o,
             AtStore        *store,
             gint64          user_id,
             AtChartFormat   format,
             GError        **error)
{
  const AtChartStyle *style = o->dark ? at_chart_style_get_dark () : at_chart_style_get_light ();
  gboolean calendar = g_str_equal (o->kind, "calendar");
  int width = o->width > 0 ? o->width : calendar ? 900 : 1200;
  int height = o->height > 0 ? o->height : calendar ? 220 : 600;
  g_autofree char *description = NULL;

  if (calendar)
    {
      g_autoptr(AtChartCalendar) chart = build_calendar (o, store, user_id, error);

      if (chart == NULL ||
          !at_chart_export_drawing (draw_calendar, chart, o->output, format, width, height, style, error))
        return FALSE;
      description = at_chart_calendar_describe (chart);
    }
  else
    {
      g_autoptr(AtChart) chart = build_chart (o, store, user_id, error);

      if (chart == NULL || !at_chart_export (chart, o->output, format, width, height, style, error))
        return FALSE;
      description = at_chart_describe (chart);
    }

  g_print ("%s\n", description);
  return TRUE;
}

gboolean
at_cli_cmd_chart (const AtCliCommand  *command,
                  char               **args,
                  GError             **error)
{
  g_auto(AtCliOptions) options = { 0 };
  g_auto(ChartOptions) o = { .goal = NAN };
  g_autoptr(AtStore) store = NULL;
  g_autoptr(AtRecord) user = NULL;
  g_autoptr(GError) local_error = NULL;
  AtChartFormat format;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &o.kind,
      N_("What to draw: e1rm, volume, metric, body or calendar"), "KIND" },
    { "exercise", 0, 0, G_OPTION_ARG_STRING, &o.exercise, N_("The exercise of e1rm and volume, e.g. “Squat”"), "NAME" },
    { "type", 0, 0, G_OPTION_ARG_STRING, &o.type, N_("The activity type of metric, e.g. “Running”"), "NAME" },
    { "metric", 0, 0, G_OPTION_ARG_STRING, &o.metric, N_("The session metric of metric, e.g. “distance”"), "NAME" },
    { "body-metric", 0, 0, G_OPTION_ARG_STRING, &o.body_metric, N_("The measurement of body, e.g. “weight”"), "NAME" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.from, N_("The first day shown"), "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o.to, N_("The last day shown (the calendar’s last day; default today)"), "YYYY-MM-DD" },
    { "width", 0, 0, G_OPTION_ARG_INT, &o.width, N_("Width in pixels (default 1200, calendar 900)"), "N" },
    { "height", 0, 0, G_OPTION_ARG_INT, &o.height, N_("Height in pixels (default 600, calendar 220)"), "N" },
    { "trend", 0, 0, G_OPTION_ARG_INT, &o.trend, N_("Add a moving average over this many days"), "DAYS" },
    { "goal", 0, 0, G_OPTION_ARG_DOUBLE, &o.goal, N_("Add a goal line at this value"), "VALUE" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &o.dark, N_("Use the dark style"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, N_("The file to write: .png, .svg or .pdf"), "FILE" },
    { NULL }
  };

  if (!at_cli_parse (command, args, entries, &options, error) || !check_options (&o, &format, error))
    return FALSE;

  store = at_cli_open_store (&options, FALSE, error);
  if (store == NULL)
    return FALSE;
  user = at_cli_find_user (store, options.user, error);
  if (user == NULL || !parse_range (&o, user, error))
    return FALSE;

  if (!write_chart (&o, store, at_record_get_id (user), format, &local_error))
    {
      /* Usage errors and those about the output file say where already. */
      gboolean said_where = g_error_matches (local_error, AT_CLI_ERROR, AT_CLI_ERROR_USAGE) ||
                            g_strrstr (local_error->message, o.output) != NULL;

      g_propagate_error (error, g_steal_pointer (&local_error));
      return said_where ? FALSE : at_cli_fail_in (store, error);
    }
  return TRUE;
}
