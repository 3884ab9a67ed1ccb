/* at-sessions-page.c: AtSessionsPage, a profile's sessions, newest first and
 * grouped by day, filtered by activity type, days and words.
 *
 * The list is an AtSessionList: its count and first page are read on a
 * worker, further pages by keyset as the list scrolls. Any filter change
 * or store change loads a new one, cancelling the load before. */

#define G_LOG_DOMAIN "at-sessions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "at-save-template-dialog.h"
#include "at-session-filter-bar.h"
#include "at-session-row.h"
#include "at-sessions-bench.h"
#include "at-sessions-page.h"

struct _AtSessionsPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkButton          *delete_button;
  AtSessionFilterBar *filter_bar;
  GtkStack           *stack;
  GtkScrolledWindow  *scrolled_window;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  AdwStatusPage      *no_results_page;

  /* Owned */
  AtStore            *store;
  gint64              user_id;
  GCancellable       *cancellable;     /* the list's load under way */
  GCancellable       *activities_cancellable;
  AtSessionList      *sessions;
  GPtrArray          *activities;      /* AtActivityInfo by name */
  GHashTable         *activity_by_id;  /* activity_type id → AtActivityInfo */
  guint               reload_id;
  gboolean            keep_position;   /* the reload is for a change, not a filter */
  AtSessionsBench    *bench;           /* AT_BENCH=1 only */
};

G_DEFINE_FINAL_TYPE (AtSessionsPage, at_sessions_page, ADW_TYPE_BIN)

enum {
  ADD_TOAST,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void load_sessions (AtSessionsPage *self);

/* Hides the other children rather than only covering them, so that a screen
 * reader does not find their text (GTK 4.8 exposes unmapped stack pages). */
static void
show_child (AtSessionsPage *self,
            const char     *name)
{
  GtkWidget *page;

  g_assert (AT_IS_SESSIONS_PAGE (self));

  page = gtk_stack_get_child_by_name (self->stack, name);
  g_assert (page != NULL);

  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (self->stack, page);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (child != page)
        gtk_widget_set_visible (child, FALSE);
    }
}

static void
add_toast (AtSessionsPage *self,
           const char     *message)
{
  g_autoptr(AdwToast) toast = adw_toast_new (message);

  g_signal_emit (self, signals [ADD_TOAST], 0, toast);
}

static const char *
get_search_text (AtSessionsPage *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

static void
update_child (AtSessionsPage *self)
{
  gboolean searching = get_search_text (self)[0] != '\0';
  guint n_items;

  g_assert (AT_IS_SESSIONS_PAGE (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  searching ? _("Search Results") : _("Sessions"),
                                  -1);

  if (self->sessions == NULL)
    {
      show_child (self, self->store != NULL ? "loading" : "empty");
      return;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));
  if (n_items > 0)
    show_child (self, "sessions");
  else if (searching || at_session_filter_bar_is_filtering (self->filter_bar))
    {
      g_autofree char *description = NULL;

      if (searching)
        /* Translators: %s is what the user typed in the search entry */
        description = g_markup_printf_escaped (_("No session matches “%s”"), get_search_text (self));
      else
        description = g_strdup (_("No session matches these filters"));
      adw_status_page_set_description (self->no_results_page, description);
      show_child (self, "no-results");
    }
  else
    show_child (self, "empty");
}

static void
update_delete_button (AtSessionsPage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button),
                            gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
clear (AtSessionsPage *self)
{
  g_assert (AT_IS_SESSIONS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->activities_cancellable);
  g_clear_object (&self->activities_cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->sessions);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  self->user_id = 0;
}

static void
on_sessions_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AtSessionsPage) self = user_data;
  g_autoptr(AtSessionList) sessions = NULL;
  g_autoptr(GError) error = NULL;
  GtkAdjustment *adjustment;
  gboolean keep_position;
  double position;
  guint selected;

  sessions = at_session_list_new_finish (result, &error);
  if (sessions == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, error->message);
      return;
    }

  /* A session changed, was deleted or came back: the list stays where the
   * user was. */
  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  position = gtk_adjustment_get_value (adjustment);
  selected = gtk_single_selection_get_selected (self->selection);
  keep_position = self->keep_position && self->sessions != NULL;
  self->keep_position = FALSE;

  g_set_object (&self->sessions, sessions);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (sessions));
  if (keep_position)
    {
      gtk_adjustment_set_value (adjustment, position);
      /* After a delete, the next session is selected, for the next. */
      if (selected < g_list_model_get_n_items (G_LIST_MODEL (sessions)))
        gtk_single_selection_set_selected (self->selection, selected);
    }
  update_child (self);
  update_delete_button (self);
  if (self->bench != NULL)
    at_sessions_bench_list_shown (self->bench, sessions);
}

