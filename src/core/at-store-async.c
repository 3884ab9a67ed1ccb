/* at-store-async.c: running store work on a worker thread
 *
 * A SQLite connection belongs to the thread that uses it, so each job opens
 * a connection of its own to the store's file. Opening is cheap next to a
 * page load (the schema is already there), and a fresh connection never
 * holds a cache that another connection's writes have made stale. */

#include "config.h"

#include "at-store-async.h"

typedef struct
{
  char           *path;
  AtStoreJob      job;
  gpointer        job_data;
  GDestroyNotify  job_data_free;
} Job;

static void
job_free (Job *job)
{
  if (job->job_data_free != NULL && job->job_data != NULL)
    job->job_data_free (job->job_data);
  g_free (job->path);
  g_free (job);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(AtStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if ((store = at_store_open (job->path, &error)) == NULL ||
      !job->job (store, job->job_data, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * at_store_run_async:
 * @self: a store
 * @job: the work, run on a worker thread with a connection of its own
 * @job_data: (transfer full): input and output of @job
 * @job_data_free: (nullable): frees @job_data when the task is done
 * @cancellable: (nullable): a cancellable; once cancelled, @callback gets
 *   %G_IO_ERROR_CANCELLED at once and whatever @job still does is dropped
 * @callback: called on the caller's main context
 * @user_data: for @callback
 *
 * Runs @job off the calling thread. In @callback, call
 * at_store_run_finish(), then read the results from
 * at_store_run_get_job_data().
 */
void
at_store_run_async (AtStore             *self,
                    AtStoreJob           job,
                    gpointer             job_data,
                    GDestroyNotify       job_data_free,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *data;

  g_return_if_fail (AT_IS_STORE (self));
  g_return_if_fail (job != NULL);

  data = g_new0 (Job, 1);
  data->path = g_strdup (at_store_get_path (self));
  data->job = job;
  data->job_data = job_data;
  data->job_data_free = job_data_free;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, at_store_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify) job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, run_thread);
}

/**
 * at_store_run_finish:
 * @self: a store
 * @result: the result given to the callback
 * @error: where to put the job's failure, or %G_IO_ERROR_CANCELLED
 *
 * Returns: %TRUE if the job ran and succeeded
 */
gboolean
at_store_run_finish (AtStore       *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == at_store_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * at_store_run_get_job_data:
 * @result: the result given to the callback
 *
 * Returns: (transfer none): the job data given to at_store_run_async(),
 *   valid until the callback returns
 */
gpointer
at_store_run_get_job_data (GAsyncResult *result)
{
  Job *job = g_task_get_task_data (G_TASK (result));

  return job->job_data;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  AtStore *store = at_store_open (task_data, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/**
 * at_store_open_async:
 * @path: the database file; created with its folder when missing
 * @cancellable: (nullable): a cancellable; once cancelled, @callback gets
 *   %G_IO_ERROR_CANCELLED at once and the store, if it still opens, is closed
 * @callback: called on the caller's main context
 * @user_data: for @callback
 *
 * Opens @path as at_store_open() does, on a worker thread: upgrading a large
 * file to this version's format can take seconds. The store is then used
 * from the thread that called at_store_open_finish().
 */
void
at_store_open_async (const char          *path,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, at_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, open_thread);
}

/**
 * at_store_open_finish:
 * @result: the result given to the callback
 * @error: where to put why the file cannot be opened, or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full) (nullable): the store, or %NULL on failure
 */
AtStore *
at_store_open_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == at_store_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
