/* at-streaks.c: placeholder until the streak rules land (issue 3). */

#define G_LOG_DOMAIN "at-streaks"

#include "config.h"

#include "at-streaks.h"

gboolean
_at_streaks_update (AtStore  *store,
                    gint64    user_id,
                    GError  **error)
{
  return TRUE;
}
