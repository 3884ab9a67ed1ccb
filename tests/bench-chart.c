/* bench-chart.c: one frame of ten years of daily values (3650 points,
 * reduced to the pixel width, with a 30-day trend and a goal line) drawn
 * at 1200 × 600 into an image surface, 50 times; prints p50 and p95. */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "at-chart.h"

#define RUNS 50

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtChart) chart = at_chart_new ();
  g_autoptr(AtChartSeries) series = at_chart_series_new (AT_CHART_SERIES_LINE, "Squat", "kg");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 600);
  double times[RUNS];
  const double start = 1420070400;  /* 1 Jan 2015 */

  for (int i = 0; i < 3650; i++)
    at_chart_series_add_point (series, start + i * 86400.0,
                               100 + 30 * (1 - exp (-i / 900.0)) + 4 * sin (i * 1.7) + (i == 2000 ? 40 : 0),
                               i + 1);
  at_chart_series_set_trend_days (series, 30);
  at_chart_set_title (chart, "Estimated 1RM of Squat");
  at_chart_add_series (chart, series);
  at_chart_add_goal (chart, 150, NULL);

  for (int run = -3; run < RUNS; run++)  /* three warm-up frames */
    {
      cairo_t *cr = cairo_create (surface);
      gint64 begin = g_get_monotonic_time ();

      at_chart_draw (chart, cr, 1200, 600, at_chart_style_get_light ());
      cairo_surface_flush (surface);
      if (run >= 0)
        times[run] = (g_get_monotonic_time () - begin) / 1000.0;
      cairo_destroy (cr);
    }

  qsort (times, RUNS, sizeof times[0], compare_doubles);
  g_print ("chart frame, 3650 points, 1200x600, %d runs: p50 %.2f ms, p95 %.2f ms (target <= 4 ms)\n",
           RUNS, times[RUNS / 2], times[(int) ceil (RUNS * 0.95) - 1]);
  cairo_surface_destroy (surface);
  return 0;
}
