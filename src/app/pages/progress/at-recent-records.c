/* at-recent-records.c: AtRecentRecords, the Progress page's list of the
 * latest personal records: the exercise, the kind of record, its value
 * and its date. The page reads them on its worker with
 * at_recent_records_read() and hands them over to be shown. */

#define G_LOG_DOMAIN "at-recent-records"

#include "config.h"

#include <glib/gi18n.h>

#include "at-progress-common.h"
#include "at-recent-records.h"

#define N_RECORDS 5

struct _AtRecentRecords
{
  AdwBin      parent_instance;

  /* template widgets */
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (AtRecentRecords, at_recent_records, ADW_TYPE_BIN)

/* A personal record as the list shows it. */
typedef struct
{
  char   *exercise;
  char   *record_type;
  double  value;
  char   *unit;
  gint64  achieved_at;
} Record;

static void
record_free (gpointer data)
{
  Record *record = data;

  g_free (record->exercise);
  g_free (record->record_type);
  g_free (record->unit);
  g_free (record);
}

/* The exercise's name, read once per exercise. */
static const char *
exercise_name (AtStore    *store,
               gint64      user_id,
               GHashTable *exercises,
               gint64      subtype_id)
{
  const char *name = g_hash_table_lookup (exercises, &subtype_id);
  g_autoptr(AtRecord) subtype = NULL;

  if (name != NULL)
    return name;

  subtype = at_store_get (store, user_id, AT_TYPE_ACTIVITY_SUBTYPE, subtype_id, NULL);
  name = subtype != NULL ? at_record_get_string (subtype, "name") : NULL;
  g_hash_table_insert (exercises, g_memdup2 (&subtype_id, sizeof subtype_id),
                       g_strdup (name != NULL ? name : _("Exercise")));
  return g_hash_table_lookup (exercises, &subtype_id);
}

static GtkWidget *
record_row (const Record *record)
{
  g_autofree char *date = at_progress_format_date (record->achieved_at);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  subtitle = g_strdup_printf ("%s · %.5g%s%s · %s", at_recent_records_type_label (record->record_type),
                              record->value, record->unit != NULL ? " " : "",
                              record->unit != NULL ? record->unit : "", date);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), record->exercise);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
at_recent_records_dispose (GObject *object)
{
  /* The list is both AdwBin's child and a template child: let AdwBin
   * drop it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), AT_TYPE_RECENT_RECORDS);

  G_OBJECT_CLASS (at_recent_records_parent_class)->dispose (object);
}

static void
at_recent_records_class_init (AtRecentRecordsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_recent_records_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/at-recent-records.ui");
  gtk_widget_class_bind_template_child (widget_class, AtRecentRecords, list);
}

static void
at_recent_records_init (AtRecentRecords *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
at_recent_records_new (void)
{
  return g_object_new (AT_TYPE_RECENT_RECORDS, NULL);
}

/**
 * at_recent_records_read:
 * @store: a profile database
 * @user_id: the profile
 *
 * Reads @user_id's latest personal records, newest first, for
 * at_recent_records_show(). Blocks: call it on a worker.
 *
 * Returns: (transfer full) (element-type Record): the records, or %NULL
 *   with @error set
 */
GPtrArray *
at_recent_records_read (AtStore  *store,
                        gint64    user_id,
                        GError  **error)
{
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GHashTable) exercises = NULL;
  g_autoptr(GPtrArray) read = NULL;
  guint n;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);

  if ((records = at_store_list (store, user_id, AT_TYPE_PERSONAL_RECORD, NULL, 0, error)) == NULL ||
      (units = at_store_list (store, user_id, AT_TYPE_UNIT, NULL, 0, error)) == NULL)
    return NULL;

  /* Newest first is the records' natural order. */
  read = g_ptr_array_new_with_free_func (record_free);
  exercises = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  n = g_list_model_get_n_items (records);
  for (guint i = 0; i < n && read->len < N_RECORDS; i++)
    {
      g_autoptr(AtRecord) pr = g_list_model_get_item (records, i);
      Record *record = g_new0 (Record, 1);

      record->exercise = g_strdup (exercise_name (store, user_id, exercises,
                                                  at_record_get_int (pr, "activity_subtype_id")));
      record->record_type = g_strdup (at_record_get_string (pr, "record_type"));
      record->value = at_record_get_double (pr, "record_value");
      record->achieved_at = at_record_get_int (pr, "achieved_at");
      record->unit = at_progress_unit_symbol (units, at_record_get_int (pr, "unit_id"));
      g_ptr_array_add (read, record);
    }

  return g_steal_pointer (&read);
}

/**
 * at_recent_records_show:
 * @records: what at_recent_records_read() returned
 *
 * Lists @records, or says there are none yet.
 */
void
at_recent_records_show (AtRecentRecords *self,
                        GPtrArray       *records)
{
  g_return_if_fail (AT_IS_RECENT_RECORDS (self));
  g_return_if_fail (records != NULL);

  at_progress_clear_list (self->list);
  for (guint i = 0; i < records->len; i++)
    gtk_list_box_append (self->list, record_row (g_ptr_array_index (records, i)));

  if (records->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No personal records yet"));
      gtk_list_box_append (self->list, row);
    }
}

/**
 * at_recent_records_type_label:
 * @record_type: a personal record's type, e.g. "1rm"
 *
 * Returns: the type as a person reads it, e.g. "Estimated 1RM"
 */
const char *
at_recent_records_type_label (const char *record_type)
{
  if (g_strcmp0 (record_type, "1rm") == 0)
    return _("Estimated 1RM");
  if (g_strcmp0 (record_type, "max_weight") == 0)
    return _("Heaviest Weight");
  if (g_strcmp0 (record_type, "max_reps") == 0)
    return _("Most Reps");
  if (g_strcmp0 (record_type, "max_volume") == 0)
    return _("Best Set Volume");
  return record_type;
}
