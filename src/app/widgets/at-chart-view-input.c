/* at-chart-view-input.c: how an AtChartView is moved: zoom and pan by
 * mouse (Ctrl+scroll, drag), touchpad (pinch, Ctrl+scroll, horizontal
 * scroll) and keys (+, −, Left, Right, Home); a keyboard point (Ctrl+Left,
 * Ctrl+Right) and clicks or Enter that open the point's session through
 * win.edit-session. */

#define G_LOG_DOMAIN "at-chart-view"

#include "config.h"

#include <math.h>

#include "at-chart-view-private.h"

/* Where a position falls across the plot, 0 at its left, 1 at its right. */
static double
plot_fraction (AtChartView *self,
               double       x)
{
  AtChartLayout layout;

  if (!_at_chart_view_get_layout (self, &layout))
    return 0.5;
  return CLAMP ((x - layout.plot.x) / layout.plot.width, 0, 1);
}

/* Opens a point's session in the window's editor. */
static void
open_session (AtChartView *self,
              gint64       session_id)
{
  if (session_id != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-session", "x", session_id);
}

/* Moves the keyboard's point, bringing it into view. */
static void
move_highlight (AtChartView *self,
                int          steps)
{
  AtChartWindow window;
  AtChartHit hit;
  double span, margin;

  if (self->chart == NULL || !at_chart_move_highlight (self->chart, steps) ||
      !at_chart_get_highlight (self->chart, &hit) ||
      !_at_chart_view_get_window (self, &window))
    {
      _at_chart_view_update_description (self);
      return;
    }

  span = window.to - window.from;
  margin = span * 0.05;
  if (hit.time < window.from + margin || hit.time > window.to - margin)
    {
      window.from = hit.time < window.from + margin ? hit.time - margin : hit.time + margin - span;
      window.to = window.from + span;
      _at_chart_view_set_window (self, &window);
      return;
    }
  _at_chart_view_update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
on_motion_cb (GtkEventControllerMotion *motion,
              double                    x,
              double                    y,
              AtChartView              *self)
{
  self->pointer_x = x;
  /* Moving between points updates the tooltip. */
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self->area));
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      AtChartView     *self)
{
  AtChartHit hit;

  gtk_widget_grab_focus (GTK_WIDGET (self->area));
  if (self->chart == NULL)
    return;
  if (at_chart_hit_test (self->chart,
                         gtk_widget_get_width (GTK_WIDGET (self->area)),
                         gtk_widget_get_height (GTK_WIDGET (self->area)),
                         x, y, &hit))
    open_session (self, hit.session_id);
}

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  AtChartView    *self)
{
  if (!_at_chart_view_get_window (self, &self->gesture_start))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          dx,
                   double          dy,
                   AtChartView    *self)
{
  AtChartLayout layout;
  AtChartWindow window = self->gesture_start;

  /* A click that wobbles is still a click. */
  if (fabs (dx) < 4 || !_at_chart_view_get_layout (self, &layout))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  at_chart_window_pan (&window, -dx / layout.plot.width);
  _at_chart_view_set_window (self, &window);
}

static void
on_zoom_begin_cb (GtkGesture       *gesture,
                  GdkEventSequence *sequence,
                  AtChartView      *self)
{
  if (!_at_chart_view_get_window (self, &self->gesture_start))
    gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_DENIED);
}

/* A pinch spreads the fingers apart to zoom in, around their middle. */
static void
on_zoom_scale_changed_cb (GtkGestureZoom *gesture,
                          double          scale,
                          AtChartView    *self)
{
  AtChartWindow window = self->gesture_start;
  double x, y;

  if (scale <= 0)
    return;
  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = gtk_widget_get_width (GTK_WIDGET (self->area)) / 2.0;
  at_chart_window_zoom (&window, 1 / scale, plot_fraction (self, x));
  _at_chart_view_set_window (self, &window);
}

/* Ctrl with the wheel or two fingers zooms around the pointer; sideways
 * scrolling pans; the rest scrolls the page. */
static gboolean
on_scroll_cb (GtkEventControllerScroll *scroll,
              double                    dx,
              double                    dy,
              AtChartView              *self)
{
  GdkModifierType state;
  AtChartWindow window;
  AtChartLayout layout;
  gboolean wheel;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));
  wheel = gtk_event_controller_scroll_get_unit (scroll) == GDK_SCROLL_UNIT_WHEEL;

  if (state & GDK_CONTROL_MASK)
    {
      if (dy == 0)
        return FALSE;
      _at_chart_view_zoom_at (self, pow (wheel ? 1.25 : 1.01, dy),
                              plot_fraction (self, self->pointer_x));
      return TRUE;
    }

  if (dx == 0 || !_at_chart_view_get_window (self, &window) ||
      !_at_chart_view_get_layout (self, &layout))
    return FALSE;
  at_chart_window_pan (&window, wheel ? dx * 0.1 : dx / layout.plot.width);
  _at_chart_view_set_window (self, &window);
  return TRUE;
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *key,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   AtChartView           *self)
{
  gboolean control = (state & GDK_CONTROL_MASK) != 0;
  AtChartHit hit;

  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      at_chart_view_zoom (self, 0.8);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      at_chart_view_zoom (self, 1.25);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (control)
        move_highlight (self, -1);
      else
        at_chart_view_pan (self, -0.1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (control)
        move_highlight (self, 1);
      else
        at_chart_view_pan (self, 0.1);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      at_chart_view_set_range (self, AT_CHART_VIEW_RANGE_ALL);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      if (self->chart == NULL || !at_chart_get_highlight (self->chart, &hit) || hit.session_id == 0)
        return FALSE;
      open_session (self, hit.session_id);
      return TRUE;
    default:
      return FALSE;
    }
}

/* The pointer, touchpad and key controllers of the chart's drawing area. */
void
_at_chart_view_add_input_controllers (AtChartView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), controller);

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), controller);
}
