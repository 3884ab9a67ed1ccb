#pragma once

#include <adwaita.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_PREFERENCES_WINDOW (at_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AtPreferencesWindow, at_preferences_window, AT, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *at_preferences_window_new (GtkWindow *transient_for,
                                      AtStore   *store,
                                      gint64     user_id);

G_END_DECLS
