/* at-today-page.c: AtTodayPage, today's sessions, the current streak,
 * quick starts for the user's most frequent activities and templates, and
 * the all-time totals. Everything is read on a worker. */

#define G_LOG_DOMAIN "at-today-page"

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "at-session-row.h"
#include "at-streaks.h"
#include "at-today-page.h"

/* Quick starts: this many activities, done in the last QUICK_START_DAYS. */
#define N_QUICK_ACTIVITIES 3
#define QUICK_START_DAYS   365

struct _AtTodayPage
{
  AdwBin                parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *today_group;
  GtkLabel             *today_sessions_label;
  GtkLabel             *current_streak_label;
  GtkLabel             *longest_streak_label;
  GtkListBox           *sessions_list;
  AdwPreferencesGroup  *quick_start_group;
  GtkListBox           *quick_start_list;
  GtkLabel             *total_sessions_label;
  GtkLabel             *active_days_label;
  GtkLabel             *total_time_label;
  GtkLabel             *total_prs_label;

  /* Owned */
  AtStore              *store;
  gint64                user_id;
  GCancellable         *cancellable;
  guint                 reload_id;
};

G_DEFINE_FINAL_TYPE (AtTodayPage, at_today_page, ADW_TYPE_BIN)

enum {
  ADD_TOAST,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* One of today's sessions, as the worker found it. */
typedef struct
{
  gint64    id;
  char     *title;
  char     *subtitle;
  char     *headline;
  char     *icon_name;
  gboolean  is_record;
} TodaySession;

/* A button that starts the editor: a new session of a frequent activity
 * (win.new-session-of-type), or one from a template (win.repeat-session). */
typedef struct
{
  const char *action_name;
  gint64      target;       /* the activity type's id, or the template's */
  char   *title;
  char   *subtitle;
  char   *icon_name;
} QuickStart;

typedef struct
{
  gint64            user_id;

  /* Results */
  char              today[11];
  GArray           *sessions;     /* TodaySession */
  GArray           *quick_starts; /* QuickStart */
  AtStreakInfo      streak;
  AtUserStatistics  stats;
} LoadJob;

static void
today_session_clear (gpointer data)
{
  TodaySession *session = data;

  g_free (session->title);
  g_free (session->subtitle);
  g_free (session->headline);
  g_free (session->icon_name);
}

static void
quick_start_clear (gpointer data)
{
  QuickStart *start = data;

  g_free (start->title);
  g_free (start->subtitle);
  g_free (start->icon_name);
}

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_clear_pointer (&job->sessions, g_array_unref);
  g_clear_pointer (&job->quick_starts, g_array_unref);
  g_free (job);
}

static AtActivityInfo *
find_activity (GPtrArray *activities,
               gint64     id)
{
  for (guint i = 0; i < activities->len; i++)
    {
      AtActivityInfo *info = g_ptr_array_index (activities, i);

      if (info->id == id)
        return info;
    }
  return NULL;
}

/* Today's sessions, oldest first, as their rows will say them. */
static gboolean
read_today_sessions (AtStore    *store,
                     LoadJob    *job,
                     GPtrArray  *activities,
                     GError    **error)
{
  AtSessionFilter filter = { .from_date = job->today, .to_date = job->today };
  g_autoptr(AtSessionList) list = NULL;
  guint n_items;

  list = at_session_list_new (store, job->user_id, &filter, error);
  if (list == NULL)
    return FALSE;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = n_items; i > 0; i--)
    {
      g_autoptr(AtSession) session = g_list_model_get_item (G_LIST_MODEL (list), i - 1);
      AtActivityInfo *info;
      AtSessionHeadline headline;
      TodaySession row = { 0 };
      g_autoptr(GDateTime) start = NULL;
      g_autofree char *time = NULL;
      g_autoptr(GString) subtitle = NULL;
      const char *name;

      if (session == NULL || !at_session_list_get_headline (list, i - 1, &headline))
        continue;

      info = find_activity (activities, at_record_get_int (AT_RECORD (session), "activity_type_id"));
      name = at_session_get_session_name (session);
      start = g_date_time_new_from_unix_utc (at_session_get_started_at (session) +
                                             at_record_get_int (AT_RECORD (session),
                                                                "utc_offset_seconds"));
      time = g_date_time_format (start, "%H:%M");

      row.id = at_record_get_id (AT_RECORD (session));
      row.title = g_strdup (name != NULL && name[0] != '\0' ? name
                            : info != NULL ? info->name : _("Untitled session"));
      /* "Running · 07:30 · 45 min", as in the sessions list */
      subtitle = g_string_new (info != NULL ? info->name : NULL);
      g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", time);
      if (!at_record_is_null (AT_RECORD (session), "duration_minutes"))
        {
          g_autofree char *duration = at_session_row_format_duration (at_session_get_duration_minutes (session));

          g_string_append_printf (subtitle, " · %s", duration);
        }
      row.subtitle = g_string_free (g_steal_pointer (&subtitle), FALSE);
      row.headline = at_session_row_format_headline (&headline);
      row.icon_name = g_strdup (info != NULL ? info->icon_name : NULL);
      row.is_record = at_record_get_boolean (AT_RECORD (session), "is_personal_record");
      g_array_append_val (job->sessions, row);
    }

  if (at_session_list_get_error (list) != NULL)
    {
      g_propagate_error (error, g_error_copy (at_session_list_get_error (list)));
      return FALSE;
    }
  return TRUE;
}

