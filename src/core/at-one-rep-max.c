/* at-one-rep-max.c: estimated one-repetition maximum from a set. */

#define G_LOG_DOMAIN "at-one-rep-max"

#include "config.h"

#include <math.h>

#include "at-one-rep-max.h"

/* Brzycki's formula reaches infinity at 37 reps; past that the estimate
 * means nothing, so it is held at the value for 36. */
#define BRZYCKI_MAX_REPS 36

static const char * const formula_names[] = {
  [AT_ONE_REP_MAX_EPLEY] = "epley",
  [AT_ONE_REP_MAX_BRZYCKI] = "brzycki",
  [AT_ONE_REP_MAX_LOMBARDI] = "lombardi",
};

/**
 * at_one_rep_max_estimate:
 * @weight: the weight lifted, in any unit (the estimate is in the same one)
 * @reps: the repetitions done, at least 1
 *
 * Returns: the estimated 1RM; a set of one rep is its own 1RM; 0 when
 * there is nothing to estimate (no weight or no reps).
 */
double
at_one_rep_max_estimate (AtOneRepMaxFormula formula,
                         double             weight,
                         gint64             reps)
{
  if (weight <= 0 || reps < 1)
    return 0;
  if (reps == 1)
    return weight;

  switch (formula)
    {
    case AT_ONE_REP_MAX_BRZYCKI:
      return weight * 36.0 / (37.0 - (double) MIN (reps, BRZYCKI_MAX_REPS));
    case AT_ONE_REP_MAX_LOMBARDI:
      return weight * pow ((double) reps, 0.10);
    case AT_ONE_REP_MAX_EPLEY:
    default:
      return weight * (1.0 + (double) reps / 30.0);
    }
}

gboolean
at_one_rep_max_is_reliable (gint64 reps)
{
  return reps >= 1 && reps <= AT_ONE_REP_MAX_RELIABLE_REPS;
}

gboolean
at_one_rep_max_formula_parse (const char         *name,
                              AtOneRepMaxFormula *formula)
{
  g_return_val_if_fail (formula != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (formula_names); i++)
    {
      if (g_strcmp0 (name, formula_names[i]) == 0)
        {
          *formula = (AtOneRepMaxFormula) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
at_one_rep_max_formula_name (AtOneRepMaxFormula formula)
{
  g_return_val_if_fail (formula < G_N_ELEMENTS (formula_names), NULL);

  return formula_names[formula];
}
