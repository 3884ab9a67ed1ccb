#pragma once

#include "at-store.h"

G_BEGIN_DECLS

/**
 * AtStoreJob:
 * @store: a connection of the worker's own to the same file
 * @job_data: what at_store_run_async() was given; the job writes its
 *   results into it
 * @cancellable: (nullable): the caller's cancellable
 * @error: where to put a failure
 *
 * Work that reads or writes the database off the main thread.
 *
 * Returns: %TRUE on success
 */
typedef gboolean (*AtStoreJob) (AtStore       *store,
                                gpointer       job_data,
                                GCancellable  *cancellable,
                                GError       **error);

void     at_store_run_async       (AtStore             *self,
                                   AtStoreJob           job,
                                   gpointer             job_data,
                                   GDestroyNotify       job_data_free,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
gboolean at_store_run_finish      (AtStore             *self,
                                   GAsyncResult        *result,
                                   GError             **error);
gpointer at_store_run_get_job_data (GAsyncResult       *result);

void     at_store_open_async      (const char          *path,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
AtStore *at_store_open_finish     (GAsyncResult        *result,
                                   GError             **error);

G_END_DECLS
