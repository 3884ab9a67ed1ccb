/* at-store-checkpoint.c: copying the write-ahead log back into the file
 * off the writer's path
 *
 * SQLite's automatic checkpoint runs inside the commit that takes the log
 * past its threshold, so one save in a few hundred waits for the copy and
 * its fsyncs. Instead, the commit only wakes a thread of the store's own,
 * which checkpoints on a connection of its own (PASSIVE: it never waits for
 * readers or writers). The thread starts with the first checkpoint, so a
 * store that writes little never has one.
 *
 * The log only starts again from its beginning when a transaction begins
 * with all of it copied. A writer that commits back to back (a bulk load)
 * never leaves the thread that moment, and the log would grow without end:
 * 4.3 GB a quarter of the way through the benchmark workload, every page
 * read searching a longer index of it. So a commit that finds the log past
 * LOG_LIMIT_PAGES waits for the copy to finish. */

#define G_LOG_DOMAIN "at-store"

#include "config.h"

#include "at-store-private.h"

/* SQLite's own default threshold: about 4 MB of log with 4 KB pages. */
#define CHECKPOINT_PAGES 1000
/* About 64 MB: only a writer that outruns the thread gets there. */
#define LOG_LIMIT_PAGES  (16 * CHECKPOINT_PAGES)

struct _AtCheckpointer
{
  char     *path;
  GThread  *thread;
  GMutex    lock;
  GCond     wake;
  GCond     copied;
  guint64   requests;   /* checkpoints asked for so far */
  guint64   served;     /* the last request a finished checkpoint began after */
  gboolean  stopping;
};

/* Copies the log into the file; a connection sees the log once it has read
 * the file. */
static void
checkpoint (AtCheckpointer  *self,
            sqlite3        **db)
{
  if (*db == NULL &&
      (sqlite3_open_v2 (self->path, db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
       sqlite3_exec (*db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) != SQLITE_OK))
    {
      g_warning ("Cannot open %s to checkpoint its log: %s", self->path, sqlite3_errmsg (*db));
      g_clear_pointer (db, sqlite3_close_v2);
      return;
    }
  /* Busy or not, the next commit past the threshold asks again. */
  sqlite3_wal_checkpoint_v2 (*db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
}

static gpointer
checkpoint_thread (gpointer data)
{
  AtCheckpointer *self = data;
  sqlite3 *db = NULL;

  g_mutex_lock (&self->lock);
  for (;;)
    {
      guint64 serving;

      while (self->served == self->requests && !self->stopping)
        g_cond_wait (&self->wake, &self->lock);
      if (self->stopping)
        break;
      serving = self->requests;
      g_mutex_unlock (&self->lock);

      checkpoint (self, &db);

      g_mutex_lock (&self->lock);
      self->served = serving;
      g_cond_broadcast (&self->copied);
    }
  /* Nobody waits for a store that is closing. */
  self->served = self->requests;
  g_cond_broadcast (&self->copied);
  g_mutex_unlock (&self->lock);

  g_clear_pointer (&db, sqlite3_close_v2);
  return NULL;
}

static int
on_wal_commit (void       *data,
               sqlite3    *db,
               const char *schema,
               int         pages)
{
  AtCheckpointer *self = data;
  guint64 request;

  if (pages < CHECKPOINT_PAGES)
    return SQLITE_OK;

  g_mutex_lock (&self->lock);
  if (self->thread == NULL)
    self->thread = g_thread_new ("at-checkpoint", checkpoint_thread, self);
  request = ++self->requests;
  g_cond_signal (&self->wake);
  if (pages >= LOG_LIMIT_PAGES)
    while (self->served < request)
      g_cond_wait (&self->copied, &self->lock);
  g_mutex_unlock (&self->lock);
  return SQLITE_OK;
}

/* Takes over checkpoints of @db, a connection to @path in WAL mode. */
AtCheckpointer *
_at_checkpointer_new (sqlite3    *db,
                      const char *path)
{
  AtCheckpointer *self = g_new0 (AtCheckpointer, 1);

  self->path = g_strdup (path);
  g_mutex_init (&self->lock);
  g_cond_init (&self->wake);
  g_cond_init (&self->copied);
  /* Replaces the automatic checkpoint, which is itself a WAL hook. */
  sqlite3_wal_hook (db, on_wal_commit, self);
  return self;
}

/* Stops the thread after the checkpoint it may be running. Call before
 * closing the connection given to _at_checkpointer_new(). */
void
_at_checkpointer_free (AtCheckpointer *self)
{
  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  g_cond_signal (&self->wake);
  g_mutex_unlock (&self->lock);
  if (self->thread != NULL)
    g_thread_join (self->thread);

  g_mutex_clear (&self->lock);
  g_cond_clear (&self->wake);
  g_cond_clear (&self->copied);
  g_free (self->path);
  g_free (self);
}
