#pragma once

#include <adwaita.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_TODAY_PAGE (at_today_page_get_type ())

G_DECLARE_FINAL_TYPE (AtTodayPage, at_today_page, AT, TODAY_PAGE, AdwBin)

GtkWidget *at_today_page_new    (void);
void       at_today_page_load   (AtTodayPage *self,
                                 AtStore     *store,
                                 gint64       user_id);
void       at_today_page_reload (AtTodayPage *self);

G_END_DECLS
