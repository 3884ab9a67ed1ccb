/* at-record-list.c: a lazy GListModel over a user's rows, read by keyset.
 *
 * It counts once, then reads pages of PAGE_SIZE rows on demand with
 * WHERE (key, id) after the last row of the page before, so that scrolling
 * through a million rows never loads them all nor pays for an OFFSET. A page
 * far from any loaded one is found by OFFSET once, then keyset resumes.
 * Store changes to the type drop the pages and re-count.
 */

#define G_LOG_DOMAIN "at-record-list"

#include "config.h"

#include "at-activity-exercise.h"
#include "at-exercise-set.h"
#include "at-record-list.h"
#include "at-session.h"
#include "at-store-private.h"

#define PAGE_SIZE        100
#define MAX_KEYSET_WALK  2     /* pages walked by keyset before using OFFSET */

struct _AtRecordList
{
  GObject     parent_instance;

  AtStore    *store;
  gint64      user_id;
  GType       item_type;
  const char *filter_column;   /* NULL, or e.g. "session_id" */
  gint64      filter_value;
  const char *key_column;      /* e.g. "started_at" */
  gboolean    descending;

  char       *count_sql;
  char       *first_sql;
  char       *next_sql;
  char       *offset_sql;
  guint       n_items;
  GPtrArray  *pages;           /* page index → GPtrArray of records, or NULL */
  GError     *error;
  gulong      changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtRecordList, at_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
build_sql (AtRecordList *self)
{
  g_autoptr(GTypeClass) type_class = g_type_class_ref (self->item_type);
  AtRecordClass *klass = AT_RECORD_CLASS (type_class);
  const char *dir = self->descending ? "DESC" : "ASC";
  const char *cmp = self->descending ? "<" : ">";
  g_autoptr(GString) base = g_string_new (NULL);
  g_autoptr(GString) count = g_string_new (NULL);
  g_autofree char *order = g_strdup_printf (" ORDER BY %s %s, id %s", self->key_column, dir, dir);

  _at_store_append_select (base, klass);
  _at_store_append_count (count, klass);
  if (self->filter_column != NULL)
    {
      g_string_append_printf (base, " AND %s = :filter", self->filter_column);
      g_string_append_printf (count, " AND %s = :filter", self->filter_column);
    }

  self->count_sql = g_strdup (count->str);
  self->first_sql = g_strdup_printf ("%s%s LIMIT %d", base->str, order, PAGE_SIZE);
  self->next_sql = g_strdup_printf ("%s AND (%s, id) %s (:key, :id)%s LIMIT %d",
                                    base->str, self->key_column, cmp, order, PAGE_SIZE);
  self->offset_sql = g_strdup_printf ("%s%s LIMIT %d OFFSET :offset", base->str, order, PAGE_SIZE);
}

static void
bind_common (AtRecordList *self,
             sqlite3_stmt *stmt)
{
  at_statement_bind_int (stmt, ":user", self->user_id);
  at_statement_bind_int (stmt, ":filter", self->filter_value);
}

static void
remember_error (AtRecordList *self,
                GError       *error)
{
  g_debug ("Cannot read %s: %s", g_type_name (self->item_type), error->message);
  g_clear_error (&self->error);
  self->error = error;
}

static guint
count_rows (AtRecordList *self)
{
  GError *error = NULL;
  g_autoptr(AtStatement) stmt = _at_store_prepare (self->store, self->count_sql, &error);

  if (stmt == NULL)
    {
      remember_error (self, error);
      return 0;
    }

  bind_common (self, stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _at_store_set_error (self->store, sqlite3_errcode (_at_store_get_db (self->store)),
                           self->count_sql, &error);
      remember_error (self, error);
      return 0;
    }

  return (guint) sqlite3_column_int64 (stmt, 0);
}

static GPtrArray *
read_page (AtRecordList *self,
           sqlite3_stmt *stmt)
{
  GPtrArray *page = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtRecord *record = g_object_new (self->item_type, NULL);

      _at_store_load_row (record, stmt);
      g_ptr_array_add (page, record);
    }

