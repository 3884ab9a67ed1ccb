/* at-window.c: AtWindow, the main window of a profile database. */

#define G_LOG_DOMAIN "at-window"

#include "config.h"

#include <glib/gi18n.h>

#include "at-session-row.h"
#include "at-window.h"

struct _AtWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkListView          *sessions_view;
  GtkNoSelection       *selection;

  /* Owned */
  GSettings            *settings;
  AtStore              *store;
  char                 *path;
  GListModel           *sessions;
  GHashTable           *activity_names; /* activity_type id → name */
  gint64                user_id;
};

G_DEFINE_FINAL_TYPE (AtWindow, at_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Hides the other pages rather than only covering them, so that a screen
 * reader does not find their text (GTK 4.8 exposes unmapped stack pages). */
static void
show_page (AtWindow   *self,
           const char *name)
{
  GtkWidget *page;

  g_assert (AT_IS_WINDOW (self));

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
update_page (AtWindow *self)
{
  g_assert (AT_IS_WINDOW (self));

  if (self->sessions != NULL && g_list_model_get_n_items (self->sessions) > 0)
    show_page (self, "sessions");
  else
    show_page (self, "empty");
}

static void
clear_sessions (AtWindow *self)
{
  g_assert (AT_IS_WINDOW (self));

  gtk_no_selection_set_model (self->selection, NULL);
  if (self->sessions != NULL)
    g_signal_handlers_disconnect_by_data (self->sessions, self);
  g_clear_object (&self->sessions);
  g_hash_table_remove_all (self->activity_names);
  self->user_id = 0;
}

static void
load_activity_names (AtWindow *self)
{
  g_autoptr(GListModel) types = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items;

  g_assert (AT_IS_WINDOW (self));

  /* The catalogue is short: read it once, for rows without a name. */
  types = at_store_list (self->store, self->user_id, AT_TYPE_ACTIVITY_TYPE, NULL, 0, &error);
  if (types == NULL)
    {
      g_debug ("Cannot read the activity types: %s", error->message);
      return;
    }

  n_items = g_list_model_get_n_items (types);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AtRecord) type = g_list_model_get_item (types, i);

      g_hash_table_insert (self->activity_names,
                           g_memdup2 (&(gint64) { at_record_get_id (type) }, sizeof (gint64)),
                           g_strdup (at_record_get_string (type, "name")));
    }
}

static void
on_sessions_items_changed_cb (AtWindow   *self,
                              guint       position,
                              guint       removed,
                              guint       added,
                              GListModel *model)
{
  update_page (self);
}

static void
load_sessions (AtWindow *self)
{
  g_autoptr(GListModel) users = NULL;
  g_autoptr(AtRecord) user = NULL;
  g_autoptr(GError) error = NULL;
  const GError *list_error;

  g_assert (AT_IS_WINDOW (self));

  clear_sessions (self);

  if (self->store == NULL)
    {
      update_page (self);
      return;
    }

  users = at_store_list_users (self->store, &error);
  if (users == NULL)
    {
      at_window_show_error (self, at_store_get_path (self->store), error);
      return;
    }

  /* Profiles come in a later issue: until then, the first user's sessions. */
  if (g_list_model_get_n_items (users) == 0)
    {
      update_page (self);
      return;
    }

  user = g_list_model_get_item (users, 0);
  self->user_id = at_record_get_id (user);
  load_activity_names (self);

  self->sessions = G_LIST_MODEL (at_record_list_new_sessions (self->store, self->user_id));
  list_error = at_record_list_get_error (AT_RECORD_LIST (self->sessions));
  if (list_error != NULL)
    {
      at_window_show_error (self, at_store_get_path (self->store), list_error);
      return;
    }

  g_signal_connect_object (self->sessions,
                           "items-changed",
                           G_CALLBACK (on_sessions_items_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  gtk_no_selection_set_model (self->selection, self->sessions);
  update_page (self);
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
  if (type == AT_TYPE_USER && (self->user_id == 0 || id == self->user_id || id == 0))
    load_sessions (self);
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 AtWindow                 *self)
{
  gtk_list_item_set_child (item, at_session_row_new ());
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                AtWindow                 *self)
{
  AtSessionRow *row = AT_SESSION_ROW (gtk_list_item_get_child (item));
  AtSession *session = gtk_list_item_get_item (item);
  const char *activity_name = NULL;

  g_assert (AT_IS_WINDOW (self));

  if (session != NULL)
    {
      gint64 type_id = at_record_get_int (AT_RECORD (session), "activity_type_id");

      activity_name = g_hash_table_lookup (self->activity_names, &type_id);
    }

  at_session_row_set_activity_name (row, activity_name);
  at_session_row_set_session (row, session);
}

static void
on_row_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  AtWindow                 *self)
{
  AtSessionRow *row = AT_SESSION_ROW (gtk_list_item_get_child (item));

  at_session_row_set_session (row, NULL);
  at_session_row_set_activity_name (row, NULL);
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

  if (self->selection != NULL)
    clear_sessions (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), AT_TYPE_WINDOW);

  G_OBJECT_CLASS (at_window_parent_class)->dispose (object);
}

static void
at_window_finalize (GObject *object)
{
  AtWindow *self = AT_WINDOW (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->activity_names, g_hash_table_unref);

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

  g_type_ensure (AT_TYPE_SESSION_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/at-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AtWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, AtWindow, sessions_view);
  gtk_widget_class_bind_template_child (widget_class, AtWindow, selection);
  gtk_widget_class_bind_template_callback (widget_class, on_row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_unbind_cb);
}

static void
at_window_init (AtWindow *self)
{
  self->activity_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
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
 * at_window_set_store:
 * @store: (nullable): a profile database
 *
 * Shows the sessions of @store's first profile.
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
    }

  load_sessions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
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

  clear_sessions (self);

  /* The description is markup; a file name may hold '&' or '<'. */
  markup = g_markup_escape_text (error->message, -1);
  adw_status_page_set_description (self->error_page, markup);
  show_page (self, "error");
}
