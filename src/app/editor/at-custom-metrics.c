/* at-custom-metrics.c: AtCustomMetrics, the session editor's metrics that
 * the activity type has no template for: each a name, a value and a unit
 * typed as its symbol or name. */

#define G_LOG_DOMAIN "at-custom-metrics"

#include "config.h"

#include <glib/gi18n.h>

#include "at-custom-metrics.h"
#include "at-editor-fields.h"

typedef struct
{
  AtActivityMetric *metric;     /* the stored value being edited, or NULL */
  GtkWidget        *box;
  GtkWidget        *name;
  GtkWidget        *value;
  GtkWidget        *unit;
  GtkWidget        *remove_button;
} CustomField;

struct _AtCustomMetrics
{
  AdwBin     parent_instance;

  /* Template widgets */
  GtkBox    *fields_box;

  /* Owned */
  GPtrArray *fields;  /* of CustomField */
  GPtrArray *units;   /* of AtRecord, the unit catalogue */
};

G_DEFINE_FINAL_TYPE (AtCustomMetrics, at_custom_metrics, ADW_TYPE_BIN)

static void
custom_field_free (gpointer data)
{
  CustomField *field = data;

  g_clear_object (&field->metric);
  g_free (field);
}

/* A unit by its symbol or name, as the user types it: "km", "kilometers". */
static AtRecord *
lookup_unit (AtCustomMetrics *self,
             const char      *text)
{
  for (guint i = 0; self->units != NULL && i < self->units->len; i++)
    {
      AtRecord *unit = g_ptr_array_index (self->units, i);

      if (g_strcmp0 (at_record_get_string (unit, "symbol"), text) == 0 ||
          g_ascii_strcasecmp (at_record_get_string (unit, "name"), text) == 0)
        return unit;
    }
  return NULL;
}

static void
name_part (GtkWidget  *widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
name_field (CustomField *field,
            guint        number)
{
  /* Translators: accessible names, "Custom Metric 1 Name" */
  g_autofree char *name = g_strdup_printf (_("Custom Metric %u Name"), number);
  g_autofree char *value = g_strdup_printf (_("Custom Metric %u Value"), number);
  g_autofree char *unit = g_strdup_printf (_("Custom Metric %u Unit"), number);
  g_autofree char *remove = g_strdup_printf (_("Remove Custom Metric %u"), number);

  name_part (field->name, name);
  name_part (field->value, value);
  name_part (field->unit, unit);
  name_part (field->remove_button, remove);
}

static void
renumber (AtCustomMetrics *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    name_field (g_ptr_array_index (self->fields, i), i + 1);
}

static void
on_remove_clicked_cb (AtCustomMetrics *self,
                      GtkButton       *button)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      CustomField *field = g_ptr_array_index (self->fields, i);

      if (field->remove_button == GTK_WIDGET (button))
        {
          gtk_box_remove (self->fields_box, field->box);
          g_ptr_array_remove_index (self->fields, i);
          renumber (self);
          return;
        }
    }
}

static GtkWidget *
new_entry (const char *placeholder,
           int         width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  return entry;
}

static CustomField *
add_field (AtCustomMetrics *self)
{
  CustomField *field = g_new0 (CustomField, 1);

  field->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  field->name = new_entry (_("Name, such as Pieces Played"), 12);
  gtk_widget_set_hexpand (field->name, TRUE);
  field->value = new_entry (_("Value"), 8);
  field->unit = new_entry (_("Unit"), 5);
  gtk_widget_set_tooltip_text (field->unit, _("A unit's symbol, such as km, kg or min; empty for none"));
  field->remove_button = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  gtk_widget_add_css_class (field->remove_button, "flat");
  gtk_widget_set_tooltip_text (field->remove_button, _("Remove Custom Metric"));
  g_signal_connect_object (field->remove_button, "clicked",
                           G_CALLBACK (on_remove_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (field->box), field->name);
  gtk_box_append (GTK_BOX (field->box), field->value);
  gtk_box_append (GTK_BOX (field->box), field->unit);
  gtk_box_append (GTK_BOX (field->box), field->remove_button);
  gtk_box_append (self->fields_box, field->box);

  g_ptr_array_add (self->fields, field);
  renumber (self);
  return field;
}

static void
on_add_clicked_cb (AtCustomMetrics *self)
{
  CustomField *field = add_field (self);

  gtk_widget_grab_focus (field->name);
}

/* Adds the custom metric @number to @workout; NULL, or what is wrong with
 * it and, in @bad_field, where. */
static char *
add_metric (AtCustomMetrics  *self,
            CustomField      *field,
            guint             number,
            AtWorkout        *workout,
            GtkWidget       **bad_field)
{
  g_autoptr(AtActivityMetric) metric = NULL;
  g_autofree char *name = at_editor_field_get_text (field->name);
  g_autofree char *text = at_editor_field_get_text (field->value);
  g_autofree char *unit_text = at_editor_field_get_text (field->unit);
  AtRecord *unit = NULL;
  double value;

  if (name[0] == '\0' && text[0] == '\0' && unit_text[0] == '\0')
    return NULL;
  if (name[0] == '\0')
    {
      *bad_field = field->name;
      return g_strdup_printf (_("Custom metric %u: give it a name"), number);
    }
  if (text[0] == '\0')
    {
      *bad_field = field->value;
      return g_strdup_printf (_("%s: a value is required"), name);
    }
  if (unit_text[0] != '\0' && (unit = lookup_unit (self, unit_text)) == NULL)
    {
      *bad_field = field->unit;
      return g_strdup_printf (_("%s: there is no unit “%s”; use a symbol such as km, kg or min"),
                              name, unit_text);
    }

  metric = at_editor_metric_to_fill (field->metric);
  at_record_set_string (AT_RECORD (metric), "metric_name", name);
  /* A number where there is one, otherwise the words as typed. */
  if (at_editor_parse_number (text, &value))
    at_record_set_double (AT_RECORD (metric), "metric_value_numeric", value);
  else
    at_record_set_string (AT_RECORD (metric), "metric_value_text", text);
  if (unit != NULL)
    at_record_set_int (AT_RECORD (metric), "unit_id", at_record_get_id (unit));
  at_workout_add_metric (workout, metric);
  return NULL;
}

static void
at_custom_metrics_dispose (GObject *object)
{
  AtCustomMetrics *self = AT_CUSTOM_METRICS (object);

  if (self->fields != NULL)
    g_ptr_array_set_size (self->fields, 0);
  g_clear_pointer (&self->units, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), AT_TYPE_CUSTOM_METRICS);

  G_OBJECT_CLASS (at_custom_metrics_parent_class)->dispose (object);
}

