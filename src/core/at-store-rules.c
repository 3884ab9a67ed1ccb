/* at-store-rules.c: the store's half of the training rules — what a
 * transaction touched, the rules run at its commit, the clock and the
 * 1RM formula they use — and the unit and timezone caches. */

#define G_LOG_DOMAIN "at-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "at-store-private.h"
#include "at-training.h"

void
_at_store_forget_touched (AtStore *self)
{
  g_hash_table_remove_all (self->touched_sessions);
  g_hash_table_remove_all (self->touched_records);
  g_hash_table_remove_all (self->touched_users);
}

/* A session whose totals its writer has just set from what it wrote: the
 * commit has nothing to recompute for it (see _at_training_fill_totals). */
void
_at_store_forget_touched_session (AtStore *self,
                                  gint64   session_id)
{
  g_hash_table_remove (self->touched_sessions, &session_id);
}

/* touched_records maps "user:subtype" to the one session appended for it,
 * or to 0 when the records must be walked again from the start. */
static void
note_change (AtStore  *self,
             gint64    session_id,
             gint64    user_id,
             gint64    subtype_id,
             gboolean  appended)
{
  g_autofree char *key = NULL;
  gint64 *known;

  if (session_id != 0)
    g_hash_table_add (self->touched_sessions, g_memdup2 (&session_id, sizeof session_id));
  if (user_id != 0)
    g_hash_table_add (self->touched_users, g_memdup2 (&user_id, sizeof user_id));
  if (subtype_id == 0)
    return;

  key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, user_id, subtype_id);
  known = g_hash_table_lookup (self->touched_records, key);
  if (known == NULL)
    {
      gint64 appended_id = appended ? session_id : 0;

      g_hash_table_insert (self->touched_records, g_steal_pointer (&key),
                           g_memdup2 (&appended_id, sizeof appended_id));
    }
  else if (!appended || *known != session_id)
    {
      *known = 0;
    }
}

/* Notes a (session, user, exercise subtype) row for the training rules. */
void
_at_store_note_touched (AtStore *self,
                        gint64   session_id,
                        gint64   user_id,
                        gint64   subtype_id)
{
  note_change (self, session_id, user_id, subtype_id, FALSE);
}

/**
 * _at_store_note_appended:
 *
 * Like _at_store_note_touched() for a session just inserted: when it is
 * the only change to the user's records of that exercise and the user's
 * latest session, its records follow from the stored ones.
 */
void
_at_store_note_appended (AtStore *self,
                         gint64   session_id,
                         gint64   user_id,
                         gint64   subtype_id)
{
  note_change (self, session_id, user_id, subtype_id, TRUE);
}

static void
note_touched (AtStore      *self,
              sqlite3_stmt *stmt)
{
  _at_store_note_touched (self, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                          sqlite3_column_int64 (stmt, 2));
}

/**
 * _at_store_touch:
 *
 * Notes the session, user and exercises a row of a training table belongs
 * to, so that the rules run for them when the transaction commits. Called
 * before a write (what the row was) and after it (what it is).
 */
gboolean
_at_store_touch (AtStore        *self,
                 AtRecordClass  *klass,
                 gint64          id,
                 GError        **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  int rc;

  if (klass->touch_query == NULL || id == 0)
    return TRUE;

  stmt = _at_store_prepare (self, klass->touch_query, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    note_touched (self, stmt);

  if (rc != SQLITE_DONE)
    return _at_store_set_error (self, rc, klass->table, error);
  return TRUE;
}

/* Runs the training rules for what the transaction touched, inside it. */
gboolean
_at_store_apply_training_rules (AtStore  *self,
                                GError  **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->touched_sessions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!_at_training_update_session (self, *(gint64 *) key, error))
        return FALSE;
    }

  g_hash_table_iter_init (&iter, self->touched_records);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 user_id = 0, subtype_id = 0;

      if (sscanf (key, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, &user_id, &subtype_id) != 2)
        g_assert_not_reached ();
      if (!_at_training_update_records (self, user_id, subtype_id, *(gint64 *) value,
                                        self->formula, error))
        return FALSE;
    }

  g_hash_table_iter_init (&iter, self->touched_users);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!_at_training_update_user (self, *(gint64 *) key, error))
        return FALSE;
    }

  _at_store_forget_touched (self);
  return TRUE;
}

typedef struct
{
  char   *type;
  double  factor;
} Unit;

static void
unit_free (gpointer data)
{
  Unit *unit = data;

  g_free (unit->type);
  g_free (unit);
}