static int
compare_most_sessions (gconstpointer a,
                       gconstpointer b)
{
  const AtTypeTotal *total_a = a, *total_b = b;

  if (total_a->sessions != total_b->sessions)
    return total_a->sessions < total_b->sessions ? 1 : -1;
  return g_strcmp0 (total_a->name, total_b->name);
}

/* The most frequent activities, each starting a new session of its own. */
static gboolean
read_frequent_activities (AtStore    *store,
                          LoadJob    *job,
                          GPtrArray  *activities,
                          GError    **error)
{
  g_autoptr(GArray) totals = at_store_get_type_totals (store, job->user_id, QUICK_START_DAYS, error);

  if (totals == NULL)
    return FALSE;

  g_array_sort (totals, compare_most_sessions);
  for (guint i = 0; i < totals->len && i < N_QUICK_ACTIVITIES; i++)
    {
      AtTypeTotal *total = &g_array_index (totals, AtTypeTotal, i);
      AtActivityInfo *info = find_activity (activities, total->activity_type_id);
      QuickStart start = { 0 };

      start.action_name = "win.new-session-of-type";
      start.target = total->activity_type_id;
      start.title = g_strdup (total->name);
      /* Translators: the subtitle of an activity's quick start */
      start.subtitle = g_strdup_printf (ngettext ("%" PRId64 " session in the last year",
                                                  "%" PRId64 " sessions in the last year",
                                                  (gulong) total->sessions),
                                        total->sessions);
      start.icon_name = g_strdup (info != NULL ? info->icon_name : NULL);
      g_array_append_val (job->quick_starts, start);
    }

  return TRUE;
}

static gboolean
read_templates (AtStore    *store,
                LoadJob    *job,
                GPtrArray  *activities,
                GError    **error)
{
  g_autoptr(GListModel) templates = at_store_list_templates (store, job->user_id, error);
  guint n_items;

  if (templates == NULL)
    return FALSE;

  n_items = g_list_model_get_n_items (templates);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AtRecord) template = g_list_model_get_item (templates, i);
      AtActivityInfo *info = find_activity (activities, at_record_get_int (template, "activity_type_id"));
      QuickStart start = { 0 };

      start.action_name = "win.repeat-session";
      start.target = at_record_get_id (template);
      start.title = g_strdup (at_record_get_string (template, "template_name"));
      if (info != NULL)
        /* Translators: the subtitle of a template's quick start; %s is its activity */
        start.subtitle = g_strdup_printf (_("Template · %s"), info->name);
      else
        start.subtitle = g_strdup (_("Template"));
      start.icon_name = g_strdup (info != NULL ? info->icon_name : NULL);
      g_array_append_val (job->quick_starts, start);
    }

  return TRUE;
}

/* On a worker: everything the page shows. */
static gboolean
load (AtStore       *store,
      gpointer       job_data,
      GCancellable  *cancellable,
      GError       **error)
{
  LoadJob *job = job_data;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GArray) streaks = NULL;

  _at_streaks_format_day (_at_streaks_get_today (store, job->user_id), job->today);

  activities = at_session_row_read_activities (store, job->user_id, error);
  if (activities == NULL ||
      !read_today_sessions (store, job, activities, error) ||
      !read_frequent_activities (store, job, activities, error) ||
      !read_templates (store, job, activities, error))
    return FALSE;

  streaks = at_store_get_streaks (store, job->user_id, error);
  if (streaks == NULL)
    return FALSE;
  if (streaks->len > 0 && g_array_index (streaks, AtStreakInfo, 0).activity_type_id == 0)
    job->streak = g_array_index (streaks, AtStreakInfo, 0);

  return at_store_get_statistics (store, job->user_id, &job->stats, error);
}

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

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
new_icon (const char *icon_name)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name != NULL ? icon_name
                                                                    : "emoji-activities-symbolic");

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  return icon;
}

static void
on_session_row_activated_cb (AdwActionRow *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "at-session-id"));

  /* The window's action, which opens the session in the editor. */
  gtk_widget_activate_action (GTK_WIDGET (row), "win.edit-session", "x", id);
}

static GtkWidget *
new_session_row (const TodaySession *session)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *headline = gtk_label_new (session->headline);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), session->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), session->subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), new_icon (session->icon_name));
  if (session->is_record)
    {
      GtkWidget *badge = gtk_label_new (_("PR"));

      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (badge, _("Personal Record"));
      gtk_widget_add_css_class (badge, "pr-badge");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }
  gtk_widget_add_css_class (headline, "heading");
  gtk_widget_add_css_class (headline, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), headline);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "at-session-id", GSIZE_TO_POINTER ((gsize) session->id));
  g_signal_connect (row, "activated", G_CALLBACK (on_session_row_activated_cb), NULL);

  return row;
}

