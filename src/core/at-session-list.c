/* at-session-list.c: AtSessionList, a lazy GListModel over a user's
 * sessions, newest first, filtered by activity type, local days and words.
 *
 * Like AtRecordList it counts once and reads pages of PAGE_SIZE rows on
 * demand, by keyset from a loaded neighbour (the page before or the page
 * after), or by OFFSET from the nearer end of the list, so that jumping to
 * the bottom of a long list reads one page from the bottom. It keeps at most
 * MAX_PAGES pages, dropping the ones farthest from the last page read. Each
 * page also reads what the rows' headline figures need, in the same
 * statement: no query per row.
 *
 * A list is a snapshot: it does not follow store changes; its owner loads a
 * new one (at_session_list_new_async() does the count and the first page on
 * a worker). */

#define G_LOG_DOMAIN "at-session-list"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "at-search.h"
#include "at-session.h"
#include "at-session-list.h"
#include "at-store-async.h"
#include "at-store-private.h"

#define PAGE_SIZE  100
#define MAX_PAGES  30

typedef struct
{
  GPtrArray *sessions;   /* AtSession, newest first */
  GArray    *headlines;  /* AtSessionHeadline, one per session */
  guint64    last_used;
} Page;

typedef enum
{
  READ_OFFSET,           /* newest first, from the top, by OFFSET */
  READ_OFFSET_FROM_END,  /* oldest first, from the bottom, by OFFSET */
  READ_AFTER,            /* the rows after a key, newest first */
  READ_BEFORE,           /* the rows before a key, oldest first */
  N_READS
} Read;

struct _AtSessionList
{
  GObject     parent_instance;

  AtStore    *store;
  gint64      user_id;
  gint64      activity_type_id;
  char       *from_date;
  char       *to_date;
  char       *words;         /* FTS query, or NULL */
  char       *match;         /* session_fts MATCH for words, or NULL */

  char       *weight_unit;
  double      weight_factor;
  char       *distance_unit;
  double      distance_factor;

  char       *count_sql;
  char       *page_sql[N_READS];
  guint       n_items;
  GPtrArray  *pages;         /* page index → Page, or NULL */
  guint64     clock;
  GError     *error;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtSessionList, at_session_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
page_free (gpointer data)
{
  Page *page = data;

  if (page == NULL)
    return;
  g_ptr_array_unref (page->sessions);
  g_array_unref (page->headlines);
  g_free (page);
}

static void
append_filters (AtSessionList *self,
                GString       *sql)
{
  if (self->activity_type_id != 0)
    g_string_append (sql, " AND activity_type_id = :type");
  if (self->from_date != NULL)
    g_string_append (sql, " AND local_date >= :from");
  if (self->to_date != NULL)
    g_string_append (sql, " AND local_date <= :to");
  if (self->match != NULL)
    g_string_append (sql, " AND (id IN (SELECT rowid FROM session_fts WHERE session_fts MATCH :match)"
                          "  OR id IN (SELECT session_id FROM activity_exercise"
                          "   WHERE user_id = :user AND activity_subtype_id IN"
                          "    (SELECT rowid FROM exercise_fts WHERE exercise_fts MATCH :words)))");
}

/* The page's rows, then the distance metric in the user's distance unit. */
static char *
build_page_sql (AtSessionList *self,
                Read           read)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (AT_TYPE_SESSION);
  g_autoptr(GString) sql = g_string_new ("SELECT p.*,"
                                         " (SELECT m.metric_value_numeric"
                                         "    * coalesce (u.conversion_factor, :distance_factor)"
                                         "    / :distance_factor"
                                         "  FROM activity_metric m LEFT JOIN unit u ON u.id = m.unit_id"
                                         "  WHERE m.session_id = p.id AND m.metric_name = 'distance'"
                                         "    AND m.metric_value_numeric IS NOT NULL"
                                         "  ORDER BY m.id LIMIT 1)"
                                         " FROM (");
  gboolean oldest_first = read == READ_OFFSET_FROM_END || read == READ_BEFORE;

