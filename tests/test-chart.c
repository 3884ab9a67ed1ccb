/* test-chart.c: the Cairo chart core, drawn into image surfaces and
 * checked pixel by pixel: axes, extremes, reduction, the empty state,
 * export, hit tests, the calendar and the styles. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "at-chart.h"
#include "at-chart-calendar.h"
#include "at-chart-export.h"
#include "at-chart-reduce.h"
#include "at-chart-window.h"

#define DAY 86400.0

static double
utc (int year,
     int month,
     int day,
     int hour)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, hour, 0, 0);

  return (double) g_date_time_to_unix (time);
}

/* A drawing and its pixels. */
typedef struct
{
  cairo_surface_t *surface;
  int              width;
  int              height;
} Canvas;

static Canvas
draw_chart (AtChart            *chart,
            int                 width,
            int                 height,
            const AtChartStyle *style)
{
  Canvas canvas = { cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height), width, height };
  cairo_t *cr = cairo_create (canvas.surface);

  at_chart_draw (chart, cr, width, height, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (canvas.surface);
  return canvas;
}

static void
pixel_at (const Canvas *canvas,
          int           x,
          int           y,
          int           rgb[3])
{
  const guint8 *data = cairo_image_surface_get_data (canvas->surface);
  guint32 pixel = *(const guint32 *) (gconstpointer) (data + y * cairo_image_surface_get_stride (canvas->surface) + 4 * x);

  rgb[0] = pixel >> 16 & 0xff;
  rgb[1] = pixel >> 8 & 0xff;
  rgb[2] = pixel & 0xff;
}

/* Whether a pixel is @color, within @tolerance per channel (0-255). */
static gboolean
pixel_is (const Canvas       *canvas,
          int                 x,
          int                 y,
          const AtChartColor *color,
          int                 tolerance)
{
  int rgb[3];

  pixel_at (canvas, x, y, rgb);
  return abs (rgb[0] - (int) lround (color->red * 255)) <= tolerance &&
         abs (rgb[1] - (int) lround (color->green * 255)) <= tolerance &&
         abs (rgb[2] - (int) lround (color->blue * 255)) <= tolerance;
}

/* (a) Time ticks */

