/* at-plate-calculator.c: which plates go on each side of the bar for a
 * weight, from the plates the user has (GSettings available-plates-kg and
 * bar-weight-kg), told in the user's unit. */

#define G_LOG_DOMAIN "at-plate-calculator"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "at-plate-calculator.h"

/* What a scale shows: 2.5, 1.25, 45 — never 2.500000. */
static char *
format_weight (double value)
{
  return g_strdup_printf ("%g", round (value * 100) / 100);
}

static int
compare_descending (gconstpointer a,
                    gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x < y) - (x > y);
}

/**
 * at_plate_calculator_describe:
 * @weight: the weight on the bar, in the user's unit
 * @kg_per_unit: kilograms in one of the user's unit
 * @unit_symbol: the user's unit, such as "kg"
 * @bar_kg: the empty bar
 * @plates_kg: (array length=n_plates): the plates there are, in any order
 *
 * Loads each side with the heaviest plates first.
 *
 * Returns: (transfer full): the plates per side, such as "Per side: 20 +
 * 10 + 2.5 kg", or why the weight cannot be loaded
 */
char *
at_plate_calculator_describe (double        weight,
                              double        kg_per_unit,
                              const char   *unit_symbol,
                              double        bar_kg,
                              const double *plates_kg,
                              gsize         n_plates)
{
  g_autofree double *sorted = g_memdup2 (plates_kg, n_plates * sizeof (double));
  g_autoptr(GString) plates = g_string_new (NULL);
  g_autofree char *bar = format_weight (bar_kg / kg_per_unit);
  double side_kg;

  g_return_val_if_fail (kg_per_unit > 0, NULL);

  /* Half a gram is below any plate: rounding, not a missing plate. */
  side_kg = (weight * kg_per_unit - bar_kg) / 2;
  if (side_kg < -0.0005)
    /* Translators: %s %s is the bar's weight and unit, "20 kg" */
    return g_strdup_printf (_("Lighter than the bar (%s %s)"), bar, unit_symbol);
  if (side_kg < 0.0005)
    return g_strdup_printf (_("The bar alone (%s %s)"), bar, unit_symbol);

  qsort (sorted, n_plates, sizeof (double), compare_descending);
  for (gsize i = 0; i < n_plates; i++)
    {
      if (sorted[i] <= 0)
        continue;
      while (side_kg >= sorted[i] - 0.0005)
        {
          g_autofree char *plate = format_weight (sorted[i] / kg_per_unit);

          g_string_append_printf (plates, "%s%s", plates->len > 0 ? " + " : "", plate);
          side_kg -= sorted[i];
        }
    }

  if (side_kg > 0.0005)
    {
      g_autofree char *left = format_weight (side_kg / kg_per_unit);

      if (plates->len == 0)
        /* Translators: "0.5 kg per side is lighter than your lightest plate" */
        return g_strdup_printf (_("%s %s per side is lighter than your lightest plate"),
                                left, unit_symbol);
      /* Translators: "Per side: 20 + 10 kg, and 0.5 kg your plates cannot make" */
      return g_strdup_printf (_("Per side: %s %s, and %s %s your plates cannot make"),
                              plates->str, unit_symbol, left, unit_symbol);
    }

  /* Translators: the plates on each side of the bar, "Per side: 20 + 10 + 2.5 kg" */
  return g_strdup_printf (_("Per side: %s %s"), plates->str, unit_symbol);
}
