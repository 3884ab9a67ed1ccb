#pragma once

#include <adwaita.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_PROGRESS_PAGE (at_progress_page_get_type ())

G_DECLARE_FINAL_TYPE (AtProgressPage, at_progress_page, AT, PROGRESS_PAGE, AdwBin)

GtkWidget *at_progress_page_new         (void);
void       at_progress_page_load        (AtProgressPage  *self,
                                         AtStore         *store,
                                         gint64           user_id);
gboolean   at_progress_page_export_chart (AtProgressPage *self,
                                          const char     *path,
                                          GError        **error);

G_END_DECLS
