/* at-exercise-editor.c: AtExerciseEditor, one exercise of the session
 * editor with its table of sets: weight, reps, RPE and warm-up per set. */

#define G_LOG_DOMAIN "at-exercise-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "at-exercise-editor.h"

enum {
  COLUMN_NUMBER,
  COLUMN_WEIGHT,
  COLUMN_REPS,
  COLUMN_RPE,
  COLUMN_WARMUP,
  COLUMN_DELETE,
  N_COLUMNS
};

typedef struct
{
  GtkWidget     *box;
  GtkWidget     *number_label;
  GtkSpinButton *weight;
  GtkSpinButton *reps;
  GtkSpinButton *rpe;
  GtkWidget     *warmup;
  GtkWidget     *delete_button;
  AtExerciseSet *record;        /* the set last handed to a workout */
} SetRow;

struct _AtExerciseEditor
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkLabel          *title_label;
  GtkWidget         *add_set_button;
  GtkWidget         *remove_button;
  GtkBox            *header_box;
  GtkBox            *sets_box;

  /* Owned */
  AtActivitySubtype *subtype;
  char              *unit_symbol;
  GPtrArray         *rows;      /* of SetRow */
  GtkSizeGroup      *columns [N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (AtExerciseEditor, at_exercise_editor, ADW_TYPE_BIN)

enum {
  REMOVE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
set_row_free (gpointer data)
{
  SetRow *row = data;

  g_clear_object (&row->record);
  g_free (row);
}

static void
name_widget (GtkWidget  *widget,
             const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* "Squat Set 2 Reps": unique in the window, so a screen reader user (and
 * the UI tests) can tell the sets of several exercises apart. */
static void
name_row (AtExerciseEditor *self,
          SetRow           *row,
          guint             number)
{
  const char *exercise = at_exercise_editor_get_name (self);
  g_autofree char *text = g_strdup_printf ("%u", number);
  g_autofree char *weight = NULL;
  g_autofree char *reps = NULL;
  g_autofree char *rpe = NULL;
  g_autofree char *warmup = NULL;
  g_autofree char *delete = NULL;

  g_assert (AT_IS_EXERCISE_EDITOR (self));

  gtk_label_set_text (GTK_LABEL (row->number_label), text);
  /* Translators: accessible names in the set table, e.g. "Squat Set 2 Weight" */
  weight = g_strdup_printf (_("%s Set %u Weight"), exercise, number);
  reps = g_strdup_printf (_("%s Set %u Reps"), exercise, number);
  rpe = g_strdup_printf (_("%s Set %u RPE"), exercise, number);
  warmup = g_strdup_printf (_("%s Set %u Warm-up"), exercise, number);
  delete = g_strdup_printf (_("Delete %s Set %u"), exercise, number);
  name_widget (GTK_WIDGET (row->weight), weight);
  name_widget (GTK_WIDGET (row->reps), reps);
  name_widget (GTK_WIDGET (row->rpe), rpe);
  name_widget (row->warmup, warmup);
  name_widget (row->delete_button, delete);
}

static void
renumber (AtExerciseEditor *self)
{
  g_assert (AT_IS_EXERCISE_EDITOR (self));

  for (guint i = 0; i < self->rows->len; i++)
    name_row (self, g_ptr_array_index (self->rows, i), i + 1);

  /* The last set stays: an exercise without sets is not one. */
  if (self->rows->len > 0)
    gtk_widget_set_sensitive (((SetRow *) g_ptr_array_index (self->rows, 0))->delete_button,
                              self->rows->len > 1);
}

static guint
find_row (AtExerciseEditor *self,
          GtkWidget        *widget)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      SetRow *row = g_ptr_array_index (self->rows, i);

      if (gtk_widget_is_ancestor (widget, row->box) || widget == row->box)
        return i;
    }
  return G_MAXUINT;
}

static GtkSpinButton *
new_spin (AtExerciseEditor *self,
          int               column,
          double            upper,
          double            step,
          guint             digits)
{
  GtkSpinButton *spin;

  spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, upper, step));
  gtk_spin_button_set_digits (spin, digits);
  gtk_spin_button_set_numeric (spin, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), digits > 0 ? 6 : 4);
  gtk_size_group_add_widget (self->columns [column], GTK_WIDGET (spin));
  return spin;
}

