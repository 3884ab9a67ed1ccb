#pragma once

#include <adwaita.h>

#include "at-core.h"
#include "at-application.h"

G_BEGIN_DECLS

#define AT_TYPE_WINDOW (at_window_get_type ())

G_DECLARE_FINAL_TYPE (AtWindow, at_window, AT, WINDOW, AdwApplicationWindow)

AtWindow   *at_window_new           (AtApplication *application);
AtStore    *at_window_get_store     (AtWindow      *self);
gint64      at_window_get_user_id   (AtWindow      *self);
void        at_window_set_store     (AtWindow      *self,
                                     AtStore       *store);
void        at_window_open          (AtWindow      *self,
                                     const char    *path);
const char *at_window_get_path      (AtWindow      *self);
gboolean    at_window_show_page     (AtWindow      *self,
                                     const char    *name);
void        at_window_show_error    (AtWindow      *self,
                                     const char    *path,
                                     const GError  *error);

G_END_DECLS
