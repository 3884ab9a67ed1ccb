/* at-editor-fields.c: what the session editor's fields share: reading and
 * showing their values, and marking the one an error is about. */

#define G_LOG_DOMAIN "at-editor-fields"

#include "config.h"

#include <math.h>

#include "at-editor-fields.h"

/**
 * at_editor_field_describe:
 * @description: what the field takes, for screen readers
 *
 * Sets @field's own description, which comes back after an error's.
 */
void
at_editor_field_describe (GtkWidget  *field,
                          const char *description)
{
  g_return_if_fail (GTK_IS_WIDGET (field));

  g_object_set_data_full (G_OBJECT (field), "at-description", g_strdup (description), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/**
 * at_editor_field_mark:
 * @reason: what is wrong with the field's value
 *
 * Gives @field the reason as its tooltip and description, until
 * at_editor_field_unmark(), and the keyboard focus.
 */
void
at_editor_field_mark (GtkWidget  *field,
                      const char *reason)
{
  g_return_if_fail (GTK_IS_WIDGET (field));

  if (!gtk_widget_has_css_class (field, "error"))
    g_object_set_data_full (G_OBJECT (field), "at-tooltip",
                            g_strdup (gtk_widget_get_tooltip_text (field)), g_free);
  gtk_widget_add_css_class (field, "error");
  gtk_widget_set_tooltip_text (field, reason);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason,
                                  -1);
  gtk_widget_grab_focus (field);
}

/**
 * at_editor_field_unmark:
 *
 * Gives a marked field its own tooltip and description back.
 */
void
at_editor_field_unmark (GtkWidget *field)
{
  const char *description;

  g_return_if_fail (GTK_IS_WIDGET (field));

  if (!gtk_widget_has_css_class (field, "error"))
    return;

  description = g_object_get_data (G_OBJECT (field), "at-description");
  gtk_widget_remove_css_class (field, "error");
  gtk_widget_set_tooltip_text (field, g_object_get_data (G_OBJECT (field), "at-tooltip"));
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Returns: (transfer full): the text of @editable without the blanks
 * around it */
char *
at_editor_field_get_text (GtkWidget *editable)
{
  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

/* A text column in @editable; empty for NULL. */
void
at_editor_field_show_text (GtkWidget  *editable,
                           AtRecord   *record,
                           const char *column)
{
  g_return_if_fail (GTK_IS_EDITABLE (editable));

  gtk_editable_set_text (GTK_EDITABLE (editable),
                         at_record_is_null (record, column) ? "" : at_record_get_string (record, column));
}

/* A 1–10 column in @spin; 0 for NULL. */
void
at_editor_field_show_scale (GtkSpinButton *spin,
                            AtRecord      *record,
                            const char    *column)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  gtk_spin_button_set_value (spin, at_record_is_null (record, column) ? 0 : at_record_get_int (record, column));
}

/* @text in a column; NULL when it is empty. */
void
at_editor_record_set_text (AtRecord   *record,
                           const char *column,
                           const char *text)
{
  if (text[0] != '\0')
    at_record_set_string (record, column, text);
  else
    at_record_set_null (record, column);
}

/* @spin's value in a 1–10 column; NULL for 0. */
void
at_editor_record_set_scale (AtRecord      *record,
                            const char    *column,
                            GtkSpinButton *spin)
{
  int value;

  gtk_spin_button_update (spin);
  value = gtk_spin_button_get_value_as_int (spin);
  if (value > 0)
    at_record_set_int (record, column, value);
  else
    at_record_set_null (record, column);
}

/* A number as typed, with a decimal point or comma. */
gboolean
at_editor_parse_number (const char *text,
                        double     *value)
{
  g_autofree char *copy = g_strdelimit (g_strdup (text), ",", '.');
  char *end = NULL;

  *value = g_ascii_strtod (copy, &end);
  return end != copy && *end == '\0' && isfinite (*value);
}

/**
 * at_editor_find_unit:
 * @units: (element-type AtRecord): the unit catalogue
 *
 * Returns: (nullable) (transfer none): the unit @unit_id, or %NULL
 */
AtRecord *
at_editor_find_unit (GPtrArray *units,
                     gint64     unit_id)
{
  for (guint i = 0; i < units->len; i++)
    if (at_record_get_id (g_ptr_array_index (units, i)) == unit_id)
      return g_ptr_array_index (units, i);
  return NULL;
}

/**
 * at_editor_unit_string:
 * @units: (element-type AtRecord): the unit catalogue
 * @column: "name" or "symbol"
 *
 * Returns: (nullable): the column of the unit @unit_id, or %NULL
 */
const char *
at_editor_unit_string (GPtrArray  *units,
                       gint64      unit_id,
                       const char *column)
{
  AtRecord *unit = at_editor_find_unit (units, unit_id);

  if (unit == NULL || at_record_is_null (unit, column))
    return NULL;
  return at_record_get_string (unit, column);
}

/**
 * at_editor_metric_to_fill:
 * @stored: (nullable): the stored metric being edited
 *
 * Returns: (transfer full): @stored with its value cleared, or a new metric
 */
AtActivityMetric *
at_editor_metric_to_fill (AtActivityMetric *stored)
{
  AtActivityMetric *metric = stored != NULL ? g_object_ref (stored) : at_activity_metric_new ();

  at_record_set_null (AT_RECORD (metric), "metric_value_numeric");
  at_record_set_null (AT_RECORD (metric), "metric_value_text");
  at_record_set_null (AT_RECORD (metric), "unit_id");
  return metric;
}