static void on_delete_set_clicked_cb (AtExerciseEditor *self, GtkButton *button);
static void on_field_activate_cb     (GtkText *text, AtExerciseEditor *self);

static void
connect_activate (AtExerciseEditor *self,
                  GtkSpinButton    *spin)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (spin));

  /* GTK 4.8's GtkSpinButton has no ::activate of its own; its text has.
   * The spin button's handler runs first and updates the value. */
  g_object_set_data (G_OBJECT (delegate), "at-spin", spin);
  g_signal_connect_object (delegate, "activate", G_CALLBACK (on_field_activate_cb), self, 0);
}

static SetRow *
append_row (AtExerciseEditor *self)
{
  SetRow *row = g_new0 (SetRow, 1);

  g_assert (AT_IS_EXERCISE_EDITOR (self));

  row->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  row->number_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (row->number_label, "numeric");
  gtk_widget_add_css_class (row->number_label, "dim-label");
  gtk_size_group_add_widget (self->columns [COLUMN_NUMBER], row->number_label);
  row->weight = new_spin (self, COLUMN_WEIGHT, 9999, 2.5, 1);
  row->reps = new_spin (self, COLUMN_REPS, 1000, 1, 0);
  row->rpe = new_spin (self, COLUMN_RPE, 10, 1, 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->rpe), _("Rate of perceived exertion, 1–10; 0 for none"));
  row->warmup = gtk_check_button_new ();
  gtk_widget_set_halign (row->warmup, GTK_ALIGN_CENTER);
  gtk_size_group_add_widget (self->columns [COLUMN_WARMUP], row->warmup);
  row->delete_button = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  gtk_widget_add_css_class (row->delete_button, "flat");
  gtk_widget_set_tooltip_text (row->delete_button, _("Delete Set"));
  gtk_size_group_add_widget (self->columns [COLUMN_DELETE], row->delete_button);
  g_signal_connect_object (row->delete_button, "clicked",
                           G_CALLBACK (on_delete_set_clicked_cb), self, G_CONNECT_SWAPPED);
  connect_activate (self, row->weight);
  connect_activate (self, row->reps);
  connect_activate (self, row->rpe);

  gtk_box_append (GTK_BOX (row->box), row->number_label);
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->weight));
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->reps));
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->rpe));
  gtk_box_append (GTK_BOX (row->box), row->warmup);
  gtk_box_append (GTK_BOX (row->box), row->delete_button);
  gtk_box_append (self->sets_box, row->box);

  g_ptr_array_add (self->rows, row);
  renumber (self);
  return row;
}

static void
add_header (AtExerciseEditor *self,
            int               column,
            const char       *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_WARMUP ? 0.5f : 0.0f);
  gtk_size_group_add_widget (self->columns [column], label);
  gtk_box_append (self->header_box, label);
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
on_delete_set_clicked_cb (AtExerciseEditor *self,
                          GtkButton        *button)
{
  guint index = find_row (self, GTK_WIDGET (button));
  SetRow *row;
  guint focus_index;

  if (index == G_MAXUINT || self->rows->len <= 1)
    return;

  row = g_ptr_array_index (self->rows, index);
  gtk_box_remove (self->sets_box, row->box);
  g_ptr_array_remove_index (self->rows, index);
  renumber (self);

  /* Keep the keyboard in the table: the set that took its place. */
  focus_index = MIN (index, self->rows->len - 1);
  gtk_widget_grab_focus (GTK_WIDGET (((SetRow *) g_ptr_array_index (self->rows, focus_index))->weight));
}

