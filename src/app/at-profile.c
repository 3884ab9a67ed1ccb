/* at-profile.c: helpers shared by the views that edit the app_user row. */

#define G_LOG_DOMAIN "at-profile"

#include "config.h"

#include <glib/gi18n.h>

#include "at-profile.h"

static gint64
find_unit (GListModel  *units,
           const char  *name,
           GError     **error)
{
  guint n_items = g_list_model_get_n_items (units);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AtRecord) unit = g_list_model_get_item (units, i);

      if (g_strcmp0 (at_record_get_string (unit, "name"), name) == 0)
        return at_record_get_id (unit);
    }

  g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND,
               _("The unit catalogue has no “%s”"), name);
  return 0;
}

/**
 * at_profile_set_units:
 * @user: an app_user record, changed only on success
 * @imperial: pounds and miles rather than kilograms and kilometers
 *
 * Sets the measurement preference and the weight and distance units of
 * @user, looking the units up in @store's catalogue by name. Writes nothing.
 */
gboolean
at_profile_set_units (AtStore   *store,
                      AtRecord  *user,
                      gboolean   imperial,
                      GError   **error)
{
  g_autoptr(GListModel) units = NULL;
  gint64 weight_id, distance_id;

  g_return_val_if_fail (AT_IS_STORE (store), FALSE);
  g_return_val_if_fail (AT_IS_USER (user), FALSE);

  units = at_store_list (store, 0, AT_TYPE_UNIT, NULL, 0, error);
  if (units == NULL)
    return FALSE;

  weight_id = find_unit (units, imperial ? "pounds" : "kilograms", error);
  if (weight_id == 0)
    return FALSE;
  distance_id = find_unit (units, imperial ? "miles" : "kilometers", error);
  if (distance_id == 0)
    return FALSE;

  at_record_set_string (user, "measurement_preference", imperial ? "imperial" : "metric");
  at_record_set_int (user, "weight_unit_id", weight_id);
  at_record_set_int (user, "distance_unit_id", distance_id);
  return TRUE;
}
