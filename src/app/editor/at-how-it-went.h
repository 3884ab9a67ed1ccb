#pragma once

#include <adwaita.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_HOW_IT_WENT (at_how_it_went_get_type ())

G_DECLARE_FINAL_TYPE (AtHowItWent, at_how_it_went, AT, HOW_IT_WENT, AdwBin)

void     at_how_it_went_show         (AtHowItWent  *self,
                                      AtRecord     *session);
void     at_how_it_went_fill         (AtHowItWent  *self,
                                      AtRecord     *session);
gboolean at_how_it_went_show_error   (AtHowItWent  *self,
                                      const GError *error);
void     at_how_it_went_clear_errors (AtHowItWent  *self);

G_END_DECLS
