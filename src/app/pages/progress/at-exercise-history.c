/* at-exercise-history.c: AtExerciseHistory, one exercise over time, shown
 * from the Progress page: its estimated 1RM with a 30-day trend and the
 * heaviest set, the volume per session, its personal records and rep maxes
 * (AtExerciseBests) and every set (AtExerciseSets). A search entry picks
 * the exercise; the user's most-done one is shown first. Read by
 * at_store_run_async(). */

#define G_LOG_DOMAIN "at-exercise-history"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "at-history.h"
#include "at-search.h"
#include "at-store-async.h"
#include "at-units.h"
#include "widgets/at-chart-view.h"

#include "at-exercise-history.h"
#include "at-exercise-bests.h"
#include "at-exercise-sets.h"
#include "at-progress-common.h"

#define TREND_DAYS 30
#define N_RESULTS 20

struct _AtExerciseHistory
{
  AdwBin           parent_instance;

  /* template widgets */
  GtkLabel        *title_label;
  GtkSearchEntry  *search_entry;
  GtkStack        *stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *empty_page;
  AdwStatusPage   *error_page;
  GtkListBox      *result_list;
  AtChartView     *e1rm_chart;
  AtChartView     *volume_chart;
  AtExerciseBests *bests;
  AtExerciseSets  *sets;

  /* owned */
  AtStore         *store;
  gint64           user_id;
  gint64           subtype_id;     /* shown; 0 for none yet */
  GCancellable    *cancellable;    /* the exercise's load */
  GCancellable    *search_cancellable;
  char            *shown_page;     /* the stack page under the results */
};

G_DEFINE_FINAL_TYPE (AtExerciseHistory, at_exercise_history, ADW_TYPE_BIN)

enum {
  ADD_TOAST,
  BACK,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* What the exercise's worker reads. */
typedef struct
{
  gint64     user_id;
  gint64     subtype_id;  /* in: 0 for the query or the most-done; out: shown */
  char      *query;       /* in: a name to search, or NULL */
  char      *name;
  char      *unit;        /* the user's weight unit */
  GArray    *points;      /* AtExerciseHistoryPoint, weights converted */
  GArray    *rep_maxes;   /* AtRepMax, weights converted */
  GPtrArray *records;     /* at_exercise_bests_read() */
  double     factor;      /* kg to the user's unit */
  GArray    *sets;        /* AtExerciseSetRow, the first page, weights converted */
  GHashTable *session_names;
} Load;

/* What the search's worker reads. */
typedef struct
{
  char      *text;
  GArray    *ids;         /* gint64 */
  GPtrArray *names;
} Search;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_free (load->query);
  g_free (load->name);
  g_free (load->unit);
  g_clear_pointer (&load->points, g_array_unref);
  g_clear_pointer (&load->rep_maxes, g_array_unref);
  g_clear_pointer (&load->records, g_ptr_array_unref);
  g_clear_pointer (&load->sets, g_array_unref);
  g_clear_pointer (&load->session_names, g_hash_table_unref);
  g_free (load);
}

static void
search_free (gpointer data)
{
  Search *search = data;

  g_free (search->text);
  g_clear_pointer (&search->ids, g_array_unref);
  g_clear_pointer (&search->names, g_ptr_array_unref);
  g_free (search);
}

static gint64
unit_by_symbol (GListModel *units,
                const char *symbol)
{
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(AtRecord) unit = g_list_model_get_item (units, i);

      if (g_strcmp0 (at_record_get_string (unit, "symbol"), symbol) == 0)
        return at_record_get_id (unit);
    }
  return 0;
}