static GHashTable *
read_units (AtStore *self)
{
  GHashTable *units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, unit_free);
  g_autoptr(AtStatement) stmt = _at_store_prepare (self, "SELECT id, type, conversion_factor FROM unit",
                                                   NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      Unit *unit = g_new0 (Unit, 1);

      unit->type = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      unit->factor = sqlite3_column_double (stmt, 2);
      g_hash_table_insert (units, g_memdup2 (&id, sizeof id), unit);
    }
  return units;
}

/* Units are catalogue rows: read once per connection. */
static Unit *
lookup_unit (AtStore *self,
             gint64   unit_id)
{
  if (self->units == NULL)
    self->units = read_units (self);

  return g_hash_table_lookup (self->units, &unit_id);
}

/* The type of a unit ("weight", "distance" …), or NULL for no such unit. */
const char *
_at_store_get_unit_type (AtStore *self,
                         gint64   unit_id)
{
  Unit *unit = lookup_unit (self, unit_id);

  return unit != NULL ? unit->type : NULL;
}

/* A unit's factor to the base unit of its type, or 0 for no such unit. */
double
_at_store_get_unit_factor (AtStore *self,
                           gint64   unit_id)
{
  Unit *unit = lookup_unit (self, unit_id);

  return unit != NULL ? unit->factor : 0;
}

/* The base unit of weight: records and volumes are kept in it. */
gint64
_at_store_get_kilogram_unit (AtStore *self)
{
  if (self->kilogram_unit == 0)
    {
      gint64 id = 0;

      if (_at_store_query_int (self, "SELECT coalesce (max (id), 0) FROM unit"
                           " WHERE type = 'weight' AND is_base_unit = 1", &id, NULL))
        self->kilogram_unit = id;
    }
  return self->kilogram_unit;
}

/**
 * at_time_zone_lookup:
 * @identifier: an IANA name such as "Europe/Paris"
 *
 * Loading a timezone reads and parses its file: the rules ask for the same
 * few zones over and over, so they are kept once loaded.
 *
 * Returns: (transfer full) (nullable): the zone, or %NULL for an unknown name.
 */
GTimeZone *
at_time_zone_lookup (const char *identifier)
{
  static GMutex lock;
  static GHashTable *zones = NULL;
  GTimeZone *zone;

  g_return_val_if_fail (identifier != NULL, NULL);

  g_mutex_lock (&lock);
  if (zones == NULL)
    zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_time_zone_unref);
  zone = g_hash_table_lookup (zones, identifier);
  if (zone == NULL)
    {
      zone = g_time_zone_new_identifier (identifier);
      if (zone != NULL)
        g_hash_table_insert (zones, g_strdup (identifier), zone);
    }
  if (zone != NULL)
    g_time_zone_ref (zone);
  g_mutex_unlock (&lock);

  return zone;
}

/**
 * at_store_set_now:
 * @now: Unix seconds, or 0 for the real clock
 *
 * Fixes the clock the rules use for "today" and "this week": for tests and
 * for benchmarks, which run at the time of the newest session.
 */
void
at_store_set_now (AtStore *self,
                  gint64   now)
{
  g_return_if_fail (AT_IS_STORE (self));

  self->now = now;
}

gint64
at_store_get_now (AtStore *self)
{
  g_return_val_if_fail (AT_IS_STORE (self), 0);

  return self->now != 0 ? self->now : g_get_real_time () / G_USEC_PER_SEC;
}

void
at_store_set_one_rep_max_formula (AtStore            *self,
                                  AtOneRepMaxFormula  formula)
{
  g_return_if_fail (AT_IS_STORE (self));

  self->formula = formula;
}

AtOneRepMaxFormula
at_store_get_one_rep_max_formula (AtStore *self)
{
  g_return_val_if_fail (AT_IS_STORE (self), AT_ONE_REP_MAX_EPLEY);

  return self->formula;
}

/**
 * at_store_recompute_records:
 *
 * Recomputes every volume, personal record and PR flag of the user from
 * the sets, e.g. after the 1RM formula changed.
 */
gboolean
at_store_recompute_records (AtStore  *self,
                            gint64    user_id,
                            GError  **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (AT_IS_STORE (self), FALSE);

  if (!at_store_begin (self, error))
    return FALSE;

  stmt = _at_store_prepare (self,
                            "SELECT s.id, s.user_id, e.activity_subtype_id FROM activity_session s"
                            " LEFT JOIN activity_exercise e ON e.session_id = s.id"
                            " WHERE s.user_id = ?1", error);
  if (stmt == NULL)
    {
      at_store_rollback (self);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, user_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    note_touched (self, stmt);
  at_statement_reset (g_steal_pointer (&stmt));

  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (self, rc, "personal_record", error);
      at_store_rollback (self);
      return FALSE;
    }

  if (!at_store_commit (self, error))
    {
      at_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}
