/* at-today-page.c: AtTodayPage, today's sessions and the current streak. */

#define G_LOG_DOMAIN "at-today-page"

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <glib/gi18n.h>

#include "at-streaks.h"
#include "at-today-page.h"

struct _AtTodayPage
{
  AdwBin                parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *today_group;
  GtkLabel             *today_sessions_label;
  GtkLabel             *current_streak_label;
  GtkLabel             *longest_streak_label;
  GtkLabel             *total_sessions_label;
  GtkLabel             *active_days_label;
  GtkLabel             *total_time_label;
  GtkLabel             *total_prs_label;

  /* Owned */
  AtStore              *store;
  gint64                user_id;
};

G_DEFINE_FINAL_TYPE (AtTodayPage, at_today_page, ADW_TYPE_BIN)

enum {
  ADD_TOAST,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
add_toast (AtTodayPage *self,
           const char  *message)
{
  g_autoptr(AdwToast) toast = adw_toast_new (message);

  g_signal_emit (self, signals [ADD_TOAST], 0, toast);
}

static void
set_count (GtkLabel *label,
           gint64    count)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  gtk_label_set_text (label, text);
}

static void
set_days (GtkLabel *label,
          gint64    days)
{
  /* Translators: a streak's length */
  g_autofree char *text = g_strdup_printf (ngettext ("%" PRId64 " day",
                                                     "%" PRId64 " days",
                                                     (gulong) days),
                                           days);

  gtk_label_set_text (label, text);
}

/* The user's day, in their timezone, as the sessions' local_date says it. */
static GDateTime *
get_today (AtTodayPage *self)
{
  g_autoptr(AtRecord) user = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) now_utc = NULL;

  user = at_store_get (self->store, self->user_id, AT_TYPE_USER, self->user_id, NULL);
  if (user != NULL && !at_record_is_null (user, "timezone"))
    zone = at_time_zone_lookup (at_record_get_string (user, "timezone"));
  if (zone == NULL)
    zone = g_time_zone_new_utc ();

  now_utc = g_date_time_new_from_unix_utc (at_store_get_now (self->store));
  return g_date_time_to_timezone (now_utc, zone);
}

/* Sessions come newest first: count from the top while they are today's. */
static gint64
count_today (AtTodayPage *self,
             const char  *today)
{
  g_autoptr(AtRecordList) sessions = at_record_list_new_sessions (self->store, self->user_id);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (sessions));
  gint64 count = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AtRecord) session = g_list_model_get_item (G_LIST_MODEL (sessions), i);
      const char *date = session != NULL ? at_record_get_string (session, "local_date") : NULL;
      int cmp;

      if (date == NULL)
        break;
      cmp = strcmp (date, today);
      if (cmp < 0)
        break;
      if (cmp == 0)
        count++;
    }

  return count;
}

static void
reload (AtTodayPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) streaks = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *today_title = NULL;
  AtUserStatistics stats = { 0 };
  gint64 current = 0, longest = 0;

  g_assert (AT_IS_TODAY_PAGE (self));

  if (self->store == NULL || self->user_id == 0)
    return;

  today = get_today (self);
  today_iso = g_date_time_format (today, "%Y-%m-%d");
  /* Translators: the Today page's heading, see the GDateTime format docs */
  today_title = g_date_time_format (today, _("%A, %-d %B"));
  adw_preferences_group_set_title (self->today_group, today_title);
  set_count (self->today_sessions_label, count_today (self, today_iso));

  streaks = at_store_get_streaks (self->store, self->user_id, &error);
  if (streaks == NULL)
    {
      add_toast (self, error->message);
      g_clear_error (&error);
    }
  else if (streaks->len > 0 && g_array_index (streaks, AtStreakInfo, 0).activity_type_id == 0)
    {
      current = g_array_index (streaks, AtStreakInfo, 0).current_days;
      longest = g_array_index (streaks, AtStreakInfo, 0).longest_days;
    }
  set_days (self->current_streak_label, current);
  set_days (self->longest_streak_label, longest);

  if (!at_store_get_statistics (self->store, self->user_id, &stats, &error))
    {
      add_toast (self, error->message);
      memset (&stats, 0, sizeof stats);
    }
  set_count (self->total_sessions_label, stats.total_sessions);
  set_days (self->active_days_label, stats.total_days_active);
  set_count (self->total_prs_label, stats.total_prs);
  if (stats.total_minutes < 0)
    gtk_label_set_text (self->total_time_label, "—");
  else
    {
      /* Translators: the time spent on all sessions, hours and minutes */
      g_autofree char *text = g_strdup_printf (_("%" PRId64 " h %02d min"),
                                               stats.total_minutes / 60,
                                               (int) (stats.total_minutes % 60));

      gtk_label_set_text (self->total_time_label, text);
    }
}

static void
on_store_changed_cb (AtTodayPage   *self,
                     GType          type,
                     gint64         id,
                     AtStoreChange  change,
                     AtStore       *store)
{
  if (type == AT_TYPE_SESSION || type == AT_TYPE_USER)
    reload (self);
}

static void
at_today_page_dispose (GObject *object)
{
  AtTodayPage *self = AT_TODAY_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), AT_TYPE_TODAY_PAGE);

  G_OBJECT_CLASS (at_today_page_parent_class)->dispose (object);
}

static void
at_today_page_class_init (AtTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_today_page_dispose;

  /**
   * AtTodayPage::add-toast:
   * @toast: what to tell
   *
   * Asks the window to show @toast.
   */
  signals [ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/at-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtTodayPage, today_group);
  gtk_widget_class_bind_template_child (widget_class, AtTodayPage, today_sessions_label);
  gtk_widget_class_bind_template_child (widget_class, AtTodayPage, current_streak_label);
  gtk_widget_class_bind_template_child (widget_class, AtTodayPage, longest_streak_label);
  gtk_widget_class_bind_template_child (widget_class, AtTodayPage, total_sessions_label);
  gtk_widget_class_bind_template_child (widget_class, AtTodayPage, active_days_label);
  gtk_widget_class_bind_template_child (widget_class, AtTodayPage, total_time_label);
  gtk_widget_class_bind_template_child (widget_class, AtTodayPage, total_prs_label);
}

static void
at_today_page_init (AtTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
at_today_page_new (void)
{
  return g_object_new (AT_TYPE_TODAY_PAGE, NULL);
}

/**
 * at_today_page_load:
 * @store: (nullable): the profile database
 * @user_id: the profile to show
 *
 * Shows @user_id's day and totals, and keeps them current.
 */
void
at_today_page_load (AtTodayPage *self,
                    AtStore     *store,
                    gint64       user_id)
{
  g_return_if_fail (AT_IS_TODAY_PAGE (self));
  g_return_if_fail (store == NULL || AT_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  self->user_id = user_id;

  if (store != NULL)
    g_signal_connect_object (store,
                             "changed",
                             G_CALLBACK (on_store_changed_cb),
                             self,
                             G_CONNECT_SWAPPED);

  reload (self);
}

/**
 * at_today_page_reload:
 *
 * Reads the day and totals again, after a write the store did not announce
 * (one made through another connection, such as the session editor's).
 */
void
at_today_page_reload (AtTodayPage *self)
{
  g_return_if_fail (AT_IS_TODAY_PAGE (self));

  reload (self);
}
