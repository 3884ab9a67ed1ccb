#pragma once

#include <adwaita.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_BODY_PAGE (at_body_page_get_type ())

G_DECLARE_FINAL_TYPE (AtBodyPage, at_body_page, AT, BODY_PAGE, AdwBin)

GtkWidget *at_body_page_new  (void);
void       at_body_page_load (AtBodyPage *self,
                              AtStore    *store,
                              gint64      user_id);

G_END_DECLS
