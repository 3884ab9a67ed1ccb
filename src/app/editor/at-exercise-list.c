/* at-exercise-list.c: AtExerciseList, the session editor's exercises: an
 * AtExerciseEditor for each, in order, the search that adds them, their
 * supersets, and each one's "last time" hint. */

#define G_LOG_DOMAIN "at-exercise-list"

#include "config.h"

#include <glib/gi18n.h>

#include "at-exercise-editor.h"
#include "at-exercise-hint.h"
#include "at-exercise-list.h"
#include "at-search.h"
#include "at-units.h"

#define EXERCISE_RESULTS 20

struct _AtExerciseList
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkPopover     *popover;
  GtkSearchEntry *search_entry;
  GtkBox         *results_box;
  GtkBox         *editors_box;
  GtkWidget      *no_exercises_label;

  /* Owned */
  AtStore        *store;
  AtSession      *editing;        /* the stored session being edited, or NULL */
  GCancellable   *cancellable;    /* the hints' loads */
  GListModel     *found;          /* of AtActivitySubtype */
  GTimeZone      *zone;
  char           *weight_unit_symbol;
  double          kg_per_unit;
  gint64          weight_unit_id;
  gint64          user_id;
};

G_DEFINE_FINAL_TYPE (AtExerciseList, at_exercise_list, ADW_TYPE_BIN)

enum {
  SET_ADDED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

#define FOR_EACH_EDITOR(self, child) \
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET ((self)->editors_box)); \
       child != NULL; \
       child = gtk_widget_get_next_sibling (child))

/* Whether @child is in a superset with the exercise after it. */
static gboolean
joins_next (GtkWidget *child)
{
  GtkWidget *next = gtk_widget_get_next_sibling (child);

  return next != NULL && at_exercise_editor_get_superset_with_previous (AT_EXERCISE_EDITOR (next));
}

/* The superset labels that show the exercises joined to the one before
 * them: "Superset A" on each exercise of the first. */
static void
update_supersets (AtExerciseList *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->editors_box));
  guint groups = 0;

  gtk_widget_set_visible (self->no_exercises_label, first == NULL);

  FOR_EACH_EDITOR (self, child)
    {
      AtExerciseEditor *editor = AT_EXERCISE_EDITOR (child);
      g_autofree char *label = NULL;
      gboolean joined;

      at_exercise_editor_set_can_superset (editor, child != first);
      joined = at_exercise_editor_get_superset_with_previous (editor);
      if (!joined && joins_next (child))
        groups++;
      if (joined || joins_next (child))
        /* Translators: a superset's name: "Superset A", "Superset B" … */
        label = g_strdup_printf (_("Superset %c"), 'A' + (groups - 1) % 26);
      at_exercise_editor_set_superset_label (editor, label);
    }
}

static void
on_hint_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AtExerciseEditor) editor = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *hint = at_exercise_hint_load_finish (AT_STORE (object), result, &error);

  /* Only a hint: the editor works without it. */
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Cannot read the last sets of an exercise: %s", error->message);
  if (error == NULL)
    at_exercise_editor_set_hint (editor, hint);
}

static void
on_set_added_cb (AtExerciseList   *self,
                 AtExerciseEditor *editor)
{
  g_signal_emit (self, signals [SET_ADDED], 0, at_exercise_editor_get_name (editor));
}

static void
on_exercise_remove_cb (AtExerciseList   *self,
                       AtExerciseEditor *editor)
{
  gtk_box_remove (self->editors_box, GTK_WIDGET (editor));
  update_supersets (self);
}

