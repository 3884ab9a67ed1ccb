/* at-units.c: unit conversion by the unit table's factors. */

#define G_LOG_DOMAIN "at-units"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "at-store-private.h"
#include "at-units.h"

static gboolean
read_unit (AtStore      *store,
           gint64        unit_id,
           double       *factor,
           const char  **type,
           GError      **error)
{
  *type = _at_store_get_unit_type (store, unit_id);
  *factor = _at_store_get_unit_factor (store, unit_id);
  if (*type == NULL || *factor <= 0)
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
                   _("unit: %" PRId64 " is not a known unit"), unit_id);
      return FALSE;
    }
  return TRUE;
}

/**
 * at_store_convert_unit:
 *
 * Converts @value from one unit to another of the same type (kg to lb, km
 * to mi …): value × factor(from) / factor(to).
 */
gboolean
at_store_convert_unit (AtStore  *store,
                       double    value,
                       gint64    from_unit_id,
                       gint64    to_unit_id,
                       double   *converted,
                       GError  **error)
{
  const char *from_type, *to_type;
  double from_factor, to_factor;

  g_return_val_if_fail (AT_IS_STORE (store), FALSE);
  g_return_val_if_fail (converted != NULL, FALSE);

  if (from_unit_id == to_unit_id)
    {
      *converted = value;
      return TRUE;
    }

  if (!read_unit (store, from_unit_id, &from_factor, &from_type, error) ||
      !read_unit (store, to_unit_id, &to_factor, &to_type, error))
    return FALSE;

  if (!g_str_equal (from_type, to_type))
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
                   _("unit: cannot convert %s to %s"), from_type, to_type);
      return FALSE;
    }

  *converted = value * from_factor / to_factor;
  return TRUE;
}

/**
 * at_store_to_user_weight:
 * @user_unit_id: (out): the unit of @converted, the user's preferred one
 *
 * Shows a weight in the user's preferred weight unit (kg when none).
 */
gboolean
at_store_to_user_weight (AtStore  *store,
                         gint64    user_id,
                         double    value,
                         gint64    unit_id,
                         double   *converted,
                         gint64   *user_unit_id,
                         GError  **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  gint64 wanted;

  g_return_val_if_fail (AT_IS_STORE (store), FALSE);

  stmt = _at_store_prepare (store, "SELECT weight_unit_id FROM app_user WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  wanted = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL
         ? sqlite3_column_int64 (stmt, 0) : _at_store_get_kilogram_unit (store);

  if (!at_store_convert_unit (store, value, unit_id, wanted, converted, error))
    return FALSE;
  if (user_unit_id != NULL)
    *user_unit_id = wanted;
  return TRUE;
}
