/* at-preferences-window.c: AtPreferencesWindow, the profile's settings
 * (app_user columns) and the app's (GSettings), saved on change. */

#define G_LOG_DOMAIN "at-preferences-window"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "at-preferences-window.h"
#include "at-profile.h"

#define MAX_PLATE_KG 100.0

struct _AtPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *profile_group;
  AdwComboRow          *units_row;
  AdwComboRow          *date_format_row;
  AdwEntryRow          *timezone_row;
  AdwComboRow          *formula_row;
  GtkSpinButton        *rest_spin;
  GtkSpinButton        *bar_spin;
  AdwEntryRow          *plates_row;

  /* Owned */
  GSettings            *settings;
  AtStore              *store;
  gint64                user_id;
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (AtPreferencesWindow, at_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* In the order of the rows' models. */
static const char *formulas[] = { "epley", "brzycki", "lombardi" };
static const char *date_formats[] = { "YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY", "DD.MM.YYYY" };

static void
add_toast (AtPreferencesWindow *self,
           const char          *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static guint
find_string (const char * const *strings,
             guint               n_strings,
             const char         *string)
{
  for (guint i = 0; i < n_strings; i++)
    if (g_strcmp0 (strings[i], string) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static AtRecord *
get_user (AtPreferencesWindow  *self,
          GError              **error)
{
  return at_store_get (self->store, self->user_id, AT_TYPE_USER, self->user_id, error);
}

/* Fills the profile rows from the stored row. */
static void
load_profile (AtPreferencesWindow *self)
{
  g_autoptr(AtRecord) user = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  g_assert (AT_IS_PREFERENCES_WINDOW (self));

  if (self->store == NULL || self->user_id == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->profile_group), FALSE);
      return;
    }

  user = get_user (self, &error);
  if (user == NULL)
    {
      add_toast (self, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->profile_group), FALSE);
      return;
    }

  self->loading = TRUE;

  adw_combo_row_set_selected (self->units_row,
                              g_strcmp0 (at_record_get_string (user, "measurement_preference"),
                                         "imperial") == 0 ? 1 : 0);

  position = find_string (date_formats, G_N_ELEMENTS (date_formats),
                          at_record_get_string (user, "date_format"));
  adw_combo_row_set_selected (self->date_format_row, position != GTK_INVALID_LIST_POSITION ? position : 0);

  gtk_editable_set_text (GTK_EDITABLE (self->timezone_row),
                         at_record_is_null (user, "timezone") ? "" : at_record_get_string (user, "timezone"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->timezone_row), "error");

  self->loading = FALSE;
}

typedef gboolean (*EditFunc) (AtPreferencesWindow  *self,
                              AtRecord             *user,
                              GError              **error);

/* Reads the row fresh, lets @edit change it and writes it back; on any
 * error, says so and shows the stored values again. */
static gboolean
edit_profile (AtPreferencesWindow *self,
              EditFunc             edit)
{
  g_autoptr(AtRecord) user = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (AT_IS_PREFERENCES_WINDOW (self));

  if (self->loading || self->store == NULL)
    return TRUE;

  user = get_user (self, &error);
  if (user == NULL ||
      !edit (self, user, &error) ||
      !at_store_update (self->store, self->user_id, user, &error))
    {
      add_toast (self, error->message);
      load_profile (self);
      return FALSE;
    }

  return TRUE;
}

static gboolean
edit_units (AtPreferencesWindow  *self,
            AtRecord             *user,
            GError              **error)
{
  return at_profile_set_units (self->store, user,
                               adw_combo_row_get_selected (self->units_row) == 1, error);
}

static gboolean
edit_date_format (AtPreferencesWindow  *self,
                  AtRecord             *user,
                  GError              **error)
{
  guint position = adw_combo_row_get_selected (self->date_format_row);

  g_return_val_if_fail (position < G_N_ELEMENTS (date_formats), FALSE);

  at_record_set_string (user, "date_format", date_formats[position]);
  return TRUE;
}

static gboolean
edit_timezone (AtPreferencesWindow  *self,
               AtRecord             *user,
               GError              **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->timezone_row))));

  if (text[0] == '\0')
    at_record_set_null (user, "timezone");
  else
    at_record_set_string (user, "timezone", text);

  return TRUE;
}

static void
on_units_changed_cb (AtPreferencesWindow *self)
{
  edit_profile (self, edit_units);
}

static void
on_date_format_changed_cb (AtPreferencesWindow *self)
{
  edit_profile (self, edit_date_format);
}

static void
on_timezone_apply_cb (AtPreferencesWindow *self)
{
  if (edit_profile (self, edit_timezone))
    gtk_widget_remove_css_class (GTK_WIDGET (self->timezone_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->timezone_row), "error");
}

static void
on_formula_changed_cb (AtPreferencesWindow *self)
{
  guint position = adw_combo_row_get_selected (self->formula_row);

  if (!self->loading && position < G_N_ELEMENTS (formulas))
    g_settings_set_string (self->settings, "one-rm-formula", formulas[position]);
}

