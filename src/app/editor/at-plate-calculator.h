#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *at_plate_calculator_describe (double        weight,
                                    double        kg_per_unit,
                                    const char   *unit_symbol,
                                    double        bar_kg,
                                    const double *plates_kg,
                                    gsize         n_plates);

G_END_DECLS
