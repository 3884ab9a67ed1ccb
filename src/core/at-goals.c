/* at-goals.c: placeholder until the goal rules land (issue 3). */

#define G_LOG_DOMAIN "at-goals"

#include "config.h"

#include "at-goals.h"

gboolean
_at_goals_update (AtStore  *store,
                  gint64    user_id,
                  GError  **error)
{
  return TRUE;
}
