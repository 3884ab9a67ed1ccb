/* at-chart-private.h: AtChart's fields, shared by at-chart.c (the object,
 * layout, words, hit test) and at-chart-draw.c (painting). */

#pragma once

#include "at-chart.h"

G_BEGIN_DECLS

typedef struct
{
  double  value;
  char   *label;
} AtChartGoal;

struct _AtChart
{
  GObject    parent_instance;

  char      *title;
  GPtrArray *series;      /* of AtChartSeries */
  GArray    *goals;       /* of AtChartGoal */
  double     value_min;   /* NAN: from the data */
  double     value_max;
  double     time_from;   /* NAN: from the data */
  double     time_to;
  GHashTable *session_names; /* session id (gint64 *) → name */
  guint      highlight_series;  /* G_MAXUINT: none */
  guint      highlight_point;
};

#define AT_CHART_PAD          12.0
#define AT_CHART_LINE_WIDTH   2.0
#define AT_CHART_MARKER_SIZE  7.0

gboolean  _at_chart_has_legend  (AtChart             *self);
char     *_at_chart_trend_label (AtChartSeries       *series);
void      _at_chart_bar_slot    (AtChart             *self,
                                 const AtChartLayout *layout,
                                 guint                series_index,
                                 double              *offset,
                                 double              *width);
double    _at_chart_series_shift (AtChart             *self,
                                  const AtChartLayout *layout,
                                  guint                series_index);

G_END_DECLS
