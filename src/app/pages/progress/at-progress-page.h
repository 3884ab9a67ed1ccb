#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AT_TYPE_PROGRESS_PAGE (at_progress_page_get_type ())

G_DECLARE_FINAL_TYPE (AtProgressPage, at_progress_page, AT, PROGRESS_PAGE, AdwBin)

GtkWidget *at_progress_page_new (void);

G_END_DECLS
