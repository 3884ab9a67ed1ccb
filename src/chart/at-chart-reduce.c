/* at-chart-reduce.c: Largest-Triangle-Three-Buckets (Steinarsson 2013)
 * and min/max per bucket. */

#define G_LOG_DOMAIN "at-chart"

#include "config.h"

#include <math.h>

#include "at-chart-reduce.h"

static GArray *
copy_points (const AtChartPoint *points,
             guint               n_points)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (AtChartPoint), n_points);

  g_array_append_vals (out, points, n_points);
  return out;
}

static void
find_extremes (const AtChartPoint *points,
               guint               n_points,
               guint              *lowest,
               guint              *highest)
{
  *lowest = *highest = 0;
  for (guint i = 1; i < n_points; i++)
    {
      if (points[i].y < points[*lowest].y)
        *lowest = i;
      if (points[i].y > points[*highest].y)
        *highest = i;
    }
}

/* The indices LTTB keeps: the first, the last, and in each of @n_buckets
 * buckets between them the point making the largest triangle with the
 * point kept before it and the mean of the next bucket. */
static void
lttb_indices (const AtChartPoint *points,
              guint               n_points,
              guint               n_buckets,
              GArray             *kept)
{
  double size = (double) (n_points - 2) / n_buckets;
  guint a = 0;

  g_array_append_val (kept, a);
  for (guint b = 0; b < n_buckets; b++)
    {
      guint start = 1 + (guint) floor (b * size);
      guint end = MIN (1 + (guint) floor ((b + 1) * size), n_points - 1);
      guint next_start = end;
      guint next_end = MIN (1 + (guint) floor ((b + 2) * size), n_points);
      double mean_x = 0, mean_y = 0, best_area = -1;
      guint best = start;

      for (guint i = next_start; i < next_end; i++)
        mean_x += points[i].x, mean_y += points[i].y;
      mean_x /= MAX (next_end - next_start, 1);
      mean_y /= MAX (next_end - next_start, 1);
      if (next_end <= next_start)
        mean_x = points[n_points - 1].x, mean_y = points[n_points - 1].y;

      for (guint i = start; i < end; i++)
        {
          double area = fabs ((points[a].x - mean_x) * (points[i].y - points[a].y)
                              - (points[a].x - points[i].x) * (mean_y - points[a].y));

          if (area > best_area)
            best_area = area, best = i;
        }
      if (end > start)
        {
          g_array_append_val (kept, best);
          a = best;
        }
    }
  a = n_points - 1;
  g_array_append_val (kept, a);
}

/* Adds @index to the sorted @kept unless it is there. */
static void
keep_index (GArray *kept,
            guint   index)
{
  guint at = 0;

  while (at < kept->len && g_array_index (kept, guint, at) < index)
    at++;
  if (at == kept->len || g_array_index (kept, guint, at) != index)
    g_array_insert_val (kept, at, index);
}

/**
 * at_chart_reduce_lttb:
 * @points: (array length=n_points): points in time order
 * @max_points: at most this many points out, at least 4
 *
 * Reduces a series by Largest-Triangle-Three-Buckets, which keeps its
 * shape; the lowest and highest points are always among the kept ones.
 *
 * Returns: (transfer full) (element-type AtChartPoint): the kept points, in
 * order; a copy of all of them when there are no more than @max_points
 */
GArray *
at_chart_reduce_lttb (const AtChartPoint *points,
                      guint               n_points,
                      guint               max_points)
{
  g_autoptr(GArray) kept = NULL;
  GArray *out;
  guint lowest, highest;

  g_return_val_if_fail (points != NULL || n_points == 0, NULL);

  max_points = MAX (max_points, 4);
  if (n_points <= max_points)
    return copy_points (points, n_points);

  /* Two places are saved for the extremes. */
  kept = g_array_sized_new (FALSE, FALSE, sizeof (guint), max_points);
  lttb_indices (points, n_points, max_points - 4, kept);
  find_extremes (points, n_points, &lowest, &highest);
  keep_index (kept, lowest);
  keep_index (kept, highest);

  out = g_array_sized_new (FALSE, FALSE, sizeof (AtChartPoint), kept->len);
  for (guint i = 0; i < kept->len; i++)
    g_array_append_val (out, points[g_array_index (kept, guint, i)]);
  return out;
}

/**
 * at_chart_reduce_min_max:
 * @points: (array length=n_points): points in time order
 * @max_points: at most this many points out, at least 4
 *
 * Splits the time range into @max_points / 2 equal buckets (one per pixel
 * column when @max_points is twice the width) and keeps each bucket's
 * lowest and highest point, in time order: a line through them covers the
 * same pixels as the full series.
 *
 * Returns: (transfer full) (element-type AtChartPoint): the kept points
 */
GArray *
at_chart_reduce_min_max (const AtChartPoint *points,
                         guint               n_points,
                         guint               max_points)
{
  GArray *out;
  guint n_buckets;
  double x0, span;
  guint i = 0;

  g_return_val_if_fail (points != NULL || n_points == 0, NULL);

  max_points = MAX (max_points, 4);
  if (n_points <= max_points)
    return copy_points (points, n_points);

  n_buckets = max_points / 2;
  x0 = points[0].x;
  span = MAX (points[n_points - 1].x - x0, 1e-9);
  out = g_array_sized_new (FALSE, FALSE, sizeof (AtChartPoint), max_points);
  while (i < n_points)
    {
      guint bucket = MIN ((guint) ((points[i].x - x0) / span * n_buckets), n_buckets - 1);
      guint lowest = i, highest = i, j = i;

      while (j < n_points && MIN ((guint) ((points[j].x - x0) / span * n_buckets), n_buckets - 1) == bucket)
        {
          if (points[j].y < points[lowest].y)
            lowest = j;
          if (points[j].y > points[highest].y)
            highest = j;
          j++;
        }
      g_array_append_val (out, points[MIN (lowest, highest)]);
      if (lowest != highest)
        g_array_append_val (out, points[MAX (lowest, highest)]);
      i = j;
    }
  return out;
}
