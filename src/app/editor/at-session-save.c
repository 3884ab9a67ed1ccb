/* at-session-save.c: the session editor's writes, each through
 * at_store_run_async() on a connection of its own: a session with all its
 * parts (the core saves all of it or nothing), and a template from a
 * stored session. */

#define G_LOG_DOMAIN "at-session-save"

#include "config.h"

#include <glib/gi18n.h>

#include "at-session-save.h"
#include "at-store-async.h"

typedef struct
{
  gint64              user_id;
  AtWorkout          *workout;
  AtOneRepMaxFormula  formula;
  gint64              session_id;    /* out */
  GPtrArray          *record_names;  /* out: exercises with a new personal record */
} SaveJob;

typedef struct
{
  gint64  user_id;
  gint64  session_id;
  char   *template_name;
} TemplateJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_clear_object (&job->workout);
  g_clear_pointer (&job->record_names, g_ptr_array_unref);
  g_free (job);
}

static void
template_job_free (gpointer data)
{
  TemplateJob *job = data;

  g_free (job->template_name);
  g_free (job);
}

/* The names of the exercises with a new personal record in the session. */
static void
read_record_names (AtStore *store,
                   SaveJob *job)
{
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GError) error = NULL;

  job->record_names = g_ptr_array_new_with_free_func (g_free);
  /* The session is saved: a failure to read its records only costs the
   * mention in the toast. */
  records = at_store_list (store, job->user_id, AT_TYPE_PERSONAL_RECORD,
                           "session_id", job->session_id, &error);
  if (records == NULL)
    {
      g_debug ("Cannot read the new personal records: %s", error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(AtRecord) record = g_list_model_get_item (records, i);
      g_autoptr(AtRecord) subtype = NULL;
      const char *name;

      subtype = at_store_get (store, job->user_id, AT_TYPE_ACTIVITY_SUBTYPE,
                              at_record_get_int (record, "activity_subtype_id"), NULL);
      if (subtype == NULL)
        continue;
      name = at_record_get_string (subtype, "name");
      if (!g_ptr_array_find_with_equal_func (job->record_names, name, g_str_equal, NULL))
        g_ptr_array_add (job->record_names, g_strdup (name));
    }
}

static gboolean
save_job (AtStore       *store,
          gpointer       job_data,
          GCancellable  *cancellable,
          GError       **error)
{
  SaveJob *job = job_data;

  at_store_set_one_rep_max_formula (store, job->formula);
  if (!at_store_save_workout (store, job->user_id, job->workout, error))
    return FALSE;

  job->session_id = at_record_get_id (AT_RECORD (at_workout_get_session (job->workout)));
  read_record_names (store, job);
  return TRUE;
}

/* "Session saved — new personal record in Squat, Bench Press" */
static char *
saved_title (GPtrArray *record_names)
{
  g_autofree char *names = NULL;

  if (record_names->len == 0)
    return g_strdup (_("Session saved"));

  g_ptr_array_add (record_names, NULL);
  names = g_strjoinv (", ", (char **) record_names->pdata);
  /* Translators: %s names exercises, such as "Squat, Bench Press" */
  return g_strdup_printf (_("Session saved — new personal record in %s"), names);
}

/**
 * at_session_save_async:
 * @workout: the session with its exercises, sets and metrics
 *
 * Saves @workout, a new session or a stored one, on a worker. There is no
 * cancellable: a save that began finishes.
 */
void
at_session_save_async (AtStore             *store,
                       gint64               user_id,
                       AtWorkout           *workout,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  SaveJob *job;

  g_return_if_fail (AT_IS_STORE (store));
  g_return_if_fail (AT_IS_WORKOUT (workout));

  job = g_new0 (SaveJob, 1);
  job->user_id = user_id;
  job->workout = g_object_ref (workout);
  job->formula = at_store_get_one_rep_max_formula (store);
  at_store_run_async (store, save_job, job, save_job_free, NULL, callback, user_data);
}

/**
 * at_session_save_finish:
 * @toast_title: (out) (transfer full): what to tell the user, with the
 *   new personal records
 *
 * Returns: the saved session's id, or 0 with @error set
 */
gint64
at_session_save_finish (AtStore       *store,
                        GAsyncResult  *result,
                        char         **toast_title,
                        GError       **error)
{
  SaveJob *job;

  g_return_val_if_fail (AT_IS_STORE (store), 0);

  if (!at_store_run_finish (store, result, error))
    return 0;
  job = at_store_run_get_job_data (result);
  *toast_title = saved_title (job->record_names);
  return job->session_id;
}

static gboolean
save_template_job (AtStore       *store,
                   gpointer       job_data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  TemplateJob *job = job_data;

  return at_store_save_as_template (store, job->user_id, job->session_id,
                                    job->template_name, error) > 0;
}

/**
 * at_session_save_as_template_async:
 * @session_id: a stored session
 * @template_name: the new template's name
 *
 * Saves a plan of @session_id, as stored, under @template_name.
 */
void
at_session_save_as_template_async (AtStore             *store,
                                   gint64               user_id,
                                   gint64               session_id,
                                   const char          *template_name,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  TemplateJob *job;

  g_return_if_fail (AT_IS_STORE (store));

  job = g_new0 (TemplateJob, 1);
  job->user_id = user_id;
  job->session_id = session_id;
  job->template_name = g_strdup (template_name);
  at_store_run_async (store, save_template_job, job, template_job_free, NULL, callback, user_data);
}

/**
 * at_session_save_as_template_finish:
 *
 * Returns: (transfer full): what to tell the user, or %NULL with @error set
 */
char *
at_session_save_as_template_finish (AtStore       *store,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  TemplateJob *job;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);

  if (!at_store_run_finish (store, result, error))
    return NULL;
  job = at_store_run_get_job_data (result);
  /* Translators: %s is the template's name */
  return g_strdup_printf (_("Saved as the template “%s”"), job->template_name);
}
