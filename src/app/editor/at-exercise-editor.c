/* at-exercise-editor.c: AtExerciseEditor, one exercise of the session
 * editor with its table of sets, each an AtSetRow. The table is used with
 * the keyboard alone: Enter moves on (and adds a set after the last
 * field), Ctrl+Return adds a set, Ctrl+D duplicates one, Alt+Up/Down move
 * it and Ctrl+Delete deletes it. */

#define G_LOG_DOMAIN "at-exercise-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "at-exercise-editor.h"
#include "at-set-row.h"

struct _AtExerciseEditor
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkLabel           *title_label;
  GtkLabel           *superset_label;
  GtkLabel           *hint_label;
  GtkWidget          *superset_button;
  GtkWidget          *add_set_button;
  GtkWidget          *remove_button;
  GtkBox             *header_box;
  GtkBox             *sets_box;

  /* Owned */
  AtActivitySubtype  *subtype;
  AtActivityExercise *exercise;  /* the stored exercise being edited, or NULL */
  char               *unit_symbol;
  double              kg_per_unit;
  GtkSizeGroup       *columns [AT_SET_N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (AtExerciseEditor, at_exercise_editor, ADW_TYPE_BIN)

enum {
  REMOVE,
  SET_ADDED,
  SUPERSET_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

#define FOR_EACH_ROW(self, child) \
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET ((self)->sets_box)); \
       child != NULL; \
       child = gtk_widget_get_next_sibling (child))

static guint
n_rows (AtExerciseEditor *self)
{
  guint n = 0;

  FOR_EACH_ROW (self, child)
    n++;
  return n;
}

/* The set at @index, from 0, or NULL. */
static AtSetRow *
row_at (AtExerciseEditor *self,
        guint             index)
{
  guint i = 0;

  FOR_EACH_ROW (self, child)
    if (i++ == index)
      return AT_SET_ROW (child);
  return NULL;
}

static AtSetRow *
last_row (AtExerciseEditor *self)
{
  GtkWidget *last = gtk_widget_get_last_child (GTK_WIDGET (self->sets_box));

  return last != NULL ? AT_SET_ROW (last) : NULL;
}

static guint
row_index (AtExerciseEditor *self,
           AtSetRow         *row)
{
  guint i = 0;

  FOR_EACH_ROW (self, child)
    {
      if (child == GTK_WIDGET (row))
        return i;
      i++;
    }
  return G_MAXUINT;
}

static void
name_widget (GtkWidget  *widget,
             const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
renumber (AtExerciseEditor *self)
{
  guint n = n_rows (self);
  guint number = 0;

  g_assert (AT_IS_EXERCISE_EDITOR (self));

  FOR_EACH_ROW (self, child)
    at_set_row_set_number (AT_SET_ROW (child), at_exercise_editor_get_name (self), ++number, n > 1);
}

/* The set that has the keyboard focus, or NULL. */
static AtSetRow *
focused_row (AtExerciseEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, AT_TYPE_SET_ROW) : NULL;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->sets_box))
    return NULL;
  return AT_SET_ROW (row);
}

static void on_row_delete_cb (AtExerciseEditor *self, AtSetRow *row);
static void on_row_done_cb   (AtExerciseEditor *self, AtSetRow *row);

