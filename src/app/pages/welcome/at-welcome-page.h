#pragma once

#include <adwaita.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_WELCOME_PAGE (at_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (AtWelcomePage, at_welcome_page, AT, WELCOME_PAGE, AdwBin)

GtkWidget *at_welcome_page_new       (void);
void       at_welcome_page_set_store (AtWelcomePage *self,
                                      AtStore       *store);

G_END_DECLS
