/* at-progress-page.c: AtProgressPage, the Progress page: the totals, weekly
 * charts of sessions, minutes and volume, time per activity type, any
 * metric of an activity type over time (AtMetricChart), the year's calendar
 * and the latest personal records (AtRecentRecords). Everything is read by
 * at_store_run_async(), each time the page is shown. */

#define G_LOG_DOMAIN "at-progress-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "at-chart-calendar.h"
#include "at-dashboard.h"
#include "at-history.h"
#include "at-store-async.h"
#include "widgets/at-chart-view.h"

#include "at-exercise-history.h"
#include "at-metric-chart.h"
#include "at-progress-common.h"
#include "at-progress-page.h"
#include "at-recent-records.h"

#define N_WEEKS 52
#define N_TYPE_WEEKS 12
#define N_WEEK_TYPES 3
#define N_TYPE_DAYS 90

struct _AtProgressPage
{
  AdwBin           parent_instance;

  /* template widgets */
  GtkStack        *stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *error_page;
  GtkBox          *stat_box;
  AtChartView     *sessions_chart;
  AtChartView     *type_weeks_chart;
  AtChartView     *volume_chart;
  GtkListBox      *type_list;
  GtkDrawingArea  *calendar_area;
  AtRecentRecords *recent_records;
  GtkButton       *history_button;
  AtMetricChart   *metric_chart;
  AtExerciseHistory *history;

  /* owned */
  AtStore         *store;
  gint64           user_id;
  GCancellable    *cancellable;
  AtChartCalendar *calendar;
  gboolean         loaded;
  char            *pending_metric; /* "Type:metric" to show once the kinds are read */
};

G_DEFINE_FINAL_TYPE (AtProgressPage, at_progress_page, ADW_TYPE_BIN)

enum {
  ADD_TOAST,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* What the worker reads. */
typedef struct
{
  gint64            user_id;
  char             *today;     /* YYYY-MM-DD, local */
  AtUserStatistics  stats;
  GArray           *weeks;     /* AtWeekTotal */
  GArray           *type_weeks; /* AtWeekTypeTotal */
  GArray           *types;     /* AtTypeTotal */
  GArray           *days;      /* AtDailyTotal */
  GPtrArray        *records;   /* at_recent_records_read() */
  GArray           *kinds;     /* AtMetricKind */
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_free (load->today);
  g_clear_pointer (&load->weeks, g_array_unref);
  g_clear_pointer (&load->type_weeks, g_array_unref);
  g_clear_pointer (&load->types, g_array_unref);
  g_clear_pointer (&load->days, g_array_unref);
  g_clear_pointer (&load->records, g_ptr_array_unref);
  g_clear_pointer (&load->kinds, g_array_unref);
  g_free (load);
}

static char *
format_minutes (gint64 minutes)
{
  if (minutes < 0)
    return g_strdup ("—");
  if (minutes < 60)
    /* Translators: a duration in minutes */
    return g_strdup_printf (_("%" G_GINT64_FORMAT " min"), minutes);
  if (minutes >= 100 * 60)
    /* Translators: a long duration in whole hours, e.g. "1166 h" */
    return g_strdup_printf (_("%" G_GINT64_FORMAT " h"), (minutes + 30) / 60);
  /* Translators: a duration in hours and minutes */
  return g_strdup_printf (_("%" G_GINT64_FORMAT " h %02d min"), minutes / 60, (int) (minutes % 60));
}

static double
week_time (const char *week_start)
{
  int y, m, d;
  g_autoptr(GDateTime) dt = NULL;

  if (sscanf (week_start, "%d-%d-%d", &y, &m, &d) != 3)
    return NAN;
  dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  return dt != NULL ? (double) g_date_time_to_unix (dt) : NAN;
}

static int
compare_type_names (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const AtWeekTypeTotal *ta = *(AtWeekTypeTotal * const *) a, *tb = *(AtWeekTypeTotal * const *) b;

  return g_utf8_collate (ta->name, tb->name);
}

static gboolean
load_job (AtStore       *store,
          gpointer       job_data,
          GCancellable  *cancellable,
          GError       **error)
{
  Load *load = job_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) year_ago = g_date_time_add_days (now, -(AT_CHART_CALENDAR_WEEKS * 7 - 1));
  g_autofree char *first_day = g_date_time_format (year_ago, "%Y-%m-%d");

