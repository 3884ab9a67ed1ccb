#pragma once

#include "at-core.h"

G_BEGIN_DECLS

gboolean at_profile_set_units (AtStore   *store,
                               AtRecord  *user,
                               gboolean   imperial,
                               GError   **error);

G_END_DECLS