static void
test_time_ticks (void)
{
  const struct {
    double          from, to;
    guint           max_ticks;
    AtChartTimeUnit unit;
    guint           step;
    guint           n_ticks;
    const char     *labels[8];   /* the first ones */
  } cases[] = {
    /* Two days */
    { utc (2024, 1, 3, 0), utc (2024, 1, 5, 0), 8, AT_CHART_TIME_HOURS, 12, 5,
      { "3 Jan", "12:00", "4 Jan", "12:00", "5 Jan" } },
    { utc (2024, 1, 3, 0), utc (2024, 1, 5, 0), 3, AT_CHART_TIME_DAYS, 1, 3,
      { "3 Jan", "4 Jan", "5 Jan" } },
    { utc (2024, 1, 3, 5), utc (2024, 1, 5, 5), 30, AT_CHART_TIME_HOURS, 2, 24,
      { "06:00", "08:00", "10:00" } },
    /* Three months */
    { utc (2024, 1, 1, 0), utc (2024, 4, 1, 0), 6, AT_CHART_TIME_MONTHS, 1, 4,
      { "Jan 2024", "Feb", "Mar", "Apr" } },
    { utc (2024, 1, 1, 0), utc (2024, 4, 1, 0), 16, AT_CHART_TIME_WEEKS, 1, 14,
      { "1 Jan", "8 Jan", "15 Jan", "22 Jan", "29 Jan", "5 Feb" } },
    /* Three years */
    { utc (2024, 1, 1, 0), utc (2027, 1, 1, 0), 12, AT_CHART_TIME_MONTHS, 6, 7,
      { "Jan 2024", "Jul", "Jan 2025", "Jul", "Jan 2026", "Jul", "Jan 2027" } },
    { utc (2024, 1, 3, 0), utc (2026, 11, 2, 0), 4, AT_CHART_TIME_YEARS, 1, 2,
      { "2025", "2026" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AtChartTimeUnit unit;
      guint step;
      g_autoptr(GArray) ticks = at_chart_axis_time_ticks (cases[i].from, cases[i].to,
                                                          cases[i].max_ticks, &unit, &step);

      g_test_message ("case %u", i);
      g_assert_cmpint (unit, ==, cases[i].unit);
      g_assert_cmpuint (step, ==, cases[i].step);
      g_assert_cmpuint (ticks->len, ==, cases[i].n_ticks);
      g_assert_cmpuint (ticks->len, <=, cases[i].max_ticks);
      for (guint t = 0; t < ticks->len; t++)
        {
          const AtChartTick *tick = &g_array_index (ticks, AtChartTick, t);

          g_assert_cmpfloat (tick->value, >=, cases[i].from);
          g_assert_cmpfloat (tick->value, <=, cases[i].to);
          if (t > 0)
            g_assert_cmpfloat (tick->value, >, g_array_index (ticks, AtChartTick, t - 1).value);
          if (t < G_N_ELEMENTS (cases[i].labels) && cases[i].labels[t] != NULL)
            g_assert_cmpstr (tick->label, ==, cases[i].labels[t]);
        }
    }

  /* The weekly ticks are Mondays at midnight, a week apart. */
  {
    g_autoptr(GArray) ticks = at_chart_axis_time_ticks (utc (2024, 1, 3, 0), utc (2024, 4, 1, 0), 16,
                                                        NULL, NULL);

    g_assert_cmpfloat (g_array_index (ticks, AtChartTick, 0).value, ==, utc (2024, 1, 8, 0));
    g_assert_cmpfloat (g_array_index (ticks, AtChartTick, 1).value, ==, utc (2024, 1, 15, 0));
  }
}

static void
test_value_ticks (void)
{
  AtChartValueScale scale;
  g_autoptr(GArray) ticks = NULL;
  const char *expected[] = { "90 kg", "100 kg", "110 kg", "120 kg", "130 kg", "140 kg" };
  const struct { double range; guint max_ticks; double step; } steps[] = {
    { 87, 5, 20 }, { 100, 5, 20 }, { 100, 10, 10 }, { 0.37, 4, 0.1 }, { 4, 8, 0.5 }, { 13000, 7, 2000 },
  };
  g_autofree char *thousands = at_chart_axis_format_value (12000, 2000, "kg");
  g_autofree char *zero = at_chart_axis_format_value (0, 2000, "kg");
  g_autofree char *precise = at_chart_axis_format_value (350.0 / 3.0, 0, "kg");
  g_autofree char *whole = at_chart_axis_format_value (140, 0, "kg");
  g_autofree char *half = at_chart_axis_format_value (2.5, 0.5, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    g_assert_cmpfloat_with_epsilon (at_chart_axis_nice_step (steps[i].range, steps[i].max_ticks),
                                    steps[i].step, 1e-9);

  at_chart_axis_value_scale (92.5, 140, 6, &scale);
  g_assert_cmpfloat (scale.min, ==, 90);
  g_assert_cmpfloat (scale.max, ==, 140);
  g_assert_cmpfloat (scale.step, ==, 10);
  ticks = at_chart_axis_value_ticks (&scale, "kg");
  g_assert_cmpuint (ticks->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < ticks->len; i++)
    {
      g_assert_cmpfloat (g_array_index (ticks, AtChartTick, i).value, ==, 90 + 10 * i);
      g_assert_cmpstr (g_array_index (ticks, AtChartTick, i).label, ==, expected[i]);
    }

  /* One value is widened around it. */
  at_chart_axis_value_scale (100, 100, 5, &scale);
  g_assert_cmpfloat (scale.min, <, 100);
  g_assert_cmpfloat (scale.max, >, 100);

  g_assert_cmpstr (thousands, ==, "12k kg");
  g_assert_cmpstr (zero, ==, "0 kg");
  g_assert_cmpstr (precise, ==, "116.67 kg");
  g_assert_cmpstr (whole, ==, "140 kg");
  g_assert_cmpstr (half, ==, "2.5");
}

/* (b) The drawn extremes are where the axis puts them */

static void
test_draw_extremes (void)
{
  g_autoptr(AtChart) chart = at_chart_new ();
  g_autoptr(AtChartSeries) series = at_chart_series_new (AT_CHART_SERIES_LINE, "Squat", "kg");
  const AtChartStyle *style = at_chart_style_get_light ();
  AtChartLayout layout;
  Canvas canvas;
  int top = G_MAXINT, bottom = -1;
  double y_max, y_min;

  /* Highest 137.5 at i = 50 and 250, lowest 92.5 at i = 150 and 350. */
  for (int i = 0; i < 400; i++)
    at_chart_series_add_point (series, utc (2024, 1, 1, 0) + i * DAY,
                               115 + 22.5 * sin (2 * G_PI * i / 200.0), i + 1);
  at_chart_add_series (chart, series);

  canvas = draw_chart (chart, 800, 400, style);
  g_assert_true (at_chart_get_layout (chart, 800, 400, &layout));
  y_max = at_chart_layout_map_y (&layout, 137.5);
  y_min = at_chart_layout_map_y (&layout, 92.5);

  for (int x = (int) layout.plot.x; x < layout.plot.x + layout.plot.width; x++)
    for (int y = 0; y < canvas.height; y++)
      {
        if (!pixel_is (&canvas, x, y, &style->accent, 40))
          continue;
        top = MIN (top, y);
        bottom = MAX (bottom, y);
      }

  g_test_message ("top %d (axis %.1f), bottom %d (axis %.1f)", top, y_max, bottom, y_min);
  g_assert_cmpfloat (fabs (top - y_max), <=, 1.0);
  g_assert_cmpfloat (fabs (bottom - y_min), <=, 1.0);
  cairo_surface_destroy (canvas.surface);
}

/* Ten years of days on 600 pixels: denser than the pixels, the line is
 * drawn as a band, and a one-day spike still reaches its value. */
static void
test_draw_dense_spike (void)
{
  g_autoptr(AtChart) chart = at_chart_new ();
  g_autoptr(AtChartSeries) series = at_chart_series_new (AT_CHART_SERIES_LINE, "Squat", "kg");
  const AtChartStyle *style = at_chart_style_get_dark ();
  AtChartLayout layout;
  Canvas canvas;
  int top = G_MAXINT, bottom = -1, spike_column = -1;
  double y_spike, y_min, x_spike;

  for (int i = 0; i < 3650; i++)
    at_chart_series_add_point (series, utc (2015, 1, 1, 0) + i * DAY,
                               i == 1234 ? 180 : i == 3000 ? 70 : 100 + 5 * sin (i * 1.7), i + 1);
  at_chart_add_series (chart, series);

  canvas = draw_chart (chart, 600, 300, style);
  g_assert_true (at_chart_get_layout (chart, 600, 300, &layout));
  y_spike = at_chart_layout_map_y (&layout, 180);
  y_min = at_chart_layout_map_y (&layout, 70);
  x_spike = at_chart_layout_map_x (&layout, utc (2015, 1, 1, 0) + 1234 * DAY);

  for (int x = (int) layout.plot.x; x < layout.plot.x + layout.plot.width; x++)
    for (int y = 0; y < canvas.height; y++)
      {
        if (!pixel_is (&canvas, x, y, &style->accent, 40))
          continue;
        if (y < top)
          top = y, spike_column = x;
        bottom = MAX (bottom, y);
      }

  g_test_message ("spike at %d,%d (axis %.1f,%.1f)", spike_column, top, x_spike, y_spike);
  g_assert_cmpfloat (fabs (top - y_spike), <=, 1.0);
  g_assert_cmpfloat (fabs (spike_column - x_spike), <=, 1.0);
  g_assert_cmpfloat (fabs (bottom - y_min), <=, 1.0);
  cairo_surface_destroy (canvas.surface);
}

/* (c) Reduction keeps a one-day spike in ten years */

static void
assert_has_point (GArray *points,
                  double  x,
                  double  y)
{
  for (guint i = 0; i < points->len; i++)
    {
      const AtChartPoint *p = &g_array_index (points, AtChartPoint, i);

      if (p->x == x && p->y == y)
        return;
    }
  g_error ("(%.0f, %.1f) is not among the %u kept points", x, y, points->len);
}

static void
test_reduce_spike (void)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (AtChartPoint));
  const guint sizes[] = { 800, 200, 50 };

  for (guint i = 0; i < 3650; i++)
    {
      AtChartPoint p = { utc (2016, 1, 1, 0) + i * DAY, 100 + 5 * sin (i / 30.0), i + 1 };

      if (i == 1234)
        p.y = 500;
      if (i == 2500)
        p.y = -50;
      g_array_append_val (points, p);
    }

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      const AtChartPoint *all = (const AtChartPoint *) (gconstpointer) points->data;
      g_autoptr(GArray) lttb = at_chart_reduce_lttb (all, points->len, sizes[s]);
      g_autoptr(GArray) min_max = at_chart_reduce_min_max (all, points->len, sizes[s]);

      g_assert_cmpuint (lttb->len, <=, sizes[s]);
      g_assert_cmpuint (lttb->len, >, sizes[s] / 2);
      g_assert_cmpuint (min_max->len, <=, sizes[s]);
      assert_has_point (lttb, all[1234].x, 500);
      assert_has_point (lttb, all[2500].x, -50);
      assert_has_point (lttb, all[0].x, all[0].y);
      assert_has_point (lttb, all[3649].x, all[3649].y);
      assert_has_point (min_max, all[1234].x, 500);
      assert_has_point (min_max, all[2500].x, -50);
      for (guint i = 1; i < lttb->len; i++)
        g_assert_cmpfloat (g_array_index (lttb, AtChartPoint, i).x, >, g_array_index (lttb, AtChartPoint, i - 1).x);
      for (guint i = 1; i < min_max->len; i++)
        g_assert_cmpfloat (g_array_index (min_max, AtChartPoint, i).x, >, g_array_index (min_max, AtChartPoint, i - 1).x);
    }

  /* Fewer points than asked for come back as they are. */
  {
    g_autoptr(GArray) same = at_chart_reduce_lttb ((const AtChartPoint *) (gconstpointer) points->data, 10, 100);

    g_assert_cmpuint (same->len, ==, 10);
  }
}

