/* at-body-page.c: AtBodyPage, the Body page: a measurement's trend (weight
 * unless another is chosen) with its 7-day moving average, the change
 * since a day chosen on a calendar, and the dialog that logs a new
 * measurement. Read by at_store_run_async(), each time the page is shown. */

#define G_LOG_DOMAIN "at-body-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "at-body-dialog.h"
#include "at-history.h"
#include "at-store-async.h"
#include "at-units.h"
#include "widgets/at-chart-view.h"

#include "at-body-page.h"

#define TREND_DAYS 7

struct _AtBodyPage
{
  AdwBin         parent_instance;

  /* template widgets */
  AdwComboRow   *type_row;
  GtkMenuButton *since_button;
  GtkCalendar   *since_calendar;
  GtkLabel      *change_label;
  GtkStack      *stack;
  GtkSpinner    *spinner;
  AtChartView   *chart_view;
  GtkLabel      *error_label;

  /* owned */
  AtStore       *store;
  gint64         user_id;
  GCancellable  *cancellable;
  GArray        *type_ids;      /* gint64, in the drop-down's order */
  gint64         type_id;       /* shown; 0 for weight */
  AtChartSeries *series;        /* the shown type's measurements, converted */
  char          *unit;
  GDateTime     *since;         /* the chosen day, local; NULL for 30 days before the latest */
  GArray        *unit_ids;      /* gint64, the units a new type can be measured in */
  GPtrArray     *unit_names;
  gboolean       filling;
};

G_DEFINE_FINAL_TYPE (AtBodyPage, at_body_page, ADW_TYPE_BIN)

enum {
  ADD_TOAST,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

typedef struct
{
  gint64     user_id;
  gint64     type_id;       /* in: 0 for weight; out: the one read */
  GArray    *type_ids;      /* gint64 */
  GPtrArray *type_names;
  char      *type_name;
  char      *unit;
  GArray    *points;        /* AtChartPoint */
  GArray    *unit_ids;      /* gint64, every unit */
  GPtrArray *unit_names;
} Load;

/* A measurement type the user adds. */
typedef struct
{
  char   *name;
  gint64  unit_id;
  gint64  type_id;          /* out */
} NewType;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_free (load->type_name);
  g_free (load->unit);
  g_clear_pointer (&load->type_ids, g_array_unref);
  g_clear_pointer (&load->type_names, g_ptr_array_unref);
  g_clear_pointer (&load->points, g_array_unref);
  g_clear_pointer (&load->unit_ids, g_array_unref);
  g_clear_pointer (&load->unit_names, g_ptr_array_unref);
  g_free (load);
}

static void
new_type_free (gpointer data)
{
  NewType *new_type = data;

  g_free (new_type->name);
  g_free (new_type);
}

static char *
pretty_name (const char *name)
{
  char *label = g_strdup (name != NULL ? name : "");

  g_strdelimit (label, "_", ' ');
  if (label[0] != '\0')
    label[0] = g_ascii_toupper (label[0]);
  return label;
}

