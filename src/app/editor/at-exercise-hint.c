/* at-exercise-hint.c: the session editor's "last time" hint for an
 * exercise, "Last time (2024-05-20): 1×5 × 100 kg, 2×3 × 110 kg", read on
 * a worker through at_store_run_async(). */

#define G_LOG_DOMAIN "at-exercise-hint"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "at-exercise-hint.h"
#include "at-history.h"
#include "at-store-async.h"
#include "at-units.h"

typedef struct
{
  gint64     user_id;
  gint64     subtype_id;
  gint64     before;          /* sessions that started before this */
  gint64     session_id;      /* the session being edited, left out; or 0 */
  GTimeZone *zone;
  char      *hint;            /* out, or NULL when there is no last time */
} HintJob;

static void
hint_job_free (gpointer data)
{
  HintJob *job = data;

  g_clear_pointer (&job->zone, g_time_zone_unref);
  g_free (job->hint);
  g_free (job);
}

static double
set_weight (AtRecord *set)
{
  return at_record_is_null (set, "weight") ? 0 : at_record_get_double (set, "weight");
}

/* " × 100 kg": @set's weight in the user's unit, whose symbol @symbol
 * keeps once read. */
static gboolean
append_weight (AtStore   *store,
               HintJob   *job,
               AtRecord  *set,
               GString   *text,
               char     **symbol,
               GError   **error)
{
  g_autoptr(AtRecord) unit = NULL;
  double weight = set_weight (set);
  gint64 unit_id = 0;

  if (!at_store_to_user_weight (store, job->user_id, weight,
                                at_record_get_int (set, "weight_unit_id"),
                                &weight, &unit_id, error))
    return FALSE;
  /* The symbol is the hint's only use of the unit: without it, the number. */
  if (*symbol == NULL &&
      (unit = at_store_get (store, job->user_id, AT_TYPE_UNIT, unit_id, NULL)) != NULL)
    *symbol = g_strdup (at_record_get_string (unit, "symbol"));
  g_string_append_printf (text, " × %g %s", round (weight * 100) / 100,
                          *symbol != NULL ? *symbol : "");
  return TRUE;
}

/* The sets of the exercise in the user's last session with it, alike
 * ones counted. */
static char *
describe_sets (AtStore    *store,
               HintJob    *job,
               gint64      started_at,
               GListModel *sets,
               GError    **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (started_at);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, job->zone);
  g_autofree char *date = g_date_time_format (local, "%Y-%m-%d");
  g_autofree char *symbol = NULL;
  guint n_sets = g_list_model_get_n_items (sets);
  guint count = 0;

  for (guint i = 0; i < n_sets; i++)
    {
      g_autoptr(AtRecord) set = g_list_model_get_item (sets, i);
      g_autoptr(AtRecord) next = i + 1 < n_sets ? g_list_model_get_item (sets, i + 1) : NULL;
      gint64 reps = at_record_is_null (set, "reps") ? 0 : at_record_get_int (set, "reps");

      count++;
      if (next != NULL && at_record_get_int (next, "reps") == reps && set_weight (next) == set_weight (set))
        continue;

      g_string_append_printf (text, "%s%u×%" G_GINT64_FORMAT, text->len > 0 ? ", " : "", count, reps);
      if (set_weight (set) > 0 && !at_record_is_null (set, "weight_unit_id") &&
          !append_weight (store, job, set, text, &symbol, error))
        return NULL;
      count = 0;
    }

  /* Translators: "Last time (2024-05-20): 1×5 × 100 kg, 2×3 × 110 kg" */
  return g_strdup_printf (_("Last time (%s): %s"), date, text->str);
}

/* The user's last session with the exercise, other than the one edited. */
static const AtExerciseHistoryPoint *
find_last (GArray  *history,
           HintJob *job)
{
  for (guint i = history->len; i > 0; i--)
    {
      const AtExerciseHistoryPoint *point = &g_array_index (history, AtExerciseHistoryPoint, i - 1);

      if (point->session_id != job->session_id)
        return point;
    }
  return NULL;
}

/* Off the main thread: the last session with the exercise, and its sets
 * of it. */
static gboolean
hint_job (AtStore       *store,
          gpointer       job_data,
          GCancellable  *cancellable,
          GError       **error)
{
  HintJob *job = job_data;
  g_autoptr(GArray) history = NULL;
  g_autoptr(GListModel) exercises = NULL;
  const AtExerciseHistoryPoint *last;

  history = at_store_get_exercise_history (store, job->user_id, job->subtype_id, 0, job->before, error);
  if (history == NULL)
    return FALSE;
  last = find_last (history, job);
  if (last == NULL || g_cancellable_is_cancelled (cancellable))
    return TRUE;

  exercises = at_store_list (store, job->user_id, AT_TYPE_ACTIVITY_EXERCISE,
                             "session_id", last->session_id, error);
  if (exercises == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(AtRecord) exercise = g_list_model_get_item (exercises, i);
      g_autoptr(GListModel) sets = NULL;

      if (at_record_is_null (exercise, "activity_subtype_id") ||
          at_record_get_int (exercise, "activity_subtype_id") != job->subtype_id)
        continue;
      sets = at_store_list (store, job->user_id, AT_TYPE_EXERCISE_SET,
                            "exercise_id", at_record_get_id (exercise), error);
      if (sets == NULL)
        return FALSE;
      job->hint = describe_sets (store, job, last->started_at, sets, error);
      return job->hint != NULL;
    }
  return TRUE;
}

/**
 * at_exercise_hint_load_async:
 * @subtype_id: the exercise
 * @editing: (nullable): the stored session being edited, whose sets are
 *   not "last time", or %NULL for a new session
 * @zone: the user's time zone, for the date
 *
 * Reads what the user did in their last session with the exercise.
 */
void
at_exercise_hint_load_async (AtStore             *store,
                             gint64               user_id,
                             gint64               subtype_id,
                             AtSession           *editing,
                             GTimeZone           *zone,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  HintJob *job;

  g_return_if_fail (AT_IS_STORE (store));

  job = g_new0 (HintJob, 1);
  job->user_id = user_id;
  job->subtype_id = subtype_id;
  job->before = editing != NULL ? at_record_get_int (AT_RECORD (editing), "started_at") : G_MAXINT64;
  job->session_id = editing != NULL ? at_record_get_id (AT_RECORD (editing)) : 0;
  job->zone = g_time_zone_ref (zone);
  at_store_run_async (store, hint_job, job, hint_job_free, cancellable, callback, user_data);
}

/**
 * at_exercise_hint_load_finish:
 *
 * Returns: (transfer full) (nullable): the hint, or %NULL when there is
 *   no last time or, with @error set, it cannot be read
 */
char *
at_exercise_hint_load_finish (AtStore       *store,
                              GAsyncResult  *result,
                              GError       **error)
{
  HintJob *job;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);

  if (!at_store_run_finish (store, result, error))
    return NULL;
  job = at_store_run_get_job_data (result);
  return g_steal_pointer (&job->hint);
}
