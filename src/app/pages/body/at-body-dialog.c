/* at-body-dialog.c: AtBodyDialog, logging one body measurement: its type,
 * its value in the user's unit and when it was taken (now, unless
 * changed). Errors from the store stay on the dialog. */

#define G_LOG_DOMAIN "at-body-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "at-body-dialog.h"

struct _AtBodyDialog
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwComboRow    *type_row;
  GtkSpinButton  *value_spin;
  GtkLabel       *unit_label;
  AdwEntryRow    *date_row;
  GtkLabel       *error_label;

  /* owned */
  AtStore        *store;
  gint64          user_id;
  GListModel     *types;       /* AtBodyMetricType */
  GListModel     *units;       /* AtUnit */
  gint64          weight_unit_id;
};

G_DEFINE_FINAL_TYPE (AtBodyDialog, at_body_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const char *
unit_symbol (AtBodyDialog *self,
             gint64        unit_id)
{
  guint n = self->units != NULL ? g_list_model_get_n_items (self->units) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtRecord) unit = g_list_model_get_item (self->units, i);

      if (at_record_get_id (unit) == unit_id)
        return at_record_get_string (unit, "symbol");
    }

  return NULL;
}

/* The user's weight unit for weights, else the type's own. */
static gint64
unit_for_type (AtBodyDialog *self,
               AtRecord     *type)
{
  if (self->weight_unit_id != 0 &&
      (g_strcmp0 (at_record_get_string (type, "name"), "weight") == 0 ||
       g_strcmp0 (at_record_get_string (type, "category"), "weight") == 0))
    return self->weight_unit_id;

  return at_record_get_int (type, "default_unit_id");
}

static AtRecord *
selected_type (AtBodyDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);

  if (self->types == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected >= g_list_model_get_n_items (self->types))
    return NULL;

  return g_list_model_get_item (self->types, selected);
}

static void
show_error (AtBodyDialog *self,
            const char   *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
parse_date (const char *text,
            gint64     *when)
{
  int y, m, d, hh = 12, mm = 0;
  g_autoptr(GDateTime) dt = NULL;
  int n = sscanf (text, "%d-%d-%d %d:%d", &y, &m, &d, &hh, &mm);

  if (n != 3 && n != 5)
    return FALSE;
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  if ((dt = g_date_time_new_local (y, m, d, hh, mm, 0)) == NULL)
    return FALSE;

  *when = g_date_time_to_unix (dt);
  return TRUE;
}

static void
on_type_selected_cb (AtBodyDialog *self)
{
  g_autoptr(AtRecord) type = selected_type (self);
  const char *symbol = type != NULL ? unit_symbol (self, unit_for_type (self, type)) : NULL;

  gtk_label_set_text (self->unit_label, symbol != NULL ? symbol : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_spin),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, symbol != NULL ? symbol : "",
                                  -1);
}

static void
on_save_clicked_cb (AtBodyDialog *self)
{
  g_autoptr(AtRecord) type = selected_type (self);
  g_autoptr(AtBodyMetric) metric = NULL;
  g_autoptr(GError) error = NULL;
  gint64 when;

  gtk_spin_button_update (self->value_spin);

  if (type == NULL)
    {
      show_error (self, _("Choose what you measured."));
      return;
    }
  if (!parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &when))
    {
      show_error (self, _("The date is not a valid date and time such as 2024-05-14 07:30."));
      return;
    }

  metric = at_body_metric_new ();
  g_object_set (metric,
                "metric-type-id", at_record_get_id (type),
                "value", gtk_spin_button_get_value (self->value_spin),
                "unit-id", unit_for_type (self, type),
                "measured-at", when,
                NULL);

  if (!at_store_insert (self->store, self->user_id, AT_RECORD (metric), &error))
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, at_record_get_id (type));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
at_body_dialog_dispose (GObject *object)
{
  AtBodyDialog *self = (AtBodyDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->types);
  g_clear_object (&self->units);

  gtk_widget_dispose_template (GTK_WIDGET (self), AT_TYPE_BODY_DIALOG);

  G_OBJECT_CLASS (at_body_dialog_parent_class)->dispose (object);
}

static void
at_body_dialog_class_init (AtBodyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_body_dialog_dispose;

  /**
   * AtBodyDialog::saved:
   * @metric_type_id: the body metric type logged
   */
  signals [SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/at-body-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtBodyDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, AtBodyDialog, value_spin);
  gtk_widget_class_bind_template_child (widget_class, AtBodyDialog, unit_label);
  gtk_widget_class_bind_template_child (widget_class, AtBodyDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, AtBodyDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
at_body_dialog_init (AtBodyDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = g_date_time_format (now, "%Y-%m-%d %H:%M");

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

/**
 * at_body_dialog_new:
 * @metric_type_id: the type chosen at first, or 0 for weight
 *
 * Returns: (transfer none): a dialog over @parent, not shown yet
 */
AtBodyDialog *
at_body_dialog_new (GtkWindow *parent,
                    AtStore   *store,
                    gint64     user_id,
                    gint64     metric_type_id)
{
  AtBodyDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(AtRecord) user = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);

  self = g_object_new (AT_TYPE_BODY_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->user_id = user_id;

  /* Short catalogue lists: read here. */
  self->units = at_store_list (store, user_id, AT_TYPE_UNIT, NULL, 0, NULL);
  self->types = at_store_list (store, user_id, AT_TYPE_BODY_METRIC_TYPE, NULL, 0, &error);
  user = at_store_get (store, user_id, AT_TYPE_USER, user_id, NULL);
  if (user != NULL && !at_record_is_null (user, "weight_unit_id"))
    self->weight_unit_id = at_record_get_int (user, "weight_unit_id");

  if (self->types == NULL)
    show_error (self, error->message);

  for (guint i = 0; self->types != NULL && i < g_list_model_get_n_items (self->types); i++)
    {
      g_autoptr(AtRecord) type = g_list_model_get_item (self->types, i);
      g_autofree char *label = g_strdup (at_record_get_string (type, "name"));

      if ((metric_type_id != 0 && at_record_get_id (type) == metric_type_id) ||
          (metric_type_id == 0 && g_strcmp0 (label, "weight") == 0))
        selected = i;
      g_strdelimit (label, "_", ' ');
      if (label[0] != '\0')
        label[0] = g_ascii_toupper (label[0]);
      gtk_string_list_append (names, label);
    }

  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->type_row, selected);
  on_type_selected_cb (self);

  return self;
}