static gboolean
load_job (AtStore       *store,
          gpointer       job_data,
          GCancellable  *cancellable,
          GError       **error)
{
  Load *load = job_data;
  g_autoptr(GListModel) types = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(AtRecord) user = NULL;
  g_autoptr(GArray) history = NULL;
  gint64 unit_id = 0;
  guint n;

  if ((types = at_store_list (store, load->user_id, AT_TYPE_BODY_METRIC_TYPE, NULL, 0,
                              error)) == NULL ||
      (units = at_store_list (store, load->user_id, AT_TYPE_UNIT, NULL, 0, error)) == NULL)
    return FALSE;

  load->type_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  load->type_names = g_ptr_array_new_with_free_func (g_free);
  n = g_list_model_get_n_items (types);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtRecord) type = g_list_model_get_item (types, i);
      gint64 id = at_record_get_id (type);
      const char *name = at_record_get_string (type, "name");

      g_array_append_val (load->type_ids, id);
      g_ptr_array_add (load->type_names, pretty_name (name));
      if ((load->type_id == 0 && g_strcmp0 (name, "weight") == 0) || load->type_id == id)
        {
          load->type_id = id;
          g_free (load->type_name);
          load->type_name = pretty_name (name);
          unit_id = at_record_get_int (type, "default_unit_id");
          if (g_strcmp0 (name, "weight") == 0 ||
              g_strcmp0 (at_record_get_string (type, "category"), "weight") == 0)
            {
              user = at_store_get (store, load->user_id, AT_TYPE_USER, load->user_id, NULL);
              if (user != NULL && !at_record_is_null (user, "weight_unit_id"))
                unit_id = at_record_get_int (user, "weight_unit_id");
            }
        }
    }

  load->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  load->unit_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(AtRecord) unit = g_list_model_get_item (units, i);
      gint64 id = at_record_get_id (unit);
      const char *symbol = at_record_get_string (unit, "symbol");

      if (id == unit_id)
        load->unit = g_strdup (symbol);
      g_array_append_val (load->unit_ids, id);
      /* Translators: a unit in a list, e.g. "centimeters (cm)" */
      g_ptr_array_add (load->unit_names, symbol != NULL
                                         ? g_strdup_printf (_("%s (%s)"), at_record_get_string (unit, "name"), symbol)
                                         : g_strdup (at_record_get_string (unit, "name")));
    }

  load->points = g_array_new (FALSE, FALSE, sizeof (AtChartPoint));
  if (load->type_id == 0)
    return TRUE;

  history = at_store_get_body_history (store, load->user_id, load->type_id, 0, G_MAXINT64, error);
  if (history == NULL)
    return FALSE;

  for (guint i = 0; i < history->len; i++)
    {
      const AtBodyHistoryPoint *h = &g_array_index (history, AtBodyHistoryPoint, i);
      AtChartPoint point = { (double) h->measured_at, h->value, 0 };

      if (unit_id != 0 && h->unit_id != 0 && h->unit_id != unit_id &&
          !at_store_convert_unit (store, h->value, h->unit_id, unit_id, &point.y, NULL))
        continue;
      g_array_append_val (load->points, point);
    }

  return TRUE;
}

static char *
format_day (GDateTime *day)
{
  /* Translators: a day, see g_date_time_format() */
  g_autofree char *text = g_date_time_format (day, _("%-d %b %Y"));

  return g_strdup (g_strstrip (text));
}

/* The chosen day, or else 30 days before the latest measurement: a pause
 * in logging still shows the last change. */
static GDateTime *
since_day (AtBodyPage         *self,
           const AtChartPoint *latest_point)
{
  g_autoptr(GDateTime) latest = NULL;
  g_autoptr(GDateTime) before = NULL;

  if (self->since != NULL)
    return g_date_time_ref (self->since);
  latest = g_date_time_new_from_unix_local ((gint64) latest_point->x);
  before = g_date_time_add_days (latest, -30);
  return g_date_time_new_local (g_date_time_get_year (before), g_date_time_get_month (before),
                                g_date_time_get_day_of_month (before), 0, 0, 0);
}

static void
update_change (AtBodyPage *self)
{
  const AtChartPoint *points;
  AtChartPoint first, last;
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) next_day = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *day = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  double change;
  guint n = 0;

  points = self->series != NULL ? at_chart_series_get_points (self->series, &n) : NULL;
  if (n == 0)
    {
      gtk_menu_button_set_label (self->since_button, _("Choose a Day"));
      gtk_label_set_text (self->change_label, _("No measurements yet"));
      return;
    }

  since = since_day (self, &points[n - 1]);
  day = format_day (since);
  gtk_menu_button_set_label (self->since_button, day);
  self->filling = TRUE;
  gtk_calendar_select_day (self->since_calendar, since);
  self->filling = FALSE;

  /* From the last measurement of that day or before. */
  next_day = g_date_time_add_days (since, 1);
  if (!at_chart_series_get_change (self->series, (double) g_date_time_to_unix (next_day), &first, &last))
    {
      gtk_label_set_text (self->change_label, _("No change to show since this day"));
      return;
    }

  change = last.y - first.y;
  when = g_date_time_new_from_unix_local ((gint64) first.x);
  date = format_day (when);
  /* Translators: a change of a measurement, e.g. "−2.4 kg since 26 Aug 2026" */
  text = g_strdup_printf (_("%s%.1f %s since %s"),
                          change < 0 ? "−" : change > 0 ? "+" : "±", fabs (change),
                          self->unit != NULL ? self->unit : "", date);
  gtk_label_set_text (self->change_label, text);
}