/* A new list for the filters as they are now, replacing the one shown
 * once it is read. */
static void
load_sessions (AtSessionsPage *self)
{
  AtSessionFilter filter = { 0 };
  const char *text;

  g_assert (AT_IS_SESSIONS_PAGE (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store == NULL)
    return;

  if (!at_session_filter_bar_read (self->filter_bar, &filter))
    return;

  text = get_search_text (self);
  filter.text = text[0] != '\0' ? text : NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  at_session_list_new_async (self->store, self->user_id, &filter, self->cancellable,
                             on_sessions_loaded_cb, g_object_ref (self));
}

static gboolean
reload_cb (gpointer user_data)
{
  AtSessionsPage *self = user_data;

  self->reload_id = 0;
  load_sessions (self);
  return G_SOURCE_REMOVE;
}

/* Several changes in a row make one load. */
static void
queue_reload (AtSessionsPage *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_cb, self);
}

typedef struct
{
  gint64     user_id;
  GPtrArray *activities;  /* AtActivityInfo by name */
} ActivitiesJob;

static void
activities_job_free (gpointer data)
{
  ActivitiesJob *job = data;

  g_clear_pointer (&job->activities, g_ptr_array_unref);
  g_free (job);
}

/* On a worker: the catalogue's activity types, with their icons. */
static gboolean
read_activities (AtStore       *store,
                 gpointer       job_data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  ActivitiesJob *job = job_data;

  job->activities = at_session_row_read_activities (store, job->user_id, error);
  return job->activities != NULL;
}

static void
on_activities_read_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AtSessionsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  ActivitiesJob *job;

  if (!at_store_run_finish (AT_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, error->message);
      return;
    }

  job = at_store_run_get_job_data (result);
  g_ptr_array_unref (self->activities);
  self->activities = g_steal_pointer (&job->activities);
  g_hash_table_remove_all (self->activity_by_id);

  for (guint i = 0; i < self->activities->len; i++)
    {
      AtActivityInfo *info = g_ptr_array_index (self->activities, i);

      g_hash_table_insert (self->activity_by_id, &info->id, info);
    }
  at_session_filter_bar_set_activities (self->filter_bar, self->activities);

  load_sessions (self);
}

static void
on_undo_clicked_cb (AtSessionsPage *self,
                    AdwToast       *toast)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "at-session-id"));

  g_assert (AT_IS_SESSIONS_PAGE (self));

  if (self->store == NULL)
    return;

  /* The store's change signal reloads the list. */
  if (!at_store_undelete (self->store, self->user_id, AT_TYPE_SESSION, id, &error))
    add_toast (self, error->message);
}

