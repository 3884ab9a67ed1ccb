/* at-progress-format.c: how the Progress page and the exercise history
 * write values and dates. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "at-progress-format.h"

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