static void
on_load_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AtBodyPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtChart) chart = NULL;
  g_autoptr(AtChartSeries) series = NULL;
  g_autoptr(GtkStringList) names = NULL;
  Load *load = at_store_run_get_job_data (result);
  guint selected = GTK_INVALID_LIST_POSITION;

  if (!at_store_run_finish (AT_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_spinner_stop (self->spinner);
      gtk_label_set_text (self->error_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  /* The types, when they changed. */
  names = gtk_string_list_new (NULL);
  for (guint i = 0; i < load->type_names->len; i++)
    {
      gtk_string_list_append (names, g_ptr_array_index (load->type_names, i));
      if (g_array_index (load->type_ids, gint64, i) == load->type_id)
        selected = i;
    }
  self->filling = TRUE;
  if (self->type_ids == NULL || self->type_ids->len != load->type_ids->len ||
      memcmp (self->type_ids->data, load->type_ids->data, sizeof (gint64) * load->type_ids->len) != 0)
    {
      g_clear_pointer (&self->type_ids, g_array_unref);
      self->type_ids = g_array_ref (load->type_ids);
      adw_combo_row_set_model (self->type_row, G_LIST_MODEL (names));
    }
  adw_combo_row_set_selected (self->type_row, selected);
  self->filling = FALSE;

  self->type_id = load->type_id;
  g_clear_pointer (&self->unit_ids, g_array_unref);
  self->unit_ids = g_array_ref (load->unit_ids);
  g_clear_pointer (&self->unit_names, g_ptr_array_unref);
  self->unit_names = g_ptr_array_ref (load->unit_names);
  g_free (self->unit);
  self->unit = g_strdup (load->unit);

  series = at_chart_series_new (AT_CHART_SERIES_LINE, load->type_name, load->unit);
  for (guint i = 0; i < load->points->len; i++)
    {
      const AtChartPoint *point = &g_array_index (load->points, AtChartPoint, i);

      at_chart_series_add_point (series, point->x, point->y, 0);
    }
  at_chart_series_set_trend_days (series, TREND_DAYS);
  g_set_object (&self->series, series);

  chart = at_chart_new ();
  at_chart_set_title (chart, load->type_name != NULL ? load->type_name : _("Measurement"));
  at_chart_add_series (chart, series);
  at_chart_view_set_chart (self->chart_view, chart);
  update_change (self);

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "chart");
}

static void
reload (AtBodyPage *self)
{
  Load *load;

  g_assert (AT_IS_BODY_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL || self->user_id == 0)
    return;

  if (at_chart_view_get_chart (self->chart_view) == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  self->cancellable = g_cancellable_new ();
  load = g_new0 (Load, 1);
  load->user_id = self->user_id;
  load->type_id = self->type_id;

  at_store_run_async (self->store, load_job, load, load_free, self->cancellable,
                      on_load_done_cb, g_object_ref (self));
}

static void
on_type_changed_cb (AtBodyPage *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);

  if (self->filling || self->type_ids == NULL || selected >= self->type_ids->len)
    return;

  self->type_id = g_array_index (self->type_ids, gint64, selected);
  reload (self);
}

static void
on_since_chosen_cb (AtBodyPage *self)
{
  g_autoptr(GDateTime) day = NULL;

  if (self->filling)
    return;
  day = gtk_calendar_get_date (self->since_calendar);
  g_clear_pointer (&self->since, g_date_time_unref);
  self->since = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                       g_date_time_get_day_of_month (day), 0, 0, 0);
  update_change (self);
}

static void
emit_toast (AtBodyPage *self,
            AdwToast   *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
on_saved_cb (AtBodyPage   *self,
             gint64        type_id,
             AtBodyDialog *dialog)
{
  g_autoptr(AdwToast) toast = adw_toast_new (_("Measurement saved"));

  self->type_id = type_id;
  reload (self);
  emit_toast (self, toast);
}

static void
on_log_clicked_cb (AtBodyPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AtBodyDialog *dialog;

  if (self->store == NULL || self->user_id == 0)
    return;

  dialog = at_body_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               self->store, self->user_id, self->type_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
new_type_job (AtStore       *store,
              gpointer       job_data,
              GCancellable  *cancellable,
              GError       **error)
{
  NewType *new_type = job_data;

  return at_store_add_body_metric_type (store, new_type->name, new_type->unit_id,
                                        &new_type->type_id, error);
}

static void
on_new_type_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AtBodyPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  NewType *new_type = at_store_run_get_job_data (result);

  if (!at_store_run_finish (AT_STORE (object), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not add the measurement type: %s"),
                                                  error->message);

      toast = adw_toast_new (message);
      emit_toast (self, toast);
      return;
    }

  self->type_id = new_type->type_id;
  reload (self);
  toast = adw_toast_new (_("Measurement type added"));
  emit_toast (self, toast);
}

static void
on_new_type_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         AtBodyPage       *self)
{
  AdwEntryRow *name_row = g_object_get_data (G_OBJECT (dialog), "name-row");
  AdwComboRow *unit_row = g_object_get_data (G_OBJECT (dialog), "unit-row");
  guint unit = adw_combo_row_get_selected (unit_row);
  NewType *new_type;

  if (g_strcmp0 (response, "add") != 0 || self->store == NULL ||
      self->unit_ids == NULL || unit >= self->unit_ids->len)
    return;

  new_type = g_new0 (NewType, 1);
  new_type->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (name_row)));
  new_type->unit_id = g_array_index (self->unit_ids, gint64, unit);
  at_store_run_async (self->store, new_type_job, new_type, new_type_free, NULL,
                      on_new_type_done_cb, g_object_ref (self));
}

