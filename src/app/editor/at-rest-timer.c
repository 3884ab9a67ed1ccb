/* at-rest-timer.c: AtRestTimer, the session editor's bar that counts down
 * the rest after a set, with +30 s and Skip, and notifies when it is over. */

#define G_LOG_DOMAIN "at-rest-timer"

#include "config.h"

#include <glib/gi18n.h>

#include "at-rest-timer.h"

#define REST_MORE_SECONDS 30

struct _AtRestTimer
{
  AdwBin        parent_instance;

  /* Template widgets */
  GtkRevealer  *revealer;
  GtkLabel     *label;

  /* Owned */
  GSettings    *settings;
  char         *exercise;   /* of the set before the rest */
  gint64        ends_at;    /* monotonic µs */
  guint         source;
};

G_DEFINE_FINAL_TYPE (AtRestTimer, at_rest_timer, ADW_TYPE_BIN)

static void
send_notification (AtRestTimer *self)
{
  g_autoptr(GNotification) notification = g_notification_new (_("Rest over"));
  g_autofree char *body = NULL;
  GApplication *application = g_application_get_default ();

  /* Translators: %s is an exercise, such as "Squat" */
  body = g_strdup_printf (_("Time for the next set of %s"), self->exercise);
  g_notification_set_body (notification, body);
  if (application != NULL)
    g_application_send_notification (application, "rest-timer", notification);
}

static gboolean
on_tick_cb (gpointer user_data)
{
  AtRestTimer *self = user_data;
  gint64 left = (self->ends_at - g_get_monotonic_time () + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
  g_autofree char *text = NULL;

  if (left <= 0)
    {
      self->source = 0;
      gtk_label_set_text (self->label, _("Rest over"));
      at_rest_timer_stop (self);
      send_notification (self);
      return G_SOURCE_REMOVE;
    }

  /* Translators: the rest timer's countdown, "Rest 1:30" */
  text = g_strdup_printf (_("Rest %d:%02d"), (int) (left / 60), (int) (left % 60));
  gtk_label_set_text (self->label, text);
  return G_SOURCE_CONTINUE;
}

static void
on_more_clicked_cb (AtRestTimer *self)
{
  if (self->source == 0)
    return;
  self->ends_at += REST_MORE_SECONDS * G_USEC_PER_SEC;
  on_tick_cb (self);
}

static void
on_skip_clicked_cb (AtRestTimer *self)
{
  at_rest_timer_stop (self);
}

static void
at_rest_timer_dispose (GObject *object)
{
  AtRestTimer *self = AT_REST_TIMER (object);

  g_clear_handle_id (&self->source, g_source_remove);
  g_clear_object (&self->settings);

  /* The bin's child is a template child: the bin lets go of it first, or
   * it would unparent it again after the template has. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AT_TYPE_REST_TIMER);

  G_OBJECT_CLASS (at_rest_timer_parent_class)->dispose (object);
}

static void
at_rest_timer_finalize (GObject *object)
{
  AtRestTimer *self = AT_REST_TIMER (object);

  g_free (self->exercise);

  G_OBJECT_CLASS (at_rest_timer_parent_class)->finalize (object);
}

static void
at_rest_timer_class_init (AtRestTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_rest_timer_dispose;
  object_class->finalize = at_rest_timer_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/at-rest-timer.ui");
  gtk_widget_class_bind_template_child (widget_class, AtRestTimer, revealer);
  gtk_widget_class_bind_template_child (widget_class, AtRestTimer, label);
  gtk_widget_class_bind_template_callback (widget_class, on_more_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_skip_clicked_cb);
}

static void
at_rest_timer_init (AtRestTimer *self)
{
  self->settings = g_settings_new (APP_ID);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * at_rest_timer_start:
 * @exercise: the exercise of the set just done, for the notification
 *
 * Counts down the rest the preferences set (none for 0), from the start.
 */
void
at_rest_timer_start (AtRestTimer *self,
                     const char  *exercise)
{
  gint64 seconds;

  g_return_if_fail (AT_IS_REST_TIMER (self));

  g_free (self->exercise);
  self->exercise = g_strdup (exercise);
  g_clear_handle_id (&self->source, g_source_remove);
  seconds = g_settings_get_int (self->settings, "default-rest-seconds");
  if (seconds <= 0)
    return;

  self->ends_at = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  gtk_widget_set_visible (GTK_WIDGET (self->revealer), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  on_tick_cb (self);
  self->source = g_timeout_add (250, on_tick_cb, self);
}

/**
 * at_rest_timer_stop:
 *
 * Stops the countdown. The bar goes at once, leaving no room behind (a
 * crossfade would keep it).
 */
void
at_rest_timer_stop (AtRestTimer *self)
{
  g_return_if_fail (AT_IS_REST_TIMER (self));

  g_clear_handle_id (&self->source, g_source_remove);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->revealer), FALSE);
}