static GtkWidget *
new_quick_start_row (const QuickStart *start)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Start"));
  g_autofree char *label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), start->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), start->subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), new_icon (start->icon_name));

  /* Translators: the accessible name of a quick-start button; %s is an
   * activity or a template */
  label = g_strdup_printf (_("Start %s"), start->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), start->action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", start->target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  /* Not the row's activatable widget, which would add the row's title to
   * the button's accessible name. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (gtk_widget_activate), button,
                           G_CONNECT_SWAPPED);
  return row;
}

static void
show_sessions (AtTodayPage *self,
               GArray      *sessions)
{
  remove_rows (self->sessions_list);
  for (guint i = 0; i < sessions->len; i++)
    gtk_list_box_append (self->sessions_list,
                         new_session_row (&g_array_index (sessions, TodaySession, i)));

  if (sessions->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing logged yet today"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->sessions_list, row);
    }
}

static void
show_quick_starts (AtTodayPage *self,
                   GArray      *quick_starts)
{
  remove_rows (self->quick_start_list);
  for (guint i = 0; i < quick_starts->len; i++)
    gtk_list_box_append (self->quick_start_list,
                         new_quick_start_row (&g_array_index (quick_starts, QuickStart, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->quick_start_group), quick_starts->len > 0);
}

static void
show_totals (AtTodayPage            *self,
             const AtUserStatistics *stats)
{
  set_count (self->total_sessions_label, stats->total_sessions);
  set_days (self->active_days_label, stats->total_days_active);
  set_count (self->total_prs_label, stats->total_prs);
  if (stats->total_minutes < 0)
    gtk_label_set_text (self->total_time_label, "—");
  else
    {
      /* Translators: the time spent on all sessions, hours and minutes */
      g_autofree char *text = g_strdup_printf (_("%" PRId64 " h %02d min"),
                                               stats->total_minutes / 60,
                                               (int) (stats->total_minutes % 60));

      gtk_label_set_text (self->total_time_label, text);
    }
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AtTodayPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *title = NULL;
  LoadJob *job;
  int year, month, day;

  if (!at_store_run_finish (AT_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, error->message);
      return;
    }

  job = at_store_run_get_job_data (result);
  if (sscanf (job->today, "%d-%d-%d", &year, &month, &day) == 3)
    today = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (today != NULL)
    {
      /* Translators: the Today page's heading, see the GDateTime format docs */
      title = g_date_time_format (today, _("%A, %-d %B"));
      adw_preferences_group_set_title (self->today_group, title);
    }

  set_count (self->today_sessions_label, job->sessions->len);
  set_days (self->current_streak_label, job->streak.current_days);
  set_days (self->longest_streak_label, job->streak.longest_days);
  show_sessions (self, job->sessions);
  show_quick_starts (self, job->quick_starts);
  show_totals (self, &job->stats);
}

/* Only while shown: showing the page reads it again. */
static void
reload (AtTodayPage *self)
{
  LoadJob *job;

  g_assert (AT_IS_TODAY_PAGE (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL || self->user_id == 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  job = g_new0 (LoadJob, 1);
  job->user_id = self->user_id;
  job->sessions = g_array_new (FALSE, TRUE, sizeof (TodaySession));
  g_array_set_clear_func (job->sessions, today_session_clear);
  job->quick_starts = g_array_new (FALSE, TRUE, sizeof (QuickStart));
  g_array_set_clear_func (job->quick_starts, quick_start_clear);

  self->cancellable = g_cancellable_new ();
  at_store_run_async (self->store, load, job, load_job_free, self->cancellable,
                      on_loaded_cb, g_object_ref (self));
}

static gboolean
reload_cb (gpointer user_data)
{
  AtTodayPage *self = user_data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (AtTodayPage   *self,
                     GType          type,
                     gint64         id,
                     AtStoreChange  change,
                     AtStore       *store)
{
  /* Several changes in a row make one load. */
  if ((type == AT_TYPE_SESSION || type == AT_TYPE_USER) && self->reload_id == 0)
    self->reload_id = g_idle_add (reload_cb, self);
}

/* Templates saved and sessions changed elsewhere show when the page does. */
static void
at_today_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (at_today_page_parent_class)->map (widget);

  reload (AT_TODAY_PAGE (widget));
}

static void
at_today_page_dispose (GObject *object)
{
  AtTodayPage *self = AT_TODAY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
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
  widget_class->map = at_today_page_map;

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
  gtk_widget_class_bind_template_child (widget_class, AtTodayPage, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, AtTodayPage, quick_start_group);
  gtk_widget_class_bind_template_child (widget_class, AtTodayPage, quick_start_list);
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
