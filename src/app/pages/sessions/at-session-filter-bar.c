/* at-session-filter-bar.c: AtSessionFilterBar, the Sessions page's
 * filters: an activity type from a menu, a first and a last day, and a
 * button that clears them. It emits ::changed as any of them changes, and
 * says what is wrong with a date that is not one. */

#define G_LOG_DOMAIN "at-session-filter-bar"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "at-session-row.h"

#include "at-session-filter-bar.h"

struct _AtSessionFilterBar
{
  AdwBin         parent_instance;

  /* template widgets */
  GtkMenuButton *type_button;
  GtkEntry      *from_entry;
  GtkEntry      *to_entry;
  GtkButton     *clear_button;
  GtkLabel      *error_label;

  /* owned */
  GPtrArray     *activities;   /* AtActivityInfo by name, as the type menu lists them */
  GSimpleAction *type_action;  /* filter.type: the activity shown, 0 for all */
};

G_DEFINE_FINAL_TYPE (AtSessionFilterBar, at_session_filter_bar, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gint64
get_selected_type (AtSessionFilterBar *self)
{
  g_autoptr(GVariant) state = g_action_get_state (G_ACTION (self->type_action));

  return g_variant_get_int64 (state);
}

static const char *
activity_name (AtSessionFilterBar *self,
               gint64              activity_type_id)
{
  for (guint i = 0; self->activities != NULL && i < self->activities->len; i++)
    {
      AtActivityInfo *info = g_ptr_array_index (self->activities, i);

      if (info->id == activity_type_id)
        return info->name;
    }
  return NULL;
}

/* An entry's day, "" when empty; NULL, with the entry marked, when it
 * holds no date. */
static const char *
read_date_entry (GtkEntry   *entry,
                 const char *field,
                 GString    *errors)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  int year = 0, month = 0, day = 0;
  char end;
  gboolean valid;

  valid = text[0] == '\0' ||
          (strlen (text) == 10 &&
           sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3 &&
           g_date_valid_dmy (day, month, year));

  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
      return text;
    }

  /* Translators: %s names a date field, "From" or "To" */
  g_string_append_printf (errors, _("%s: “%s” is not a date like 2024-05-14. "), field, text);
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, errors->str,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  return NULL;
}

static void
append_type_item (GMenu      *menu,
                  const char *label,
                  gint64      activity_type_id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, "filter.type",
                                           g_variant_new_int64 (activity_type_id));
  g_menu_append_item (menu, item);
}

/* The clear button clears something, or is off. */
static void
on_filter_changed_cb (AtSessionFilterBar *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button),
                            at_session_filter_bar_is_filtering (self));
  g_signal_emit (self, signals [CHANGED], 0);
}

/* filter.type: shows one activity type, or all for 0. */
static void
on_type_changed_cb (GSimpleAction      *action,
                    GVariant           *value,
                    AtSessionFilterBar *self)
{
  const char *name = activity_name (self, g_variant_get_int64 (value));

  g_simple_action_set_state (action, value);
  gtk_menu_button_set_label (self->type_button, name != NULL ? name : _("All Activities"));
  on_filter_changed_cb (self);
}

static void
on_clear_clicked_cb (AtSessionFilterBar *self)
{
  g_action_change_state (G_ACTION (self->type_action), g_variant_new_int64 (0));
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
}

static void
at_session_filter_bar_dispose (GObject *object)
{
  AtSessionFilterBar *self = AT_SESSION_FILTER_BAR (object);

  g_clear_pointer (&self->activities, g_ptr_array_unref);
  g_clear_object (&self->type_action);

  gtk_widget_dispose_template (GTK_WIDGET (self), AT_TYPE_SESSION_FILTER_BAR);

  G_OBJECT_CLASS (at_session_filter_bar_parent_class)->dispose (object);
}

static void
at_session_filter_bar_class_init (AtSessionFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_session_filter_bar_dispose;

  /**
   * AtSessionFilterBar::changed:
   *
   * The activity type or a date changed: the sessions shown are others.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/at-session-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, AtSessionFilterBar, type_button);
  gtk_widget_class_bind_template_child (widget_class, AtSessionFilterBar, from_entry);
  gtk_widget_class_bind_template_child (widget_class, AtSessionFilterBar, to_entry);
  gtk_widget_class_bind_template_child (widget_class, AtSessionFilterBar, clear_button);
  gtk_widget_class_bind_template_child (widget_class, AtSessionFilterBar, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
}

static void
at_session_filter_bar_init (AtSessionFilterBar *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->type_action = g_simple_action_new_stateful ("type", G_VARIANT_TYPE_INT64,
                                                    g_variant_new_int64 (0));
  g_signal_connect_object (self->type_action, "change-state", G_CALLBACK (on_type_changed_cb),
                           self, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->type_action));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "filter", G_ACTION_GROUP (group));
}

GtkWidget *
at_session_filter_bar_new (void)
{
  return g_object_new (AT_TYPE_SESSION_FILTER_BAR, NULL);
}

/**
 * at_session_filter_bar_set_activities:
 * @activities: (element-type AtActivityInfo): the activity types, by name
 *
 * Lists @activities in the type menu, after "All Activities".
 */
void
at_session_filter_bar_set_activities (AtSessionFilterBar *self,
                                      GPtrArray          *activities)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) all = g_menu_new ();
  g_autoptr(GMenu) types = g_menu_new ();

  g_return_if_fail (AT_IS_SESSION_FILTER_BAR (self));
  g_return_if_fail (activities != NULL);

  g_clear_pointer (&self->activities, g_ptr_array_unref);
  self->activities = g_ptr_array_ref (activities);

  append_type_item (all, _("All Activities"), 0);
  for (guint i = 0; i < activities->len; i++)
    {
      AtActivityInfo *info = g_ptr_array_index (activities, i);

      append_type_item (types, info->name, info->id);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (all));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (types));
  gtk_menu_button_set_menu_model (self->type_button, G_MENU_MODEL (menu));
}

/**
 * at_session_filter_bar_read:
 * @filter: (out caller-allocates): its type and days are set; its strings
 *   are the bar's, valid until the next change
 *
 * Reads the filters, and shows what is wrong with a date that is not one.
 *
 * Returns: whether both dates are dates, or empty
 */
gboolean
at_session_filter_bar_read (AtSessionFilterBar *self,
                            AtSessionFilter    *filter)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  const char *from, *to;

  g_return_val_if_fail (AT_IS_SESSION_FILTER_BAR (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  from = read_date_entry (self->from_entry, _("From"), errors);
  to = read_date_entry (self->to_entry, _("To"), errors);
  gtk_label_set_text (self->error_label, g_strstrip (errors->str));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), errors->len > 0);
  if (from == NULL || to == NULL)
    return FALSE;

  filter->activity_type_id = get_selected_type (self);
  filter->from_date = from[0] != '\0' ? from : NULL;
  filter->to_date = to[0] != '\0' ? to : NULL;
  return TRUE;
}

/**
 * at_session_filter_bar_is_filtering:
 *
 * Returns: whether an activity type or a day is chosen
 */
gboolean
at_session_filter_bar_is_filtering (AtSessionFilterBar *self)
{
  g_return_val_if_fail (AT_IS_SESSION_FILTER_BAR (self), FALSE);

  return get_selected_type (self) != 0 ||
         gtk_editable_get_text (GTK_EDITABLE (self->from_entry))[0] != '\0' ||
         gtk_editable_get_text (GTK_EDITABLE (self->to_entry))[0] != '\0';
}
