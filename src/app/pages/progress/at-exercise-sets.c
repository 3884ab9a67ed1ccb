/* at-exercise-sets.c: AtExerciseSets, the exercise history's table of
 * every set of one exercise, newest session first, a page of sessions at
 * a time: "Show Older Sets" reads the next page by at_store_run_async().
 * Activating a set opens its session in the window's editor. */

#define G_LOG_DOMAIN "at-exercise-sets"

#include "config.h"

#include <glib/gi18n.h>

#include "at-store-async.h"

#include "at-exercise-sets.h"
#include "at-progress-common.h"

#define SET_PAGE_SESSIONS 20

struct _AtExerciseSets
{
  AdwBin            parent_instance;

  /* template widgets */
  GtkListBox       *set_list;
  GtkButton        *more_sets_button;

  /* owned */
  AtStore          *store;
  gint64            user_id;
  gint64            subtype_id;
  GCancellable     *cancellable;
  char             *unit;       /* the user's weight unit */
  double            factor;     /* kg to it */
  AtExerciseSetRow  last_set;   /* the last row of the sets shown */
};

G_DEFINE_FINAL_TYPE (AtExerciseSets, at_exercise_sets, ADW_TYPE_BIN)

enum {
  ADD_TOAST,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* A further page of sets. */
typedef struct
{
  gint64            user_id;
  gint64            subtype_id;
  AtExerciseSetRow  after;
  double            factor;
  GArray           *sets;
} SetPage;

static void
set_page_free (gpointer data)
{
  SetPage *page = data;

  g_clear_pointer (&page->sets, g_array_unref);
  g_free (page);
}

/* How many sessions a page of sets holds: a full page may have more after it. */
static guint
count_sessions (GArray *sets)
{
  guint n = 0;

  for (guint i = 0; i < sets->len; i++)
    if (i == 0 || g_array_index (sets, AtExerciseSetRow, i).session_id !=
                  g_array_index (sets, AtExerciseSetRow, i - 1).session_id)
      n++;
  return n;
}

static gboolean
set_page_job (AtStore       *store,
              gpointer       job_data,
              GCancellable  *cancellable,
              GError       **error)
{
  SetPage *page = job_data;

  page->sets = at_exercise_sets_read (store, page->user_id, page->subtype_id, &page->after,
                                      page->factor, error);
  return page->sets != NULL;
}

static GtkWidget *
cell (const char *text,
      gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

/* A row of the sets table: the columns and, for a screen reader, the set
 * in words. A warm-up steps back. */
static GtkWidget *
table_row (const char *const  columns[6],
           const char        *name,
           gboolean           heading,
           gboolean           warmup)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_widget_set_margin_top (box, heading ? 8 : 6);
  gtk_widget_set_margin_bottom (box, heading ? 8 : 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  for (guint i = 0; i < 6; i++)
    {
      GtkWidget *label = cell (columns[i], i >= 1 && i <= 4);

      if (heading)
        gtk_widget_add_css_class (label, "heading");
      if (warmup)
        gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !heading);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

/* A set's row; its date only where its session starts. */
static GtkWidget *
set_row (const AtExerciseSetRow *set,
         gint64                  previous_session_id,
         const char             *unit)
{
  g_autofree char *date = at_progress_format_date (set->started_at);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, set->set_number);
  g_autofree char *weight = at_progress_format_value (set->weight_kg, unit);
  g_autofree char *reps = set->reps > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, set->reps)
                                        : g_strdup ("—");
  g_autofree char *rpe = set->rpe > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, set->rpe)
                                      : g_strdup ("—");
  const char *columns[6] = {
    previous_session_id != set->session_id ? date : "", number, weight, reps, rpe,
    set->is_warmup ? _("Warm-up") : "",
  };
  /* Translators: a set in words, e.g. "3 Jan 2024, set 2: 100.0 kg × 5, RPE 8";
   * the last %s is empty or ", warm-up" */
  g_autofree char *name = g_strdup_printf (_("%s, set %s: %s × %s, RPE %s%s"), date, number,
                                           weight, reps, rpe,
                                           set->is_warmup ? _(", warm-up") : "");
  GtkWidget *row = table_row (columns, name, FALSE, set->is_warmup);

  g_object_set_data_full (G_OBJECT (row), "session-id",
                          g_memdup2 (&set->session_id, sizeof set->session_id), g_free);
  return row;
}

static void
append_sets (AtExerciseSets *self,
             GArray         *sets)
{
  for (guint i = 0; i < sets->len; i++)
    {
      const AtExerciseSetRow *set = &g_array_index (sets, AtExerciseSetRow, i);
      gint64 previous = i > 0 ? g_array_index (sets, AtExerciseSetRow, i - 1).session_id
                              : self->last_set.session_id;

      gtk_list_box_append (self->set_list, set_row (set, previous, self->unit));
    }

  if (sets->len > 0)
    self->last_set = g_array_index (sets, AtExerciseSetRow, sets->len - 1);
  gtk_widget_set_visible (GTK_WIDGET (self->more_sets_button),
                          count_sessions (sets) == SET_PAGE_SESSIONS);
  gtk_widget_set_sensitive (GTK_WIDGET (self->more_sets_button), TRUE);
}

