#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  AT_ONE_REP_MAX_EPLEY,
  AT_ONE_REP_MAX_BRZYCKI,
  AT_ONE_REP_MAX_LOMBARDI,
} AtOneRepMaxFormula;

/* Above this many reps an estimate is shown as unreliable. */
#define AT_ONE_REP_MAX_RELIABLE_REPS 12

double       at_one_rep_max_estimate     (AtOneRepMaxFormula  formula,
                                          double              weight,
                                          gint64              reps);
gboolean     at_one_rep_max_is_reliable  (gint64              reps);
gboolean     at_one_rep_max_formula_parse (const char         *name,
                                           AtOneRepMaxFormula *formula);
const char  *at_one_rep_max_formula_name (AtOneRepMaxFormula  formula);

G_END_DECLS
