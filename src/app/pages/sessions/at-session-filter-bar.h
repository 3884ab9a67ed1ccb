#pragma once

#include <adwaita.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_SESSION_FILTER_BAR (at_session_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (AtSessionFilterBar, at_session_filter_bar, AT, SESSION_FILTER_BAR, AdwBin)

GtkWidget *at_session_filter_bar_new            (void);
void       at_session_filter_bar_set_activities (AtSessionFilterBar *self,
                                                 GPtrArray          *activities);
gboolean   at_session_filter_bar_read           (AtSessionFilterBar *self,
                                                 AtSessionFilter    *filter);
gboolean   at_session_filter_bar_is_filtering   (AtSessionFilterBar *self);

G_END_DECLS
