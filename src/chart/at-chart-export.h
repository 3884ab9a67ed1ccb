/* at-chart-export.h: a chart into a PNG, SVG or PDF file. */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "at-chart.h"

G_BEGIN_DECLS

#define AT_CHART_ERROR (at_chart_error_quark ())

typedef enum
{
  AT_CHART_ERROR_FAILED = 1,
  AT_CHART_ERROR_FORMAT,
} AtChartError;

typedef enum
{
  AT_CHART_FORMAT_PNG,
  AT_CHART_FORMAT_SVG,
  AT_CHART_FORMAT_PDF,
} AtChartFormat;

/* Anything that draws itself into a size: AtChart, AtChartCalendar. */
typedef void (*AtChartDrawFunc) (gpointer            chart,
                                 cairo_t            *cr,
                                 int                 width,
                                 int                 height,
                                 const AtChartStyle *style);

GQuark    at_chart_error_quark        (void);
gboolean  at_chart_format_from_path   (const char          *path,
                                       AtChartFormat       *format,
                                       GError             **error);
gboolean  at_chart_export_drawing     (AtChartDrawFunc      draw,
                                       gpointer             chart,
                                       const char          *path,
                                       AtChartFormat        format,
                                       int                  width,
                                       int                  height,
                                       const AtChartStyle  *style,
                                       GError             **error);
gboolean  at_chart_export             (AtChart             *self,
                                       const char          *path,
                                       AtChartFormat        format,
                                       int                  width,
                                       int                  height,
                                       const AtChartStyle  *style,
                                       GError             **error);

G_END_DECLS
