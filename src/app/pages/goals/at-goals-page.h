#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AT_TYPE_GOALS_PAGE (at_goals_page_get_type ())

G_DECLARE_FINAL_TYPE (AtGoalsPage, at_goals_page, AT, GOALS_PAGE, AdwBin)

GtkWidget *at_goals_page_new (void);

G_END_DECLS
