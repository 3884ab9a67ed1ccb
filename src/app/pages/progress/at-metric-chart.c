/* at-metric-chart.c: AtMetricChart, the Progress page's Metrics section:
 * an activity type and one of its metrics, picked from two drop-downs,
 * charted over time. The values are read by at_store_run_async() each
 * time the metric changes. */

#define G_LOG_DOMAIN "at-metric-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "at-history.h"
#include "at-store-async.h"
#include "widgets/at-chart-view.h"

#include "at-metric-chart.h"
#include "at-progress-common.h"

struct _AtMetricChart
{
  AdwBin        parent_instance;

  /* template widgets */
  AdwComboRow  *metric_type_row;
  AdwComboRow  *metric_row;
  AtChartView  *chart;

  /* owned */
  AtStore      *store;
  gint64        user_id;
  GCancellable *cancellable;
  GArray       *kinds;           /* AtMetricKind, all the types' */
  GArray       *kind_types;      /* gint64, the activity types in the first drop-down */
  GArray       *type_kinds;      /* guint, indexes into kinds of the second drop-down */
  gint64        metric_type_id;  /* chosen */
  char         *metric_name;
  gboolean      filling;
};

G_DEFINE_FINAL_TYPE (AtMetricChart, at_metric_chart, ADW_TYPE_BIN)

enum {
  ADD_TOAST,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* One metric's values, for its chart. */
typedef struct
{
  gint64      user_id;
  AtMetricKind kind;         /* borrowed strings: the page's */
  GArray     *points;        /* AtChartPoint, in unit */
  char       *unit;          /* the symbol shown */
  GHashTable *session_names;
} MetricLoad;

static void
metric_load_free (gpointer data)
{
  MetricLoad *load = data;

  g_clear_pointer (&load->points, g_array_unref);
  g_clear_pointer (&load->session_names, g_hash_table_unref);
  g_free (load->unit);
  g_free (load);
}

/* The metric's values in its usual unit; a pace in seconds per distance
 * reads better in minutes. */
static gboolean
metric_job (AtStore       *store,
            gpointer       job_data,
            GCancellable  *cancellable,
            GError       **error)
{
  MetricLoad *load = job_data;
  g_autoptr(GArray) history = NULL;
  g_autoptr(GArray) session_ids = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(AtRecord) unit = NULL;
  const char *symbol;
  double scale = 1;

  history = load->kind.derived
          ? at_store_get_pace_history (store, load->user_id, load->kind.activity_type_id,
                                       0, G_MAXINT64, error)
          : at_store_get_metric_history (store, load->user_id, load->kind.activity_type_id,
                                         load->kind.metric_name, 0, G_MAXINT64, error);
  if (history == NULL ||
      (units = at_store_list (store, load->user_id, AT_TYPE_UNIT, NULL, 0, error)) == NULL)
    return FALSE;

  unit = at_progress_find_unit (units, load->kind.unit_id);
  symbol = unit != NULL ? at_record_get_string (unit, "symbol") : NULL;
  if (symbol != NULL && g_strcmp0 (at_record_get_string (unit, "type"), "pace") == 0 &&
      g_str_has_prefix (symbol, "s/"))
    {
      scale = 1 / 60.0;
      /* Translators: a pace unit in minutes, %s is the distance, e.g. "min/km" */
      load->unit = g_strdup_printf (_("min/%s"), symbol + 2);
    }
  else
    load->unit = g_strdup (symbol);

  load->points = g_array_sized_new (FALSE, FALSE, sizeof (AtChartPoint), history->len);
  session_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), history->len);
  for (guint i = 0; i < history->len; i++)
    {
      const AtMetricHistoryPoint *h = &g_array_index (history, AtMetricHistoryPoint, i);
      AtChartPoint point = { (double) h->started_at, h->value, h->session_id };

      /* A value in another unit of the same kind is converted; one that
       * cannot be is left out rather than drawn wrong. */
      if (load->kind.unit_id != 0 && h->unit_id != 0 && h->unit_id != load->kind.unit_id &&
          !at_store_convert_unit (store, h->value, h->unit_id, load->kind.unit_id, &point.y, NULL))
        continue;
      point.y *= scale;
      g_array_append_val (load->points, point);
      g_array_append_val (session_ids, h->session_id);
    }

  load->session_names = at_store_get_session_names (store, load->user_id, session_ids, error);
  return load->session_names != NULL;
}

/* "words_written" → "Words written" */
static char *
metric_label (const char *name)
{
  char *label = g_strdup (name);

  g_strdelimit (label, "_", ' ');
  label[0] = g_ascii_toupper (label[0]);
  return label;
}

