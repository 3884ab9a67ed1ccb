#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AT_TYPE_SOCIAL_PAGE (at_social_page_get_type ())

G_DECLARE_FINAL_TYPE (AtSocialPage, at_social_page, AT, SOCIAL_PAGE, AdwBin)

GtkWidget *at_social_page_new (void);

G_END_DECLS