  if (rc != SQLITE_DONE)
    {
      GError *error = NULL;

      _at_store_set_error (self->store, rc, g_type_name (self->item_type), &error);
      remember_error (self, error);
    }

  return page;
}

static GPtrArray *
load_page_after (AtRecordList *self,
                 GPtrArray    *previous)
{
  AtRecord *last = g_ptr_array_index (previous, previous->len - 1);
  GError *error = NULL;
  g_autoptr(AtStatement) stmt = _at_store_prepare (self->store, self->next_sql, &error);

  if (stmt == NULL)
    {
      remember_error (self, error);
      return g_ptr_array_new ();
    }

  bind_common (self, stmt);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":key"),
                      at_record_get_int (last, self->key_column));
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), at_record_get_id (last));
  return read_page (self, stmt);
}

static GPtrArray *
load_page_at (AtRecordList *self,
              guint         page_index)
{
  GError *error = NULL;
  const char *sql = page_index == 0 ? self->first_sql : self->offset_sql;
  g_autoptr(AtStatement) stmt = _at_store_prepare (self->store, sql, &error);

  if (stmt == NULL)
    {
      remember_error (self, error);
      return g_ptr_array_new ();
    }

  bind_common (self, stmt);
  if (page_index > 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":offset"),
                        (gint64) page_index * PAGE_SIZE);
  return read_page (self, stmt);
}

static GPtrArray *
ensure_page (AtRecordList *self,
             guint         page_index)
{
  guint start;

  if (page_index >= self->pages->len)
    g_ptr_array_set_size (self->pages, page_index + 1);
  if (g_ptr_array_index (self->pages, page_index) != NULL)
    return g_ptr_array_index (self->pages, page_index);

  /* Walk by keyset from the nearest loaded page before, if it is close. */
  start = page_index;
  while (start > 0 && page_index - start < MAX_KEYSET_WALK &&
         g_ptr_array_index (self->pages, start - 1) == NULL)
    start--;

  if (start > 0 && g_ptr_array_index (self->pages, start - 1) != NULL)
    {
      for (guint i = start; i <= page_index; i++)
        {
          GPtrArray *previous = g_ptr_array_index (self->pages, i - 1);

          if (previous->len == 0)
            g_ptr_array_index (self->pages, i) = g_ptr_array_new ();
          else
            g_ptr_array_index (self->pages, i) = load_page_after (self, previous);
        }
    }
  else
    {
      g_ptr_array_index (self->pages, page_index) = load_page_at (self, page_index);
    }

  return g_ptr_array_index (self->pages, page_index);
}

