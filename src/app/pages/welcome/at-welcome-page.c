/* at-welcome-page.c: AtWelcomePage, the first run: creates the profile. */

#define G_LOG_DOMAIN "at-welcome-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "at-profile.h"
#include "at-welcome-page.h"

struct _AtWelcomePage
{
  AdwBin        parent_instance;

  /* Template widgets */
  AdwEntryRow  *username_row;
  AdwEntryRow  *email_row;
  AdwComboRow  *units_row;
  AdwEntryRow  *timezone_row;
  AdwComboRow  *formula_row;
  GtkLabel     *error_label;
  GtkButton    *create_button;

  /* Owned */
  AtStore      *store;
  GSettings    *settings;
};

G_DEFINE_FINAL_TYPE (AtWelcomePage, at_welcome_page, ADW_TYPE_BIN)

enum {
  PROFILE_CREATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* In the order of the formula row's model. */
static const char *formulas[] = { "epley", "brzycki", "lombardi" };

static void
clear_error (AtWelcomePage *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->username_row), GTK_WIDGET (self->email_row),
    GTK_WIDGET (self->timezone_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gtk_widget_remove_css_class (rows[i], "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (rows[i]), GTK_ACCESSIBLE_STATE_INVALID);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_label_set_text (self->error_label, "");
}

/* Shows the core's message under the form, and marks the field it names
 * ("app_user.email: …"). */
static void
show_error (AtWelcomePage *self,
            const GError  *error)
{
  struct { const char *column; GtkWidget *row; } fields[] = {
    { "app_user.username", GTK_WIDGET (self->username_row) },
    { "app_user.email", GTK_WIDGET (self->email_row) },
    { "app_user.timezone", GTK_WIDGET (self->timezone_row) },
  };
  GtkWidget *focus = NULL;

  clear_error (self);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (strstr (error->message, fields[i].column) != NULL)
        {
          gtk_widget_add_css_class (fields[i].row, "error");
          gtk_accessible_update_state (GTK_ACCESSIBLE (fields[i].row),
                                       GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                       -1);
          focus = focus != NULL ? focus : fields[i].row;
        }
    }

  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);

  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static void
create_profile (AtWelcomePage *self)
{
  g_autoptr(AtUser) user = at_user_new ();
  g_autoptr(GError) error = NULL;
  const char *timezone;
  guint formula;

  g_assert (AT_IS_WELCOME_PAGE (self));
  g_return_if_fail (self->store != NULL);

  at_record_set_string (AT_RECORD (user), "username",
                        gtk_editable_get_text (GTK_EDITABLE (self->username_row)));
  at_record_set_string (AT_RECORD (user), "email",
                        gtk_editable_get_text (GTK_EDITABLE (self->email_row)));

  timezone = gtk_editable_get_text (GTK_EDITABLE (self->timezone_row));
  if (timezone[0] != '\0')
    at_record_set_string (AT_RECORD (user), "timezone", timezone);

  /* One insert: nothing is stored unless all of it is valid. */
  if (!at_profile_set_units (self->store, AT_RECORD (user),
                             adw_combo_row_get_selected (self->units_row) == 1, &error) ||
      !at_store_create_user (self->store, AT_RECORD (user), &error))
    {
      show_error (self, error);
      return;
    }

  formula = adw_combo_row_get_selected (self->formula_row);
  if (formula < G_N_ELEMENTS (formulas))
    g_settings_set_string (self->settings, "one-rm-formula", formulas[formula]);

  clear_error (self);
  g_signal_emit (self, signals [PROFILE_CREATED], 0, at_record_get_id (AT_RECORD (user)));
}

static void
on_create_clicked_cb (AtWelcomePage *self)
{
  create_profile (self);
}

static void
on_entry_activate_cb (AtWelcomePage *self)
{
  create_profile (self);
}

static void
at_welcome_page_dispose (GObject *object)
{
  AtWelcomePage *self = AT_WELCOME_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), AT_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (at_welcome_page_parent_class)->dispose (object);
}

static void
at_welcome_page_class_init (AtWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_welcome_page_dispose;

  /**
   * AtWelcomePage::profile-created:
   * @user_id: the new profile
   *
   * A profile was created from the form.
   */
  signals [PROFILE_CREATED] =
    g_signal_new ("profile-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/at-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtWelcomePage, username_row);
  gtk_widget_class_bind_template_child (widget_class, AtWelcomePage, email_row);
  gtk_widget_class_bind_template_child (widget_class, AtWelcomePage, units_row);
  gtk_widget_class_bind_template_child (widget_class, AtWelcomePage, timezone_row);
  gtk_widget_class_bind_template_child (widget_class, AtWelcomePage, formula_row);
  gtk_widget_class_bind_template_child (widget_class, AtWelcomePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, AtWelcomePage, create_button);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
}

static void
at_welcome_page_init (AtWelcomePage *self)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *formula = NULL;
  const char *identifier;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  /* "Local" is GLib's name for a zone it could not name: leave it to the
   * user rather than store a zone no one else can read. */
  identifier = g_time_zone_get_identifier (local);
  if (identifier != NULL && g_strcmp0 (identifier, "Local") != 0 && identifier[0] != ':')
    gtk_editable_set_text (GTK_EDITABLE (self->timezone_row), identifier);

  formula = g_settings_get_string (self->settings, "one-rm-formula");
  for (guint i = 0; i < G_N_ELEMENTS (formulas); i++)
    if (g_str_equal (formula, formulas[i]))
      adw_combo_row_set_selected (self->formula_row, i);
}

GtkWidget *
at_welcome_page_new (void)
{
  return g_object_new (AT_TYPE_WELCOME_PAGE, NULL);
}

/**
 * at_welcome_page_set_store:
 * @store: (nullable): the profile database to create the profile in
 */
void
at_welcome_page_set_store (AtWelcomePage *self,
                           AtStore       *store)
{
  g_return_if_fail (AT_IS_WELCOME_PAGE (self));
  g_return_if_fail (store == NULL || AT_IS_STORE (store));

  g_set_object (&self->store, store);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), store != NULL);
}