static void
delete_session (AtSessionsPage *self,
                gint64          id)
{
  g_autoptr(AtSession) session = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const char *name = NULL;

  g_assert (AT_IS_SESSIONS_PAGE (self));

  if (self->store == NULL)
    return;

  session = at_store_get (self->store, self->user_id, AT_TYPE_SESSION, id, NULL);
  if (session != NULL)
    name = at_session_get_session_name (session);
  if (name != NULL && name[0] != '\0')
    /* Translators: %s is a session's name */
    title = g_strdup_printf (_("“%s” deleted"), name);
  else
    title = g_strdup (_("Session deleted"));

  /* Soft: the row leaves the lists and totals, and Undo brings it back. The
   * store's change signal reloads the list. */
  if (!at_store_soft_delete (self->store, self->user_id, AT_TYPE_SESSION, id, &error))
    {
      add_toast (self, error->message);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "at-session-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_emit (self, signals [ADD_TOAST], 0, toast);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  delete_session (AT_SESSIONS_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
delete_selected (AtSessionsPage *self)
{
  AtSession *session = gtk_single_selection_get_selected_item (self->selection);

  if (session != NULL)
    delete_session (self, at_record_get_id (AT_RECORD (session)));
}

static gboolean
delete_selected_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  delete_selected (AT_SESSIONS_PAGE (widget));
  return TRUE;
}

static void
on_delete_clicked_cb (AtSessionsPage *self)
{
  delete_selected (self);
}

static void
on_template_toast_cb (AtSessionsPage *self,
                      AdwToast       *toast)
{
  g_signal_emit (self, signals [ADD_TOAST], 0, toast);
}

/* Asks for the template's name, then saves it. */
static void
save_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AtSessionsPage *self = AT_SESSIONS_PAGE (widget);
  GtkWidget *dialog;

  if (self->store == NULL)
    return;

  dialog = at_save_template_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                        self->user_id, g_variant_get_int64 (parameter));
  g_signal_connect_object (dialog, "add-toast", G_CALLBACK (on_template_toast_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_filter_changed_cb (AtSessionsPage *self)
{
  self->keep_position = FALSE;
  queue_reload (self);
}

static void
on_stop_search_cb (AtSessionsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_selected_changed_cb (AtSessionsPage *self)
{
  update_delete_button (self);
}

static void
on_row_activated_cb (AtSessionsPage *self,
                     guint           position,
                     GtkListView    *list_view)
{
  g_autoptr(AtSession) session = NULL;

  if (self->sessions == NULL)
    return;

  session = g_list_model_get_item (G_LIST_MODEL (self->sessions), position);
  if (session != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-session", "x",
                                at_record_get_id (AT_RECORD (session)));
}

static void
on_store_changed_cb (AtSessionsPage *self,
                     GType           type,
                     gint64          id,
                     AtStoreChange   change,
                     AtStore        *store)
{
  /* A session's children change its headline too. */
  if (type == AT_TYPE_SESSION || type == AT_TYPE_ACTIVITY_EXERCISE ||
      type == AT_TYPE_EXERCISE_SET || type == AT_TYPE_ACTIVITY_METRIC)
    {
      /* Unless a filter changed too. */
      self->keep_position = self->reload_id == 0 || self->keep_position;
      queue_reload (self);
    }
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 AtSessionsPage           *self)
{
  gtk_list_item_set_child (item, at_session_row_new ());
}

/* Whether the session at @position starts a day: the list is newest first,
 * so the item before is the same day or a later one. */
static gboolean
is_first_of_day (AtSessionsPage *self,
                 guint           position,
                 AtSession      *session)
{
  g_autoptr(AtSession) previous = NULL;

  if (position == 0)
    return TRUE;

  previous = g_list_model_get_item (G_LIST_MODEL (self->sessions), position - 1);
  return previous == NULL ||
         g_strcmp0 (at_session_get_local_date (previous), at_session_get_local_date (session)) != 0;
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                AtSessionsPage           *self)
{
  AtSessionRow *row = AT_SESSION_ROW (gtk_list_item_get_child (item));
  AtSession *session = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  AtSessionHeadline headline = { AT_HEADLINE_NONE, 0, NULL };
  AtActivityInfo *info = NULL;

  g_assert (AT_IS_SESSIONS_PAGE (self));

  if (session == NULL || self->sessions == NULL)
    return;

  info = g_hash_table_lookup (self->activity_by_id,
                              &(gint64) { at_record_get_int (AT_RECORD (session), "activity_type_id") });
  at_session_list_get_headline (self->sessions, position, &headline);

  at_session_row_show (row, session,
                       info != NULL ? info->name : NULL, info != NULL ? info->icon_name : NULL,
                       &headline, is_first_of_day (self, position, session));
}

static void
on_row_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  AtSessionsPage           *self)
{
  AtSessionRow *row = AT_SESSION_ROW (gtk_list_item_get_child (item));

  at_session_row_show (row, NULL, NULL, NULL, NULL, FALSE);
}

static void
at_sessions_page_dispose (GObject *object)
{
  AtSessionsPage *self = AT_SESSIONS_PAGE (object);

  if (self->selection != NULL)
    clear (self);
  g_clear_pointer (&self->bench, at_sessions_bench_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), AT_TYPE_SESSIONS_PAGE);

  G_OBJECT_CLASS (at_sessions_page_parent_class)->dispose (object);
}

static void
at_sessions_page_finalize (GObject *object)
{
  AtSessionsPage *self = AT_SESSIONS_PAGE (object);

  g_clear_pointer (&self->activity_by_id, g_hash_table_unref);
  g_clear_pointer (&self->activities, g_ptr_array_unref);

  G_OBJECT_CLASS (at_sessions_page_parent_class)->finalize (object);
}

static void
at_sessions_page_class_init (AtSessionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_sessions_page_dispose;
  object_class->finalize = at_sessions_page_finalize;

  /**
   * AtSessionsPage::add-toast:
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

  g_type_ensure (AT_TYPE_SESSION_FILTER_BAR);
  g_type_ensure (AT_TYPE_SESSION_ROW);

  /* The rows' menus: a session by its id. */
  gtk_widget_class_install_action (widget_class, "sessions.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "sessions.save-template", "x", save_template_action);
  /* Delete in the search entry deletes text: the entry takes it first. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, delete_selected_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, delete_selected_cb, NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/at-sessions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtSessionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtSessionsPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, AtSessionsPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, AtSessionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AtSessionsPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, AtSessionsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, AtSessionsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, AtSessionsPage, no_results_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_unbind_cb);
}

static void
at_sessions_page_init (AtSessionsPage *self)
{
  self->activities = g_ptr_array_new_with_free_func (at_activity_info_free);
  self->activity_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  gtk_widget_init_template (GTK_WIDGET (self));

  update_child (self);
  self->bench = at_sessions_bench_new (self->scrolled_window);
}

GtkWidget *
at_sessions_page_new (void)
{
  return g_object_new (AT_TYPE_SESSIONS_PAGE, NULL);
}

/**
 * at_sessions_page_load:
 * @store: (nullable): the profile database
 * @user_id: the profile whose sessions to show
 *
 * Shows @user_id's sessions from @store, or the empty page without @store.
 * They are read on a worker; a failure shows as a toast.
 */
void
at_sessions_page_load (AtSessionsPage *self,
                       AtStore        *store,
                       gint64          user_id)
{
  ActivitiesJob *job;

  g_return_if_fail (AT_IS_SESSIONS_PAGE (self));
  g_return_if_fail (store == NULL || AT_IS_STORE (store));

  clear (self);

  if (store == NULL || user_id == 0)
    {
      update_child (self);
      return;
    }

  self->store = g_object_ref (store);
  self->user_id = user_id;
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_child (self);

  job = g_new0 (ActivitiesJob, 1);
  job->user_id = user_id;
  self->activities_cancellable = g_cancellable_new ();
  at_store_run_async (store, read_activities, job, activities_job_free,
                      self->activities_cancellable, on_activities_read_cb, g_object_ref (self));
}

/**
 * at_sessions_page_focus_search:
 *
 * Moves the keyboard focus to the search entry, its text selected.
 */
void
at_sessions_page_focus_search (AtSessionsPage *self)
{
  g_return_if_fail (AT_IS_SESSIONS_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * at_sessions_page_reload:
 *
 * Reads the sessions again, after a write the store did not announce (one
 * made through another connection, such as the session editor's).
 */
void
at_sessions_page_reload (AtSessionsPage *self)
{
  g_return_if_fail (AT_IS_SESSIONS_PAGE (self));

  self->keep_position = TRUE;
  load_sessions (self);
}
