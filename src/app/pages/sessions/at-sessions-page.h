#pragma once

#include <adwaita.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_SESSIONS_PAGE (at_sessions_page_get_type ())

G_DECLARE_FINAL_TYPE (AtSessionsPage, at_sessions_page, AT, SESSIONS_PAGE, AdwBin)

GtkWidget *at_sessions_page_new          (void);
void       at_sessions_page_load         (AtSessionsPage  *self,
                                          AtStore         *store,
                                          gint64           user_id);
void       at_sessions_page_focus_search (AtSessionsPage  *self);
void       at_sessions_page_reload       (AtSessionsPage  *self);

G_END_DECLS