static void
load_formula (AtPreferencesWindow *self)
{
  g_autofree char *formula = g_settings_get_string (self->settings, "one-rm-formula");
  guint position = find_string (formulas, G_N_ELEMENTS (formulas), formula);

  self->loading = TRUE;
  adw_combo_row_set_selected (self->formula_row, position != GTK_INVALID_LIST_POSITION ? position : 0);
  self->loading = FALSE;
}

static void
load_plates (AtPreferencesWindow *self)
{
  g_autoptr(GVariant) plates = g_settings_get_value (self->settings, "available-plates-kg");
  g_autoptr(GString) text = g_string_new (NULL);
  gsize n_plates;
  const double *values = g_variant_get_fixed_array (plates, &n_plates, sizeof (double));

  for (gsize i = 0; i < n_plates; i++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_ascii_formatd (buffer, sizeof buffer, "%g", values[i]));
    }

  gtk_editable_set_text (GTK_EDITABLE (self->plates_row), text->str);
  gtk_widget_remove_css_class (GTK_WIDGET (self->plates_row), "error");
}

/* "25, 20, 2.5" → [25, 20, 2.5]; each a weight in kilograms. */
static GArray *
parse_plates (const char  *text,
              GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GArray) plates = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      char *end = NULL;
      double value;

      if (part[0] == '\0')
        continue;

      value = g_ascii_strtod (part, &end);
      if (end == part || *end != '\0' || !(value > 0) || value > MAX_PLATE_KG)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       /* Translators: %s is one item of the plates list */
                       _("Plates: “%s” is not a weight between 0 and 100 kg"), part);
          return NULL;
        }

      g_array_append_val (plates, value);
    }

  if (plates->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Plates: list at least one weight, such as “20, 10, 5”"));
      return NULL;
    }

  return g_steal_pointer (&plates);
}

static void
on_plates_apply_cb (AtPreferencesWindow *self)
{
  g_autoptr(GArray) plates = NULL;
  g_autoptr(GError) error = NULL;

  plates = parse_plates (gtk_editable_get_text (GTK_EDITABLE (self->plates_row)), &error);
  if (plates == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->plates_row), "error");
      add_toast (self, error->message);
      return;
    }

  g_settings_set_value (self->settings, "available-plates-kg",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, plates->data,
                                                   plates->len, sizeof (double)));
  load_plates (self);
}

static void
on_settings_changed_cb (AtPreferencesWindow *self,
                        const char          *key,
                        GSettings           *settings)
{
  if (g_str_equal (key, "one-rm-formula"))
    load_formula (self);
}

static void
at_preferences_window_dispose (GObject *object)
{
  AtPreferencesWindow *self = AT_PREFERENCES_WINDOW (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), AT_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (at_preferences_window_parent_class)->dispose (object);
}

static void
at_preferences_window_class_init (AtPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/at-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtPreferencesWindow, profile_group);
  gtk_widget_class_bind_template_child (widget_class, AtPreferencesWindow, units_row);
  gtk_widget_class_bind_template_child (widget_class, AtPreferencesWindow, date_format_row);
  gtk_widget_class_bind_template_child (widget_class, AtPreferencesWindow, timezone_row);
  gtk_widget_class_bind_template_child (widget_class, AtPreferencesWindow, formula_row);
  gtk_widget_class_bind_template_child (widget_class, AtPreferencesWindow, rest_spin);
  gtk_widget_class_bind_template_child (widget_class, AtPreferencesWindow, bar_spin);
  gtk_widget_class_bind_template_child (widget_class, AtPreferencesWindow, plates_row);
  gtk_widget_class_bind_template_callback (widget_class, on_units_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_timezone_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_formula_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_plates_apply_cb);
}

static void
at_preferences_window_init (AtPreferencesWindow *self)
{
  /* The template's handlers run while it is built: ignore them. */
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "default-rest-seconds", self->rest_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "bar-weight-kg", self->bar_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings,
                           "changed",
                           G_CALLBACK (on_settings_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  self->loading = FALSE;

  load_formula (self);
  load_plates (self);
}

/**
 * at_preferences_window_new:
 * @store: (nullable): the profile database, for the profile's settings
 * @user_id: the profile, or 0 for none (its settings are then hidden)
 */
GtkWidget *
at_preferences_window_new (GtkWindow *transient_for,
                           AtStore   *store,
                           gint64     user_id)
{
  AtPreferencesWindow *self;

  g_return_val_if_fail (transient_for == NULL || GTK_IS_WINDOW (transient_for), NULL);
  g_return_val_if_fail (store == NULL || AT_IS_STORE (store), NULL);

  self = g_object_new (AT_TYPE_PREFERENCES_WINDOW,
                       "transient-for", transient_for,
                       "modal", transient_for != NULL,
                       NULL);
  g_set_object (&self->store, store);
  self->user_id = user_id;
  load_profile (self);

  return GTK_WIDGET (self);
}
