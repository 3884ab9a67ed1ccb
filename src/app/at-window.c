/* at-window.c: AtWindow, the main window of a profile database: a sidebar
 * of pages beside the page shown, folding to one at a time when narrow. */

#define G_LOG_DOMAIN "at-window"

#include "config.h"

#include <glib/gi18n.h>

#include "at-window.h"
#include "editor/at-session-editor.h"
#include "pages/achievements/at-achievements-page.h"
#include "pages/body/at-body-page.h"
#include "pages/goals/at-goals-page.h"
#include "pages/photos/at-photos-page.h"
#include "pages/programs/at-programs-page.h"
#include "pages/progress/at-progress-page.h"
#include "pages/sessions/at-sessions-page.h"
#include "pages/social/at-social-page.h"
#include "pages/today/at-today-page.h"
#include "pages/welcome/at-welcome-page.h"

struct _AtWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *content_box;
  GtkListBox           *sidebar_list;
  GtkStack             *pages;
  AdwWindowTitle       *page_title;
  AdwStatusPage        *error_page;
  GtkWidget            *loading_page;
  GtkSpinner           *loading_spinner;
  AtWelcomePage        *welcome_page;
  AtTodayPage          *today_page;
  AtProgressPage       *progress_page;
  AtBodyPage           *body_page;
  AtSessionsPage       *sessions_page;

  /* Owned */
  GSettings            *settings;
  AtStore              *store;
  char                 *path;
  gint64                user_id;
  AdwToast             *undo_toast;    /* the last toast with an Undo: Ctrl+Z */
  GCancellable         *opening;       /* while the file opens on a worker */
  guint                 loading_timeout_id;
};

/* Most files open faster than this: only a slow open shows that it is
 * under way, rather than a page that flashes past. */
#define SHOW_LOADING_AFTER_MS 400

G_DEFINE_FINAL_TYPE (AtWindow, at_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Hides the other children rather than only covering them, so that a screen
 * reader does not find their text (GTK 4.8 exposes unmapped stack pages). */
static void
show_stack_child (GtkStack  *stack,
                  GtkWidget *page)
{
  g_assert (GTK_IS_STACK (stack));
  g_assert (page != NULL);

  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (stack, page);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (child != page)
        gtk_widget_set_visible (child, FALSE);
    }
}

static void
show_view (AtWindow   *self,
           const char *name)
{
  g_assert (AT_IS_WINDOW (self));

  show_stack_child (self->main_stack, gtk_stack_get_child_by_name (self->main_stack, name));
}

static GtkListBoxRow *
find_sidebar_row (AtWindow   *self,
                  const char *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
        return GTK_LIST_BOX_ROW (row);
    }

  return NULL;
}

static gboolean
show_page (AtWindow   *self,
           const char *name)
{
  GtkWidget *page;
  GtkListBoxRow *row;

  g_assert (AT_IS_WINDOW (self));

  page = gtk_stack_get_child_by_name (self->pages, name);
  if (page == NULL)
    return FALSE;

  show_stack_child (self->pages, page);
  adw_window_title_set_title (self->page_title,
                              gtk_stack_page_get_title (gtk_stack_get_page (self->pages, page)));

  row = find_sidebar_row (self, name);
  if (row != NULL && gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);

  return TRUE;
}

static void
apply_formula (AtWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "one-rm-formula");
  AtOneRepMaxFormula formula;

  g_assert (AT_IS_WINDOW (self));

  if (self->store != NULL && at_one_rep_max_formula_parse (name, &formula))
    at_store_set_one_rep_max_formula (self->store, formula);
}

/* Hands the store and the profile (or none) to the pages that read it. */
static void
load_pages (AtWindow *self)
{
  AtStore *store = self->user_id != 0 ? self->store : NULL;

  at_sessions_page_load (self->sessions_page, store, self->user_id);
  at_today_page_load (self->today_page, store, self->user_id);
  at_progress_page_load (self->progress_page, store, self->user_id);
  at_body_page_load (self->body_page, store, self->user_id);
}

