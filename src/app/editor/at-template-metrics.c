/* at-template-metrics.c: AtTemplateMetrics, the session editor's fields
 * for the metrics an activity type has templates for ("Distance (km)",
 * "Pace (min)"), each checked against its template's input type and rule. */

#define G_LOG_DOMAIN "at-template-metrics"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "at-editor-fields.h"
#include "at-template-metrics.h"

typedef struct
{
  AtRecord         *template;   /* AtMetricTemplate */
  AtActivityMetric *metric;     /* the stored value being edited, or NULL */
  GtkWidget        *row;        /* AdwEntryRow */
  char             *label;
  char             *unit_name;
} MetricField;

struct _AtTemplateMetrics
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *group;

  /* Owned */
  GPtrArray           *fields;  /* of MetricField */
};

G_DEFINE_FINAL_TYPE (AtTemplateMetrics, at_template_metrics, ADW_TYPE_BIN)

static void
metric_field_free (gpointer data)
{
  MetricField *field = data;

  g_clear_object (&field->template);
  g_clear_object (&field->metric);
  g_free (field->label);
  g_free (field->unit_name);
  g_free (field);
}

static const char *
input_type (MetricField *field)
{
  return at_record_get_string (field->template, "input_type");
}

/* "avg_heart_rate" → "Avg heart rate" */
static char *
humanize (const char *metric_name)
{
  g_autofree char *text = g_strdelimit (g_strdup (metric_name), "_", ' ');
  g_autofree char *first = g_utf8_strup (text, g_utf8_next_char (text) - text);

  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

/* "M", "M.5" or "M:SS" minutes. */
static gboolean
parse_minutes (const char *text,
               double     *minutes)
{
  int m, s, end = 0;

  if (sscanf (text, "%d:%2d%n", &m, &s, &end) == 2 && text[end] == '\0' && m >= 0 && s >= 0 && s < 60)
    {
      *minutes = m + s / 60.0;
      return TRUE;
    }
  return at_editor_parse_number (text, minutes) && *minutes >= 0;
}

/* "45", "2.5" or "1:30" minutes, as a duration field takes them. */
static char *
format_minutes (double minutes)
{
  int seconds = (int) round (minutes * 60);

  if (seconds % 60 == 0)
    return g_strdup_printf ("%d", seconds / 60);
  return g_strdup_printf ("%d:%02d", seconds / 60, seconds % 60);
}

/* Durations are typed in minutes, and stored in the template's unit: how
 * many of those a minute is. */
static double
unit_per_minute (MetricField *field)
{
  if (field->unit_name != NULL && g_str_has_prefix (field->unit_name, "seconds"))
    return 60;
  if (field->unit_name != NULL && g_str_has_prefix (field->unit_name, "hours"))
    return 1 / 60.0;
  return 1;
}

/* Checks @value against a template's rule, "integer;min:0;max:500". */
static char *
check_rule (const char *label,
            const char *rule,
            double      value,
            gsize       length)
{
  g_auto(GStrv) parts = rule != NULL ? g_strsplit (rule, ";", -1) : NULL;

  for (guint i = 0; parts != NULL && parts[i] != NULL; i++)
    {
      double bound;

      if (g_str_equal (parts[i], "integer") && value != (gint64) value)
        return g_strdup_printf (_("%s: must be a whole number"), label);
      if (g_str_has_prefix (parts[i], "min:") && at_editor_parse_number (parts[i] + 4, &bound) && value < bound)
        return g_strdup_printf (_("%s: must be at least %g"), label, bound);
      if (g_str_has_prefix (parts[i], "max:") && at_editor_parse_number (parts[i] + 4, &bound) && value > bound)
        return g_strdup_printf (_("%s: must be at most %g"), label, bound);
      if (g_str_has_prefix (parts[i], "maxlen:") && at_editor_parse_number (parts[i] + 7, &bound) && length > bound)
        return g_strdup_printf (_("%s: must be at most %g characters"), label, bound);
    }
  return NULL;
}

static MetricField *
new_field (AtRecord  *template,
           GPtrArray *units)
{
  MetricField *field = g_new0 (MetricField, 1);
  g_autofree char *name = humanize (at_record_get_string (template, "metric_name"));
  gint64 unit_id = at_record_is_null (template, "unit_id") ? 0 : at_record_get_int (template, "unit_id");
  const char *symbol = NULL;

  field->template = g_object_ref (template);
  field->unit_name = g_strdup (at_editor_unit_string (units, unit_id, "name"));
  if (g_strcmp0 (input_type (field), "duration") == 0)
    symbol = "min";
  else if (g_strcmp0 (input_type (field), "text") != 0)
    symbol = at_editor_unit_string (units, unit_id, "symbol");

  /* Translators: a metric and its unit, such as "Distance (km)" */
  field->label = symbol != NULL ? g_strdup_printf (_("%s (%s)"), name, symbol)
                                : g_steal_pointer (&name);
  field->row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), field->label);
  if (g_strcmp0 (input_type (field), "number") == 0)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (field->row), GTK_INPUT_PURPOSE_NUMBER);
  if (at_record_get_boolean (template, "is_required"))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->row),
                                      GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE,
                                      -1);
      at_editor_field_describe (field->row, _("Required"));
    }
  if (g_strcmp0 (input_type (field), "duration") == 0)
    at_editor_field_describe (field->row, _("Minutes, or minutes and seconds as M:SS"));
  return field;
}

