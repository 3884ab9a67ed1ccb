#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AT_TYPE_APPLICATION (at_application_get_type ())

G_DECLARE_FINAL_TYPE (AtApplication, at_application, AT, APPLICATION, AdwApplication)

AtApplication *at_application_new           (void);
void           at_application_open_database (AtApplication *self,
                                             const char    *path);

G_END_DECLS
