/* at-sessions-page.c: AtSessionsPage, a profile's sessions, newest first,
 * and a search over them. */

#define G_LOG_DOMAIN "at-sessions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "at-session-row.h"
#include "at-sessions-page.h"

/* Enough to find a session by name; the list itself scrolls through all. */
#define SEARCH_LIMIT 200

struct _AtSessionsPage
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkSingleSelection *selection;
  GtkSingleSelection *results_selection;
  AdwStatusPage  *no_results_page;

  /* Owned */
  AtStore        *store;
  GListModel     *sessions;
  GHashTable     *activity_names; /* activity_type id → name */
  gint64          user_id;
};

G_DEFINE_FINAL_TYPE (AtSessionsPage, at_sessions_page, ADW_TYPE_BIN)

enum {
  ADD_TOAST,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void update_actions (AtSessionsPage *self);

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

static void
update_child (AtSessionsPage *self)
{
  GListModel *results = gtk_single_selection_get_model (self->results_selection);

  g_assert (AT_IS_SESSIONS_PAGE (self));

  if (results != NULL)
    show_child (self, g_list_model_get_n_items (results) > 0 ? "results" : "no-results");
  else if (self->sessions != NULL && g_list_model_get_n_items (self->sessions) > 0)
    show_child (self, "sessions");
  else
    show_child (self, "empty");

  update_actions (self);
}

static void
clear (AtSessionsPage *self)
{
  g_assert (AT_IS_SESSIONS_PAGE (self));

  gtk_single_selection_set_model (self->selection, NULL);
  gtk_single_selection_set_model (self->results_selection, NULL);
  if (self->sessions != NULL)
    g_signal_handlers_disconnect_by_data (self->sessions, self);
  g_clear_object (&self->sessions);
  g_clear_object (&self->store);
  g_hash_table_remove_all (self->activity_names);
  self->user_id = 0;
}

static void
load_activity_names (AtSessionsPage *self)
{
  g_autoptr(GListModel) types = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items;

  g_assert (AT_IS_SESSIONS_PAGE (self));

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
search (AtSessionsPage *self)
{
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  const char *text;

  g_assert (AT_IS_SESSIONS_PAGE (self));

  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (self->store == NULL || text[0] == '\0')
    {
      gtk_single_selection_set_model (self->results_selection, NULL);
      update_child (self);
      return;
    }

  results = at_store_search_sessions (self->store, self->user_id, text,
                                      AT_SEARCH_BY_RANK, AT_SEARCH_WITH_EXERCISES,
                                      SEARCH_LIMIT, &error);
  if (results == NULL)
    {
      add_toast (self, error->message);
      results = G_LIST_MODEL (g_list_store_new (AT_TYPE_SESSION));
    }

  /* Translators: %s is what the user typed in the search entry */
  description = g_markup_printf_escaped (_("No session matches “%s”"), text);
  adw_status_page_set_description (self->no_results_page, description);
  gtk_single_selection_set_model (self->results_selection, results);
  update_child (self);
}

/* The session selected in the list shown, or NULL. */
static AtSession *
get_selected (AtSessionsPage *self)
{
  GtkSingleSelection *selection;
  GtkWidget *shown;

  g_assert (AT_IS_SESSIONS_PAGE (self));

  shown = gtk_stack_get_visible_child (self->stack);
  if (shown == gtk_stack_get_child_by_name (self->stack, "sessions"))
    selection = self->selection;
  else if (shown == gtk_stack_get_child_by_name (self->stack, "results"))
    selection = self->results_selection;
  else
    return NULL;

  return gtk_single_selection_get_selected_item (selection);
}

static void
update_actions (AtSessionsPage *self)
{
  g_assert (AT_IS_SESSIONS_PAGE (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.delete",
                                 self->store != NULL && get_selected (self) != NULL);
}

static void
on_selected_changed_cb (AtSessionsPage *self)
{
  update_actions (self);
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

  if (!at_store_undelete (self->store, self->user_id, AT_TYPE_SESSION, id, &error))
    {
      add_toast (self, error->message);
      return;
    }
  search (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtSessionsPage *self = AT_SESSIONS_PAGE (widget);
  g_autoptr(AdwToast) toast = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const char *name;
  AtSession *session;
  gint64 id;

  session = get_selected (self);
  if (session == NULL || self->store == NULL)
    return;

  id = at_record_get_id (AT_RECORD (session));
  name = at_session_get_session_name (session);
  if (name != NULL && name[0] != '\0')
    /* Translators: %s is a session's name */
    title = g_strdup_printf (_("“%s” deleted"), name);
  else
    title = g_strdup (_("Session deleted"));

  /* Soft: the row leaves the lists and totals, and Undo brings it back. */
  if (!at_store_soft_delete (self->store, self->user_id, AT_TYPE_SESSION, id, &error))
    {
      add_toast (self, error->message);
      return;
    }
  search (self);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "at-session-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_emit (self, signals [ADD_TOAST], 0, toast);
}

static void
on_search_changed_cb (AtSessionsPage *self)
{
  search (self);
}

static void
on_stop_search_cb (AtSessionsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_sessions_items_changed_cb (AtSessionsPage *self,
                              guint           position,
                              guint           removed,
                              guint           added,
                              GListModel     *model)
{
  update_child (self);
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 AtSessionsPage           *self)
{
  gtk_list_item_set_child (item, at_session_row_new ());
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                AtSessionsPage           *self)
{
  AtSessionRow *row = AT_SESSION_ROW (gtk_list_item_get_child (item));
  AtSession *session = gtk_list_item_get_item (item);
  const char *activity_name = NULL;

  g_assert (AT_IS_SESSIONS_PAGE (self));

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
                  AtSessionsPage           *self)
{
  AtSessionRow *row = AT_SESSION_ROW (gtk_list_item_get_child (item));

  at_session_row_set_session (row, NULL);
  at_session_row_set_activity_name (row, NULL);
}

static void
at_sessions_page_dispose (GObject *object)
{
  AtSessionsPage *self = AT_SESSIONS_PAGE (object);

  if (self->selection != NULL)
    clear (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), AT_TYPE_SESSIONS_PAGE);

  G_OBJECT_CLASS (at_sessions_page_parent_class)->dispose (object);
}

static void
at_sessions_page_finalize (GObject *object)
{
  AtSessionsPage *self = AT_SESSIONS_PAGE (object);

  g_clear_pointer (&self->activity_names, g_hash_table_unref);

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

  g_type_ensure (AT_TYPE_SESSION_ROW);

  gtk_widget_class_install_action (widget_class, "sessions.delete", NULL, delete_action);
  /* Delete in the search entry deletes text: the entry takes it first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "sessions.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "sessions.delete", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/at-sessions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtSessionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtSessionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AtSessionsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, AtSessionsPage, results_selection);
  gtk_widget_class_bind_template_child (widget_class, AtSessionsPage, no_results_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_unbind_cb);
}

static void
at_sessions_page_init (AtSessionsPage *self)
{
  self->activity_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  update_child (self);
  update_actions (self);
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
 *
 * Returns: %FALSE, with @error set, when the sessions cannot be read
 */
gboolean
at_sessions_page_load (AtSessionsPage  *self,
                       AtStore         *store,
                       gint64           user_id,
                       GError         **error)
{
  const GError *list_error;

  g_return_val_if_fail (AT_IS_SESSIONS_PAGE (self), FALSE);
  g_return_val_if_fail (store == NULL || AT_IS_STORE (store), FALSE);

  clear (self);

  if (store == NULL || user_id == 0)
    {
      update_child (self);
      return TRUE;
    }

  self->store = g_object_ref (store);
  self->user_id = user_id;
  load_activity_names (self);

  self->sessions = G_LIST_MODEL (at_record_list_new_sessions (store, user_id));
  list_error = at_record_list_get_error (AT_RECORD_LIST (self->sessions));
  if (list_error != NULL)
    {
      g_propagate_error (error, g_error_copy (list_error));
      clear (self);
      update_child (self);
      return FALSE;
    }

  g_signal_connect_object (self->sessions,
                           "items-changed",
                           G_CALLBACK (on_sessions_items_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  gtk_single_selection_set_model (self->selection, self->sessions);
  search (self);
  return TRUE;
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
  g_autoptr(AtStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AT_IS_SESSIONS_PAGE (self));

  if (self->store == NULL)
    return;

  store = g_object_ref (self->store);
  if (!at_sessions_page_load (self, store, self->user_id, &error))
    add_toast (self, error->message);
}