static void
at_custom_metrics_finalize (GObject *object)
{
  AtCustomMetrics *self = AT_CUSTOM_METRICS (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (at_custom_metrics_parent_class)->finalize (object);
}

static void
at_custom_metrics_class_init (AtCustomMetricsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_custom_metrics_dispose;
  object_class->finalize = at_custom_metrics_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/at-custom-metrics.ui");
  gtk_widget_class_bind_template_child (widget_class, AtCustomMetrics, fields_box);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
}

static void
at_custom_metrics_init (AtCustomMetrics *self)
{
  self->fields = g_ptr_array_new_with_free_func (custom_field_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * at_custom_metrics_set_units:
 * @units: (element-type AtRecord): the unit catalogue
 *
 * The units a custom metric's unit is one of.
 */
void
at_custom_metrics_set_units (AtCustomMetrics *self,
                             GPtrArray       *units)
{
  g_return_if_fail (AT_IS_CUSTOM_METRICS (self));

  g_clear_pointer (&self->units, g_ptr_array_unref);
  self->units = g_ptr_array_ref (units);
}

/**
 * at_custom_metrics_show_metric:
 * @metric: a stored metric
 * @edit: whether saving updates @metric
 *
 * Shows @metric in a new field.
 */
void
at_custom_metrics_show_metric (AtCustomMetrics  *self,
                               AtActivityMetric *metric,
                               gboolean          edit)
{
  AtRecord *record = AT_RECORD (metric);
  CustomField *field;
  const char *symbol;

  g_return_if_fail (AT_IS_CUSTOM_METRICS (self));

  field = add_field (self);
  if (edit)
    field->metric = g_object_ref (metric);
  gtk_editable_set_text (GTK_EDITABLE (field->name), at_record_get_string (record, "metric_name"));
  if (!at_record_is_null (record, "metric_value_text"))
    gtk_editable_set_text (GTK_EDITABLE (field->value), at_record_get_string (record, "metric_value_text"));
  else if (!at_record_is_null (record, "metric_value_numeric"))
    {
      g_autofree char *value = g_strdup_printf ("%g", at_record_get_double (record, "metric_value_numeric"));

      gtk_editable_set_text (GTK_EDITABLE (field->value), value);
    }
  symbol = at_record_is_null (record, "unit_id") || self->units == NULL ? NULL
         : at_editor_unit_string (self->units, at_record_get_int (record, "unit_id"), "symbol");
  gtk_editable_set_text (GTK_EDITABLE (field->unit), symbol != NULL ? symbol : "");
}

/**
 * at_custom_metrics_add_to:
 *
 * Adds each complete custom metric to @workout; empty ones are left out.
 *
 * Returns: %FALSE, with @error set and the field marked, when a metric is
 *   not complete
 */
gboolean
at_custom_metrics_add_to (AtCustomMetrics  *self,
                          AtWorkout        *workout,
                          GError          **error)
{
  g_return_val_if_fail (AT_IS_CUSTOM_METRICS (self), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    {
      GtkWidget *bad_field = NULL;
      g_autofree char *message = add_metric (self, g_ptr_array_index (self->fields, i),
                                             i + 1, workout, &bad_field);

      if (message != NULL)
        {
          at_editor_field_mark (bad_field, message);
          g_set_error_literal (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID, message);
          return FALSE;
        }
    }
  return TRUE;
}

void
at_custom_metrics_clear_errors (AtCustomMetrics *self)
{
  g_return_if_fail (AT_IS_CUSTOM_METRICS (self));

  for (guint i = 0; i < self->fields->len; i++)
    {
      CustomField *field = g_ptr_array_index (self->fields, i);

      at_editor_field_unmark (field->name);
      at_editor_field_unmark (field->value);
      at_editor_field_unmark (field->unit);
    }
}
