/* at-chart-reduce.h: fewer points that look the same at a pixel width.
 *
 * Both keep the global lowest and highest points, so a one-day spike in
 * ten years of data is never lost; LTTB also keeps the first and last. */

#pragma once

#include "at-chart-series.h"

G_BEGIN_DECLS

GArray  *at_chart_reduce_lttb     (const AtChartPoint *points,
                                   guint               n_points,
                                   guint               max_points);
GArray  *at_chart_reduce_min_max  (const AtChartPoint *points,
                                   guint               n_points,
                                   guint               max_points);

G_END_DECLS