  load->today = g_date_time_format (now, "%Y-%m-%d");

  if (!at_store_get_statistics (store, load->user_id, &load->stats, error) ||
      (load->weeks = at_store_get_weekly_totals (store, load->user_id, N_WEEKS, error)) == NULL ||
      (load->type_weeks = at_store_get_weekly_type_minutes (store, load->user_id, N_TYPE_WEEKS,
                                                            N_WEEK_TYPES, error)) == NULL ||
      (load->types = at_store_get_type_totals (store, load->user_id, N_TYPE_DAYS, error)) == NULL ||
      (load->days = at_store_get_daily_totals (store, load->user_id, first_day, load->today,
                                               error)) == NULL ||
      (load->records = at_recent_records_read (store, load->user_id, error)) == NULL ||
      (load->kinds = at_store_list_metric_kinds (store, load->user_id, error)) == NULL)
    return FALSE;

  return TRUE;
}

static GtkWidget *
stat_card (const char *value,
           const char *caption)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_VERTICAL,
                                 "spacing", 4,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                 NULL);
  GtkWidget *number = gtk_label_new (value);
  GtkWidget *label = gtk_label_new (caption);
  g_autofree char *name = g_strdup_printf ("%s: %s", caption, value);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (number, "title-2");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (number, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (number, 6);
  gtk_widget_set_margin_end (number, 6);
  /* Narrow windows: the cards shrink rather than widen the page. */
  gtk_label_set_ellipsize (GTK_LABEL (number), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  return box;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
show_stats (AtProgressPage *self,
            Load           *load)
{
  g_autofree char *sessions = g_strdup_printf ("%" G_GINT64_FORMAT, load->stats.total_sessions);
  g_autofree char *days = g_strdup_printf ("%" G_GINT64_FORMAT, load->stats.total_days_active);
  g_autofree char *time = format_minutes (load->stats.found ? load->stats.total_minutes : 0);
  g_autofree char *prs = g_strdup_printf ("%" G_GINT64_FORMAT, load->stats.total_prs);

  clear_box (self->stat_box);
  gtk_box_append (self->stat_box, stat_card (sessions, _("Sessions")));
  gtk_box_append (self->stat_box, stat_card (days, _("Days Active")));
  gtk_box_append (self->stat_box, stat_card (time, _("Total Time")));
  gtk_box_append (self->stat_box, stat_card (prs, _("Personal Records")));
}

static void
show_weeks (AtProgressPage *self,
            Load           *load)
{
  g_autoptr(AtChart) sessions = at_chart_new ();
  g_autoptr(AtChart) volume = at_chart_new ();
  g_autoptr(AtChartSeries) count = at_chart_series_new (AT_CHART_SERIES_BAR, _("Sessions"), NULL);
  g_autoptr(AtChartSeries) minutes = at_chart_series_new (AT_CHART_SERIES_LINE, _("Hours"), _("h"));
  g_autoptr(AtChartSeries) kg = at_chart_series_new (AT_CHART_SERIES_BAR, _("Volume"), _("kg"));
  gboolean any_volume = FALSE;

  /* Without sets there is no volume: "No data" rather than a row of zeros. */
  for (guint i = 0; i < load->weeks->len; i++)
    if (g_array_index (load->weeks, AtWeekTotal, i).volume > 0)
      any_volume = TRUE;

  for (guint i = 0; i < load->weeks->len; i++)
    {
      const AtWeekTotal *week = &g_array_index (load->weeks, AtWeekTotal, i);
      double x = week_time (week->week_start);

      if (!isfinite (x))
        continue;
      at_chart_series_add_point (count, x, week->sessions, 0);
      at_chart_series_add_point (minutes, x, week->minutes / 60.0, 0);
      if (any_volume && isfinite (week->volume))
        at_chart_series_add_point (kg, x, week->volume, 0);
    }

  at_chart_set_title (sessions, _("Sessions and hours per week"));
  at_chart_add_series (sessions, count);
  at_chart_add_series (sessions, minutes);
  at_chart_view_set_chart (self->sessions_chart, sessions);

  at_chart_set_title (volume, _("Volume per week"));
  at_chart_add_series (volume, kg);
  at_chart_view_set_chart (self->volume_chart, volume);
}

/* Hours per week of the busiest activity types, their bars side by side. */
static void
show_type_weeks (AtProgressPage *self,
                 Load           *load)
{
  g_autoptr(AtChart) chart = at_chart_new ();
  g_autoptr(GHashTable) series = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  /* One series per type, in name order. */
  for (guint i = 0; i < load->type_weeks->len; i++)
    {
      AtWeekTypeTotal *week = &g_array_index (load->type_weeks, AtWeekTypeTotal, i);

      if (!g_hash_table_contains (series, &week->activity_type_id))
        {
          g_hash_table_add (series, &week->activity_type_id);
          g_ptr_array_add (names, week);
        }
    }
  g_ptr_array_sort_with_data (names, compare_type_names, NULL);
  g_hash_table_remove_all (series);
  for (guint i = 0; i < names->len; i++)
    {
      AtWeekTypeTotal *week = g_ptr_array_index (names, i);
      g_autoptr(AtChartSeries) type = at_chart_series_new (AT_CHART_SERIES_BAR, week->name, _("h"));

      at_chart_add_series (chart, type);
      g_hash_table_insert (series, &week->activity_type_id, type);
    }

  for (guint i = 0; i < load->type_weeks->len; i++)
    {
      AtWeekTypeTotal *week = &g_array_index (load->type_weeks, AtWeekTypeTotal, i);
      double x = week_time (week->week_start);

      if (isfinite (x))
        at_chart_series_add_point (g_hash_table_lookup (series, &week->activity_type_id), x,
                                   week->minutes / 60.0, 0);
    }

  at_chart_set_title (chart, _("Hours per week by activity"));
  at_chart_view_set_chart (self->type_weeks_chart, chart);
}

static void
show_types (AtProgressPage *self,
            Load           *load)
{
  gint64 most = 1;

  at_progress_clear_list (self->type_list);
  for (guint i = 0; i < load->types->len; i++)
    most = MAX (most, g_array_index (load->types, AtTypeTotal, i).minutes);

  for (guint i = 0; i < load->types->len; i++)
    {
      const AtTypeTotal *total = &g_array_index (load->types, AtTypeTotal, i);
      g_autofree char *time = format_minutes (total->minutes);
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in %" G_GINT64_FORMAT " session",
                                                                "%s in %" G_GINT64_FORMAT " sessions",
                                                                total->sessions),
                                                   time, total->sessions);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, most);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), total->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), total->minutes);
      gtk_widget_set_size_request (bar, 200, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      total->name, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
      gtk_list_box_append (self->type_list, row);
    }

  if (load->types->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No sessions in the last 90 days"));
      gtk_list_box_append (self->type_list, row);
    }
}