/* Enter moves on through weight and reps; in the last set's last field it
 * adds a set, so that a whole table can be typed without the mouse. */
static void
on_field_activate_cb (GtkText          *text,
                      AtExerciseEditor *self)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (text), "at-spin");
  guint index = find_row (self, GTK_WIDGET (spin));
  SetRow *row;

  if (index == G_MAXUINT)
    return;

  row = g_ptr_array_index (self->rows, index);
  if (spin == row->weight)
    gtk_widget_grab_focus (GTK_WIDGET (row->reps));
  else if (spin == row->reps)
    gtk_widget_grab_focus (GTK_WIDGET (row->rpe));
  else if (index + 1 == self->rows->len)
    at_exercise_editor_add_set (self);
  else
    gtk_widget_grab_focus (GTK_WIDGET (((SetRow *) g_ptr_array_index (self->rows, index + 1))->weight));
}

static void
at_exercise_editor_dispose (GObject *object)
{
  AtExerciseEditor *self = AT_EXERCISE_EDITOR (object);

  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->columns [i]);
  g_clear_object (&self->subtype);

  gtk_widget_dispose_template (GTK_WIDGET (self), AT_TYPE_EXERCISE_EDITOR);

  G_OBJECT_CLASS (at_exercise_editor_parent_class)->dispose (object);
}

static void
at_exercise_editor_finalize (GObject *object)
{
  AtExerciseEditor *self = AT_EXERCISE_EDITOR (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/at-exercise-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AtExerciseEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseEditor, add_set_button);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseEditor, remove_button);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseEditor, header_box);
  gtk_widget_class_bind_template_child (widget_class, AtExerciseEditor, sets_box);
  gtk_widget_class_bind_template_callback (widget_class, on_add_set_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked_cb);
}

static void
at_exercise_editor_init (AtExerciseEditor *self)
{
  self->rows = g_ptr_array_new_with_free_func (set_row_free);
  for (guint i = 0; i < N_COLUMNS; i++)
    self->columns [i] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * at_exercise_editor_new:
 * @subtype: the catalogue exercise
 * @weight_unit_symbol: the user's weight unit, such as "kg"
 *
 * Returns: an exercise with one set, filled from @subtype's defaults
 */
GtkWidget *
at_exercise_editor_new (AtActivitySubtype *subtype,
                        const char        *weight_unit_symbol)
{
  AtExerciseEditor *self;
  g_autofree char *weight_header = NULL;
  g_autofree char *add_label = NULL;
  g_autofree char *remove_label = NULL;
  AtRecord *record = AT_RECORD (subtype);
  SetRow *row;

  g_return_val_if_fail (AT_IS_ACTIVITY_SUBTYPE (subtype), NULL);

  self = g_object_new (AT_TYPE_EXERCISE_EDITOR, NULL);
  self->subtype = g_object_ref (subtype);
  self->unit_symbol = g_strdup (weight_unit_symbol != NULL ? weight_unit_symbol : "");

  gtk_label_set_text (self->title_label, at_exercise_editor_get_name (self));
  /* Translators: accessible names, e.g. "Add Set to Squat" */
  add_label = g_strdup_printf (_("Add Set to %s"), at_exercise_editor_get_name (self));
  remove_label = g_strdup_printf (_("Remove %s"), at_exercise_editor_get_name (self));
  name_widget (self->add_set_button, add_label);
  name_widget (self->remove_button, remove_label);

  /* Translators: a column of the set table; %s is a unit such as kg */
  weight_header = g_strdup_printf (_("Weight (%s)"), self->unit_symbol);
  add_header (self, COLUMN_NUMBER, _("Set"));
  add_header (self, COLUMN_WEIGHT, weight_header);
  add_header (self, COLUMN_REPS, _("Reps"));
  add_header (self, COLUMN_RPE, _("RPE"));
  add_header (self, COLUMN_WARMUP, _("Warm-up"));
  add_header (self, COLUMN_DELETE, "");

  row = append_row (self);
  if (!at_record_is_null (record, "default_reps"))
    gtk_spin_button_set_value (row->reps, at_record_get_int (record, "default_reps"));
  else
    gtk_spin_button_set_value (row->reps, 1);
  if (!at_record_is_null (record, "default_weight"))
    gtk_spin_button_set_value (row->weight, at_record_get_double (record, "default_weight"));

  return GTK_WIDGET (self);
}

const char *
at_exercise_editor_get_name (AtExerciseEditor *self)
{
  g_return_val_if_fail (AT_IS_EXERCISE_EDITOR (self), NULL);

  return at_record_get_string (AT_RECORD (self->subtype), "name");
}

guint
at_exercise_editor_get_n_sets (AtExerciseEditor *self)
{
  g_return_val_if_fail (AT_IS_EXERCISE_EDITOR (self), 0);

  return self->rows->len;
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
  SetRow *last;
  SetRow *row;

  g_return_if_fail (AT_IS_EXERCISE_EDITOR (self));

  last = self->rows->len > 0 ? g_ptr_array_index (self->rows, self->rows->len - 1) : NULL;
  row = append_row (self);
  if (last != NULL)
    {
      gtk_spin_button_update (last->weight);
      gtk_spin_button_update (last->reps);
      gtk_spin_button_update (last->rpe);
      gtk_spin_button_set_value (row->weight, gtk_spin_button_get_value (last->weight));
      gtk_spin_button_set_value (row->reps, gtk_spin_button_get_value (last->reps));
      gtk_spin_button_set_value (row->rpe, gtk_spin_button_get_value (last->rpe));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (row->warmup),
                                   gtk_check_button_get_active (GTK_CHECK_BUTTON (last->warmup)));
    }
  gtk_widget_grab_focus (GTK_WIDGET (row->weight));
}

