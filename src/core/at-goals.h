#pragma once

#include "at-store.h"

G_BEGIN_DECLS

gboolean _at_goals_update (AtStore  *store,
                           gint64    user_id,
                           GError  **error);

G_END_DECLS