static void
calendar_draw_func (GtkDrawingArea *area,
                    cairo_t        *cr,
                    int             width,
                    int             height,
                    gpointer        user_data)
{
  AtProgressPage *self = user_data;
  const AtChartStyle *style;
  AtChartStyle copy;
  GdkRGBA accent;

  if (self->calendar == NULL)
    return;

  style = adw_style_manager_get_dark (adw_style_manager_get_default ())
            ? at_chart_style_get_dark () : at_chart_style_get_light ();
  copy = *style;
  if (gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (area)),
                                      "accent_color", &accent))
    copy.accent = (AtChartColor) { accent.red, accent.green, accent.blue, accent.alpha };
  at_chart_calendar_draw (self->calendar, cr, width, height, &copy);
}

static void
show_calendar (AtProgressPage *self,
               Load           *load)
{
  g_autofree char *description = NULL;

  g_clear_object (&self->calendar);
  self->calendar = at_chart_calendar_new (load->today);
  at_chart_calendar_set_title (self->calendar, _("Minutes of activity per day"));
  at_chart_calendar_set_unit (self->calendar, _("min"));
  for (guint i = 0; i < load->days->len; i++)
    {
      const AtDailyTotal *day = &g_array_index (load->days, AtDailyTotal, i);

      at_chart_calendar_set_day (self->calendar, day->local_date,
                                 day->minutes > 0 ? day->minutes : day->sessions);
    }

  description = at_chart_calendar_describe (self->calendar);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->calendar_area));
}