static void
reset (AtRecordList *self)
{
  guint removed = self->n_items;

  g_ptr_array_set_size (self->pages, 0);
  self->n_items = count_rows (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
}

static void
on_store_changed_cb (AtRecordList  *self,
                     GType          type,
                     gint64         id,
                     AtStoreChange  change,
                     AtStore       *store)
{
  /* A session's children change its list too, e.g. an exercise moved. */
  if (type == self->item_type)
    reset (self);
}

static GType
at_record_list_get_item_type (GListModel *model)
{
  return AT_RECORD_LIST (model)->item_type;
}

static guint
at_record_list_get_n_items (GListModel *model)
{
  return AT_RECORD_LIST (model)->n_items;
}

static gpointer
at_record_list_get_item (GListModel *model,
                         guint       position)
{
  AtRecordList *self = AT_RECORD_LIST (model);
  GPtrArray *page;

  if (position >= self->n_items)
    return NULL;

  page = ensure_page (self, position / PAGE_SIZE);
  if (position % PAGE_SIZE >= page->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (page, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = at_record_list_get_item_type;
  iface->get_n_items = at_record_list_get_n_items;
  iface->get_item = at_record_list_get_item;
}

static void
at_record_list_dispose (GObject *object)
{
  AtRecordList *self = AT_RECORD_LIST (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (at_record_list_parent_class)->dispose (object);
}

static void
at_record_list_finalize (GObject *object)
{
  AtRecordList *self = AT_RECORD_LIST (object);

  g_ptr_array_unref (self->pages);
  g_clear_error (&self->error);
  g_free (self->count_sql);
  g_free (self->first_sql);
  g_free (self->next_sql);
  g_free (self->offset_sql);

  G_OBJECT_CLASS (at_record_list_parent_class)->finalize (object);
}

static void
at_record_list_class_init (AtRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = at_record_list_dispose;
  object_class->finalize = at_record_list_finalize;
}

/* Pages not read yet are NULL. */
static void
free_page (gpointer page)
{
  if (page != NULL)
    g_ptr_array_unref (page);
}

static void
at_record_list_init (AtRecordList *self)
{
  self->pages = g_ptr_array_new_with_free_func (free_page);
}

static AtRecordList *
record_list_new (AtStore    *store,
                 gint64      user_id,
                 GType       item_type,
                 const char *filter_column,
                 gint64      filter_value,
                 const char *key_column,
                 gboolean    descending)
{
  AtRecordList *self = g_object_new (AT_TYPE_RECORD_LIST, NULL);

  self->store = g_object_ref (store);
  self->user_id = user_id;
  self->item_type = item_type;
  self->filter_column = filter_column;
  self->filter_value = filter_value;
  self->key_column = key_column;
  self->descending = descending;
  build_sql (self);
  self->n_items = count_rows (self);
  self->changed_id = g_signal_connect_object (store, "changed",
                                              G_CALLBACK (on_store_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  return self;
}

/**
 * at_record_list_new_sessions:
 *
 * Returns: (transfer full): the user's live sessions, newest first.
 */
AtRecordList *
at_record_list_new_sessions (AtStore *store,
                             gint64   user_id)
{
  g_return_val_if_fail (AT_IS_STORE (store), NULL);

  return record_list_new (store, user_id, AT_TYPE_SESSION, NULL, 0, "started_at", TRUE);
}

/**
 * at_record_list_new_exercises:
 *
 * Returns: (transfer full): a session's exercises in their order.
 */
AtRecordList *
at_record_list_new_exercises (AtStore *store,
                              gint64   user_id,
                              gint64   session_id)
{
  g_return_val_if_fail (AT_IS_STORE (store), NULL);

  return record_list_new (store, user_id, AT_TYPE_ACTIVITY_EXERCISE,
                          "session_id", session_id, "exercise_order", FALSE);
}

/**
 * at_record_list_new_sets:
 *
 * Returns: (transfer full): an exercise's sets by set number.
 */
AtRecordList *
at_record_list_new_sets (AtStore *store,
                         gint64   user_id,
                         gint64   exercise_id)
{
  g_return_val_if_fail (AT_IS_STORE (store), NULL);

  return record_list_new (store, user_id, AT_TYPE_EXERCISE_SET,
                          "exercise_id", exercise_id, "set_number", FALSE);
}

/* How many rows are held in memory: what the tests check laziness by. */
guint
at_record_list_get_n_loaded (AtRecordList *self)
{
  guint n = 0;

  g_return_val_if_fail (AT_IS_RECORD_LIST (self), 0);

  for (guint i = 0; i < self->pages->len; i++)
    {
      GPtrArray *page = g_ptr_array_index (self->pages, i);

      if (page != NULL)
        n += page->len;
    }
  return n;
}

/* The last read error, if a page or the count could not be read. */
const GError *
at_record_list_get_error (AtRecordList *self)
{
  g_return_val_if_fail (AT_IS_RECORD_LIST (self), NULL);

  return self->error;
}