static const AtMetricKind *
chosen_kind (AtMetricChart *self)
{
  guint selected = adw_combo_row_get_selected (self->metric_row);

  if (self->type_kinds == NULL || selected >= self->type_kinds->len)
    return NULL;
  return &g_array_index (self->kinds, AtMetricKind, g_array_index (self->type_kinds, guint, selected));
}

static void
on_metric_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AtMetricChart) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtChart) chart = NULL;
  g_autoptr(AtChartSeries) series = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  MetricLoad *load = at_store_run_get_job_data (result);

  if (!at_store_run_finish (AT_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[ADD_TOAST], 0, adw_toast_new (error->message));
      return;
    }

  label = metric_label (load->kind.metric_name);
  /* Translators: a metric chart's title: an activity type and a metric, e.g. "Running: Distance" */
  title = g_strdup_printf (_("%s: %s"), load->kind.type_name, label);
  series = at_chart_series_new (AT_CHART_SERIES_LINE, label, load->unit);
  for (guint i = 0; i < load->points->len; i++)
    {
      const AtChartPoint *p = &g_array_index (load->points, AtChartPoint, i);

      at_chart_series_add_point (series, p->x, p->y, p->session_id);
    }
  chart = at_chart_new ();
  at_chart_set_title (chart, title);
  at_chart_add_series (chart, series);
  at_chart_set_session_names (chart, load->session_names);
  at_chart_view_set_chart (self->chart, chart);
}

static void
load_metric (AtMetricChart *self)
{
  const AtMetricKind *kind = chosen_kind (self);
  MetricLoad *load;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (kind == NULL || self->store == NULL)
    {
      at_chart_view_set_chart (self->chart, NULL);
      return;
    }

  self->metric_type_id = kind->activity_type_id;
  g_free (self->metric_name);
  self->metric_name = g_strdup (kind->metric_name);

  self->cancellable = g_cancellable_new ();
  load = g_new0 (MetricLoad, 1);
  load->user_id = self->user_id;
  load->kind = *kind;
  at_store_run_async (self->store, metric_job, load, metric_load_free, self->cancellable,
                      on_metric_done_cb, g_object_ref (self));
}

/* The second drop-down: the chosen type's metrics, the one shown before
 * or else the first with values. */
static void
fill_metrics (AtMetricChart *self)
{
  guint type = adw_combo_row_get_selected (self->metric_type_row);
  gint64 type_id;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_clear_pointer (&self->type_kinds, g_array_unref);
  self->type_kinds = g_array_new (FALSE, FALSE, sizeof (guint));
  if (self->kind_types != NULL && type < self->kind_types->len)
    {
      type_id = g_array_index (self->kind_types, gint64, type);
      for (guint i = 0; i < self->kinds->len; i++)
        {
          const AtMetricKind *kind = &g_array_index (self->kinds, AtMetricKind, i);
          g_autofree char *label = NULL;

          if (kind->activity_type_id != type_id)
            continue;
          label = metric_label (kind->metric_name);
          if (type_id == self->metric_type_id && g_strcmp0 (kind->metric_name, self->metric_name) == 0)
            selected = self->type_kinds->len;
          else if (selected == GTK_INVALID_LIST_POSITION && kind->n_values > 0)
            selected = self->type_kinds->len;
          g_array_append_val (self->type_kinds, i);
          gtk_string_list_append (names, label);
        }
    }
  if (selected == GTK_INVALID_LIST_POSITION && self->type_kinds->len > 0)
    selected = 0;

  self->filling = TRUE;
  adw_combo_row_set_model (self->metric_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->metric_row, selected);
  self->filling = FALSE;
  load_metric (self);
}

static void
on_metric_type_changed_cb (AtMetricChart *self)
{
  if (!self->filling)
    fill_metrics (self);
}

static void
on_metric_changed_cb (AtMetricChart *self)
{
  if (!self->filling)
    load_metric (self);
}

static void
on_chart_add_toast_cb (AtMetricChart *self,
                       AdwToast      *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static gboolean
at_metric_chart_grab_focus (GtkWidget *widget)
{
  AtMetricChart *self = AT_METRIC_CHART (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->chart));
}

static void
at_metric_chart_dispose (GObject *object)
{
  AtMetricChart *self = (AtMetricChart *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->kinds, g_array_unref);
  g_clear_pointer (&self->kind_types, g_array_unref);
  g_clear_pointer (&self->type_kinds, g_array_unref);
  g_clear_pointer (&self->metric_name, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (object), AT_TYPE_METRIC_CHART);

  G_OBJECT_CLASS (at_metric_chart_parent_class)->dispose (object);
}