/* A new, empty set after @after (NULL: first). */
static AtSetRow *
insert_row (AtExerciseEditor *self,
            AtSetRow         *after)
{
  GtkWidget *row;

  g_assert (AT_IS_EXERCISE_EDITOR (self));

  row = at_set_row_new ((GtkSizeGroup * const *) self->columns, self->unit_symbol, self->kg_per_unit);
  g_signal_connect_object (row, "delete", G_CALLBACK (on_row_delete_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "done", G_CALLBACK (on_row_done_cb), self, G_CONNECT_SWAPPED);
  gtk_box_insert_child_after (self->sets_box, row, after != NULL ? GTK_WIDGET (after) : NULL);
  renumber (self);
  return AT_SET_ROW (row);
}

static AtSetRow *
append_row (AtExerciseEditor *self)
{
  return insert_row (self, last_row (self));
}

/* The keyboard goes to a new set's weight, and the set into view. */
static void
focus_new_row (AtSetRow *row)
{
  at_set_row_focus (row);
  at_set_row_scroll_into_view (row);
}

static void
add_header (AtExerciseEditor *self,
            AtSetColumn       column,
            const char       *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_size_group_add_widget (self->columns [column], label);
  gtk_box_append (self->header_box, label);
}

static void
delete_row (AtExerciseEditor *self,
            AtSetRow         *row)
{
  guint index = row_index (self, row);

  g_assert (AT_IS_EXERCISE_EDITOR (self));

  if (index == G_MAXUINT || n_rows (self) <= 1)
    return;

  gtk_box_remove (self->sets_box, GTK_WIDGET (row));
  renumber (self);

  /* Keep the keyboard in the table: the set that took its place. */
  at_set_row_focus (row_at (self, MIN (index, n_rows (self) - 1)));
}

static void
duplicate_row (AtExerciseEditor *self,
               AtSetRow         *row)
{
  AtSetRow *copy;

  g_assert (AT_IS_EXERCISE_EDITOR (self));

  copy = insert_row (self, row);
  at_set_row_copy_all (copy, row);
  focus_new_row (copy);
  g_signal_emit (self, signals [SET_ADDED], 0);
}

/* Moves a set up (-1) or down (+1); the keyboard focus goes with it. */
static void
move_row (AtExerciseEditor *self,
          AtSetRow         *row,
          int               delta)
{
  GtkWidget *widget = GTK_WIDGET (row);
  GtkWidget *previous = gtk_widget_get_prev_sibling (widget);
  GtkWidget *next = gtk_widget_get_next_sibling (widget);

  g_assert (AT_IS_EXERCISE_EDITOR (self));

  if (delta < 0 && previous != NULL)
    gtk_box_reorder_child_after (self->sets_box, widget, gtk_widget_get_prev_sibling (previous));
  else if (delta > 0 && next != NULL)
    gtk_box_reorder_child_after (self->sets_box, widget, next);
  else
    return;
  renumber (self);
  at_set_row_scroll_into_view (row);
}

static gboolean
shortcut_add_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  at_exercise_editor_add_set (AT_EXERCISE_EDITOR (widget));
  return TRUE;
}

/* What a shortcut does to the focused set row: its argument. */
typedef enum
{
  ROW_DUPLICATE,
  ROW_MOVE_UP,
  ROW_MOVE_DOWN,
  ROW_DELETE,
} RowCommand;

static gboolean
shortcut_row_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  AtExerciseEditor *self = AT_EXERCISE_EDITOR (widget);
  AtSetRow *row = focused_row (self);

  if (row == NULL)
    return FALSE;
  switch ((RowCommand) g_variant_get_int32 (args))
    {
    case ROW_DUPLICATE:
      duplicate_row (self, row);
      break;
    case ROW_MOVE_UP:
      move_row (self, row, -1);
      break;
    case ROW_MOVE_DOWN:
      move_row (self, row, 1);
      break;
    case ROW_DELETE:
    default:
      delete_row (self, row);
      break;
    }
  return TRUE;
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        modifiers,
              GtkShortcutFunc        func,
              GVariant              *args)
{
  GtkShortcut *shortcut;

  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                               gtk_callback_action_new (func, NULL, NULL));
  if (args != NULL)
    gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* In the capture phase: before the fields, where Ctrl+Delete would delete
 * a word and Ctrl+Return activate. */
