#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AT_TYPE_ACHIEVEMENTS_PAGE (at_achievements_page_get_type ())

G_DECLARE_FINAL_TYPE (AtAchievementsPage, at_achievements_page, AT, ACHIEVEMENTS_PAGE, AdwBin)

GtkWidget *at_achievements_page_new (void);

G_END_DECLS