static void
at_metric_chart_class_init (AtMetricChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_metric_chart_dispose;
  widget_class->grab_focus = at_metric_chart_grab_focus;

  /**
   * AtMetricChart::add-toast:
   * @toast: an #AdwToast
   */
  signals [ADD_TOAST] =
    g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (AT_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/at-metric-chart.ui");
  gtk_widget_class_bind_template_child (widget_class, AtMetricChart, metric_type_row);
  gtk_widget_class_bind_template_child (widget_class, AtMetricChart, metric_row);
  gtk_widget_class_bind_template_child (widget_class, AtMetricChart, chart);
  gtk_widget_class_bind_template_callback (widget_class, on_metric_type_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_metric_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_add_toast_cb);
}

static void
at_metric_chart_init (AtMetricChart *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
at_metric_chart_new (void)
{
  return g_object_new (AT_TYPE_METRIC_CHART, NULL);
}

/**
 * at_metric_chart_set_kinds:
 * @store: the profile database the metrics are read from
 * @user_id: the profile shown
 * @kinds: (element-type AtMetricKind): all the activity types' metrics
 *
 * Fills the first drop-down: the activity types with metrics, in name
 * order; the one shown before, or else the one with the most values.
 */
void
at_metric_chart_set_kinds (AtMetricChart *self,
                           AtStore       *store,
                           gint64         user_id,
                           GArray        *kinds)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;
  gint64 most = -1;

  g_return_if_fail (AT_IS_METRIC_CHART (self));
  g_return_if_fail (AT_IS_STORE (store));
  g_return_if_fail (kinds != NULL);

  g_set_object (&self->store, store);
  self->user_id = user_id;

  g_clear_pointer (&self->kinds, g_array_unref);
  self->kinds = g_array_ref (kinds);
  g_clear_pointer (&self->kind_types, g_array_unref);
  self->kind_types = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < self->kinds->len; i++)
    {
      const AtMetricKind *kind = &g_array_index (self->kinds, AtMetricKind, i);

      if (i == 0 || g_array_index (self->kinds, AtMetricKind, i - 1).activity_type_id != kind->activity_type_id)
        {
          g_array_append_val (self->kind_types, kind->activity_type_id);
          gtk_string_list_append (names, kind->type_name);
        }
      /* Its type is the last in the list. */
      if (self->metric_type_id != 0 ? kind->activity_type_id == self->metric_type_id
                                    : kind->n_values > most)
        {
          selected = self->kind_types->len - 1;
          most = kind->n_values;
        }
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->metric_type_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->metric_type_row, self->kind_types->len > 0 ? selected
                                                                              : GTK_INVALID_LIST_POSITION);
  self->filling = FALSE;
  fill_metrics (self);
}

gboolean
at_metric_chart_has_kinds (AtMetricChart *self)
{
  g_return_val_if_fail (AT_IS_METRIC_CHART (self), FALSE);

  return self->kinds != NULL;
}

/**
 * at_metric_chart_show_metric:
 * @spec: "Type:metric", e.g. "Running:distance"
 *
 * Chooses that metric in the drop-downs, for the screenshots and scripts.
 *
 * Returns: whether the metric is one of the kinds set
 */
gboolean
at_metric_chart_show_metric (AtMetricChart *self,
                             const char    *spec)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (AT_IS_METRIC_CHART (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  parts = g_strsplit (spec, ":", 2);
  if (self->kinds == NULL || g_strv_length (parts) != 2)
    return FALSE;
  for (guint i = 0; i < self->kinds->len; i++)
    {
      const AtMetricKind *kind = &g_array_index (self->kinds, AtMetricKind, i);

      if (g_strcmp0 (kind->type_name, parts[0]) != 0 || g_strcmp0 (kind->metric_name, parts[1]) != 0)
        continue;
      self->metric_type_id = kind->activity_type_id;
      g_free (self->metric_name);
      self->metric_name = g_strdup (kind->metric_name);
      for (guint t = 0; t < self->kind_types->len; t++)
        if (g_array_index (self->kind_types, gint64, t) == kind->activity_type_id)
          {
            self->filling = TRUE;
            adw_combo_row_set_selected (self->metric_type_row, t);
            self->filling = FALSE;
          }
      fill_metrics (self);
      return TRUE;
    }
  return FALSE;
}