static gboolean
unit_is (AtBodyPage *self,
         guint       index,
         const char *symbol)
{
  const char *name = g_ptr_array_index (self->unit_names, index);
  g_autofree char *suffix = g_strdup_printf ("(%s)", symbol);

  return g_str_has_suffix (name, suffix);
}

/* A dialog for a type of the user's own: its name and unit. */
static void
on_new_type_clicked_cb (AtBodyPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *list, *name_row, *unit_row;
  g_autoptr(GtkStringList) units = gtk_string_list_new (NULL);
  guint centimetres = 0;

  if (self->unit_names == NULL)
    return;

  for (guint i = 0; i < self->unit_names->len; i++)
    {
      gtk_string_list_append (units, g_ptr_array_index (self->unit_names, i));
      if (unit_is (self, i, "cm"))
        centimetres = i;
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("New Measurement Type"),
                                   _("A measurement of your own, such as the left calf or the wrist."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New Measurement Type"), -1);
  name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name"));
  unit_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (unit_row), _("Unit"));
  adw_combo_row_set_model (ADW_COMBO_ROW (unit_row), G_LIST_MODEL (units));
  adw_combo_row_set_selected (ADW_COMBO_ROW (unit_row), centimetres);
  gtk_list_box_append (GTK_LIST_BOX (list), name_row);
  gtk_list_box_append (GTK_LIST_BOX (list), unit_row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_object_set_data (G_OBJECT (dialog), "name-row", name_row);
  g_object_set_data (G_OBJECT (dialog), "unit-row", unit_row);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_type_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_chart_add_toast_cb (AtBodyPage *self,
                       AdwToast   *toast)
{
  emit_toast (self, toast);
}

/* Shown again: the measurements may have changed meanwhile. */
static void
on_map_cb (AtBodyPage *self)
{
  reload (self);
}

static void
at_body_page_dispose (GObject *object)
{
  AtBodyPage *self = (AtBodyPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->type_ids, g_array_unref);
  g_clear_object (&self->series);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->since, g_date_time_unref);
  g_clear_pointer (&self->unit_ids, g_array_unref);
  g_clear_pointer (&self->unit_names, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (object), AT_TYPE_BODY_PAGE);

  G_OBJECT_CLASS (at_body_page_parent_class)->dispose (object);
}

static void
at_body_page_class_init (AtBodyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_body_page_dispose;

  /**
   * AtBodyPage::add-toast:
   * @toast: an #AdwToast
   */
  signals [ADD_TOAST] =
    g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (AT_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/at-body-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtBodyPage, type_row);
  gtk_widget_class_bind_template_child (widget_class, AtBodyPage, since_button);
  gtk_widget_class_bind_template_child (widget_class, AtBodyPage, since_calendar);
  gtk_widget_class_bind_template_child (widget_class, AtBodyPage, change_label);
  gtk_widget_class_bind_template_child (widget_class, AtBodyPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AtBodyPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AtBodyPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, AtBodyPage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_log_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_type_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_since_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_type_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_add_toast_cb);
}

static void
at_body_page_init (AtBodyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

GtkWidget *
at_body_page_new (void)
{
  return g_object_new (AT_TYPE_BODY_PAGE, NULL);
}

/**
 * at_body_page_load:
 * @store: (nullable): a profile database
 * @user_id: the profile shown
 *
 * Reads @user_id's measurements from @store on a worker thread.
 */
void
at_body_page_load (AtBodyPage *self,
                   AtStore    *store,
                   gint64      user_id)
{
  g_return_if_fail (AT_IS_BODY_PAGE (self));
  g_return_if_fail (store == NULL || AT_IS_STORE (store));

  if (g_set_object (&self->store, store) || self->user_id != user_id)
    {
      self->type_id = 0;
      g_clear_object (&self->series);
      at_chart_view_set_chart (self->chart_view, NULL);
    }
  self->user_id = user_id;

  reload (self);
}