static void
add_set_shortcuts (AtExerciseEditor *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_shortcut (shortcuts, GDK_KEY_Return, GDK_CONTROL_MASK, shortcut_add_cb, NULL);
  add_shortcut (shortcuts, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, shortcut_add_cb, NULL);
  add_shortcut (shortcuts, GDK_KEY_d, GDK_CONTROL_MASK, shortcut_row_cb, g_variant_new_int32 (ROW_DUPLICATE));
  add_shortcut (shortcuts, GDK_KEY_Up, GDK_ALT_MASK, shortcut_row_cb, g_variant_new_int32 (ROW_MOVE_UP));
  add_shortcut (shortcuts, GDK_KEY_Down, GDK_ALT_MASK, shortcut_row_cb, g_variant_new_int32 (ROW_MOVE_DOWN));
  add_shortcut (shortcuts, GDK_KEY_Delete, GDK_CONTROL_MASK, shortcut_row_cb, g_variant_new_int32 (ROW_DELETE));
  add_shortcut (shortcuts, GDK_KEY_KP_Delete, GDK_CONTROL_MASK, shortcut_row_cb, g_variant_new_int32 (ROW_DELETE));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
on_add_set_clicked_cb (AtExerciseEditor *self)
{
  at_exercise_editor_add_set (self);
}

static void
on_remove_clicked_cb (AtExerciseEditor *self)
{
  g_signal_emit (self, signals [REMOVE], 0);
}

static void
on_superset_toggled_cb (AtExerciseEditor *self)
{
  g_signal_emit (self, signals [SUPERSET_CHANGED], 0);
}

static void
on_row_delete_cb (AtExerciseEditor *self,
                  AtSetRow         *row)
{
  delete_row (self, row);
}

/* Enter in a set's last field: on to the next set, or a new one after
 * the last, so that a whole table can be typed without the mouse. */
static void
on_row_done_cb (AtExerciseEditor *self,
                AtSetRow         *row)
{
  GtkWidget *next = gtk_widget_get_next_sibling (GTK_WIDGET (row));

  if (next == NULL)
    at_exercise_editor_add_set (self);
  else
    at_set_row_focus (AT_SET_ROW (next));
}

static void
at_exercise_editor_dispose (GObject *object)
{
  AtExerciseEditor *self = AT_EXERCISE_EDITOR (object);

  for (guint i = 0; i < AT_SET_N_COLUMNS; i++)
    g_clear_object (&self->columns [i]);
  g_clear_object (&self->subtype);
  g_clear_object (&self->exercise);

  gtk_widget_dispose_template (GTK_WIDGET (self), AT_TYPE_EXERCISE_EDITOR);

  G_OBJECT_CLASS (at_exercise_editor_parent_class)->dispose (object);
}

static void
at_exercise_editor_finalize (GObject *object)
{
  AtExerciseEditor *self = AT_EXERCISE_EDITOR (object);

  g_clear_pointer (&self->unit_symbol, g_free);

  G_OBJECT_CLASS (at_exercise_editor_parent_class)->finalize (object);
}

static void
at_exercise_editor_class_init (AtExerciseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_exercise_editor_dispose;
  object_class->finalize = at_exercise_editor_finalize;

  /**
   * AtExerciseEditor::remove:
   *
   * The user asks to remove this exercise from the session.
   */
  signals [REMOVE] =
    g_signal_new ("remove",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * AtExerciseEditor::set-added:
   *
   * The user added a set (the previous one is done): time to rest.
   */
  signals [SET_ADDED] =
    g_signal_new ("set-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * AtExerciseEditor::superset-changed:
   *
   * The user joined this exercise to the one before, or split it off.
   */
  signals [SUPERSET_CHANGED] =
    g_signal_new ("superset-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/at-exercise-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AtExerciseEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseEditor, superset_label);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseEditor, hint_label);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseEditor, superset_button);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseEditor, add_set_button);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseEditor, remove_button);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseEditor, header_box);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseEditor, sets_box);
  gtk_widget_class_bind_template_callback (widget_class, on_add_set_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_superset_toggled_cb);
}

static void
at_exercise_editor_init (AtExerciseEditor *self)
{
  for (guint i = 0; i < AT_SET_N_COLUMNS; i++)
    self->columns [i] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  gtk_widget_init_template (GTK_WIDGET (self));
  add_set_shortcuts (self);
}

/**
 * at_exercise_editor_new:
 * @subtype: the catalogue exercise
 * @weight_unit_symbol: the user's weight unit, such as "kg"
 * @kg_per_unit: kilograms in one @weight_unit_symbol, for the plates
 *
 * Returns: an exercise with one set, filled from @subtype's defaults
 */
GtkWidget *
at_exercise_editor_new (AtActivitySubtype *subtype,
                        const char        *weight_unit_symbol,
                        double             kg_per_unit)
{
  AtExerciseEditor *self;
  g_autofree char *weight_header = NULL;
  g_autofree char *add_label = NULL;
  g_autofree char *remove_label = NULL;
  g_autofree char *superset_label = NULL;
  AtRecord *record = AT_RECORD (subtype);

  g_return_val_if_fail (AT_IS_ACTIVITY_SUBTYPE (subtype), NULL);
  g_return_val_if_fail (kg_per_unit > 0, NULL);

  self = g_object_new (AT_TYPE_EXERCISE_EDITOR, NULL);
  self->subtype = g_object_ref (subtype);
  self->unit_symbol = g_strdup (weight_unit_symbol != NULL ? weight_unit_symbol : "");
  self->kg_per_unit = kg_per_unit;

  gtk_label_set_text (self->title_label, at_exercise_editor_get_name (self));
  /* Translators: accessible names, e.g. "Add Set to Squat" */
  add_label = g_strdup_printf (_("Add Set to %s"), at_exercise_editor_get_name (self));
  remove_label = g_strdup_printf (_("Remove %s"), at_exercise_editor_get_name (self));
  superset_label = g_strdup_printf (_("Superset %s with the Exercise Before"),
                                    at_exercise_editor_get_name (self));
  name_widget (self->add_set_button, add_label);
  name_widget (self->remove_button, remove_label);
  name_widget (self->superset_button, superset_label);

  /* Translators: a column of the set table; %s is a unit such as kg */
  weight_header = g_strdup_printf (_("Weight (%s)"), self->unit_symbol);
  add_header (self, AT_SET_COLUMN_NUMBER, _("Set"));
  add_header (self, AT_SET_COLUMN_WEIGHT, weight_header);
  add_header (self, AT_SET_COLUMN_PLATES, "");
  add_header (self, AT_SET_COLUMN_REPS, _("Reps"));
  add_header (self, AT_SET_COLUMN_RPE, _("RPE"));
  add_header (self, AT_SET_COLUMN_FLAGS, _("Flags"));
  add_header (self, AT_SET_COLUMN_DELETE, "");

  at_set_row_set_plan (append_row (self),
                       at_record_is_null (record, "default_weight")
                       ? 0 : at_record_get_double (record, "default_weight"),
                       at_record_is_null (record, "default_reps")
                       ? 1 : at_record_get_int (record, "default_reps"));

  return GTK_WIDGET (self);
}

const char *
at_exercise_editor_get_name (AtExerciseEditor *self)
{
  g_return_val_if_fail (AT_IS_EXERCISE_EDITOR (self), NULL);

  return at_record_get_string (AT_RECORD (self->subtype), "name");
}

AtActivitySubtype *
at_exercise_editor_get_subtype (AtExerciseEditor *self)
{
  g_return_val_if_fail (AT_IS_EXERCISE_EDITOR (self), NULL);

  return self->subtype;
}

guint
at_exercise_editor_get_n_sets (AtExerciseEditor *self)
{
  g_return_val_if_fail (AT_IS_EXERCISE_EDITOR (self), 0);

  return n_rows (self);
}

/**
 * at_exercise_editor_add_set:
 *
 * Adds a set with the values of the last one, and moves the keyboard
 * focus to its weight.
 */
void
at_exercise_editor_add_set (AtExerciseEditor *self)
{
  AtSetRow *last;
  AtSetRow *row;

  g_return_if_fail (AT_IS_EXERCISE_EDITOR (self));

  last = last_row (self);
  row = append_row (self);
  if (last != NULL)
    at_set_row_copy_plan (row, last);
  focus_new_row (row);
  g_signal_emit (self, signals [SET_ADDED], 0);
}

/**
 * at_exercise_editor_set_exercise:
 * @exercise: the stored exercise this one edits
 *
 * Saving then updates @exercise rather than adding one.
 */
void
at_exercise_editor_set_exercise (AtExerciseEditor   *self,
                                 AtActivityExercise *exercise)
{
  g_return_if_fail (AT_IS_EXERCISE_EDITOR (self));
  g_return_if_fail (AT_IS_ACTIVITY_EXERCISE (exercise));

  g_set_object (&self->exercise, exercise);
}

/**
 * at_exercise_editor_set_set:
 * @index: a set, from 0; the sets up to it are added as needed
 * @set: the values: reps, RPE, tempo, flags and notes
 * @weight: the weight in the user's unit
 *
 * Fills in a set from a stored one, as editing or repeating a session does.
 */
void
at_exercise_editor_set_set (AtExerciseEditor *self,
                            guint             index,
                            AtExerciseSet    *set,
                            double            weight)
{
  g_return_if_fail (AT_IS_EXERCISE_EDITOR (self));
  g_return_if_fail (AT_IS_EXERCISE_SET (set));

  while (index >= n_rows (self))
    append_row (self);
  at_set_row_show_set (row_at (self, index), set, weight);
}

gboolean
at_exercise_editor_get_superset_with_previous (AtExerciseEditor *self)
{
  g_return_val_if_fail (AT_IS_EXERCISE_EDITOR (self), FALSE);

  return gtk_widget_get_sensitive (self->superset_button) &&
         gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->superset_button));
}

void
at_exercise_editor_set_superset_with_previous (AtExerciseEditor *self,
                                               gboolean          linked)
{
  g_return_if_fail (AT_IS_EXERCISE_EDITOR (self));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->superset_button), linked);
}

