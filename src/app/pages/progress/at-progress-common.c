/* at-progress-common.c: what the Progress page and the exercise history
 * share: how they write values and dates, find units and empty lists. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "at-progress-common.h"

/**
 * at_progress_format_value:
 * @value: a value, or NAN for none
 * @unit: (nullable): its unit's symbol
 *
 * Returns: (transfer full): e.g. "102.5 kg", or "—" for no value
 */
char *
at_progress_format_value (double      value,
                          const char *unit)
{
  if (!isfinite (value))
    return g_strdup ("—");
  if (unit == NULL)
    return g_strdup_printf ("%.1f", value);
  /* Translators: a weight or other value and its unit, e.g. "102.5 kg" */
  return g_strdup_printf (_("%.1f %s"), value, unit);
}

/**
 * at_progress_format_date:
 * @when: a Unix time
 *
 * Returns: (transfer full): its local date, e.g. "3 Jan 2024"
 */
char *
at_progress_format_date (gint64 when)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (when);
  /* Translators: the date of a record or a set, see g_date_time_format() */
  g_autofree char *date = g_date_time_format (dt, _("%-d %b %Y"));

  return g_strdup (g_strstrip (date));
}

/**
 * at_progress_find_unit:
 * @units: the unit records
 * @unit_id: a unit's id, or 0
 *
 * Returns: (transfer full) (nullable): that unit
 */
AtRecord *
at_progress_find_unit (GListModel *units,
                       gint64      unit_id)
{
  for (guint i = 0; unit_id != 0 && i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(AtRecord) unit = g_list_model_get_item (units, i);

      if (at_record_get_id (unit) == unit_id)
        return g_steal_pointer (&unit);
    }
  return NULL;
}

/**
 * at_progress_unit_symbol:
 * @units: the unit records
 * @unit_id: a unit's id, or 0
 *
 * Returns: (transfer full) (nullable): its symbol, e.g. "kg"
 */
char *
at_progress_unit_symbol (GListModel *units,
                         gint64      unit_id)
{
  g_autoptr(AtRecord) unit = at_progress_find_unit (units, unit_id);

  return unit != NULL ? g_strdup (at_record_get_string (unit, "symbol")) : NULL;
}

/**
 * at_progress_clear_list:
 *
 * Removes every row of @list.
 */
void
at_progress_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}