/**
 * at_exercise_editor_set_values:
 * @index: a set, from 0
 * @rpe: 1–10, or 0 for none
 *
 * Fills in a set, as a plan or a repeated session does.
 */
void
at_exercise_editor_set_values (AtExerciseEditor *self,
                               guint             index,
                               double            weight,
                               gint64            reps,
                               gint64            rpe,
                               gboolean          warmup)
{
  SetRow *row;

  g_return_if_fail (AT_IS_EXERCISE_EDITOR (self));

  while (index >= self->rows->len)
    append_row (self);
  row = g_ptr_array_index (self->rows, index);
  gtk_spin_button_set_value (row->weight, weight);
  gtk_spin_button_set_value (row->reps, reps);
  gtk_spin_button_set_value (row->rpe, rpe);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (row->warmup), warmup);
}

/**
 * at_exercise_editor_add_to:
 * @exercise_order: the exercise's place in the session, from 1
 * @weight_unit_id: the unit the weights are typed in
 *
 * Adds the exercise and its sets, as typed, to @workout.
 */
void
at_exercise_editor_add_to (AtExerciseEditor *self,
                           AtWorkout        *workout,
                           gint64            exercise_order,
                           gint64            weight_unit_id)
{
  g_autoptr(AtActivityExercise) exercise = at_activity_exercise_new ();
  guint index;

  g_return_if_fail (AT_IS_EXERCISE_EDITOR (self));
  g_return_if_fail (AT_IS_WORKOUT (workout));

  at_record_set_int (AT_RECORD (exercise), "activity_subtype_id",
                     at_record_get_id (AT_RECORD (self->subtype)));
  at_record_set_int (AT_RECORD (exercise), "exercise_order", exercise_order);
  index = at_workout_add_exercise (workout, exercise);

  for (guint i = 0; i < self->rows->len; i++)
    {
      SetRow *row = g_ptr_array_index (self->rows, i);
      AtRecord *set;
      double rpe;

      gtk_spin_button_update (row->weight);
      gtk_spin_button_update (row->reps);
      gtk_spin_button_update (row->rpe);

      g_clear_object (&row->record);
      row->record = at_exercise_set_new ();
      set = AT_RECORD (row->record);
      at_record_set_int (set, "set_number", i + 1);
      /* Reps as typed, 0 included: the core says what is wrong with it. */
      at_record_set_int (set, "reps", gtk_spin_button_get_value_as_int (row->reps));
      at_record_set_double (set, "weight", gtk_spin_button_get_value (row->weight));
      if (weight_unit_id > 0)
        at_record_set_int (set, "weight_unit_id", weight_unit_id);
      rpe = gtk_spin_button_get_value (row->rpe);
      if (rpe > 0)
        at_record_set_int (set, "rpe", (gint64) rpe);
      at_record_set_boolean (set, "is_warmup",
                             gtk_check_button_get_active (GTK_CHECK_BUTTON (row->warmup)));
      at_workout_add_set (workout, index, row->record);
    }
}

