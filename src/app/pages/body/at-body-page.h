#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AT_TYPE_BODY_PAGE (at_body_page_get_type ())

G_DECLARE_FINAL_TYPE (AtBodyPage, at_body_page, AT, BODY_PAGE, AdwBin)

GtkWidget *at_body_page_new (void);

G_END_DECLS
