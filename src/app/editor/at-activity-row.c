/* at-activity-row.c: AtActivityRow, the session editor's Activity row: the
 * user's activity types, Weight Training first chosen, with type-ahead. */

#define G_LOG_DOMAIN "at-activity-row"

#include "config.h"

#include "at-activity-row.h"

#define STRENGTH_TYPE "Weight Training"

struct _AtActivityRow
{
  AdwComboRow  parent_instance;

  /* Owned */
  GPtrArray   *types;  /* of AtActivityType, as in the row's model */
};

G_DEFINE_FINAL_TYPE (AtActivityRow, at_activity_row, ADW_TYPE_COMBO_ROW)

/* Type-ahead: a letter picks the next activity whose name starts with it,
 * so that thirty of them are quick to go through with the keyboard
 * (AdwComboRow 1.2 has no search of its own). */
static gboolean
on_key_pressed_cb (AtActivityRow         *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  gunichar typed = g_unichar_tolower (gdk_keyval_to_unicode (keyval));
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  guint n = self->types->len;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      !g_unichar_isalnum (typed) || n == 0)
    return GDK_EVENT_PROPAGATE;

  for (guint step = 1; step <= n; step++)
    {
      guint i = (selected == GTK_INVALID_LIST_POSITION ? step - 1 : selected + step) % n;
      const char *name = at_record_get_string (g_ptr_array_index (self->types, i), "name");

      if (name != NULL && g_unichar_tolower (g_utf8_get_char (name)) == typed)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (self), i);
          return GDK_EVENT_STOP;
        }
    }

  return GDK_EVENT_STOP;
}

static void
at_activity_row_finalize (GObject *object)
{
  AtActivityRow *self = AT_ACTIVITY_ROW (object);

  g_clear_pointer (&self->types, g_ptr_array_unref);

  G_OBJECT_CLASS (at_activity_row_parent_class)->finalize (object);
}

static void
at_activity_row_class_init (AtActivityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = at_activity_row_finalize;
}

static void
at_activity_row_init (AtActivityRow *self)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  self->types = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/**
 * at_activity_row_load:
 * @store: the profile database
 * @user_id: the profile
 *
 * Lists the user's activity types, and chooses Weight Training.
 *
 * Returns: %FALSE, with @error set, when they cannot be read
 */
gboolean
at_activity_row_load (AtActivityRow  *self,
                      AtStore        *store,
                      gint64          user_id,
                      GError        **error)
{
  g_autoptr(GListModel) types = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint strength = 0;

  g_return_val_if_fail (AT_IS_ACTIVITY_ROW (self), FALSE);

  types = at_store_list (store, user_id, AT_TYPE_ACTIVITY_TYPE, NULL, 0, error);
  if (types == NULL)
    return FALSE;

  g_ptr_array_set_size (self->types, 0);
  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      AtRecord *type = g_list_model_get_item (types, i);
      const char *name = at_record_get_string (type, "name");

      g_ptr_array_add (self->types, type);
      gtk_string_list_append (names, name);
      if (g_strcmp0 (name, STRENGTH_TYPE) == 0)
        strength = i;
    }

  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), strength);
  return TRUE;
}

/**
 * at_activity_row_get_activity:
 *
 * Returns: (transfer none) (nullable): the chosen activity type, or %NULL
 */
AtRecord *
at_activity_row_get_activity (AtActivityRow *self)
{
  guint selected;

  g_return_val_if_fail (AT_IS_ACTIVITY_ROW (self), NULL);

  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->types->len)
    return NULL;
  return g_ptr_array_index (self->types, selected);
}

/* Whether the chosen activity is weight training, logged set by set. */
gboolean
at_activity_row_is_strength (AtActivityRow *self)
{
  AtRecord *type = at_activity_row_get_activity (self);

  return type != NULL && g_strcmp0 (at_record_get_string (type, "name"), STRENGTH_TYPE) == 0;
}

/**
 * at_activity_row_select:
 * @activity_type_id: one of the user's activity types
 *
 * Returns: %FALSE if the user has no such activity
 */
gboolean
at_activity_row_select (AtActivityRow *self,
                        gint64         activity_type_id)
{
  g_return_val_if_fail (AT_IS_ACTIVITY_ROW (self), FALSE);

  for (guint i = 0; i < self->types->len; i++)
    {
      if (at_record_get_id (g_ptr_array_index (self->types, i)) == activity_type_id)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (self), i);
          return TRUE;
        }
    }
  return FALSE;
}
