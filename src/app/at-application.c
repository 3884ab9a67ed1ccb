/* at-application.c: AtApplication, the activity-tracker application. */

#define G_LOG_DOMAIN "at-application"

#include "config.h"

#include <glib/gi18n.h>

#include "at-core.h"
#include "at-application.h"
#include "at-window.h"
#include "pages/preferences/at-preferences-window.h"

struct _AtApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (AtApplication, at_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the profile database at PATH instead of the default one"), N_("PATH") },
  { NULL }
};

static AtWindow *
find_window_for_path (AtApplication *self,
                      const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert (AT_IS_APPLICATION (self));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      g_autoptr(GFile) other = NULL;
      const char *other_path;

      if (!AT_IS_WINDOW (l->data))
        continue;

      other_path = at_window_get_path (l->data);
      if (other_path == NULL)
        continue;

      other = g_file_new_for_path (other_path);
      if (g_file_equal (file, other))
        return l->data;
    }

  return NULL;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  AtApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  g_assert (AT_IS_APPLICATION (self));

  /* Close rather than destroy, so each window saves its state on the way;
   * the application quits with its last window. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  AtApplication *self = user_data;
  static const char *developers[] = { "The Activity Tracker developers", NULL };
  GtkWindow *about;

  g_assert (AT_IS_APPLICATION (self));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Activity Tracker"),
                        "developer-name", "The Activity Tracker developers",
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "website", "https://activitytracker.org/",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AtApplication *self = user_data;
  GtkWindow *window;
  AtStore *store = NULL;
  gint64 user_id = 0;

  g_assert (AT_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (AT_IS_WINDOW (window))
    {
      store = at_window_get_store (AT_WINDOW (window));
      user_id = at_window_get_user_id (AT_WINDOW (window));
    }

  gtk_window_present (GTK_WINDOW (at_preferences_window_new (window, store, user_id)));
}

static void
new_session_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AtApplication *self = user_data;
  GtkWindow *window;

  g_assert (AT_IS_APPLICATION (self));

  /* From the editor itself (the active window then) it does nothing. */
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (AT_IS_WINDOW (window))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.new-session", NULL);
}

/* app.repeat-session, app.new-session-of-type, app.edit-session: the window
 * action of the same name, with the same id (a session's, or an activity
 * type's), so that scripts and tests reach the editor over D-Bus. */
static void
forward_to_window_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  AtApplication *self = user_data;
  g_autofree char *name = g_strconcat ("win.", g_action_get_name (G_ACTION (action)), NULL);
  GtkWindow *window;

  g_assert (AT_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (AT_IS_WINDOW (window))
    gtk_widget_activate_action_variant (GTK_WIDGET (window), name, parameter);
}

static void
show_page_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  AtApplication *self = user_data;
  GtkWindow *window;
  const char *name = g_variant_get_string (parameter, NULL);

  g_assert (AT_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (!AT_IS_WINDOW (window))
    return;

  if (!at_window_show_page (AT_WINDOW (window), name))
    g_message ("There is no page “%s”", name);
  gtk_window_present (window);
}

static const GActionEntry app_entries[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "new-session", new_session_action },
  { "repeat-session", forward_to_window_action, "x" },
  { "new-session-of-type", forward_to_window_action, "x" },
  { "edit-session", forward_to_window_action, "x" },
  { "show-page", show_page_action, "s" },
};

/* For screenshots and testing: AT_COLOR_SCHEME=light|dark forces the style
 * instead of following the desktop. */
static void
apply_color_scheme (void)
{
  const char *scheme = g_getenv ("AT_COLOR_SCHEME");
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (scheme != NULL && scheme[0] != '\0')
    g_message ("AT_COLOR_SCHEME: “%s” is neither “light” nor “dark”", scheme);
}

static void
at_application_startup (GApplication *application)
{
  AtApplication *self = AT_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *new_session_accels[] = { "<Control>n", NULL };
  static const char *help_accels[] = { "<Control>question", "<Control><Shift>question", NULL };

  G_APPLICATION_CLASS (at_application_parent_class)->startup (application);

  apply_color_scheme ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-session", new_session_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
}

static void
at_application_activate (GApplication *application)
{
  AtApplication *self = AT_APPLICATION (application);
  g_autofree char *path = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = at_store_get_default_path ();
  at_application_open_database (self, path);
}

static int
at_application_command_line (GApplication            *application,
                              GApplicationCommandLine *command_line)
{
  AtApplication *self = AT_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *database = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &database) && database[0] != '\0')
    {
      /* Relative to the caller's folder, which need not be ours. */
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                             database);
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        {
          g_application_command_line_printerr (command_line,
                                               _("“%s” is not a local file\n"), database);
          return EXIT_FAILURE;
        }

      at_application_open_database (self, path);
      return EXIT_SUCCESS;
    }

  g_application_activate (application);
  return EXIT_SUCCESS;
}

static void
at_application_class_init (AtApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = at_application_startup;
  app_class->activate = at_application_activate;
  app_class->command_line = at_application_command_line;
}

static void
at_application_init (AtApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
}

AtApplication *
at_application_new (void)
{
  return g_object_new (AT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * at_application_open_database:
 * @path: a profile database, created when missing
 *
 * Presents the window showing @path, opening the file in a new window if
 * none shows it yet (off the main thread: see at_window_open()). A file
 * that cannot be opened gets a window saying why.
 */
void
at_application_open_database (AtApplication *self,
                              const char    *path)
{
  AtWindow *window;

  g_return_if_fail (AT_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  window = find_window_for_path (self, path);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  window = at_window_new (self);
  at_window_open (window, path);
  gtk_window_present (GTK_WINDOW (window));
}