static gboolean
load_job (AtStore       *store,
          gpointer       job_data,
          GCancellable  *cancellable,
          GError       **error)
{
  Load *load = job_data;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(AtRecord) subtype = NULL;
  g_autoptr(GArray) session_ids = NULL;
  gint64 kg_id, user_unit_id = 0;
  double factor;

  if ((units = at_store_list (store, load->user_id, AT_TYPE_UNIT, NULL, 0, error)) == NULL)
    return FALSE;

  if (load->subtype_id == 0 && load->query != NULL && load->query[0] != '\0')
    {
      g_autoptr(GListModel) found = at_store_search_exercises (store, load->query, 1, error);

      if (found == NULL)
        return FALSE;
      if (g_list_model_get_n_items (found) > 0)
        {
          g_autoptr(AtRecord) first = g_list_model_get_item (found, 0);

          load->subtype_id = at_record_get_id (first);
        }
    }
  if (load->subtype_id == 0 &&
      !at_store_get_top_exercise (store, load->user_id, &load->subtype_id, error))
    return FALSE;
  if (load->subtype_id == 0)
    return TRUE;

  subtype = at_store_get (store, load->user_id, AT_TYPE_ACTIVITY_SUBTYPE, load->subtype_id, NULL);
  load->name = g_strdup (subtype != NULL ? at_record_get_string (subtype, "name") : _("Exercise"));

  /* Weights are read in kg and shown in the user's unit. */
  kg_id = unit_by_symbol (units, "kg");
  if (kg_id == 0 ||
      !at_store_to_user_weight (store, load->user_id, 1, kg_id, &factor, &user_unit_id, NULL))
    {
      factor = 1;
      user_unit_id = kg_id;
    }
  load->unit = at_progress_unit_symbol (units, user_unit_id);
  if (load->unit == NULL)
    load->unit = g_strdup (_("kg"));

  load->factor = factor;

  if ((load->points = at_store_get_exercise_history (store, load->user_id, load->subtype_id,
                                                     0, G_MAXINT64, error)) == NULL ||
      (load->rep_maxes = at_store_get_rep_maxes (store, load->user_id, load->subtype_id,
                                                 error)) == NULL ||
      (load->records = at_exercise_bests_read (store, load->user_id, load->subtype_id, units,
                                               error)) == NULL ||
      (load->sets = at_exercise_sets_read (store, load->user_id, load->subtype_id, NULL,
                                           factor, error)) == NULL)
    return FALSE;

  /* One factor for every weight read in kg, rather than a query per value. */
  for (guint i = 0; i < load->points->len; i++)
    {
      AtExerciseHistoryPoint *p = &g_array_index (load->points, AtExerciseHistoryPoint, i);

      p->best_e1rm_kg *= factor;
      p->heaviest_kg *= factor;
      p->session_volume_kg *= factor;
    }
  for (guint i = 0; i < load->rep_maxes->len; i++)
    g_array_index (load->rep_maxes, AtRepMax, i).weight_kg *= factor;

  /* The charts' tooltips name each point's session. */
  session_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), load->points->len);
  for (guint i = 0; i < load->points->len; i++)
    g_array_append_val (session_ids, g_array_index (load->points, AtExerciseHistoryPoint, i).session_id);
  if ((load->session_names = at_store_get_session_names (store, load->user_id, session_ids,
                                                         error)) == NULL)
    return FALSE;

  return TRUE;
}

static gboolean
search_job (AtStore       *store,
            gpointer       job_data,
            GCancellable  *cancellable,
            GError       **error)
{
  Search *search = job_data;
  g_autoptr(GListModel) found = NULL;

  if ((found = at_store_search_exercises (store, search->text, N_RESULTS, error)) == NULL)
    return FALSE;

  search->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  search->names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(AtRecord) subtype = g_list_model_get_item (found, i);
      gint64 id = at_record_get_id (subtype);

      g_array_append_val (search->ids, id);
      g_ptr_array_add (search->names, g_strdup (at_record_get_string (subtype, "name")));
    }
  return TRUE;
}