static AtExerciseEditor *
add_exercise (AtExerciseList    *self,
              AtActivitySubtype *subtype)
{
  GtkWidget *editor;

  g_assert (AT_IS_EXERCISE_LIST (self));

  editor = at_exercise_editor_new (subtype, self->weight_unit_symbol, self->kg_per_unit);
  g_signal_connect_object (editor, "remove", G_CALLBACK (on_exercise_remove_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "superset-changed", G_CALLBACK (update_supersets),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "set-added", G_CALLBACK (on_set_added_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (self->editors_box, editor);
  update_supersets (self);
  at_exercise_hint_load_async (self->store, self->user_id, at_record_get_id (AT_RECORD (subtype)),
                               self->editing, self->zone, self->cancellable,
                               on_hint_loaded_cb, g_object_ref (editor));

  gtk_popover_popdown (self->popover);
  at_exercise_editor_focus (AT_EXERCISE_EDITOR (editor));
  return AT_EXERCISE_EDITOR (editor);
}

static void
on_result_clicked_cb (AtExerciseList *self,
                      GtkButton      *button)
{
  add_exercise (self, g_object_get_data (G_OBJECT (button), "at-subtype"));
}

static GtkWidget *
new_result_button (AtExerciseList *self,
                   AtRecord       *subtype)
{
  GtkWidget *button = gtk_button_new_with_label (at_record_get_string (subtype, "name"));

  gtk_widget_add_css_class (button, "flat");
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
  g_object_set_data_full (G_OBJECT (button), "at-subtype", g_object_ref (subtype), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_result_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  return button;
}

static void
on_search_changed_cb (AtExerciseList *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  const char *text;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_box))) != NULL)
    gtk_box_remove (self->results_box, child);
  g_clear_object (&self->found);

  /* A catalogue query with a small limit: quick enough for the main thread. */
  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  self->found = at_store_search_exercises (self->store, text, EXERCISE_RESULTS, &error);
  if (self->found == NULL)
    {
      g_debug ("Cannot search the exercises: %s", error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (self->found); i++)
    {
      g_autoptr(AtRecord) subtype = g_list_model_get_item (self->found, i);

      gtk_box_append (self->results_box, new_result_button (self, subtype));
    }
}

static void
on_search_activate_cb (AtExerciseList *self)
{
  g_autoptr(AtActivitySubtype) first = NULL;

  if (self->found == NULL || g_list_model_get_n_items (self->found) == 0)
    return;
  first = g_list_model_get_item (self->found, 0);
  add_exercise (self, first);
}

static void
on_popover_show_cb (AtExerciseList *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Fills in the sets of @exercise's editor: the weights in the user's
 * unit, which the sets are saved in. */
static gboolean
show_sets (AtExerciseList    *self,
           AtExerciseEditor  *editor,
           GPtrArray         *sets,
           GError           **error)
{
  for (guint j = 0; j < sets->len; j++)
    {
      AtRecord *set = g_ptr_array_index (sets, j);
      double weight = at_record_is_null (set, "weight") ? 0 : at_record_get_double (set, "weight");

      if (weight > 0 && !at_record_is_null (set, "weight_unit_id") &&
          !at_store_to_user_weight (self->store, self->user_id, weight,
                                    at_record_get_int (set, "weight_unit_id"),
                                    &weight, NULL, error))
        return FALSE;
      at_exercise_editor_set_set (editor, j, AT_EXERCISE_SET (set), weight);
    }
  return TRUE;
}

static void
at_exercise_list_dispose (GObject *object)
{
  AtExerciseList *self = AT_EXERCISE_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->editing);
  g_clear_object (&self->found);

  gtk_widget_dispose_template (GTK_WIDGET (self), AT_TYPE_EXERCISE_LIST);

  G_OBJECT_CLASS (at_exercise_list_parent_class)->dispose (object);
}

static void
at_exercise_list_finalize (GObject *object)
{
  AtExerciseList *self = AT_EXERCISE_LIST (object);

  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_free (self->weight_unit_symbol);

  G_OBJECT_CLASS (at_exercise_list_parent_class)->finalize (object);
}

static void
at_exercise_list_class_init (AtExerciseListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_exercise_list_dispose;
  object_class->finalize = at_exercise_list_finalize;

  /**
   * AtExerciseList::set-added:
   * @exercise: the exercise's name
   *
   * The user added a set to @exercise (the previous one is done): time to
   * rest.
   */
  signals [SET_ADDED] =
    g_signal_new ("set-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/at-exercise-list.ui");
  gtk_widget_class_bind_template_child (widget_class, AtExerciseList, popover);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseList, results_box);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseList, editors_box);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseList, no_exercises_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
}