/* The value of @text for a numeric field, in the template's unit; NULL
 * or what is wrong with it. */
static char *
parse_value (MetricField *field,
             const char  *text,
             double      *value)
{
  if (g_strcmp0 (input_type (field), "duration") == 0)
    {
      if (!parse_minutes (text, value))
        return g_strdup_printf (_("%s: “%s” is not a number of minutes"), field->label, text);
      *value *= unit_per_minute (field);
    }
  else if (!at_editor_parse_number (text, value))
    return g_strdup_printf (_("%s: “%s” is not a number"), field->label, text);

  return check_rule (field->label, at_record_get_string (field->template, "validation_rule"), *value, 0);
}

/* Adds a metric for @field's text to @workout; NULL, or what is wrong
 * with the text. */
static char *
add_metric (MetricField *field,
            AtWorkout   *workout)
{
  g_autoptr(AtActivityMetric) metric = NULL;
  g_autofree char *text = at_editor_field_get_text (field->row);
  const char *rule = at_record_get_string (field->template, "validation_rule");
  AtRecord *record;
  char *message;
  double value;

  if (text[0] == '\0')
    {
      if (at_record_get_boolean (field->template, "is_required"))
        return g_strdup_printf (_("%s: a value is required"), field->label);
      return NULL;
    }

  metric = at_editor_metric_to_fill (field->metric);
  record = AT_RECORD (metric);
  at_record_set_string (record, "metric_name", at_record_get_string (field->template, "metric_name"));
  if (!at_record_is_null (field->template, "unit_id"))
    at_record_set_int (record, "unit_id", at_record_get_int (field->template, "unit_id"));

  if (g_strcmp0 (input_type (field), "text") == 0)
    {
      if ((message = check_rule (field->label, rule, 0, g_utf8_strlen (text, -1))) != NULL)
        return message;
      at_record_set_string (record, "metric_value_text", text);
    }
  else
    {
      if ((message = parse_value (field, text, &value)) != NULL)
        return message;
      at_record_set_double (record, "metric_value_numeric", value);
    }

  at_workout_add_metric (workout, metric);
  return NULL;
}

/* @metric's value as @field takes it: durations in minutes. */
static char *
metric_text (MetricField *field,
             AtRecord    *metric)
{
  double value;

  if (!at_record_is_null (metric, "metric_value_text"))
    return g_strdup (at_record_get_string (metric, "metric_value_text"));
  if (at_record_is_null (metric, "metric_value_numeric"))
    return g_strdup ("");

  value = at_record_get_double (metric, "metric_value_numeric");
  if (g_strcmp0 (input_type (field), "duration") != 0)
    return g_strdup_printf ("%g", value);
  return format_minutes (value / unit_per_minute (field));
}

static void
remove_fields (AtTemplateMetrics *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    adw_preferences_group_remove (self->group,
                                  ((MetricField *) g_ptr_array_index (self->fields, i))->row);
  g_ptr_array_set_size (self->fields, 0);
}