  _at_store_append_select (sql, AT_RECORD_CLASS (klass));
  append_filters (self, sql);
  if (read == READ_AFTER)
    g_string_append (sql, " AND (started_at, id) < (:key, :id)");
  else if (read == READ_BEFORE)
    g_string_append (sql, " AND (started_at, id) > (:key, :id)");
  g_string_append (sql, oldest_first ? " ORDER BY started_at ASC, id ASC"
                                     : " ORDER BY started_at DESC, id DESC");
  g_string_append (sql, " LIMIT :limit");
  if (read == READ_OFFSET || read == READ_OFFSET_FROM_END)
    g_string_append (sql, " OFFSET :offset");
  g_string_append (sql, ") AS p ORDER BY p.started_at DESC, p.id DESC");

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static void
build_sql (AtSessionList *self)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (AT_TYPE_SESSION);
  g_autoptr(GString) count = g_string_new (NULL);

  _at_store_append_count (count, AT_RECORD_CLASS (klass));
  append_filters (self, count);
  self->count_sql = g_string_free (g_steal_pointer (&count), FALSE);

  for (guint i = 0; i < N_READS; i++)
    self->page_sql[i] = build_page_sql (self, i);
}

static void
bind_filters (AtSessionList *self,
              sqlite3_stmt  *stmt)
{
  at_statement_bind_int (stmt, ":user", self->user_id);
  at_statement_bind_int (stmt, ":type", self->activity_type_id);
  at_statement_bind_text (stmt, ":from", self->from_date);
  at_statement_bind_text (stmt, ":to", self->to_date);
  at_statement_bind_text (stmt, ":match", self->match);
  at_statement_bind_text (stmt, ":words", self->words);
  at_statement_bind_double (stmt, ":distance_factor", self->distance_factor);
}

static void
remember_error (AtSessionList *self,
                GError        *error)
{
  g_debug ("Cannot read the sessions: %s", error->message);
  g_clear_error (&self->error);
  self->error = error;
}