/* Shows the metric named "Type:metric" (e.g. "Running:distance"), for
 * the screenshots and scripts. */
static void
show_metric (AtProgressPage *self,
             const char     *spec)
{
  if (!at_metric_chart_has_kinds (self->metric_chart))
    {
      g_free (self->pending_metric);
      self->pending_metric = g_strdup (spec);
      return;
    }
  if (!at_metric_chart_show_metric (self->metric_chart, spec))
    return;
  gtk_stack_set_visible_child_name (self->stack, "content");
  gtk_widget_grab_focus (GTK_WIDGET (self->metric_chart));
}

static void
on_show_metric_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  show_metric (AT_PROGRESS_PAGE (user_data), g_variant_get_string (parameter, NULL));
}

static void
on_load_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AtProgressPage) self = user_data;
  g_autoptr(GError) error = NULL;
  Load *load = at_store_run_get_job_data (result);

  if (!at_store_run_finish (AT_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_spinner_stop (self->spinner);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  show_stats (self, load);
  show_weeks (self, load);
  show_type_weeks (self, load);
  show_types (self, load);
  show_calendar (self, load);
  at_recent_records_show (self->recent_records, load->records);
  at_metric_chart_set_kinds (self->metric_chart, self->store, self->user_id, load->kinds);
  if (self->pending_metric != NULL)
    {
      g_autofree char *spec = g_steal_pointer (&self->pending_metric);

      show_metric (self, spec);
    }

  self->loaded = TRUE;
  gtk_spinner_stop (self->spinner);
  /* The exercise history stays open over a reload. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "history") != 0)
    gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
reload (AtProgressPage *self)
{
  Load *load;

  g_assert (AT_IS_PROGRESS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL || self->user_id == 0)
    return;

  /* The old numbers stay while the new ones load. */
  if (!self->loaded)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  self->cancellable = g_cancellable_new ();
  load = g_new0 (Load, 1);
  load->user_id = self->user_id;

  at_store_run_async (self->store, load_job, load, load_free, self->cancellable,
                      on_load_done_cb, g_object_ref (self));
}

/* Shown again: the sessions may have changed meanwhile. */
static void
on_map_cb (AtProgressPage *self)
{
  reload (self);
}

static void
on_chart_add_toast_cb (AtProgressPage *self,
                       AdwToast       *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
on_export_chart_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AtProgressPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!at_progress_page_export_chart (self, g_variant_get_string (parameter, NULL), &error))
    g_message ("Could not export the chart: %s", error->message);
}

static void
show_history (AtProgressPage *self,
              const char     *exercise)
{
  g_assert (AT_IS_PROGRESS_PAGE (self));

  gtk_stack_set_visible_child_name (self->stack, "history");
  at_exercise_history_load (self->history, self->store, self->user_id, exercise);
}

static void
on_history_clicked_cb (AtProgressPage *self)
{
  show_history (self, NULL);
}

static void
on_history_back_cb (AtProgressPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, self->loaded ? "content" : "loading");
  gtk_widget_grab_focus (GTK_WIDGET (self->history_button));
}

static void
on_show_exercise_history_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  show_history (AT_PROGRESS_PAGE (user_data), g_variant_get_string (parameter, NULL));
}

static void
on_style_changed_cb (AtProgressPage *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->calendar_area));
}