static void
at_template_metrics_dispose (GObject *object)
{
  AtTemplateMetrics *self = AT_TEMPLATE_METRICS (object);

  if (self->fields != NULL)
    g_ptr_array_set_size (self->fields, 0);

  /* The bin's child is a template child: the bin lets go of it first, or
   * it would unparent it again after the template has. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AT_TYPE_TEMPLATE_METRICS);

  G_OBJECT_CLASS (at_template_metrics_parent_class)->dispose (object);
}

static void
at_template_metrics_finalize (GObject *object)
{
  AtTemplateMetrics *self = AT_TEMPLATE_METRICS (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (at_template_metrics_parent_class)->finalize (object);
}

static void
at_template_metrics_class_init (AtTemplateMetricsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_template_metrics_dispose;
  object_class->finalize = at_template_metrics_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/at-template-metrics.ui");
  gtk_widget_class_bind_template_child (widget_class, AtTemplateMetrics, group);
}

static void
at_template_metrics_init (AtTemplateMetrics *self)
{
  self->fields = g_ptr_array_new_with_free_func (metric_field_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * at_template_metrics_set_templates:
 * @templates: (nullable): the activity type's metric templates, or %NULL
 *   for none
 * @units: (element-type AtRecord): the unit catalogue
 *
 * Makes a field for each template; without any, hides the group.
 */
void
at_template_metrics_set_templates (AtTemplateMetrics *self,
                                   GListModel        *templates,
                                   GPtrArray         *units)
{
  guint n_items;

  g_return_if_fail (AT_IS_TEMPLATE_METRICS (self));

  remove_fields (self);
  n_items = templates != NULL ? g_list_model_get_n_items (templates) : 0;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AtRecord) template = g_list_model_get_item (templates, i);
      MetricField *field = new_field (template, units);

      adw_preferences_group_add (self->group, field->row);
      g_ptr_array_add (self->fields, field);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), n_items > 0);
}

/**
 * at_template_metrics_show_metric:
 * @metric: a stored metric
 * @edit: whether saving updates @metric
 *
 * Shows @metric in the first free field of its name.
 *
 * Returns: %FALSE if there is none: it is a custom metric
 */
gboolean
at_template_metrics_show_metric (AtTemplateMetrics *self,
                                 AtActivityMetric  *metric,
                                 gboolean           edit)
{
  const char *name = at_record_get_string (AT_RECORD (metric), "metric_name");

  g_return_val_if_fail (AT_IS_TEMPLATE_METRICS (self), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    {
      MetricField *field = g_ptr_array_index (self->fields, i);
      g_autofree char *text = NULL;

      if (field->metric != NULL ||
          g_strcmp0 (at_record_get_string (field->template, "metric_name"), name) != 0)
        continue;
      text = metric_text (field, AT_RECORD (metric));
      gtk_editable_set_text (GTK_EDITABLE (field->row), text);
      if (edit)
        field->metric = g_object_ref (metric);
      return TRUE;
    }
  return FALSE;
}

/**
 * at_template_metrics_add_to:
 *
 * Adds a metric for each filled field to @workout.
 *
 * Returns: %FALSE, with @error set and the field marked, when a field's
 *   text is not what it takes
 */
gboolean
at_template_metrics_add_to (AtTemplateMetrics  *self,
                            AtWorkout          *workout,
                            GError            **error)
{
  g_return_val_if_fail (AT_IS_TEMPLATE_METRICS (self), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    {
      MetricField *field = g_ptr_array_index (self->fields, i);
      g_autofree char *message = add_metric (field, workout);

      if (message != NULL)
        {
          at_editor_field_mark (field->row, message);
          g_set_error_literal (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID, message);
          return FALSE;
        }
    }
  return TRUE;
}

void
at_template_metrics_clear_errors (AtTemplateMetrics *self)
{
  g_return_if_fail (AT_IS_TEMPLATE_METRICS (self));

  for (guint i = 0; i < self->fields->len; i++)
    at_editor_field_unmark (((MetricField *) g_ptr_array_index (self->fields, i))->row);
}
