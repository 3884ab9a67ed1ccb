/* at-exercise-bests.c: AtExerciseBests, the exercise history's
 * personal records of one exercise, newest first with the value each beat,
 * beside its rep maxes (the heaviest weight lifted for 1 to 12 reps). The
 * history reads the records on its worker with at_exercise_bests_read(). */

#define G_LOG_DOMAIN "at-exercise-bests"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "at-history.h"
#include "at-units.h"

#include "at-exercise-bests.h"
#include "at-progress-common.h"
#include "at-recent-records.h"

struct _AtExerciseBests
{
  AdwBin      parent_instance;

  /* template widgets */
  GtkListBox *record_list;
  GtkListBox *rep_list;
};

G_DEFINE_FINAL_TYPE (AtExerciseBests, at_exercise_bests, ADW_TYPE_BIN)

/* A personal record, its values in the user's unit where it is a weight. */
typedef struct
{
  char   *record_type;
  double  value;
  double  previous;       /* NAN for none */
  char   *unit;           /* NULL for none */
  gint64  achieved_at;
} Record;

static void
record_free (gpointer data)
{
  Record *record = data;

  g_free (record->record_type);
  g_free (record->unit);
  g_free (record);
}

static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  const Record *ra = *(Record * const *) a, *rb = *(Record * const *) b;

  return (rb->achieved_at > ra->achieved_at) - (rb->achieved_at < ra->achieved_at);
}

static GtkWidget *
value_row (const char *title,
           const char *subtitle,
           const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);
  g_autofree char *name = subtitle != NULL
                        ? g_strdup_printf ("%s: %s, %s", title, value, subtitle)
                        : g_strdup_printf ("%s: %s", title, value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static void
show_records (AtExerciseBests *self,
              GPtrArray       *records)
{
  at_progress_clear_list (self->record_list);
  for (guint i = 0; i < records->len; i++)
    {
      const Record *record = g_ptr_array_index (records, i);
      g_autofree char *value = at_progress_format_value (record->value, record->unit);
      g_autofree char *previous = at_progress_format_value (record->previous, record->unit);
      g_autofree char *date = at_progress_format_date (record->achieved_at);
      /* Translators: under a personal record: the value it beat and the day */
      g_autofree char *subtitle = isfinite (record->previous)
                                ? g_strdup_printf (_("Previous %s · %s"), previous, date)
                                : g_strdup_printf (_("First record · %s"), date);

      gtk_list_box_append (self->record_list,
                           value_row (at_recent_records_type_label (record->record_type),
                                      subtitle, value));
    }

  if (records->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No personal records yet"));
      gtk_list_box_append (self->record_list, row);
    }
}

static void
show_rep_maxes (AtExerciseBests *self,
                GArray          *rep_maxes,
                const char      *unit)
{
  at_progress_clear_list (self->rep_list);
  for (guint i = 0; i < rep_maxes->len; i++)
    {
      const AtRepMax *m = &g_array_index (rep_maxes, AtRepMax, i);
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%" G_GINT64_FORMAT " rep",
                                                             "%" G_GINT64_FORMAT " reps", m->reps),
                                                m->reps);
      g_autofree char *value = at_progress_format_value (m->weight_kg > 0 ? m->weight_kg : NAN,
                                                         unit);
      g_autofree char *date = m->achieved_at != 0 ? at_progress_format_date (m->achieved_at) : NULL;

      gtk_list_box_append (self->rep_list, value_row (title, date, value));
    }
}

static void
at_exercise_bests_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AT_TYPE_EXERCISE_BESTS);

  G_OBJECT_CLASS (at_exercise_bests_parent_class)->dispose (object);
}

static void
at_exercise_bests_class_init (AtExerciseBestsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_exercise_bests_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/at-exercise-bests.ui");
  gtk_widget_class_bind_template_child (widget_class, AtExerciseBests, record_list);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseBests, rep_list);
}

static void
at_exercise_bests_init (AtExerciseBests *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
at_exercise_bests_new (void)
{
  return g_object_new (AT_TYPE_EXERCISE_BESTS, NULL);
}

/**
 * at_exercise_bests_read:
 * @units: the unit records
 *
 * Reads the personal records of the exercise @subtype_id, newest first,
 * weights in the user's unit. Blocks: call it on a worker.
 *
 * Returns: (transfer full): the records for at_exercise_bests_show(), or
 *   %NULL with @error set
 */
GPtrArray *
at_exercise_bests_read (AtStore     *store,
                        gint64       user_id,
                        gint64       subtype_id,
                        GListModel  *units,
                        GError     **error)
{
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GPtrArray) read = NULL;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (units), NULL);

  if ((records = at_store_list (store, user_id, AT_TYPE_PERSONAL_RECORD,
                                "activity_subtype_id", subtype_id, error)) == NULL)
    return NULL;

  read = g_ptr_array_new_with_free_func (record_free);
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(AtRecord) pr = g_list_model_get_item (records, i);
      gint64 unit_id = at_record_is_null (pr, "unit_id") ? 0 : at_record_get_int (pr, "unit_id");
      Record *record = g_new0 (Record, 1);
      gint64 shown_unit = unit_id;

      record->record_type = g_strdup (at_record_get_string (pr, "record_type"));
      record->value = at_record_get_double (pr, "record_value");
      record->previous = at_record_is_null (pr, "previous_record_value")
                       ? NAN : at_record_get_double (pr, "previous_record_value");
      record->achieved_at = at_record_get_int (pr, "achieved_at");
      if (unit_id != 0 && g_strcmp0 (record->record_type, "max_reps") != 0 &&
          at_store_to_user_weight (store, user_id, record->value, unit_id,
                                   &record->value, &shown_unit, NULL) &&
          isfinite (record->previous))
        at_store_to_user_weight (store, user_id, record->previous, unit_id,
                                 &record->previous, NULL, NULL);
      record->unit = at_progress_unit_symbol (units, shown_unit);
      g_ptr_array_add (read, record);
    }
  g_ptr_array_sort (read, compare_records);

  return g_steal_pointer (&read);
}

/**
 * at_exercise_bests_show:
 * @records: what at_exercise_bests_read() returned
 * @rep_maxes: (element-type AtRepMax): the rep maxes, weights in @unit
 * @unit: the user's weight unit
 */
void
at_exercise_bests_show (AtExerciseBests *self,
                        GPtrArray       *records,
                        GArray          *rep_maxes,
                        const char      *unit)
{
  g_return_if_fail (AT_IS_EXERCISE_BESTS (self));
  g_return_if_fail (records != NULL);
  g_return_if_fail (rep_maxes != NULL);

  show_records (self, records);
  show_rep_maxes (self, rep_maxes, unit);
}