static void
load_profile (AtWindow *self)
{
  g_autoptr(GListModel) users = NULL;
  g_autoptr(AtRecord) user = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (AT_IS_WINDOW (self));

  self->user_id = 0;
  at_welcome_page_set_store (self->welcome_page, self->store);

  if (self->store == NULL)
    {
      load_pages (self);
      show_view (self, "welcome");
      return;
    }

  users = at_store_list_users (self->store, &error);
  if (users == NULL)
    {
      at_window_show_error (self, at_store_get_path (self->store), error);
      return;
    }

  /* Profiles come in a later issue: until then, the first user. */
  if (g_list_model_get_n_items (users) == 0)
    {
      load_pages (self);
      show_view (self, "welcome");
      return;
    }

  user = g_list_model_get_item (users, 0);
  self->user_id = at_record_get_id (user);
  load_pages (self);

  show_view (self, "main");
}

static void
on_store_changed_cb (AtWindow      *self,
                     GType          type,
                     gint64         id,
                     AtStoreChange  change,
                     AtStore       *store)
{
  g_assert (AT_IS_WINDOW (self));

  /* The first profile appears, or the one shown goes away. */
  if (type == AT_TYPE_USER && (self->user_id == 0 || change == AT_STORE_CHANGE_DELETE))
    load_profile (self);
}

static void
on_settings_changed_cb (AtWindow   *self,
                        const char *key,
                        GSettings  *settings)
{
  if (g_str_equal (key, "one-rm-formula"))
    apply_formula (self);
}