static GtkWidget *
widget_for_column (SetRow     *row,
                   const char *column)
{
  if (g_str_equal (column, "reps"))
    return GTK_WIDGET (row->reps);
  if (g_str_equal (column, "weight"))
    return GTK_WIDGET (row->weight);
  if (g_str_equal (column, "rpe"))
    return GTK_WIDGET (row->rpe);
  if (g_str_equal (column, "is_warmup"))
    return row->warmup;
  return NULL;
}

/**
 * at_exercise_editor_show_error:
 * @error: why the core refused the workout, "exercise_set.reps: …"
 *
 * Marks the field of the first set that @error is about, if it is one of
 * this exercise's sets (found by checking them again the same way).
 *
 * Returns: %TRUE if a field was marked, and has the keyboard focus
 */
gboolean
at_exercise_editor_show_error (AtExerciseEditor *self,
                               const GError     *error)
{
  g_return_val_if_fail (AT_IS_EXERCISE_EDITOR (self), FALSE);
  g_return_val_if_fail (error != NULL, FALSE);

  if (!g_str_has_prefix (error->message, "exercise_set."))
    return FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      SetRow *row = g_ptr_array_index (self->rows, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *column = NULL;
      GtkWidget *widget;
      const char *colon;

      if (row->record == NULL)
        continue;
      if (at_record_is_null (AT_RECORD (row->record), "exercise_id"))
        at_record_set_int (AT_RECORD (row->record), "exercise_id", 0);
      if (at_record_validate (AT_RECORD (row->record), &local_error) ||
          g_strcmp0 (local_error->message, error->message) != 0)
        continue;

      colon = strchr (error->message, ':');
      column = g_strndup (error->message + strlen ("exercise_set."),
                          colon - error->message - strlen ("exercise_set."));
      widget = widget_for_column (row, column);
      if (widget == NULL)
        return FALSE;
      gtk_widget_add_css_class (widget, "error");
      gtk_widget_grab_focus (widget);
      return TRUE;
    }

  return FALSE;
}

void
at_exercise_editor_clear_errors (AtExerciseEditor *self)
{
  g_return_if_fail (AT_IS_EXERCISE_EDITOR (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      SetRow *row = g_ptr_array_index (self->rows, i);

      gtk_widget_remove_css_class (GTK_WIDGET (row->weight), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (row->reps), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (row->rpe), "error");
      gtk_widget_remove_css_class (row->warmup, "error");
    }
}

/**
 * at_exercise_editor_focus:
 *
 * Moves the keyboard focus to the first set's weight.
 */
void
at_exercise_editor_focus (AtExerciseEditor *self)
{
  g_return_if_fail (AT_IS_EXERCISE_EDITOR (self));

  if (self->rows->len > 0)
    gtk_widget_grab_focus (GTK_WIDGET (((SetRow *) g_ptr_array_index (self->rows, 0))->weight));
}