static void
set_page (AtExerciseHistory *self,
          const char        *name)
{
  if (g_strcmp0 (name, "results") != 0)
    {
      g_free (self->shown_page);
      self->shown_page = g_strdup (name);
    }
  if (g_strcmp0 (name, "loading") == 0)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
show_charts (AtExerciseHistory *self,
             Load              *load)
{
  g_autoptr(AtChart) e1rm = at_chart_new ();
  g_autoptr(AtChart) volume = at_chart_new ();
  /* Translators: a chart series, %s is an exercise, e.g. "Estimated 1RM (Squat)";
   * the chart's description, which a screen reader reads, names the series */
  g_autofree char *best_label = g_strdup_printf (_("Estimated 1RM (%s)"), load->name);
  g_autoptr(AtChartSeries) best = at_chart_series_new (AT_CHART_SERIES_LINE, best_label, load->unit);
  g_autoptr(AtChartSeries) heaviest = at_chart_series_new (AT_CHART_SERIES_SCATTER, _("Heaviest Weight"),
                                                           load->unit);
  g_autoptr(AtChartSeries) sessions = at_chart_series_new (AT_CHART_SERIES_BAR, _("Session Volume"),
                                                           load->unit);
  /* Translators: a chart's title, %s is an exercise, e.g. "Squat: Estimated 1RM" */
  g_autofree char *e1rm_title = g_strdup_printf (_("%s: Estimated 1RM"), load->name);
  /* Translators: a chart's title, %s is an exercise */
  g_autofree char *volume_title = g_strdup_printf (_("%s: Volume per Session"), load->name);

  at_chart_series_set_trend_days (best, TREND_DAYS);
  for (guint i = 0; i < load->points->len; i++)
    {
      const AtExerciseHistoryPoint *p = &g_array_index (load->points, AtExerciseHistoryPoint, i);

      at_chart_series_add_point (best, p->started_at, p->best_e1rm_kg, p->session_id);
      at_chart_series_add_point (heaviest, p->started_at, p->heaviest_kg, p->session_id);
      at_chart_series_add_point (sessions, p->started_at, p->session_volume_kg, p->session_id);
    }

  at_chart_set_session_names (e1rm, load->session_names);
  at_chart_set_session_names (volume, load->session_names);

  at_chart_set_title (e1rm, e1rm_title);
  at_chart_add_series (e1rm, best);
  at_chart_add_series (e1rm, heaviest);
  at_chart_view_set_chart (self->e1rm_chart, e1rm);

  at_chart_set_title (volume, volume_title);
  at_chart_add_series (volume, sessions);
  at_chart_view_set_chart (self->volume_chart, volume);
}

static void
on_load_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AtExerciseHistory) self = user_data;
  g_autoptr(GError) error = NULL;
  Load *load = at_store_run_get_job_data (result);
  gboolean searching = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "results") == 0;

  if (!at_store_run_finish (AT_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_description (self->error_page, error->message);
      set_page (self, "error");
      return;
    }

  self->subtype_id = load->subtype_id;
  if (load->subtype_id == 0)
    {
      gtk_label_set_label (self->title_label, _("Exercise History"));
      set_page (self, "empty");
    }
  else
    {
      gtk_label_set_label (self->title_label, load->name);
      show_charts (self, load);
      at_exercise_sets_show (self->sets, AT_STORE (object), self->user_id, load->subtype_id,
                             load->unit, load->factor, load->sets);
      at_exercise_bests_show (self->bests, load->records, load->rep_maxes, load->unit);
      set_page (self, "content");
    }
  if (searching)
    gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
load_exercise (AtExerciseHistory *self,
               gint64             subtype_id,
               const char        *query)
{
  Load *load;

  g_assert (AT_IS_EXERCISE_HISTORY (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  at_exercise_sets_stop (self->sets);
  if (self->store == NULL || self->user_id == 0)
    return;

  set_page (self, "loading");
  self->cancellable = g_cancellable_new ();
  load = g_new0 (Load, 1);
  load->user_id = self->user_id;
  load->subtype_id = subtype_id;
  load->query = g_strdup (query);

  at_store_run_async (self->store, load_job, load, load_free, self->cancellable,
                      on_load_done_cb, g_object_ref (self));
}

static void
on_result_clicked_cb (GtkButton         *button,
                      AtExerciseHistory *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "subtype-id");

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  /* Clearing the entry would show the old page again: load first. */
  load_exercise (self, *id, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_search_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AtExerciseHistory) self = user_data;
  g_autoptr(GError) error = NULL;
  Search *search = at_store_run_get_job_data (result);

  if (!at_store_run_finish (AT_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[ADD_TOAST], 0, adw_toast_new (error->message));
      return;
    }

  at_progress_clear_list (self->result_list);
  for (guint i = 0; i < search->ids->len; i++)
    {
      const char *name = g_ptr_array_index (search->names, i);
      GtkWidget *row = gtk_list_box_row_new ();
      /* A button's own label names it for a screen reader. */
      GtkWidget *button = gtk_button_new_with_label (name);
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "subtype-id",
                              g_memdup2 (&g_array_index (search->ids, gint64, i), sizeof (gint64)),
                              g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_result_clicked_cb), self);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), button);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_list_box_append (self->result_list, row);
    }
  if (search->ids->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No exercise matches"));
      gtk_list_box_append (self->result_list, row);
    }
  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
