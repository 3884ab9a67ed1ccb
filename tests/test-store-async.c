/* test-store-async.c: store work on a worker thread */

#include "at-test-util.h"

typedef struct
{
  AtTestFixture t;
  gint64        user;
  GMainLoop    *loop;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  at_test_fixture_open (&f->t);
  f->user = at_test_create_user (f->t.store, "async");
  f->loop = g_main_loop_new (NULL, FALSE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_main_loop_unref (f->loop);
  at_test_fixture_close (&f->t);
}

/* What a job sees and does. */
typedef struct
{
  gint64    user;
  gint64    activity_type_id;
  GThread  *thread;
  GThread  *callback_thread;
  gint64    session_id;
  guint     n_sessions;
  gboolean  fail;
  gboolean  block;
  GMutex    mutex;
  GCond     cond;
  gboolean  released;
  gint      freed;
} Job;

static gboolean
add_and_count (AtStore       *store,
               gpointer       job_data,
               GCancellable  *cancellable,
               GError       **error)
{
  Job *job = job_data;
  g_autoptr(AtSession) session = at_test_session_new (job->activity_type_id, 1700000000, "Worker");
  g_autoptr(GListModel) sessions = NULL;

  g_atomic_pointer_set (&job->thread, g_thread_self ());
  if (job->block)
    {
      g_mutex_lock (&job->mutex);
      while (!job->released)
        g_cond_wait (&job->cond, &job->mutex);
      g_mutex_unlock (&job->mutex);
    }
  if (job->fail)
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID, "refused on purpose");
      return FALSE;
    }
  if (!at_store_insert (store, job->user, AT_RECORD (session), error))
    return FALSE;
  job->session_id = at_record_get_id (AT_RECORD (session));
  sessions = at_store_list (store, job->user, AT_TYPE_SESSION, NULL, 0, error);
  if (sessions == NULL)
    return FALSE;
  job->n_sessions = g_list_model_get_n_items (sessions);
  return TRUE;
}

static void
job_mark_freed (gpointer data)
{
  Job *job = data;

  g_atomic_int_set (&job->freed, TRUE);
}

/* The task, and with it its ref on the store, can outlive the callback by
 * a moment on the worker: wait for it, so the fixture finds the store freed. */
static void
wait_until_freed (Job *job)
{
  while (!g_atomic_int_get (&job->freed))
    g_usleep (1000);
}

typedef struct
{
  Fixture  *f;
  gboolean  ok;
  GError   *error;
  Job      *job;
} Outcome;

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = at_store_run_finish (AT_STORE (source), result, &outcome->error);
  outcome->job = at_store_run_get_job_data (result);
  outcome->job->callback_thread = g_thread_self ();
  g_main_loop_quit (outcome->f->loop);
}

static void
test_runs_on_a_worker (Fixture       *f,
                       gconstpointer  data)
{
  Job job = { .user = f->user, .activity_type_id = f->t.cat.running_id };
  Outcome outcome = { .f = f };

  at_store_run_async (f->t.store, add_and_count, &job, job_mark_freed, NULL, on_done_cb, &outcome);
  g_main_loop_run (f->loop);

  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  g_assert_true (outcome.job == &job);
  wait_until_freed (&job);
  g_assert_true (job.thread != g_thread_self ());
  g_assert_true (job.callback_thread == g_thread_self ());
  g_assert_cmpuint (job.n_sessions, ==, 1);
  /* The worker's write is in the file the main connection reads. */
  g_assert_cmpint (at_test_query_int (f->t.db, "SELECT count(*) FROM activity_session"
                                               " WHERE id = %" G_GINT64_FORMAT,
                                      job.session_id), ==, 1);
}

static void
test_failure_reaches_the_caller (Fixture       *f,
                                 gconstpointer  data)
{
  Job job = { .user = f->user, .activity_type_id = f->t.cat.running_id, .fail = TRUE };
  Outcome outcome = { .f = f };

  at_store_run_async (f->t.store, add_and_count, &job, job_mark_freed, NULL, on_done_cb,
                      &outcome);
  g_main_loop_run (f->loop);

  g_assert_false (outcome.ok);
  g_assert_error (outcome.error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID);
  g_assert_cmpstr (outcome.error->message, ==, "refused on purpose");
  g_clear_error (&outcome.error);
  wait_until_freed (&job);
  g_assert_cmpint (at_test_query_int (f->t.db, "SELECT count(*) FROM activity_session"), ==, 0);
}

