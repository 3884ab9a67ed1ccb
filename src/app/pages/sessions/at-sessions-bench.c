/* at-sessions-bench.c: the Sessions page's benchmark, on with AT_BENCH=1.
 *
 * It shows the Sessions page at once, and once the list has its rows,
 * prints the time from AT_BENCH_START_NS (the launch, as `date +%s%N`
 * gives it; the page's creation without it) to the end of the first frame
 * painted with them. Then it scrolls the list a page per frame from the
 * top to the bottom, prints the worst and the mean interval between frames
 * and how many rows the list holds in memory, and quits. tools/bench-app.sh
 * runs it on a database. */

#define G_LOG_DOMAIN "at-sessions-bench"

#include "config.h"

#include <stdlib.h>

#include "at-sessions-bench.h"

struct _AtSessionsBench
{
  GtkScrolledWindow *scrolled_window;
  AtSessionList     *sessions;
  gint64             start_us;       /* wall clock */
  guint              tick_id;
  gulong             after_paint_id;
  GdkFrameClock     *frame_clock;

  gint64             last_tick_us;   /* monotonic */
  GArray            *intervals_us;   /* gint64, one per frame */
  guint              n_still;
};

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
finish (AtSessionsBench *self)
{
  GArray *intervals = self->intervals_us;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->scrolled_window));
  gint64 total = 0;

  for (guint i = 0; i < intervals->len; i++)
    total += g_array_index (intervals, gint64, i);
  g_array_sort (intervals, compare_int64);
  if (intervals->len > 0)
    g_print ("bench: scroll-frames %u worst-frame-ms %.1f p95-frame-ms %.1f mean-frame-ms %.1f\n",
             intervals->len,
             g_array_index (intervals, gint64, intervals->len - 1) / 1000.0,
             g_array_index (intervals, gint64, intervals->len * 95 / 100) / 1000.0,
             total / 1000.0 / intervals->len);
  g_print ("bench: rows %u loaded %u\n",
           g_list_model_get_n_items (G_LIST_MODEL (self->sessions)),
           at_session_list_get_n_loaded (self->sessions));

  if (GTK_IS_WINDOW (root) && gtk_window_get_application (GTK_WINDOW (root)) != NULL)
    g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (root))));
}

/* A page down each frame until the bottom holds still. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  AtSessionsBench *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double value = gtk_adjustment_get_value (adjustment);
  double bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  gint64 now = g_get_monotonic_time ();

  if (self->last_tick_us != 0)
    {
      gint64 interval = now - self->last_tick_us;

      g_array_append_val (self->intervals_us, interval);
    }
  self->last_tick_us = now;

  if (value >= bottom)
    {
      /* The list estimates its height: the bottom is where it stays put. */
      if (++self->n_still >= 3)
        {
          self->tick_id = 0;
          finish (self);
          return G_SOURCE_REMOVE;
        }
    }
  else
    self->n_still = 0;

  gtk_adjustment_set_value (adjustment, MIN (value + gtk_adjustment_get_page_size (adjustment), bottom));
  return G_SOURCE_CONTINUE;
}

static void
on_after_paint_cb (GdkFrameClock   *frame_clock,
                   AtSessionsBench *self)
{
  g_print ("bench: first-frame-ms %.1f\n", (g_get_real_time () - self->start_us) / 1000.0);

  g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->scrolled_window),
                                                scroll_tick_cb, self, NULL);
}

/* The first frame with the rows ends with this frame's paint. */
static gboolean
first_tick_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  AtSessionsBench *self = user_data;

  self->tick_id = 0;
  self->frame_clock = g_object_ref (frame_clock);
  self->after_paint_id = g_signal_connect (frame_clock, "after-paint",
                                           G_CALLBACK (on_after_paint_cb), self);
  return G_SOURCE_REMOVE;
}

/**
 * at_sessions_bench_new:
 * @scrolled_window: the Sessions page's list, scrolled
 *
 * Returns: (transfer full) (nullable): a benchmark when AT_BENCH is 1
 */
AtSessionsBench *
at_sessions_bench_new (GtkScrolledWindow *scrolled_window)
{
  AtSessionsBench *self;
  const char *start = g_getenv ("AT_BENCH_START_NS");

  if (g_strcmp0 (g_getenv ("AT_BENCH"), "1") != 0)
    return NULL;

  self = g_new0 (AtSessionsBench, 1);
  self->intervals_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->scrolled_window = g_object_ref (scrolled_window);
  self->start_us = start != NULL ? g_ascii_strtoll (start, NULL, 10) / 1000 : g_get_real_time ();
  return self;
}

/**
 * at_sessions_bench_list_shown:
 * @sessions: the list the page now shows
 *
 * Starts measuring, the first time the page shows a list with rows.
 */
void
at_sessions_bench_list_shown (AtSessionsBench *self,
                              AtSessionList   *sessions)
{
  if (self->sessions != NULL || g_list_model_get_n_items (G_LIST_MODEL (sessions)) == 0)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self->scrolled_window), "app.show-page", "s", "sessions");
  self->sessions = g_object_ref (sessions);
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->scrolled_window),
                                                first_tick_cb, self, NULL);
}

void
at_sessions_bench_free (AtSessionsBench *self)
{
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->scrolled_window), self->tick_id);
  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  g_clear_object (&self->frame_clock);
  g_clear_object (&self->sessions);
  g_clear_object (&self->scrolled_window);
  g_array_unref (self->intervals_us);
  g_free (self);
}