static void
at_exercise_list_init (AtExerciseList *self)
{
  self->cancellable = g_cancellable_new ();
  self->kg_per_unit = 1;
  self->weight_unit_symbol = g_strdup ("kg");

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * at_exercise_list_setup:
 * @store: the profile database, for the search and the hints
 * @user_id: the profile the session is for
 * @zone: the user's time zone, for the hints' dates
 */
void
at_exercise_list_setup (AtExerciseList *self,
                        AtStore        *store,
                        gint64          user_id,
                        GTimeZone      *zone)
{
  g_return_if_fail (AT_IS_EXERCISE_LIST (self));
  g_return_if_fail (AT_IS_STORE (store));

  g_set_object (&self->store, store);
  self->user_id = user_id;
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = g_time_zone_ref (zone);
  update_supersets (self);
}

/**
 * at_exercise_list_set_weight_unit:
 * @unit_id: the user's weight unit, which the weights are typed in, or 0
 * @symbol: its symbol, such as "kg"
 * @kg_per_unit: kilograms in one, for the plates
 */
void
at_exercise_list_set_weight_unit (AtExerciseList *self,
                                  gint64          unit_id,
                                  const char     *symbol,
                                  double          kg_per_unit)
{
  g_return_if_fail (AT_IS_EXERCISE_LIST (self));
  g_return_if_fail (kg_per_unit > 0);

  self->weight_unit_id = unit_id;
  g_free (self->weight_unit_symbol);
  self->weight_unit_symbol = g_strdup (symbol);
  self->kg_per_unit = kg_per_unit;
}

/**
 * at_exercise_list_set_editing:
 * @session: the stored session being edited
 *
 * Its sets are not "last time" in the hints.
 */
void
at_exercise_list_set_editing (AtExerciseList *self,
                              AtSession      *session)
{
  g_return_if_fail (AT_IS_EXERCISE_LIST (self));

  g_set_object (&self->editing, session);
}

/**
 * at_exercise_list_show_workout:
 * @edit: whether saving updates @workout's exercises
 *
 * Adds an editor for each of @workout's exercises, with its sets.
 *
 * Returns: %FALSE, with @error set, when an exercise cannot be read
 */
gboolean
at_exercise_list_show_workout (AtExerciseList  *self,
                               AtWorkout       *workout,
                               gboolean         edit,
                               GError         **error)
{
  gint64 previous_group = 0;

  g_return_val_if_fail (AT_IS_EXERCISE_LIST (self), FALSE);

  for (guint i = 0; i < at_workout_get_n_exercises (workout); i++)
    {
      AtActivityExercise *exercise = at_workout_get_exercise (workout, i);
      AtRecord *record = AT_RECORD (exercise);
      g_autoptr(AtActivitySubtype) subtype = NULL;
      AtExerciseEditor *editor;
      gint64 group;

      if (at_record_is_null (record, "activity_subtype_id"))
        continue;
      subtype = at_store_get (self->store, self->user_id, AT_TYPE_ACTIVITY_SUBTYPE,
                              at_record_get_int (record, "activity_subtype_id"), error);
      if (subtype == NULL)
        return FALSE;

      editor = add_exercise (self, subtype);
      if (edit)
        at_exercise_editor_set_exercise (editor, exercise);
      group = at_record_is_null (record, "superset_group") ? 0 : at_record_get_int (record, "superset_group");
      at_exercise_editor_set_superset_with_previous (editor, group > 0 && group == previous_group);
      previous_group = group;
      if (!show_sets (self, editor, at_workout_get_sets (workout, i), error))
        return FALSE;
    }
  update_supersets (self);
  return TRUE;
}

/**
 * at_exercise_list_add_to:
 *
 * Adds the exercises, in their order, to @workout; each joined to the one
 * before it is in that one's superset, numbered from 1 in the session.
 *
 * Returns: %FALSE, with @error set and the field marked, when a set's
 *   field is not what it takes
 */
gboolean
at_exercise_list_add_to (AtExerciseList  *self,
                         AtWorkout       *workout,
                         GError         **error)
{
  gint64 order = 0;
  gint64 groups = 0;

  g_return_val_if_fail (AT_IS_EXERCISE_LIST (self), FALSE);

  FOR_EACH_EDITOR (self, child)
    {
      AtExerciseEditor *editor = AT_EXERCISE_EDITOR (child);
      gboolean joined = at_exercise_editor_get_superset_with_previous (editor);

      if (!joined && joins_next (child))
        groups++;
      if (!at_exercise_editor_add_to (editor, workout, ++order, self->weight_unit_id,
                                      joined || joins_next (child) ? groups : 0, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * at_exercise_list_show_error:
 * @error: why the core refused the workout
 *
 * Returns: %TRUE if @error is about a set's field, now marked
 */
gboolean
at_exercise_list_show_error (AtExerciseList *self,
                             const GError   *error)
{
  g_return_val_if_fail (AT_IS_EXERCISE_LIST (self), FALSE);

  FOR_EACH_EDITOR (self, child)
    if (at_exercise_editor_show_error (AT_EXERCISE_EDITOR (child), error))
      return TRUE;
  return FALSE;
}

void
at_exercise_list_clear_errors (AtExerciseList *self)
{
  g_return_if_fail (AT_IS_EXERCISE_LIST (self));

  FOR_EACH_EDITOR (self, child)
    at_exercise_editor_clear_errors (AT_EXERCISE_EDITOR (child));
}