static void
test_a_missing_file_is_an_error (Fixture       *f,
                                 gconstpointer  data)
{
  Job job = { .user = f->user, .activity_type_id = f->t.cat.running_id };
  Outcome outcome = { .f = f };
  g_autofree char *moved = g_strconcat (f->t.path, ".moved", NULL);

  /* The worker opens the path anew: a folder there cannot be opened. */
  g_assert_cmpint (g_rename (f->t.path, moved), ==, 0);
  g_assert_cmpint (g_mkdir (f->t.path, 0700), ==, 0);
  at_store_run_async (f->t.store, add_and_count, &job, job_mark_freed, NULL, on_done_cb,
                      &outcome);
  g_main_loop_run (f->loop);

  g_assert_false (outcome.ok);
  g_assert_nonnull (outcome.error);
  g_assert_true (outcome.error->domain == AT_STORE_ERROR);
  g_assert_nonnull (strstr (outcome.error->message, f->t.path));
  g_assert_null (job.thread);
  g_clear_error (&outcome.error);
  wait_until_freed (&job);
  g_assert_cmpint (g_rmdir (f->t.path), ==, 0);
  g_assert_cmpint (g_rename (moved, f->t.path), ==, 0);
}

static void
test_cancel_returns_at_once (Fixture       *f,
                             gconstpointer  data)
{
  Job *job = g_new0 (Job, 1);
  Outcome outcome = { .f = f };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  job->user = f->user;
  job->activity_type_id = f->t.cat.running_id;
  job->block = TRUE;
  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);

  at_store_run_async (f->t.store, add_and_count, job, job_mark_freed, cancellable, on_done_cb,
                      &outcome);
  /* Cancelled once the job runs, the job goes on; its result is dropped. */
  while (g_atomic_pointer_get (&job->thread) == NULL)
    g_usleep (1000);
  g_cancellable_cancel (cancellable);
  g_main_loop_run (f->loop);

  /* The callback came while the job was still held. */
  g_assert_false (outcome.ok);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&outcome.error);

  g_mutex_lock (&job->mutex);
  job->released = TRUE;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->mutex);

  wait_until_freed (job);
  g_assert_cmpint (at_test_query_int (f->t.db, "SELECT count(*) FROM activity_session"), ==, 1);
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
  g_free (job);
}

/* The log goes back into the file without anyone asking: a commit past
 * the threshold wakes the store's checkpoint thread. */
static void
test_log_is_checkpointed (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = g_strnfill (6 * 1024 * 1024, 'x');
  g_autoptr(AtSession) session = at_test_session_new (f->t.cat.running_id, 1700000000, "Long notes");
  GStatBuf before, after;
  gint64 deadline;

  g_assert_cmpint (g_stat (f->t.path, &before), ==, 0);
  at_record_set_string (AT_RECORD (session), "notes", notes);
  g_assert_true (at_store_insert (f->t.store, f->user, AT_RECORD (session), &error));
  g_assert_no_error (error);

  /* Only a checkpoint writes the 6 MB into the database file itself. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  do
    {
      g_usleep (10000);
      g_assert_cmpint (g_stat (f->t.path, &after), ==, 0);
    }
  while (after.st_size < before.st_size + 6 * 1024 * 1024 && g_get_monotonic_time () < deadline);
  g_assert_cmpint (after.st_size, >=, before.st_size + 6 * 1024 * 1024);
}

/* What an asynchronous open hands back. */
typedef struct
{
  GMainLoop *loop;
  AtStore   *store;
  GError    *error;
  GThread   *callback_thread;
} Opened;

static void
on_opened_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Opened *opened = user_data;

  opened->callback_thread = g_thread_self ();
  opened->store = at_store_open_finish (result, &opened->error);
  g_main_loop_quit (opened->loop);
}

/* The file opens on a worker, and the store is handed to the caller's
 * thread; a file that cannot be opened says why, as at_store_open() does. */
static void
test_open_on_a_worker (Fixture       *f,
                       gconstpointer  data)
{
  Opened opened = { f->loop };
  g_autoptr(GListModel) users = NULL;
  g_autoptr(GError) error = NULL;

  at_store_open_async (f->t.path, NULL, on_opened_cb, &opened);
  g_main_loop_run (f->loop);
  g_assert_no_error (opened.error);
  g_assert_nonnull (opened.store);
  g_assert_true (opened.callback_thread == g_thread_self ());
  g_assert_cmpstr (at_store_get_path (opened.store), ==, f->t.path);
  users = at_store_list_users (opened.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (users), ==, 1);
  g_clear_object (&opened.store);

  at_store_open_async (f->t.dir, NULL, on_opened_cb, &opened);
  g_main_loop_run (f->loop);
  g_assert_null (opened.store);
  g_assert_error (opened.error, AT_STORE_ERROR, AT_STORE_ERROR_CANNOT_OPEN);
  g_assert_nonnull (strstr (opened.error->message, f->t.dir));
  g_clear_error (&opened.error);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  at_test_keep_going (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/store-async/worker", test_runs_on_a_worker);
  ADD ("/core/store-async/failure", test_failure_reaches_the_caller);
  ADD ("/core/store-async/missing-file", test_a_missing_file_is_an_error);
  ADD ("/core/store-async/cancel", test_cancel_returns_at_once);
  ADD ("/core/store-async/checkpoint", test_log_is_checkpointed);
  ADD ("/core/store-async/open", test_open_on_a_worker);

  return g_test_run ();
}