/**
 * at_exercise_editor_set_can_superset:
 *
 * Whether there is an exercise before this one to superset it with.
 */
void
at_exercise_editor_set_can_superset (AtExerciseEditor *self,
                                     gboolean          can_superset)
{
  g_return_if_fail (AT_IS_EXERCISE_EDITOR (self));

  gtk_widget_set_sensitive (self->superset_button, can_superset);
}

/**
 * at_exercise_editor_set_superset_label:
 * @label: (nullable): the superset this exercise is in, such as
 *   "Superset A", or %NULL for none
 */
void
at_exercise_editor_set_superset_label (AtExerciseEditor *self,
                                       const char       *label)
{
  g_return_if_fail (AT_IS_EXERCISE_EDITOR (self));

  gtk_label_set_text (self->superset_label, label != NULL ? label : "");
  gtk_widget_set_visible (GTK_WIDGET (self->superset_label), label != NULL);
}

/**
 * at_exercise_editor_set_hint:
 * @hint: (nullable): what the user did last time, or %NULL for nothing
 */
void
at_exercise_editor_set_hint (AtExerciseEditor *self,
                             const char       *hint)
{
  g_return_if_fail (AT_IS_EXERCISE_EDITOR (self));

  gtk_label_set_text (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
}

/**
 * at_exercise_editor_add_to:
 * @exercise_order: the exercise's place in the session, from 1
 * @weight_unit_id: the unit the weights are typed in
 * @superset_group: the superset the exercise is in, or 0 for none
 *
 * Adds the exercise and its sets, as typed, to @workout.
 *
 * Returns: %FALSE, with @error set and the field marked, when a set's
 *   field is not what it takes
 */
gboolean
at_exercise_editor_add_to (AtExerciseEditor  *self,
                           AtWorkout         *workout,
                           gint64             exercise_order,
                           gint64             weight_unit_id,
                           gint64             superset_group,
                           GError           **error)
{
  g_autoptr(AtActivityExercise) exercise = NULL;
  AtRecord *record;
  guint index;

  g_return_val_if_fail (AT_IS_EXERCISE_EDITOR (self), FALSE);
  g_return_val_if_fail (AT_IS_WORKOUT (workout), FALSE);

  exercise = self->exercise != NULL ? g_object_ref (self->exercise) : at_activity_exercise_new ();
  record = AT_RECORD (exercise);
  at_record_set_int (record, "activity_subtype_id", at_record_get_id (AT_RECORD (self->subtype)));
  at_record_set_int (record, "exercise_order", exercise_order);
  if (superset_group > 0)
    at_record_set_int (record, "superset_group", superset_group);
  else
    at_record_set_null (record, "superset_group");
  index = at_workout_add_exercise (workout, exercise);

  FOR_EACH_ROW (self, child)
    {
      AtExerciseSet *set = at_set_row_build_set (AT_SET_ROW (child), weight_unit_id, error);

      if (set == NULL)
        return FALSE;
      at_workout_add_set (workout, index, set);
    }
  return TRUE;
}

/**
 * at_exercise_editor_show_error:
 * @error: why the core refused the workout, "exercise_set.reps: …"
 *
 * Marks the field of the first set that @error is about, if it is one of
 * this exercise's sets, with the reason as its tooltip and accessible
 * description.
 *
 * Returns: %TRUE if a field was marked, and has the keyboard focus
 */
gboolean
at_exercise_editor_show_error (AtExerciseEditor *self,
                               const GError     *error)
{
  g_return_val_if_fail (AT_IS_EXERCISE_EDITOR (self), FALSE);
  g_return_val_if_fail (error != NULL, FALSE);

  FOR_EACH_ROW (self, child)
    if (at_set_row_show_error (AT_SET_ROW (child), error))
      return TRUE;
  return FALSE;
}

void
at_exercise_editor_clear_errors (AtExerciseEditor *self)
{
  g_return_if_fail (AT_IS_EXERCISE_EDITOR (self));

  FOR_EACH_ROW (self, child)
    at_set_row_clear_errors (AT_SET_ROW (child));
}

/**
 * at_exercise_editor_focus:
 *
 * Moves the keyboard focus to the first set's weight.
 */
void
at_exercise_editor_focus (AtExerciseEditor *self)
{
  AtSetRow *first;

  g_return_if_fail (AT_IS_EXERCISE_EDITOR (self));

  first = row_at (self, 0);
  if (first != NULL)
    at_set_row_focus (first);
}
