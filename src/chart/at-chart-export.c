/* at-chart-export.c: writing a chart to a file through a GFile stream, so
 * that a failed export leaves no half-written file behind and its error
 * says which file and why. */

#define G_LOG_DOMAIN "at-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "at-chart-export.h"

G_DEFINE_QUARK (at-chart-error-quark, at_chart_error)

typedef struct
{
  GOutputStream *stream;
  GError        *error;   /* the first write error */
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* Draws into a surface of @format that writes to @sink. */
static cairo_status_t
render (AtChartDrawFunc     draw,
        gpointer            chart,
        AtChartFormat       format,
        int                 width,
        int                 height,
        const AtChartStyle *style,
        Sink               *sink)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (format == AT_CHART_FORMAT_SVG)
    surface = cairo_svg_surface_create_for_stream (write_cb, sink, width, height);
  else if (format == AT_CHART_FORMAT_PDF)
    surface = cairo_pdf_surface_create_for_stream (write_cb, sink, width, height);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  cr = cairo_create (surface);
  draw (chart, cr, width, height, style);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_show_page (surface);

  if (status == CAIRO_STATUS_SUCCESS && format == AT_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_cb, sink);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/**
 * at_chart_format_from_path:
 *
 * Finds the format from the file name's extension: .png, .svg or .pdf, in
 * any case.
 */
gboolean
at_chart_format_from_path (const char     *path,
                           AtChartFormat  *format,
                           GError        **error)
{
  const char *dot = strrchr (path, '.');

  g_return_val_if_fail (path != NULL && format != NULL, FALSE);

  if (dot != NULL && g_ascii_strcasecmp (dot, ".png") == 0)
    *format = AT_CHART_FORMAT_PNG;
  else if (dot != NULL && g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = AT_CHART_FORMAT_SVG;
  else if (dot != NULL && g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = AT_CHART_FORMAT_PDF;
  else
    {
      g_set_error (error, AT_CHART_ERROR, AT_CHART_ERROR_FORMAT,
                   _("Cannot tell the format of “%s”: its name must end in .png, .svg or .pdf"),
                   path);
      return FALSE;
    }
  return TRUE;
}

/**
 * at_chart_export_drawing:
 * @draw: draws @chart
 *
 * Writes what @draw draws, at @width × @height pixels (points for PDF),
 * into @path, replacing it only once the whole file is written.
 *
 * Returns: %FALSE with an error that names @path when it cannot be written
 */
gboolean
at_chart_export_drawing (AtChartDrawFunc      draw,
                         gpointer             chart,
                         const char          *path,
                         AtChartFormat        format,
                         int                  width,
                         int                  height,
                         const AtChartStyle  *style,
                         GError             **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  Sink sink = { NULL, NULL };
  cairo_status_t status;
  gboolean existed;

  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);

  file = g_file_new_for_path (path);
  existed = g_file_query_exists (file, NULL);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot export the chart to “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  sink.stream = G_OUTPUT_STREAM (stream);
  status = render (draw, chart, format, width, height, style, &sink);
  if (sink.error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      /* Cancelling the close leaves the old file, or none, in place. */
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancel, NULL);
      if (!existed)
        g_file_delete (file, NULL, NULL);
      if (sink.error != NULL)
        g_set_error (error, sink.error->domain, sink.error->code,
                     _("Cannot export the chart to “%s”: %s"), path, sink.error->message);
      else
        g_set_error (error, AT_CHART_ERROR, AT_CHART_ERROR_FAILED,
                     _("Cannot export the chart to “%s”: %s"), path, cairo_status_to_string (status));
      g_clear_error (&sink.error);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot export the chart to “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
draw_chart (gpointer            chart,
            cairo_t            *cr,
            int                 width,
            int                 height,
            const AtChartStyle *style)
{
  at_chart_draw (chart, cr, width, height, style);
}

/**
 * at_chart_export:
 *
 * Writes the chart as @format into @path; see at_chart_export_drawing().
 */
gboolean
at_chart_export (AtChart             *self,
                 const char          *path,
                 AtChartFormat        format,
                 int                  width,
                 int                  height,
                 const AtChartStyle  *style,
                 GError             **error)
{
  g_return_val_if_fail (AT_IS_CHART (self), FALSE);

  return at_chart_export_drawing (draw_chart, self, path, format, width, height, style, error);
}