/* (d) The empty state */

static guint
count_ink (const Canvas       *canvas,
           const AtChartColor *background,
           int                 x0,
           int                 y0,
           int                 x1,
           int                 y1)
{
  guint ink = 0;

  for (int x = x0; x < x1; x++)
    for (int y = y0; y < y1; y++)
      ink += !pixel_is (canvas, x, y, background, 8);
  return ink;
}

static void
test_empty_state (void)
{
  g_autoptr(AtChart) chart = at_chart_new ();
  g_autoptr(AtChartSeries) series = at_chart_series_new (AT_CHART_SERIES_LINE, "Squat", "kg");
  const AtChartStyle *style = at_chart_style_get_light ();
  g_autofree char *description = NULL;
  g_autofree char *out_of_range = NULL;
  AtChartLayout layout;
  AtChartHit hit;
  Canvas canvas;

  at_chart_set_title (chart, "Squat");
  at_chart_add_series (chart, series);
  g_assert_false (at_chart_get_layout (chart, 600, 300, &layout));
  g_assert_false (at_chart_hit_test (chart, 600, 300, 300, 150, &hit));

  canvas = draw_chart (chart, 600, 300, style);
  /* The message is in the middle, and nothing else is drawn in the plot's place. */
  g_assert_cmpuint (count_ink (&canvas, &style->background, 150, 135, 450, 165), >, 100);
  g_assert_cmpuint (count_ink (&canvas, &style->background, 0, 200, 600, 300), ==, 0);
  cairo_surface_destroy (canvas.surface);

  description = at_chart_describe (chart);
  g_assert_cmpstr (description, ==, "Squat: no data for this range.");

  /* Points outside the visible range are no data either. */
  at_chart_series_add_point (series, utc (2020, 1, 1, 0), 100, 1);
  at_chart_set_time_range (chart, utc (2024, 1, 1, 0), utc (2024, 2, 1, 0));
  out_of_range = at_chart_describe (chart);
  g_assert_cmpstr (out_of_range, ==, "Squat: no data for this range.");
}

