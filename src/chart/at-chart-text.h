/* at-chart-text.h: measuring and drawing the charts' text with Pango.
 * Sizes are in pixels; metrics are unhinted, so a label measured without a
 * surface has the width it is drawn with. */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "at-chart-style.h"

G_BEGIN_DECLS

#define AT_CHART_FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"
#define AT_CHART_FONT_SIZE   13.0
#define AT_CHART_TITLE_SIZE  15.0

void  at_chart_text_measure (const char         *text,
                             double              size,
                             gboolean            bold,
                             double             *width,
                             double             *height);
void  at_chart_text_draw    (cairo_t            *cr,
                             const char         *text,
                             double              size,
                             gboolean            bold,
                             const AtChartColor *color,
                             double              x,
                             double              y,
                             double              xalign,
                             double              yalign);

G_END_DECLS