/* A set opens its session in the window's editor. */
static void
on_set_activated_cb (AtExerciseSets *self,
                     GtkListBoxRow  *row)
{
  gint64 *session_id = g_object_get_data (G_OBJECT (row), "session-id");

  if (session_id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-session", "x", *session_id);
}

static void
on_set_page_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AtExerciseSets) self = user_data;
  g_autoptr(GError) error = NULL;
  SetPage *page = at_store_run_get_job_data (result);

  if (!at_store_run_finish (AT_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_widget_set_sensitive (GTK_WIDGET (self->more_sets_button), TRUE);
          g_signal_emit (self, signals[ADD_TOAST], 0, adw_toast_new (error->message));
        }
      return;
    }
  append_sets (self, page->sets);
}

static void
on_more_sets_clicked_cb (AtExerciseSets *self)
{
  SetPage *page;

  if (self->store == NULL || self->subtype_id == 0)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  page = g_new0 (SetPage, 1);
  page->user_id = self->user_id;
  page->subtype_id = self->subtype_id;
  page->after = self->last_set;
  page->factor = self->factor;
  gtk_widget_set_sensitive (GTK_WIDGET (self->more_sets_button), FALSE);
  at_store_run_async (self->store, set_page_job, page, set_page_free, self->cancellable,
                      on_set_page_done_cb, g_object_ref (self));
}

static void
at_exercise_sets_dispose (GObject *object)
{
  AtExerciseSets *self = (AtExerciseSets *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (object), AT_TYPE_EXERCISE_SETS);

  G_OBJECT_CLASS (at_exercise_sets_parent_class)->dispose (object);
}

static void
at_exercise_sets_finalize (GObject *object)
{
  AtExerciseSets *self = (AtExerciseSets *)object;

  g_free (self->unit);

  G_OBJECT_CLASS (at_exercise_sets_parent_class)->finalize (object);
}

static void
at_exercise_sets_class_init (AtExerciseSetsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_exercise_sets_dispose;
  object_class->finalize = at_exercise_sets_finalize;

  /**
   * AtExerciseSets::add-toast:
   * @toast: an #AdwToast
   */
  signals [ADD_TOAST] =
    g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/at-exercise-sets.ui");
  gtk_widget_class_bind_template_child (widget_class, AtExerciseSets, set_list);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseSets, more_sets_button);
  gtk_widget_class_bind_template_callback (widget_class, on_set_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_more_sets_clicked_cb);
}

static void
at_exercise_sets_init (AtExerciseSets *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
at_exercise_sets_new (void)
{
  return g_object_new (AT_TYPE_EXERCISE_SETS, NULL);
}

/**
 * at_exercise_sets_read:
 * @after: (nullable): the last set of the page before, or %NULL for the first
 * @factor: kg to the user's weight unit
 *
 * Reads a page of sets of the exercise @subtype_id, its weights in the
 * user's unit. Blocks: call it on a worker.
 *
 * Returns: (transfer full) (element-type AtExerciseSetRow): the sets, or
 *   %NULL with @error set
 */
GArray *
at_exercise_sets_read (AtStore                 *store,
                       gint64                   user_id,
                       gint64                   subtype_id,
                       const AtExerciseSetRow  *after,
                       double                   factor,
                       GError                 **error)
{
  GArray *sets;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);

  sets = at_store_list_exercise_sets (store, user_id, subtype_id, after, SET_PAGE_SESSIONS, error);
  for (guint i = 0; sets != NULL && i < sets->len; i++)
    g_array_index (sets, AtExerciseSetRow, i).weight_kg *= factor;
  return sets;
}

/**
 * at_exercise_sets_show:
 * @store: the profile database further pages are read from
 * @unit: the user's weight unit
 * @factor: kg to @unit
 * @first_page: what at_exercise_sets_read() returned for the first page
 *
 * Shows the first page of the sets of the exercise @subtype_id.
 */
void
at_exercise_sets_show (AtExerciseSets *self,
                       AtStore        *store,
                       gint64          user_id,
                       gint64          subtype_id,
                       const char     *unit,
                       double          factor,
                       GArray         *first_page)
{
  const char *columns[6] = { _("Date"), _("Set"), _("Weight"), _("Reps"), _("RPE"), _("Warm-up") };

  g_return_if_fail (AT_IS_EXERCISE_SETS (self));
  g_return_if_fail (AT_IS_STORE (store));
  g_return_if_fail (first_page != NULL);

  at_exercise_sets_stop (self);
  g_set_object (&self->store, store);
  self->user_id = user_id;
  self->subtype_id = subtype_id;
  g_free (self->unit);
  self->unit = g_strdup (unit);
  self->factor = factor;

  at_progress_clear_list (self->set_list);
  self->last_set = (AtExerciseSetRow) { 0 };
  gtk_list_box_append (self->set_list,
                       table_row (columns, _("Columns: date, set, weight, reps, RPE, warm-up"), TRUE, FALSE));
  append_sets (self, first_page);
}

/**
 * at_exercise_sets_stop:
 *
 * Cancels the reading of a further page, as another exercise loads.
 */
void
at_exercise_sets_stop (AtExerciseSets *self)
{
  g_return_if_fail (AT_IS_EXERCISE_SETS (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}
