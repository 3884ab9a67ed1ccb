#pragma once

#include <adwaita.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_ACTIVITY_ROW (at_activity_row_get_type ())

G_DECLARE_FINAL_TYPE (AtActivityRow, at_activity_row, AT, ACTIVITY_ROW, AdwComboRow)

gboolean  at_activity_row_load         (AtActivityRow  *self,
                                        AtStore        *store,
                                        gint64          user_id,
                                        GError        **error);
AtRecord *at_activity_row_get_activity (AtActivityRow  *self);
gboolean  at_activity_row_is_strength  (AtActivityRow  *self);
gboolean  at_activity_row_select       (AtActivityRow  *self,
                                        gint64          activity_type_id);

G_END_DECLS