static void
on_sidebar_row_selected_cb (AtWindow      *self,
                            GtkListBoxRow *row,
                            GtkListBox    *list)
{
  if (row != NULL)
    show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_sidebar_row_activated_cb (AtWindow      *self,
                             GtkListBoxRow *row,
                             GtkListBox    *list)
{
  show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
on_back_clicked_cb (AtWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void remember_undo (AtWindow *self,
                           AdwToast *toast);

static void
on_add_toast_cb (AtWindow *self,
                 AdwToast *toast)
{
  remember_undo (self, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

static void
on_profile_created_cb (AtWindow *self,
                       gint64    user_id)
{
  /* The store's change signal has shown the profile already. */
  if (self->user_id == 0)
    load_profile (self);

  show_page (self, "today");
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Profile created")));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtWindow *self = AT_WINDOW (widget);

  if (self->user_id == 0)
    return;

  show_page (self, "sessions");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  at_sessions_page_focus_search (self->sessions_page);
}

static void
on_session_saved_cb (AtWindow *self,
                     gint64    session_id)
{
  g_assert (AT_IS_WINDOW (self));

  /* The editor saved through a connection of its own, whose writes this
   * window's store does not announce: reload what shows sessions. */
  at_sessions_page_reload (self->sessions_page);
  at_today_page_reload (self->today_page);
}

/* How an editor gets filled before it is shown: from a stored session, or
 * preset for a new one. NULL leaves it empty. */
typedef gboolean (*FillEditor) (AtSessionEditor  *editor,
                                gint64            id,
                                GError          **error);

/* Opens the editor over the window, filled by @fill with @parameter's id;
 * a failure to fill it is a toast, and no editor. */
static void
open_editor (AtWindow   *self,
             FillEditor  fill,
             GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;
  AtSessionEditor *editor;

  if (self->store == NULL || self->user_id == 0)
    return;

  editor = at_session_editor_new (GTK_WINDOW (self), self->store, self->user_id);
  if (fill != NULL && !fill (editor, g_variant_get_int64 (parameter), &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      gtk_window_destroy (GTK_WINDOW (editor));
      return;
    }
  g_signal_connect_object (editor, "add-toast", G_CALLBACK (on_add_toast_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_session_saved_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* win.new-session, and win.repeat-session: the same activity, exercises
 * and sets as a past session or a template, again. */
static void
new_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_editor (AT_WINDOW (widget), parameter != NULL ? at_session_editor_start_from : NULL,
               parameter);
}

/* win.new-session-of-type: a new session with its activity chosen. */
static void
new_session_of_type_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  open_editor (AT_WINDOW (widget), at_session_editor_set_activity, parameter);
}

/* win.edit-session: a stored session in the editor, to change and save. */
static void
edit_session_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_editor (AT_WINDOW (widget), at_session_editor_load, parameter);
}

/* Ctrl+Z does what the last toast's Undo does, even once the toast has
 * gone, and only once. In this app a toast's button is always its Undo. */
static void
forget_undo (AtWindow *self)
{
  if (self->undo_toast != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_toast, self);
  g_clear_object (&self->undo_toast);
}

static void
remember_undo (AtWindow *self,
               AdwToast *toast)
{
  if (adw_toast_get_button_label (toast) == NULL)
    return;

  forget_undo (self);
  self->undo_toast = g_object_ref (toast);
  /* Undone from the toast itself: nothing left for Ctrl+Z. */
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (forget_undo),
                           self, G_CONNECT_SWAPPED);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtWindow *self = AT_WINDOW (widget);
  g_autoptr(AdwToast) toast = NULL;

  if (self->undo_toast == NULL)
    return;

  toast = g_object_ref (self->undo_toast);
  forget_undo (self);
  adw_toast_dismiss (toast);
  g_signal_emit_by_name (toast, "button-clicked");
  if (adw_toast_get_action_name (toast) != NULL)
    gtk_widget_activate_action_variant (widget, adw_toast_get_action_name (toast),
                                        adw_toast_get_action_target_value (toast));
}

static gboolean
at_window_close_request (GtkWindow *window)
{
  AtWindow *self = AT_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (at_window_parent_class)->close_request (window);
}

static void
at_window_dispose (GObject *object)
{
  AtWindow *self = AT_WINDOW (object);

  g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  forget_undo (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), AT_TYPE_WINDOW);

  G_OBJECT_CLASS (at_window_parent_class)->dispose (object);
}

static void
at_window_finalize (GObject *object)
{
  AtWindow *self = AT_WINDOW (object);

  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (at_window_parent_class)->finalize (object);
}

static void
at_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AtWindow *self = AT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
at_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AtWindow *self = AT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      at_window_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
at_window_class_init (AtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = at_window_dispose;
  object_class->finalize = at_window_finalize;
  object_class->get_property = at_window_get_property;
  object_class->set_property = at_window_set_property;

  window_class->close_request = at_window_close_request;

  /**
   * AtWindow:store:
   *
   * The profile database shown, or %NULL when it could not be opened.
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AT_TYPE_ACHIEVEMENTS_PAGE);
  g_type_ensure (AT_TYPE_BODY_PAGE);
  g_type_ensure (AT_TYPE_GOALS_PAGE);
  g_type_ensure (AT_TYPE_PHOTOS_PAGE);
  g_type_ensure (AT_TYPE_PROGRAMS_PAGE);
  g_type_ensure (AT_TYPE_PROGRESS_PAGE);
  g_type_ensure (AT_TYPE_SESSIONS_PAGE);
  g_type_ensure (AT_TYPE_SOCIAL_PAGE);
  g_type_ensure (AT_TYPE_TODAY_PAGE);
  g_type_ensure (AT_TYPE_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/at-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AtWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AtWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, AtWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, AtWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, AtWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, AtWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, AtWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, AtWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, AtWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, AtWindow, today_page);
  gtk_widget_class_bind_template_child (widget_class, AtWindow, sessions_page);
  gtk_widget_class_bind_template_child (widget_class, AtWindow, progress_page);
  gtk_widget_class_bind_template_child (widget_class, AtWindow, body_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_profile_created_cb);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  /* Ctrl+N is app.new-session's accelerator, which runs this. */
  gtk_widget_class_install_action (widget_class, "win.new-session", NULL, new_session_action);
  gtk_widget_class_install_action (widget_class, "win.repeat-session", "x", new_session_action);
  gtk_widget_class_install_action (widget_class, "win.new-session-of-type", "x", new_session_of_type_action);
  gtk_widget_class_install_action (widget_class, "win.edit-session", "x", edit_session_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
}

static void
at_window_init (AtWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings,
                           "changed",
                           G_CALLBACK (on_settings_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  show_page (self, "today");
  show_view (self, "welcome");
}

AtWindow *
at_window_new (AtApplication *application)
{
  g_return_val_if_fail (AT_IS_APPLICATION (application), NULL);

  return g_object_new (AT_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * at_window_get_store:
 *
 * Returns: (transfer none) (nullable): the profile database shown
 */
AtStore *
at_window_get_store (AtWindow *self)
{
  g_return_val_if_fail (AT_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * at_window_get_user_id:
 *
 * Returns: the profile shown, 0 before there is one
 */
gint64
at_window_get_user_id (AtWindow *self)
{
  g_return_val_if_fail (AT_IS_WINDOW (self), 0);

  return self->user_id;
}

/**
 * at_window_set_store:
 * @store: (nullable): a profile database
 *
 * Shows @store's first profile, or the welcome page that creates one.
 */
void
at_window_set_store (AtWindow *self,
                     AtStore  *store)
{
  g_return_if_fail (AT_IS_WINDOW (self));
  g_return_if_fail (store == NULL || AT_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_set_object (&self->store, store);
  g_clear_pointer (&self->path, g_free);

  if (store != NULL)
    {
      self->path = g_strdup (at_store_get_path (store));
      g_signal_connect_object (store,
                               "changed",
                               G_CALLBACK (on_store_changed_cb),
                               self,
                               G_CONNECT_SWAPPED);
      apply_formula (self);
    }

  load_profile (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

static void
stop_loading (AtWindow *self)
{
  g_clear_object (&self->opening);
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);
  gtk_spinner_stop (self->loading_spinner);
  gtk_widget_set_visible (self->loading_page, FALSE);
}

static gboolean
show_loading_cb (gpointer user_data)
{
  AtWindow *self = user_data;

  self->loading_timeout_id = 0;
  gtk_widget_set_visible (self->loading_page, TRUE);
  gtk_spinner_start (self->loading_spinner);
  return G_SOURCE_REMOVE;
}

static void
on_store_opened_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AtWindow) self = user_data;
  g_autoptr(AtStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = at_store_open_finish (result, &error);
  /* Closed, or another file asked for since. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  stop_loading (self);
  if (store != NULL)
    at_window_set_store (self, store);
  else
    at_window_show_error (self, self->path, error);
}

/**
 * at_window_open:
 * @path: a profile database, created when missing
 *
 * Opens @path on a worker thread, since bringing a large file from an
 * earlier version up to date takes seconds, then shows it, or why it cannot
 * be opened. Meanwhile the window says that it is opening a file, and
 * at_window_get_path() already returns @path.
 */
void
at_window_open (AtWindow   *self,
                const char *path)
{
  g_return_if_fail (AT_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  g_cancellable_cancel (self->opening);
  stop_loading (self);
  at_window_set_store (self, NULL);
  g_free (self->path);
  self->path = g_strdup (path);

  self->opening = g_cancellable_new ();
  self->loading_timeout_id = g_timeout_add (SHOW_LOADING_AFTER_MS, show_loading_cb, self);
  show_view (self, "loading");
  at_store_open_async (path, self->opening, on_store_opened_cb, g_object_ref (self));
}

/**
 * at_window_get_path:
 *
 * Returns: (nullable): the database file this window shows, or failed to open
 */
const char *
at_window_get_path (AtWindow *self)
{
  g_return_val_if_fail (AT_IS_WINDOW (self), NULL);

  return self->path;
}

/**
 * at_window_show_page:
 * @name: a page: "today", "sessions", "progress", "goals", "body", "photos",
 *   "programs", "achievements" or "social"
 *
 * Shows the page @name, when the window shows a profile.
 *
 * Returns: %FALSE if there is no such page
 */
gboolean
at_window_show_page (AtWindow   *self,
                     const char *name)
{
  g_return_val_if_fail (AT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!show_page (self, name))
    return FALSE;

  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  return TRUE;
}

/**
 * at_window_show_error:
 * @path: the database file
 * @error: why it cannot be shown; its message names the file
 *
 * Replaces the content with a page explaining @error.
 */
void
at_window_show_error (AtWindow     *self,
                      const char   *path,
                      const GError *error)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (AT_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (error != NULL);

  g_message ("%s", error->message);

  if (self->path != path)
    {
      g_free (self->path);
      self->path = g_strdup (path);
    }

  self->user_id = 0;
  at_sessions_page_load (self->sessions_page, NULL, 0);
  at_today_page_load (self->today_page, NULL, 0);
  at_welcome_page_set_store (self->welcome_page, NULL);

  /* The description is markup; a file name may hold '&' or '<'. */
  markup = g_markup_escape_text (error->message, -1);
  adw_status_page_set_description (self->error_page, markup);
  show_view (self, "error");
}