on_search_changed_cb (AtExerciseHistory *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  Search *search;

  /* Each keystroke cancels the last search; a cancelled one stays so. */
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (text[0] == '\0' || self->store == NULL)
    {
      if (self->shown_page != NULL)
        gtk_stack_set_visible_child_name (self->stack, self->shown_page);
      return;
    }

  self->search_cancellable = g_cancellable_new ();
  search = g_new0 (Search, 1);
  search->text = g_strdup (text);
  at_store_run_async (self->store, search_job, search, search_free, self->search_cancellable,
                      on_search_done_cb, g_object_ref (self));
}

/* Enter in the entry picks the first match. */
static void
on_search_activate_cb (AtExerciseHistory *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->result_list, 0);
  GtkWidget *button = row != NULL ? gtk_list_box_row_get_child (row) : NULL;

  if (GTK_IS_BUTTON (button) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "results") == 0)
    on_result_clicked_cb (GTK_BUTTON (button), self);
}

static void
on_stop_search_cb (AtExerciseHistory *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    g_signal_emit (self, signals[BACK], 0);
}

static void
on_back_clicked_cb (AtExerciseHistory *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[BACK], 0);
}

static void
on_chart_add_toast_cb (AtExerciseHistory *self,
                       AdwToast          *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
at_exercise_history_dispose (GObject *object)
{
  AtExerciseHistory *self = (AtExerciseHistory *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->store);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), AT_TYPE_EXERCISE_HISTORY);

  G_OBJECT_CLASS (at_exercise_history_parent_class)->dispose (object);
}

static void
at_exercise_history_finalize (GObject *object)
{
  AtExerciseHistory *self = (AtExerciseHistory *)object;

  g_free (self->shown_page);

  G_OBJECT_CLASS (at_exercise_history_parent_class)->finalize (object);
}

static void
at_exercise_history_class_init (AtExerciseHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_exercise_history_dispose;
  object_class->finalize = at_exercise_history_finalize;

  /**
   * AtExerciseHistory::add-toast:
   * @toast: an #AdwToast
   */
  signals [ADD_TOAST] =
    g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  /**
   * AtExerciseHistory::back:
   *
   * The user asked to go back to the Progress page.
   */
  signals [BACK] =
    g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (AT_TYPE_CHART_VIEW);
  g_type_ensure (AT_TYPE_EXERCISE_BESTS);
  g_type_ensure (AT_TYPE_EXERCISE_SETS);

  gtk_widget_class_install_action (widget_class, "history.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "history.back", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/at-exercise-history.ui");
  gtk_widget_class_bind_template_child (widget_class, AtExerciseHistory, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseHistory, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseHistory, stack);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseHistory, spinner);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseHistory, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseHistory, error_page);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseHistory, result_list);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseHistory, e1rm_chart);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseHistory, volume_chart);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseHistory, bests);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseHistory, sets);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_add_toast_cb);
}

static void
at_exercise_history_init (AtExerciseHistory *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
at_exercise_history_new (void)
{
  return g_object_new (AT_TYPE_EXERCISE_HISTORY, NULL);
}

/**
 * at_exercise_history_load:
 * @store: (nullable): a profile database
 * @user_id: the profile shown
 * @exercise: (nullable): the name of an exercise to show, searched for;
 *   %NULL or "" for the one shown before, or else the user's most-done one
 *
 * Reads the exercise's history from @store on a worker thread.
 */
void
at_exercise_history_load (AtExerciseHistory *self,
                          AtStore           *store,
                          gint64             user_id,
                          const char        *exercise)
{
  gboolean same;

  g_return_if_fail (AT_IS_EXERCISE_HISTORY (self));
  g_return_if_fail (store == NULL || AT_IS_STORE (store));

  same = !g_set_object (&self->store, store) && self->user_id == user_id;
  self->user_id = user_id;
  if (!same)
    self->subtype_id = 0;

  if (exercise != NULL && exercise[0] != '\0')
    load_exercise (self, 0, exercise);
  else
    load_exercise (self, self->subtype_id, NULL);
}

/**
 * at_exercise_history_get_exercise_id:
 *
 * Returns: the activity_subtype shown, or 0
 */
gint64
at_exercise_history_get_exercise_id (AtExerciseHistory *self)
{
  g_return_val_if_fail (AT_IS_EXERCISE_HISTORY (self), 0);

  return self->subtype_id;
}
