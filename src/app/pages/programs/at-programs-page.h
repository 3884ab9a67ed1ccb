#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AT_TYPE_PROGRAMS_PAGE (at_programs_page_get_type ())

G_DECLARE_FINAL_TYPE (AtProgramsPage, at_programs_page, AT, PROGRAMS_PAGE, AdwBin)

GtkWidget *at_programs_page_new (void);

G_END_DECLS