static void
test_describe (void)
{
  g_autoptr(AtChart) chart = at_chart_new ();
  g_autoptr(AtChartSeries) series = at_chart_series_new (AT_CHART_SERIES_LINE, "Squat", "kg");
  g_autofree char *description = NULL;

  at_chart_series_add_point (series, utc (2024, 1, 3, 18), 92.5, 1);
  at_chart_series_add_point (series, utc (2026, 11, 2, 18), 137.5, 3);
  at_chart_series_add_point (series, utc (2025, 6, 1, 18), 140, 2);
  at_chart_set_title (chart, "Estimated 1RM of Squat");
  at_chart_add_series (chart, series);
  at_chart_add_goal (chart, 150, NULL);

  description = at_chart_describe (chart);
  g_assert_cmpstr (description, ==,
                   "Estimated 1RM of Squat from 3 Jan 2024 to 2 Nov 2026: lowest 92.5 kg on 3 Jan 2024, "
                   "highest 140 kg on 1 Jun 2025, latest 137.5 kg. Goal: 150 kg.");
}

/* (e) Export */

static void
assert_starts_with (const char *path,
                    const char *magic,
                    gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (size, >, length);
  g_assert_cmpmem (contents, length, magic, length);
}

static void
test_export (void)
{
  g_autoptr(AtChart) chart = at_chart_new ();
  g_autoptr(AtChartSeries) series = at_chart_series_new (AT_CHART_SERIES_AREA, "Weight", "kg");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("at-chart-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "chart.png", NULL);
  AtChartFormat format;

  g_assert_no_error (error);
  for (int i = 0; i < 30; i++)
    at_chart_series_add_point (series, utc (2024, 1, 1, 0) + i * DAY, 80 - i * 0.1, 0);
  at_chart_add_series (chart, series);

  g_assert_true (at_chart_export (chart, png, AT_CHART_FORMAT_PNG, 640, 320, at_chart_style_get_light (), &error));
  g_assert_no_error (error);
  g_assert_true (at_chart_export (chart, svg, AT_CHART_FORMAT_SVG, 640, 320, at_chart_style_get_dark (), &error));
  g_assert_no_error (error);
  g_assert_true (at_chart_export (chart, pdf, AT_CHART_FORMAT_PDF, 640, 320, at_chart_style_get_light (), &error));
  g_assert_no_error (error);

  assert_starts_with (png, "\x89PNG", 4);
  assert_starts_with (svg, "<?xml", 5);
  assert_starts_with (pdf, "%PDF", 4);

  g_assert_false (at_chart_export (chart, missing, AT_CHART_FORMAT_PNG, 640, 320, at_chart_style_get_light (),
                                   &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (at_chart_format_from_path ("a/b.SVG", &format, NULL));
  g_assert_cmpint (format, ==, AT_CHART_FORMAT_SVG);
  g_assert_false (at_chart_format_from_path ("chart.jpeg", &format, &error));
  g_assert_error (error, AT_CHART_ERROR, AT_CHART_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "chart.jpeg"));

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* (f) Hit test */

static void
test_hit_test (void)
{
  g_autoptr(AtChart) chart = at_chart_new ();
  g_autoptr(AtChartSeries) first = at_chart_series_new (AT_CHART_SERIES_LINE, "Squat", "kg");
  g_autoptr(AtChartSeries) second = at_chart_series_new (AT_CHART_SERIES_SCATTER, "Deadlift", "kg");
  AtChartLayout layout;
  AtChartHit hit;

  for (int i = 0; i < 10; i++)
    {
      at_chart_series_add_point (first, utc (2024, 3, 1, 0) + i * 7 * DAY, 100 + i * 2.5, 100 + i);
      at_chart_series_add_point (second, utc (2024, 3, 4, 0) + i * 7 * DAY, 150 - i, 200 + i);
    }
  at_chart_add_series (chart, first);
  at_chart_add_series (chart, second);
  g_assert_true (at_chart_get_layout (chart, 800, 400, &layout));

  /* Near the fourth squat. */
  g_assert_true (at_chart_hit_test (chart, 800, 400,
                                    at_chart_layout_map_x (&layout, utc (2024, 3, 22, 0)) + 2,
                                    at_chart_layout_map_y (&layout, 107.5) - 3, &hit));
  g_assert_true (hit.series == first);
  g_assert_cmpuint (hit.series_index, ==, 0);
  g_assert_cmpuint (hit.point_index, ==, 3);
  g_assert_cmpfloat (hit.time, ==, utc (2024, 3, 22, 0));
  g_assert_cmpfloat (hit.value, ==, 107.5);
  g_assert_cmpint (hit.session_id, ==, 103);

  /* Near the last deadlift. */
  g_assert_true (at_chart_hit_test (chart, 800, 400,
                                    at_chart_layout_map_x (&layout, utc (2024, 5, 6, 0)),
                                    at_chart_layout_map_y (&layout, 141) + 4, &hit));
  g_assert_true (hit.series == second);
  g_assert_cmpuint (hit.point_index, ==, 9);
  g_assert_cmpint (hit.session_id, ==, 209);

  /* Outside the plot. */
  g_assert_false (at_chart_hit_test (chart, 800, 400, 1, 1, &hit));
}

/* Hit tests find the bar of each series where it is drawn, beside the other. */
static void
test_hit_test_grouped (void)
{
  g_autoptr(AtChart) chart = at_chart_new ();
  g_autoptr(AtChartSeries) runs = at_chart_series_new (AT_CHART_SERIES_BAR, "Runs", NULL);
  g_autoptr(AtChartSeries) rides = at_chart_series_new (AT_CHART_SERIES_BAR, "Rides", NULL);
  AtChartLayout layout;
  AtChartHit hit;
  double x, y;

  for (int i = 0; i < 8; i++)
    {
      at_chart_series_add_point (runs, utc (2024, 3, 4, 0) + i * 7 * DAY, 10, 300 + i);
      at_chart_series_add_point (rides, utc (2024, 3, 4, 0) + i * 7 * DAY, 10, 400 + i);
    }
  at_chart_add_series (chart, runs);
  at_chart_add_series (chart, rides);
  g_assert_true (at_chart_get_layout (chart, 800, 400, &layout));

  /* Same time, same height: only the side tells them apart. */
  x = at_chart_layout_map_x (&layout, utc (2024, 3, 18, 0));
  y = at_chart_layout_map_y (&layout, 10) + 4;
  g_assert_true (at_chart_hit_test (chart, 800, 400, x - 8, y, &hit));
  g_assert_true (hit.series == runs);
  g_assert_cmpuint (hit.point_index, ==, 2);
  g_assert_cmpint (hit.session_id, ==, 302);
  g_assert_cmpfloat (hit.x, <, x);
  g_assert_true (at_chart_hit_test (chart, 800, 400, x + 8, y, &hit));
  g_assert_true (hit.series == rides);
  g_assert_cmpint (hit.session_id, ==, 402);
  g_assert_cmpfloat (hit.x, >, x);
}

/* The keyboard's point: starts at the latest point of the series with
 * sessions, moves along it, stops at its ends, and reads out with the
 * session's name. */
static void
test_highlight (void)
{
  g_autoptr(AtChart) chart = at_chart_new ();
  g_autoptr(AtChartSeries) weeks = at_chart_series_new (AT_CHART_SERIES_BAR, "Weeks", NULL);
  g_autoptr(AtChartSeries) squat = at_chart_series_new (AT_CHART_SERIES_LINE, "Squat", "kg");
  g_autofree char *words = NULL;
  AtChartHit hit;

  at_chart_set_title (chart, "Squat");
  for (int i = 0; i < 4; i++)
    {
      at_chart_series_add_point (weeks, utc (2024, 1, 1, 0) + i * 7 * DAY, i, 0);
      at_chart_series_add_point (squat, utc (2024, 1, 2, 0) + i * 7 * DAY, 100 + i * 5, 10 + i);
    }
  at_chart_add_series (chart, weeks);
  at_chart_add_series (chart, squat);
  at_chart_set_session_name (chart, 12, "Leg Day");

  g_assert_false (at_chart_get_highlight (chart, NULL));
  g_assert_true (at_chart_move_highlight (chart, -1));
  g_assert_true (at_chart_get_highlight (chart, &hit));
  g_assert_true (hit.series == squat);
  g_assert_cmpuint (hit.point_index, ==, 3);
  g_assert_true (at_chart_move_highlight (chart, -1));
  g_assert_true (at_chart_get_highlight (chart, &hit));
  g_assert_cmpint (hit.session_id, ==, 12);
  g_assert_cmpfloat (hit.value, ==, 110);

  words = at_chart_describe_point (chart, &hit);
  g_assert_cmpstr (words, ==, "Squat: 110 kg on 16 Jan 2024, Leg Day");

  g_assert_true (at_chart_move_highlight (chart, -5));
  g_assert_true (at_chart_get_highlight (chart, &hit));
  g_assert_cmpuint (hit.point_index, ==, 0);
  g_assert_false (at_chart_move_highlight (chart, -1));

  /* The latest point of a zoomed range, not of all the data. */
  at_chart_clear_highlight (chart);
  at_chart_set_time_range (chart, utc (2024, 1, 1, 0), utc (2024, 1, 10, 0));
  g_assert_true (at_chart_move_highlight (chart, 1));
  g_assert_true (at_chart_get_highlight (chart, &hit));
  g_assert_cmpuint (hit.point_index, ==, 1);
}

/* The change since a day: from the last point before the day after it. */
static void
test_change (void)
{
  g_autoptr(AtChartSeries) weight = at_chart_series_new (AT_CHART_SERIES_LINE, "Weight", "kg");
  g_autoptr(AtChartSeries) empty = at_chart_series_new (AT_CHART_SERIES_LINE, "Waist", "cm");
  const struct {
    double before;
    double reference;
  } cases[] = {
    { utc (2024, 3, 2, 0), 82 },     /* the 1st's, the day chosen */
    { utc (2024, 3, 5, 0), 81.5 },   /* no measurement on the 4th: the 3rd's */
    { utc (2024, 2, 1, 0), 82 },     /* before them all: the first */
  };
  AtChartPoint reference, latest;

  at_chart_series_add_point (weight, utc (2024, 3, 1, 7), 82, 0);
  at_chart_series_add_point (weight, utc (2024, 3, 3, 7), 81.5, 0);
  at_chart_series_add_point (weight, utc (2024, 3, 9, 7), 80.25, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (at_chart_series_get_change (weight, cases[i].before, &reference, &latest));
      g_assert_cmpfloat (reference.y, ==, cases[i].reference);
      g_assert_cmpfloat (latest.y, ==, 80.25);
    }

  /* Since the day of the latest: nothing to compare. */
  g_assert_false (at_chart_series_get_change (weight, utc (2024, 3, 10, 0), &reference, &latest));
  g_assert_false (at_chart_series_get_change (empty, utc (2024, 3, 10, 0), &reference, &latest));
}

/* (g) Grouped bars */

/* The columns of a row where a colour is, from @x0 to @x1. */
static void
colour_run (const Canvas       *canvas,
            int                 y,
            int                 x0,
            int                 x1,
            const AtChartColor *color,
            int                *first,
            int                *last)
{
  *first = -1;
  *last = -1;
  for (int x = MAX (x0, 0); x <= MIN (x1, canvas->width - 1); x++)
    if (pixel_is (canvas, x, y, color, 2))
      {
        if (*first < 0)
          *first = x;
        *last = x;
      }
}

static void
test_grouped_bars (void)
{
  const AtChartStyle *style = at_chart_style_get_light ();
  g_autoptr(AtChart) chart = at_chart_new ();
  g_autoptr(AtChartSeries) runs = at_chart_series_new (AT_CHART_SERIES_BAR, "Runs", "km");
  g_autoptr(AtChartSeries) rides = at_chart_series_new (AT_CHART_SERIES_BAR, "Rides", "km");
  g_autoptr(AtChartSeries) swims = at_chart_series_new (AT_CHART_SERIES_BAR, "Swims", "km");
  AtChartSeries *all[] = { runs, rides, swims };
  AtChartColor colors[3];
  AtChartLayout layout;
  Canvas canvas;

  for (int i = 0; i < 6; i++)
    {
      at_chart_series_add_point (runs, utc (2024, 5, 6, 0) + i * 7 * DAY, 20 + i, 0);
      at_chart_series_add_point (rides, utc (2024, 5, 6, 0) + i * 7 * DAY, 40 - i, 0);
      at_chart_series_add_point (swims, utc (2024, 5, 6, 0) + i * 7 * DAY, 5, 0);
    }
  for (guint s = 0; s < G_N_ELEMENTS (all); s++)
    {
      at_chart_add_series (chart, all[s]);
      colors[s] = at_chart_style_series_color (style, s);
    }
  canvas = draw_chart (chart, 900, 400, style);
  g_assert_true (at_chart_get_layout (chart, 900, 400, &layout));

  for (int i = 0; i < 6; i++)
    {
      double x = at_chart_layout_map_x (&layout, utc (2024, 5, 6, 0) + i * 7 * DAY);
      double half_gap = (at_chart_layout_map_x (&layout, 7 * DAY) - at_chart_layout_map_x (&layout, 0)) / 2;
      /* Just above zero, where every bar is. */
      int y = (int) at_chart_layout_map_y (&layout, 0) - 3;
      int first[3], last[3];

      for (guint s = 0; s < 3; s++)
        {
          colour_run (&canvas, y, (int) (x - half_gap), (int) (x + half_gap), &colors[s],
                      &first[s], &last[s]);
          g_assert_cmpint (first[s], >=, 0);
          /* A real bar, not a sliver. */
          g_assert_cmpint (last[s] - first[s] + 1, >=, 8);
        }
      /* Left to right in series order, none over another … */
      g_assert_cmpint (last[0], <, first[1]);
      g_assert_cmpint (last[1], <, first[2]);
      /* … the group about its time, within its share of the gap. */
      g_assert_cmpfloat (fabs ((first[0] + last[2] + 1) / 2.0 - x), <=, 2);
      g_assert_cmpfloat (last[2] - first[0], <, 2 * half_gap);
      /* Each bar as tall as its value. */
      g_assert_true (pixel_is (&canvas, (first[1] + last[1]) / 2,
                               (int) at_chart_layout_map_y (&layout, 40 - i) + 2, &colors[1], 2));
      g_assert_false (pixel_is (&canvas, (first[0] + last[0]) / 2,
                                (int) at_chart_layout_map_y (&layout, 40 - i) + 2, &colors[0], 2));
    }
  cairo_surface_destroy (canvas.surface);
}

/* (h) Zoom and pan: the visible range, exactly */

static void
test_window (void)
{
  const struct {
    double from, to;
    double zoom, anchor, pan;
    double want_from, want_to;
  } cases[] = {
    /* In around the middle, as the + key does. */
    { 0, 100 * DAY, 0.5, 0.5, 0, 25 * DAY, 75 * DAY },
    /* Out around the middle. */
    { 0, 100 * DAY, 2, 0.5, 0, -50 * DAY, 150 * DAY },
    /* In around the pointer, a quarter of the way: that time stays put. */
    { 0, 100 * DAY, 0.5, 0.25, 0, 12.5 * DAY, 62.5 * DAY },
    /* At the right edge. */
    { 0, 100 * DAY, 0.8, 1, 0, 20 * DAY, 100 * DAY },
    /* Never narrower than a day. */
    { 10 * DAY, 12 * DAY, 0.1, 0.5, 0, 10.5 * DAY, 11.5 * DAY },
    /* Pan forward and back by a tenth. */
    { 0, 100 * DAY, 1, 0.5, 0.1, 10 * DAY, 110 * DAY },
    { 0, 100 * DAY, 1, 0.5, -0.1, -10 * DAY, 90 * DAY },
    /* Zoom, then pan by the new span. */
    { 0, 100 * DAY, 0.5, 0.5, 1, 75 * DAY, 125 * DAY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AtChartWindow window = { cases[i].from, cases[i].to };

      at_chart_window_zoom (&window, cases[i].zoom, cases[i].anchor);
      at_chart_window_pan (&window, cases[i].pan);
      g_assert_cmpfloat_with_epsilon (window.from, cases[i].want_from, 1e-6);
      g_assert_cmpfloat_with_epsilon (window.to, cases[i].want_to, 1e-6);
    }

  /* In then out by the inverse comes back. */
  {
    AtChartWindow window = { utc (2024, 1, 1, 0), utc (2025, 1, 1, 0) };

    at_chart_window_zoom (&window, 0.8, 0.3);
    at_chart_window_zoom (&window, 1.25, 0.3);
    g_assert_cmpfloat_with_epsilon (window.from, utc (2024, 1, 1, 0), 1e-3);
    g_assert_cmpfloat_with_epsilon (window.to, utc (2025, 1, 1, 0), 1e-3);
  }
}

/* (i) The calendar */

static void
test_calendar_cells (void)
{
  g_autoptr(AtChartCalendar) calendar = at_chart_calendar_new ("2024-06-30");
  const AtChartStyle *style = at_chart_style_get_light ();
  const struct { const char *date; double minutes; } days[] = {
    { "2023-07-03", 30 }, { "2023-07-04", 45 }, { "2023-12-25", 90 }, { "2024-01-01", 20 },
    { "2024-02-29", 60 }, { "2024-03-31", 120 }, { "2024-05-01", 10 }, { "2024-06-01", 75 },
    { "2024-06-29", 5 }, { "2024-06-30", 100 },
  };
  g_autofree char *first = at_chart_calendar_get_first_day (calendar);
  g_autofree char *description = NULL;
  Canvas canvas = { cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 220), 900, 220 };
  cairo_t *cr = cairo_create (canvas.surface);
  AtChartColor full = at_chart_style_level_color (style, 4);
  guint filled = 0, shown = 0, full_cells = 0;

  /* 53 weeks ending on Sunday 30 June 2024 begin on Monday 26 June 2023. */
  g_assert_cmpstr (first, ==, "2023-06-26");
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    g_assert_true (at_chart_calendar_set_day (calendar, days[i].date, days[i].minutes));
  g_assert_false (at_chart_calendar_set_day (calendar, "2023-06-25", 50));
  g_assert_false (at_chart_calendar_set_day (calendar, "2024-07-01", 50));
  g_assert_false (at_chart_calendar_set_day (calendar, "2024-02-30", 50));
  g_assert_cmpuint (at_chart_calendar_get_level (calendar, 0), ==, 0);
  g_assert_cmpuint (at_chart_calendar_get_level (calendar, 5), ==, 1);
  g_assert_cmpuint (at_chart_calendar_get_level (calendar, 60), ==, 2);
  g_assert_cmpuint (at_chart_calendar_get_level (calendar, 120), ==, 4);

  at_chart_calendar_draw (calendar, cr, 900, 220, style);
  cairo_destroy (cr);
  cairo_surface_flush (canvas.surface);

  for (guint week = 0; week < AT_CHART_CALENDAR_WEEKS; week++)
    for (guint weekday = 0; weekday < 7; weekday++)
      {
        cairo_rectangle_t cell;
        int x, y;

        if (!at_chart_calendar_get_cell (calendar, 900, 220, week, weekday, &cell))
          continue;
        shown++;
        x = (int) (cell.x + cell.width / 2);
        y = (int) (cell.y + cell.height / 2);
        g_assert_cmpfloat (cell.width, >=, 8);
        if (!pixel_is (&canvas, x, y, &style->empty_cell, 6))
          filled++;
        if (pixel_is (&canvas, x, y, &full, 6))
          full_cells++;
      }

  g_assert_cmpuint (shown, ==, 53 * 7);
  g_assert_cmpuint (filled, ==, G_N_ELEMENTS (days));
  g_assert_cmpuint (full_cells, ==, 2);  /* 31 March (120) and 30 June (100) */
  cairo_surface_destroy (canvas.surface);

  description = at_chart_calendar_describe (calendar);
  g_assert_cmpstr (description, ==, "Activity from 26 Jun 2023 to 30 Jun 2024: 10 active days, "
                                    "the most on 31 Mar 2024 (120).");
}

/* (j) Light and dark */

static void
test_styles_differ (void)
{
  g_autoptr(AtChart) chart = at_chart_new ();
  g_autoptr(AtChartSeries) series = at_chart_series_new (AT_CHART_SERIES_BAR, "Volume", "kg");
  const AtChartStyle *light = at_chart_style_get_light ();
  const AtChartStyle *dark = at_chart_style_get_dark ();
  Canvas a, b;
  int rgb_a[3], rgb_b[3];

  for (int i = 0; i < 12; i++)
    at_chart_series_add_point (series, utc (2024, 1, 1, 0) + i * 7 * DAY, 1000 + 100 * i, 0);
  at_chart_add_series (chart, series);
  a = draw_chart (chart, 400, 200, light);
  b = draw_chart (chart, 400, 200, dark);

  g_assert_true (pixel_is (&a, 2, 2, &light->background, 0));
  g_assert_true (pixel_is (&b, 2, 2, &dark->background, 0));
  pixel_at (&a, 2, 2, rgb_a);
  pixel_at (&b, 2, 2, rgb_b);
  /* Far apart: light is light, dark is dark. */
  g_assert_cmpint (rgb_a[0] + rgb_a[1] + rgb_a[2], >, 600);
  g_assert_cmpint (rgb_b[0] + rgb_b[1] + rgb_b[2], <, 150);
  g_assert_false (at_chart_style_series_color (light, 0).red == at_chart_style_series_color (dark, 0).red);
  /* Series differ in marker, not only hue. */
  g_assert_cmpint (at_chart_style_series_marker (0), !=, at_chart_style_series_marker (1));

  cairo_surface_destroy (a.surface);
  cairo_surface_destroy (b.surface);
}

static void
test_no_leak (void)
{
  AtChart *chart = at_chart_new ();
  AtChartSeries *series = at_chart_series_new (AT_CHART_SERIES_LINE, "Squat", "kg");
  Canvas canvas;

  at_chart_series_add_point (series, utc (2024, 1, 1, 0), 100, 1);
  at_chart_add_series (chart, series);
  canvas = draw_chart (chart, 300, 200, at_chart_style_get_light ());
  cairo_surface_destroy (canvas.surface);
  g_assert_finalize_object (chart);
  g_assert_finalize_object (series);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/axis/time-ticks", test_time_ticks);
  g_test_add_func ("/chart/axis/value-ticks", test_value_ticks);
  g_test_add_func ("/chart/draw/extremes", test_draw_extremes);
  g_test_add_func ("/chart/draw/dense-spike", test_draw_dense_spike);
  g_test_add_func ("/chart/reduce/spike", test_reduce_spike);
  g_test_add_func ("/chart/draw/empty", test_empty_state);
  g_test_add_func ("/chart/describe", test_describe);
  g_test_add_func ("/chart/export", test_export);
  g_test_add_func ("/chart/hit-test", test_hit_test);
  g_test_add_func ("/chart/hit-test/grouped", test_hit_test_grouped);
  g_test_add_func ("/chart/highlight", test_highlight);
  g_test_add_func ("/chart/draw/grouped-bars", test_grouped_bars);
  g_test_add_func ("/chart/window", test_window);
  g_test_add_func ("/chart/series/change", test_change);
  g_test_add_func ("/chart/calendar/cells", test_calendar_cells);
  g_test_add_func ("/chart/style/light-dark", test_styles_differ);
  g_test_add_func ("/chart/no-leak", test_no_leak);

  return g_test_run ();
}
