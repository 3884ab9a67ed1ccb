#pragma once

#include "at-store.h"

G_BEGIN_DECLS

/* Values are stored in the unit they were entered in; these convert them
 * for display through the unit table's factors. */
gboolean  at_store_convert_unit   (AtStore  *store,
                                   double    value,
                                   gint64    from_unit_id,
                                   gint64    to_unit_id,
                                   double   *converted,
                                   GError  **error);
gboolean  at_store_to_user_weight (AtStore  *store,
                                   gint64    user_id,
                                   double    value,
                                   gint64    unit_id,
                                   double   *converted,
                                   gint64   *user_unit_id,
                                   GError  **error);

G_END_DECLS
