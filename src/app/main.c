/* main.c: the entry point of activity-tracker. */

#include "config.h"

#include <glib/gi18n.h>

#include "at-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtApplication) app = NULL;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Activity Tracker"));

  app = at_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