static void
at_progress_page_dispose (GObject *object)
{
  AtProgressPage *self = (AtProgressPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->calendar);
  g_clear_pointer (&self->pending_metric, g_free);

  /* The stack is both AdwBin's child and a template child: let AdwBin
   * drop it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), AT_TYPE_PROGRESS_PAGE);

  G_OBJECT_CLASS (at_progress_page_parent_class)->dispose (object);
}

static void
at_progress_page_class_init (AtProgressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_progress_page_dispose;

  /**
   * AtProgressPage::add-toast:
   * @toast: an #AdwToast
   */
  signals [ADD_TOAST] =
    g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (AT_TYPE_CHART_VIEW);
  g_type_ensure (AT_TYPE_EXERCISE_HISTORY);
  g_type_ensure (AT_TYPE_METRIC_CHART);
  g_type_ensure (AT_TYPE_RECENT_RECORDS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/at-progress-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtProgressPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AtProgressPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AtProgressPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AtProgressPage, stat_box);
  gtk_widget_class_bind_template_child (widget_class, AtProgressPage, sessions_chart);
  gtk_widget_class_bind_template_child (widget_class, AtProgressPage, type_weeks_chart);
  gtk_widget_class_bind_template_child (widget_class, AtProgressPage, volume_chart);
  gtk_widget_class_bind_template_child (widget_class, AtProgressPage, type_list);
  gtk_widget_class_bind_template_child (widget_class, AtProgressPage, calendar_area);
  gtk_widget_class_bind_template_child (widget_class, AtProgressPage, recent_records);
  gtk_widget_class_bind_template_child (widget_class, AtProgressPage, history_button);
  gtk_widget_class_bind_template_child (widget_class, AtProgressPage, history);
  gtk_widget_class_bind_template_child (widget_class, AtProgressPage, metric_chart);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_add_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_history_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_history_back_cb);
}

static void
at_progress_page_init (AtProgressPage *self)
{
  GApplication *app = g_application_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->calendar_area, calendar_draw_func, self, NULL);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed_cb), self, G_CONNECT_SWAPPED);

  /* app.export-chart(path): the weekly chart into a file, for scripts and
   * the app tests, which cannot drive a file chooser. */
  if (G_IS_ACTION_MAP (app))
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new ("export-chart", G_VARIANT_TYPE_STRING);

      g_signal_connect_object (action, "activate", G_CALLBACK (on_export_chart_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (action));

      /* app.show-exercise-history(name): the history of the exercise
       * found by that name ("" for the most-done), for the screenshots. */
      g_clear_object (&action);
      action = g_simple_action_new ("show-exercise-history", G_VARIANT_TYPE_STRING);
      g_signal_connect_object (action, "activate", G_CALLBACK (on_show_exercise_history_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (action));

      /* app.show-metric("Type:metric"): a metric's chart, for the screenshots. */
      g_clear_object (&action);
      action = g_simple_action_new ("show-metric", G_VARIANT_TYPE_STRING);
      g_signal_connect_object (action, "activate", G_CALLBACK (on_show_metric_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (action));
    }
}

GtkWidget *
at_progress_page_new (void)
{
  return g_object_new (AT_TYPE_PROGRESS_PAGE, NULL);
}

/**
 * at_progress_page_load:
 * @store: (nullable): a profile database
 * @user_id: the profile shown
 *
 * Reads @user_id's progress from @store on a worker thread.
 */
void
at_progress_page_load (AtProgressPage *self,
                       AtStore        *store,
                       gint64          user_id)
{
  g_return_if_fail (AT_IS_PROGRESS_PAGE (self));
  g_return_if_fail (store == NULL || AT_IS_STORE (store));

  if (g_set_object (&self->store, store) || self->user_id != user_id)
    {
      self->loaded = FALSE;
      /* Another profile: back to its overview. */
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "history") == 0)
        gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  self->user_id = user_id;

  reload (self);
}

/**
 * at_progress_page_export_chart:
 * @path: a file name ending in .png, .svg or .pdf
 *
 * Exports the sessions-per-week chart, as its Export button does.
 */
gboolean
at_progress_page_export_chart (AtProgressPage  *self,
                               const char      *path,
                               GError         **error)
{
  g_return_val_if_fail (AT_IS_PROGRESS_PAGE (self), FALSE);

  return at_chart_view_export_to_path (self->sessions_chart, path, error);
}