static gboolean
read_units (AtSessionList  *self,
            GError        **error)
{
  g_autoptr(AtStatement) stmt = NULL;
  int rc;

  stmt = _at_store_prepare (self->store,
                            "SELECT coalesce (w.symbol, 'kg'), coalesce (w.conversion_factor, 1.0),"
                            "  coalesce (d.symbol, 'km'), coalesce (d.conversion_factor, 1000.0)"
                            " FROM app_user a"
                            " LEFT JOIN unit w ON w.id = a.weight_unit_id"
                            " LEFT JOIN unit d ON d.id = a.distance_unit_id"
                            " WHERE a.id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->user_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND,
                   _("app_user.id: no user %" G_GINT64_FORMAT), self->user_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return _at_store_set_error (self->store, rc, "app_user", error);

  self->weight_unit = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  self->weight_factor = sqlite3_column_double (stmt, 1);
  self->distance_unit = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  self->distance_factor = sqlite3_column_double (stmt, 3);
  if (self->weight_factor <= 0)
    self->weight_factor = 1.0;
  if (self->distance_factor <= 0)
    self->distance_factor = 1.0;
  return TRUE;
}

static gboolean
count_rows (AtSessionList  *self,
            GError        **error)
{
  g_autoptr(AtStatement) stmt = _at_store_prepare (self->store, self->count_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  bind_filters (self, stmt);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _at_store_set_error (self->store, rc, "activity_session", error);

  self->n_items = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Volume for a session with sets, distance for one with a distance, the
 * duration for the rest. */
static AtSessionHeadline
make_headline (AtSessionList *self,
               AtRecord      *session,
               sqlite3_stmt  *stmt,
               int            distance_column)
{
  AtSessionHeadline headline = { AT_HEADLINE_NONE, 0, NULL };

  if (!at_record_is_null (session, "total_volume") &&
      at_record_get_double (session, "total_volume") > 0)
    {
      headline.kind = AT_HEADLINE_VOLUME;
      headline.value = at_record_get_double (session, "total_volume") / self->weight_factor;
      headline.unit = self->weight_unit;
    }
  else if (sqlite3_column_type (stmt, distance_column) != SQLITE_NULL)
    {
      headline.kind = AT_HEADLINE_DISTANCE;
      headline.value = sqlite3_column_double (stmt, distance_column);
      headline.unit = self->distance_unit;
    }
  else if (!at_record_is_null (session, "duration_minutes"))
    {
      headline.kind = AT_HEADLINE_MINUTES;
      headline.value = at_record_get_int (session, "duration_minutes");
      headline.unit = "min";
    }

  return headline;
}

static Page *
read_page (AtSessionList *self,
           Read           read,
           gint64         offset,
           gint64         limit,
           AtSession     *key)
{
  g_autoptr(AtStatement) stmt = NULL;
  GError *error = NULL;
  Page *page = g_new0 (Page, 1);
  int distance_column;
  int rc;

  page->sessions = g_ptr_array_new_with_free_func (g_object_unref);
  page->headlines = g_array_new (FALSE, TRUE, sizeof (AtSessionHeadline));

  stmt = _at_store_prepare (self->store, self->page_sql[read], &error);
  if (stmt == NULL)
    {
      remember_error (self, error);
      return page;
    }

  bind_filters (self, stmt);
  at_statement_bind_int (stmt, ":limit", limit);
  at_statement_bind_int (stmt, ":offset", offset);
  if (key != NULL)
    {
      at_statement_bind_int (stmt, ":key", at_session_get_started_at (key));
      at_statement_bind_int (stmt, ":id", at_record_get_id (AT_RECORD (key)));
    }

  distance_column = sqlite3_column_count (stmt) - 1;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtRecord *session = g_object_new (AT_TYPE_SESSION, NULL);
      AtSessionHeadline headline;

      _at_store_load_row (session, stmt);
      headline = make_headline (self, session, stmt, distance_column);
      g_ptr_array_add (page->sessions, session);
      g_array_append_val (page->headlines, headline);
    }

  if (rc != SQLITE_DONE)
    {
      _at_store_set_error (self->store, rc, "activity_session", &error);
      remember_error (self, error);
    }

  return page;
}

static Page *
get_loaded (AtSessionList *self,
            guint          index)
{
  if (index >= self->pages->len)
    return NULL;
  return g_ptr_array_index (self->pages, index);
}

static guint
count_loaded_pages (AtSessionList *self)
{
  guint n = 0;

  for (guint i = 0; i < self->pages->len; i++)
    n += g_ptr_array_index (self->pages, i) != NULL;
  return n;
}

/* Keeps memory bounded however far the list is scrolled. */
static void
drop_far_pages (AtSessionList *self)
{
  while (count_loaded_pages (self) > MAX_PAGES)
    {
      Page *oldest = NULL;
      guint oldest_index = 0;

      for (guint i = 0; i < self->pages->len; i++)
        {
          Page *page = g_ptr_array_index (self->pages, i);

          if (page != NULL && (oldest == NULL || page->last_used < oldest->last_used))
            {
              oldest = page;
              oldest_index = i;
            }
        }
      page_free (oldest);
      g_ptr_array_index (self->pages, oldest_index) = NULL;
    }
}

static Page *
load_page (AtSessionList *self,
           guint          index)
{
  guint first = index * PAGE_SIZE;
  guint size = MIN (PAGE_SIZE, self->n_items - first);
  Page *before = index > 0 ? get_loaded (self, index - 1) : NULL;
  Page *after = get_loaded (self, index + 1);

  /* A full page before gives the key to read on from; a page after, the
   * key to read back from. Otherwise, OFFSET from the nearer end. */
  if (before != NULL && before->sessions->len == PAGE_SIZE)
    return read_page (self, READ_AFTER, 0, size,
                      g_ptr_array_index (before->sessions, PAGE_SIZE - 1));
  if (after != NULL && after->sessions->len > 0)
    return read_page (self, READ_BEFORE, 0, size, g_ptr_array_index (after->sessions, 0));
  if (first <= self->n_items - (first + size))
    return read_page (self, READ_OFFSET, first, size, NULL);
  return read_page (self, READ_OFFSET_FROM_END, self->n_items - (first + size), size, NULL);
}

static Page *
ensure_page (AtSessionList *self,
             guint          index)
{
  Page *page;

  if (index >= self->pages->len)
    g_ptr_array_set_size (self->pages, index + 1);

  page = g_ptr_array_index (self->pages, index);
  if (page == NULL)
    {
      page = load_page (self, index);
      g_ptr_array_index (self->pages, index) = page;
    }
  page->last_used = ++self->clock;
  drop_far_pages (self);

  return page;
}

static GType
at_session_list_get_item_type (GListModel *model)
{
  return AT_TYPE_SESSION;
}

static guint
at_session_list_get_n_items (GListModel *model)
{
  return AT_SESSION_LIST (model)->n_items;
}

static gpointer
at_session_list_get_item (GListModel *model,
                          guint       position)
{
  AtSessionList *self = AT_SESSION_LIST (model);
  Page *page;

  if (position >= self->n_items || self->store == NULL)
    return NULL;

  page = ensure_page (self, position / PAGE_SIZE);
  if (position % PAGE_SIZE >= page->sessions->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (page->sessions, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = at_session_list_get_item_type;
  iface->get_n_items = at_session_list_get_n_items;
  iface->get_item = at_session_list_get_item;
}

static void
at_session_list_dispose (GObject *object)
{
  AtSessionList *self = AT_SESSION_LIST (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (at_session_list_parent_class)->dispose (object);
}

static void
at_session_list_finalize (GObject *object)
{
  AtSessionList *self = AT_SESSION_LIST (object);

  g_ptr_array_unref (self->pages);
  g_clear_error (&self->error);
  g_free (self->from_date);
  g_free (self->to_date);
  g_free (self->words);
  g_free (self->match);
  g_free (self->weight_unit);
  g_free (self->distance_unit);
  g_free (self->count_sql);
  for (guint i = 0; i < N_READS; i++)
    g_free (self->page_sql[i]);

  G_OBJECT_CLASS (at_session_list_parent_class)->finalize (object);
}

static void
at_session_list_class_init (AtSessionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = at_session_list_dispose;
  object_class->finalize = at_session_list_finalize;
}

static void
at_session_list_init (AtSessionList *self)
{
  self->pages = g_ptr_array_new_with_free_func (page_free);
}

static gboolean
check_date (const char  *field,
            const char  *date,
            GError     **error)
{
  g_autoptr(GDateTime) parsed = NULL;
  int year, month, day;

  if (date == NULL)
    return TRUE;

  if (strlen (date) == 10 && sscanf (date, "%4d-%2d-%2d", &year, &month, &day) == 3)
    parsed = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (parsed == NULL)
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
                   /* Translators: %s names the field, e.g. "from" */
                   _("%s: “%s” is not a date like 2024-05-14"), field, date);
      return FALSE;
    }
  return TRUE;
}

/**
 * at_session_list_new:
 * @filter: (nullable): which sessions; %NULL for all
 *
 * Counts @user_id's live sessions that @filter lets through. Pages are read
 * when asked for, through @store.
 *
 * Returns: (transfer full): the list, or %NULL with @error set
 */
AtSessionList *
at_session_list_new (AtStore                *store,
                     gint64                  user_id,
                     const AtSessionFilter  *filter,
                     GError                **error)
{
  g_autoptr(AtSessionList) self = NULL;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);

  if (filter != NULL &&
      (!check_date ("from", filter->from_date, error) ||
       !check_date ("to", filter->to_date, error)))
    return NULL;

  self = g_object_new (AT_TYPE_SESSION_LIST, NULL);
  self->store = g_object_ref (store);
  self->user_id = user_id;
  if (filter != NULL)
    {
      self->activity_type_id = filter->activity_type_id;
      self->from_date = g_strdup (filter->from_date);
      self->to_date = g_strdup (filter->to_date);
      if (filter->text != NULL)
        self->words = at_search_build_query (filter->text);
      if (self->words != NULL)
        self->match = at_search_build_session_match (user_id, self->words);
    }

  build_sql (self);
  if (!read_units (self, error) || !count_rows (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

typedef struct
{
  gint64          user_id;
  AtSessionFilter filter;   /* strings owned */
  AtSessionList  *list;
} NewJob;

static void
new_job_free (gpointer data)
{
  NewJob *job = data;

  g_free ((char *) job->filter.from_date);
  g_free ((char *) job->filter.to_date);
  g_free ((char *) job->filter.text);
  g_clear_object (&job->list);
  g_free (job);
}

/* On the worker: the count and the first page, then let go of the worker's
 * connection. */
static gboolean
new_job (AtStore       *store,
         gpointer       job_data,
         GCancellable  *cancellable,
         GError       **error)
{
  NewJob *job = job_data;

  job->list = at_session_list_new (store, job->user_id, &job->filter, error);
  if (job->list == NULL)
    return FALSE;

  if (job->list->n_items > 0)
    ensure_page (job->list, 0);
  g_clear_object (&job->list->store);
  return TRUE;
}

static void
on_new_job_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AtStore *store = AT_STORE (source);
  GError *error = NULL;
  NewJob *job;

  if (!at_store_run_finish (store, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  job = at_store_run_get_job_data (result);
  job->list->store = g_object_ref (store);
  g_task_return_pointer (task, g_steal_pointer (&job->list), g_object_unref);
}

/**
 * at_session_list_new_async:
 *
 * Does what at_session_list_new() does, and reads the first page, on a
 * worker; the list then reads further pages through @store.
 */
void
at_session_list_new_async (AtStore                *store,
                           gint64                  user_id,
                           const AtSessionFilter  *filter,
                           GCancellable           *cancellable,
                           GAsyncReadyCallback     callback,
                           gpointer                user_data)
{
  GTask *task;
  NewJob *job;

  g_return_if_fail (AT_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, at_session_list_new_async);

  job = g_new0 (NewJob, 1);
  job->user_id = user_id;
  if (filter != NULL)
    {
      job->filter.activity_type_id = filter->activity_type_id;
      job->filter.from_date = g_strdup (filter->from_date);
      job->filter.to_date = g_strdup (filter->to_date);
      job->filter.text = g_strdup (filter->text);
    }

  at_store_run_async (store, new_job, job, new_job_free, cancellable, on_new_job_done_cb, task);
}

/**
 * at_session_list_new_finish:
 *
 * Returns: (transfer full): the list, or %NULL with @error set
 */
AtSessionList *
at_session_list_new_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == at_session_list_new_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * at_session_list_get_headline:
 * @position: a row, as for g_list_model_get_item()
 * @headline: (out): the row's headline figure
 *
 * Returns: %FALSE if there is no such row
 */
gboolean
at_session_list_get_headline (AtSessionList     *self,
                              guint              position,
                              AtSessionHeadline *headline)
{
  Page *page;

  g_return_val_if_fail (AT_IS_SESSION_LIST (self), FALSE);
  g_return_val_if_fail (headline != NULL, FALSE);

  if (position >= self->n_items || self->store == NULL)
    return FALSE;

  page = ensure_page (self, position / PAGE_SIZE);
  if (position % PAGE_SIZE >= page->headlines->len)
    return FALSE;

  *headline = g_array_index (page->headlines, AtSessionHeadline, position % PAGE_SIZE);
  return TRUE;
}

/* How many rows are held in memory: what the tests check laziness by. */
guint
at_session_list_get_n_loaded (AtSessionList *self)
{
  guint n = 0;

  g_return_val_if_fail (AT_IS_SESSION_LIST (self), 0);

  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = g_ptr_array_index (self->pages, i);

      if (page != NULL)
        n += page->sessions->len;
    }
  return n;
}

/* The last read error, if a page could not be read. */
const GError *
at_session_list_get_error (AtSessionList *self)
{
  g_return_val_if_fail (AT_IS_SESSION_LIST (self), NULL);

  return self->error;
}

/**
 * at_store_list_templates:
 *
 * Returns: (transfer full): @user_id's live templates (sessions with
 * is_template) as #AtSession, by name; %NULL with @error set on failure.
 */
GListModel *
at_store_list_templates (AtStore  *store,
                         gint64    user_id,
                         GError  **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (AT_TYPE_SESSION);
  g_autoptr(GListStore) templates = g_list_store_new (AT_TYPE_SESSION);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(AtStatement) stmt = NULL;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);

  /* The class's list filter hides templates: name the columns here. */
  g_string_append (sql, "SELECT id, uuid");
  for (guint i = 0; i < AT_RECORD_CLASS (klass)->n_columns; i++)
    g_string_append_printf (sql, ", %s", AT_RECORD_CLASS (klass)->columns[i].name);
  g_string_append (sql, " FROM activity_session"
                        " WHERE user_id = :user AND deleted_at IS NULL AND is_template = 1"
                        " ORDER BY template_name COLLATE NOCASE, id");

  stmt = _at_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;
  at_statement_bind_int (stmt, ":user", user_id);

  if (!_at_store_collect (store, AT_TYPE_SESSION, stmt, templates, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&templates));
}
