#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AT_TYPE_PHOTOS_PAGE (at_photos_page_get_type ())

G_DECLARE_FINAL_TYPE (AtPhotosPage, at_photos_page, AT, PHOTOS_PAGE, AdwBin)

GtkWidget *at_photos_page_new (void);

G_END_DECLS
