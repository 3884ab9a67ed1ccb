/* at-exercise-editor.c: AtExerciseEditor, one exercise of the session
 * editor with its table of sets. Each set has a line of numbers — weight
 * (with its plate calculator), reps, RPE, the warm-up, failure and drop-set
 * toggles — and a line for its tempo and notes. The table is used with the
 * keyboard alone: Enter moves on (and adds a set after the last field),
 * Ctrl+Return adds a set, Ctrl+D duplicates one, Alt+Up/Down move it and
 * Ctrl+Delete deletes it. */

#define G_LOG_DOMAIN "at-exercise-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "at-exercise-editor.h"
#include "at-plate-calculator.h"

enum {
  COLUMN_NUMBER,
  COLUMN_WEIGHT,
  COLUMN_PLATES,
  COLUMN_REPS,
  COLUMN_RPE,
  COLUMN_FLAGS,
  COLUMN_DELETE,
  N_COLUMNS
};

typedef struct
{
  GtkWidget     *box;
  GtkWidget     *number_label;
  GtkSpinButton *weight;
  GtkWidget     *plates_button;
  GtkWidget     *plates_label;
  GtkSpinButton *reps;
  GtkSpinButton *rpe;
  GtkWidget     *warmup;
  GtkWidget     *failure;
  GtkWidget     *drop_set;
  GtkWidget     *delete_button;
  GtkWidget     *tempo;
  GtkWidget     *notes;
  AtExerciseSet *record;        /* the set last handed to a workout */
} SetRow;

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
  GSettings          *settings;
  char               *unit_symbol;
  double              kg_per_unit;
  GPtrArray          *rows;      /* of SetRow */
  GtkSizeGroup       *columns [N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (AtExerciseEditor, at_exercise_editor, ADW_TYPE_BIN)

enum {
  REMOVE,
  SET_ADDED,
  SUPERSET_CHANGED,
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

static SetRow *
row_at (AtExerciseEditor *self,
        guint             index)
{
  return g_ptr_array_index (self->rows, index);
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
#define NAME_FIELD(widget, format) \
  G_STMT_START { \
    g_autofree char *name = g_strdup_printf (format, exercise, number); \
    name_widget (GTK_WIDGET (widget), name); \
  } G_STMT_END

static void
name_row (AtExerciseEditor *self,
          SetRow           *row,
          guint             number)
{
  const char *exercise = at_exercise_editor_get_name (self);
  g_autofree char *text = g_strdup_printf ("%u", number);

  g_assert (AT_IS_EXERCISE_EDITOR (self));

  gtk_label_set_text (GTK_LABEL (row->number_label), text);
  /* Translators: accessible names in the set table, e.g. "Squat Set 2 Weight" */
  NAME_FIELD (row->weight, _("%s Set %u Weight"));
  NAME_FIELD (row->plates_button, _("%s Set %u Plates"));
  NAME_FIELD (row->reps, _("%s Set %u Reps"));
  NAME_FIELD (row->rpe, _("%s Set %u RPE"));
  NAME_FIELD (row->warmup, _("%s Set %u Warm-up"));
  NAME_FIELD (row->failure, _("%s Set %u Failure"));
  NAME_FIELD (row->drop_set, _("%s Set %u Drop Set"));
  NAME_FIELD (row->tempo, _("%s Set %u Tempo"));
  NAME_FIELD (row->notes, _("%s Set %u Notes"));
  NAME_FIELD (row->delete_button, _("Delete %s Set %u"));
}

#undef NAME_FIELD

static void
renumber (AtExerciseEditor *self)
{
  g_assert (AT_IS_EXERCISE_EDITOR (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      SetRow *row = row_at (self, i);

      name_row (self, row, i + 1);
      /* The last set stays: an exercise without sets is not one. */
      gtk_widget_set_sensitive (row->delete_button, self->rows->len > 1);
    }
}

static guint
find_row (AtExerciseEditor *self,
          GtkWidget        *widget)
{
  for (guint i = 0; widget != NULL && i < self->rows->len; i++)
    {
      SetRow *row = row_at (self, i);

      if (widget == row->box || gtk_widget_is_ancestor (widget, row->box))
        return i;
    }
  return G_MAXUINT;
}

/* The set that has the keyboard focus, or G_MAXUINT. */
static guint
focused_row (AtExerciseEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return root != NULL ? find_row (self, gtk_root_get_focus (root)) : G_MAXUINT;
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
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), digits > 0 ? 6 : 3);
  gtk_size_group_add_widget (self->columns [column], GTK_WIDGET (spin));
  return spin;
}

static GtkWidget *
new_flag (const char *letter,
          const char *tooltip)
{
  GtkWidget *toggle = gtk_toggle_button_new_with_label (letter);

  gtk_widget_set_tooltip_text (toggle, tooltip);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (toggle, "flat");
  gtk_widget_add_css_class (toggle, "circular");
  return toggle;
}

static GtkWidget *
new_entry (const char *placeholder,
           int         width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  return entry;
}

static void on_delete_set_clicked_cb  (AtExerciseEditor *self, GtkButton *button);
static void on_field_activate_cb      (GtkWidget *field, AtExerciseEditor *self);
static void on_plates_show_cb         (AtExerciseEditor *self, GtkPopover *popover);

static void
connect_activate (AtExerciseEditor *self,
                  GtkWidget        *field)
{
  GtkWidget *target = field;

  /* GTK 4.8's GtkSpinButton has no ::activate of its own; its text has.
   * The spin button's handler runs first and updates the value. */
  if (GTK_IS_SPIN_BUTTON (field))
    target = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (field)));
  g_object_set_data (G_OBJECT (target), "at-field", field);
  g_signal_connect_object (target, "activate", G_CALLBACK (on_field_activate_cb), self, 0);
}

static GtkWidget *
new_plates_button (AtExerciseEditor *self,
                   SetRow           *row)
{
  GtkWidget *popover = gtk_popover_new ();

  row->plates_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (row->plates_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (row->plates_label), 36);
  gtk_label_set_selectable (GTK_LABEL (row->plates_label), TRUE);
  gtk_widget_set_margin_top (row->plates_label, 6);
  gtk_widget_set_margin_bottom (row->plates_label, 6);
  gtk_widget_set_margin_start (row->plates_label, 6);
  gtk_widget_set_margin_end (row->plates_label, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), row->plates_label);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_plates_show_cb), self, G_CONNECT_SWAPPED);

  row->plates_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (row->plates_button), _("Plates"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (row->plates_button), popover);
  gtk_widget_set_tooltip_text (row->plates_button, _("Plates on each side of the bar"));
  gtk_widget_set_valign (row->plates_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (row->plates_button, "flat");
  gtk_size_group_add_widget (self->columns [COLUMN_PLATES], row->plates_button);
  return row->plates_button;
}

static GtkWidget *
build_numbers_line (AtExerciseEditor *self,
                    SetRow           *row)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *flags = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);

  row->number_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (row->number_label, "numeric");
  gtk_widget_add_css_class (row->number_label, "dim-label");
  gtk_widget_set_tooltip_text (row->number_label,
                               _("Ctrl+Return adds a set, Ctrl+D duplicates this one, "
                                 "Alt+Up and Alt+Down move it, Ctrl+Delete deletes it"));
  gtk_size_group_add_widget (self->columns [COLUMN_NUMBER], row->number_label);
  row->weight = new_spin (self, COLUMN_WEIGHT, 9999, 2.5, 2);
  row->reps = new_spin (self, COLUMN_REPS, 1000, 1, 0);
  row->rpe = new_spin (self, COLUMN_RPE, 10, 1, 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->rpe), _("Rate of perceived exertion, 1–10; 0 for none"));

  /* Translators: W, F and D: one-letter toggles for warm-up, failure and drop set */
  row->warmup = new_flag (C_("set flag", "W"), _("Warm-up set"));
  row->failure = new_flag (C_("set flag", "F"), _("Taken to failure"));
  row->drop_set = new_flag (C_("set flag", "D"), _("Drop set"));
  gtk_box_append (GTK_BOX (flags), row->warmup);
  gtk_box_append (GTK_BOX (flags), row->failure);
  gtk_box_append (GTK_BOX (flags), row->drop_set);
  gtk_size_group_add_widget (self->columns [COLUMN_FLAGS], flags);

  row->delete_button = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  gtk_widget_add_css_class (row->delete_button, "flat");
  gtk_widget_set_tooltip_text (row->delete_button, _("Delete Set (Ctrl+Delete)"));
  gtk_size_group_add_widget (self->columns [COLUMN_DELETE], row->delete_button);
  g_signal_connect_object (row->delete_button, "clicked",
                           G_CALLBACK (on_delete_set_clicked_cb), self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (line), row->number_label);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->weight));
  gtk_box_append (GTK_BOX (line), new_plates_button (self, row));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->reps));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->rpe));
  gtk_box_append (GTK_BOX (line), flags);
  gtk_box_append (GTK_BOX (line), row->delete_button);
  return line;
}

static GtkWidget *
build_words_line (AtExerciseEditor *self,
                  SetRow           *row)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *indent = gtk_label_new (NULL);

  gtk_size_group_add_widget (self->columns [COLUMN_NUMBER], indent);
  row->tempo = new_entry (_("Tempo, 3-1-1-0"), 12);
  gtk_widget_set_tooltip_text (row->tempo,
                               _("Seconds lowering, paused, lifting and paused at the top; X for explosive"));
  row->notes = new_entry (_("Notes"), 10);
  gtk_widget_set_hexpand (row->notes, TRUE);

  gtk_box_append (GTK_BOX (line), indent);
  gtk_box_append (GTK_BOX (line), row->tempo);
  gtk_box_append (GTK_BOX (line), row->notes);
  return line;
}

/* A new, empty set after @after (NULL: first). */
static SetRow *
insert_row (AtExerciseEditor *self,
            SetRow           *after)
{
  SetRow *row = g_new0 (SetRow, 1);
  guint index = 0;

  g_assert (AT_IS_EXERCISE_EDITOR (self));

  row->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (row->box, "set-row");
  gtk_box_append (GTK_BOX (row->box), build_numbers_line (self, row));
  gtk_box_append (GTK_BOX (row->box), build_words_line (self, row));
  connect_activate (self, GTK_WIDGET (row->weight));
  connect_activate (self, GTK_WIDGET (row->reps));
  connect_activate (self, GTK_WIDGET (row->rpe));
  connect_activate (self, row->tempo);
  connect_activate (self, row->notes);

  if (after != NULL && g_ptr_array_find (self->rows, after, &index))
    index++;
  gtk_box_insert_child_after (self->sets_box, row->box, after != NULL ? after->box : NULL);
  g_ptr_array_insert (self->rows, index, row);
  renumber (self);
  return row;
}

/* Once a set is laid out, scrolls it into view: the viewport's own
 * scroll-to-focus runs when the focus moves, before a new set has a place,
 * and not at all when a set moves with the focus in it. */
static gboolean
scroll_into_view_cb (GtkWidget     *widget,
                     GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (widget, GTK_TYPE_VIEWPORT);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value, page;

  if (viewport == NULL)
    return G_SOURCE_REMOVE;
  /* Frame clock updates come before the layout: the set has its new place
   * from the second one on. */
  if (g_object_get_data (G_OBJECT (widget), "at-laid-out") == NULL)
    {
      g_object_set_data (G_OBJECT (widget), "at-laid-out", GINT_TO_POINTER (TRUE));
      return G_SOURCE_CONTINUE;
    }
  if (gtk_widget_get_height (widget) == 0 || !gtk_widget_compute_bounds (widget, viewport, &bounds))
    return G_SOURCE_CONTINUE;
  g_object_set_data (G_OBJECT (widget), "at-laid-out", NULL);

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y < 0)
    gtk_adjustment_set_value (adjustment, value + bounds.origin.y);
  else if (bounds.origin.y + bounds.size.height > page)
    gtk_adjustment_set_value (adjustment, value + bounds.origin.y + bounds.size.height - page);
  return G_SOURCE_REMOVE;
}

static void
scroll_into_view (SetRow *row)
{
  g_object_set_data (G_OBJECT (row->box), "at-laid-out", NULL);
  gtk_widget_add_tick_callback (row->box, scroll_into_view_cb, NULL, NULL);
}

/* The keyboard goes to a new set's weight, and the set into view. */
static void
focus_new_row (SetRow *row)
{
  gtk_widget_grab_focus (GTK_WIDGET (row->weight));
  scroll_into_view (row);
}

static SetRow *
append_row (AtExerciseEditor *self)
{
  return insert_row (self, self->rows->len > 0 ? row_at (self, self->rows->len - 1) : NULL);
}

static void
set_active (GtkWidget *toggle,
            gboolean   active)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), active);
}

static gboolean
get_active (GtkWidget *toggle)
{
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle));
}

/* The next set starts as the last one: the same weight, reps and tempo. */
static void
copy_plan (SetRow *to,
           SetRow *from)
{
  gtk_spin_button_update (from->weight);
  gtk_spin_button_update (from->reps);
  gtk_spin_button_update (from->rpe);
  gtk_spin_button_set_value (to->weight, gtk_spin_button_get_value (from->weight));
  gtk_spin_button_set_value (to->reps, gtk_spin_button_get_value (from->reps));
  gtk_spin_button_set_value (to->rpe, gtk_spin_button_get_value (from->rpe));
  gtk_editable_set_text (GTK_EDITABLE (to->tempo), gtk_editable_get_text (GTK_EDITABLE (from->tempo)));
  set_active (to->warmup, get_active (from->warmup));
}

/* A duplicate is the whole set again. */
static void
copy_all (SetRow *to,
          SetRow *from)
{
  copy_plan (to, from);
  set_active (to->failure, get_active (from->failure));
  set_active (to->drop_set, get_active (from->drop_set));
  gtk_editable_set_text (GTK_EDITABLE (to->notes), gtk_editable_get_text (GTK_EDITABLE (from->notes)));
}

static void
add_header (AtExerciseEditor *self,
            int               column,
            const char       *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_size_group_add_widget (self->columns [column], label);
  gtk_box_append (self->header_box, label);
}

static void
delete_row (AtExerciseEditor *self,
            guint             index)
{
  SetRow *row;
  guint focus_index;

  g_assert (AT_IS_EXERCISE_EDITOR (self));

  if (index >= self->rows->len || self->rows->len <= 1)
    return;

  row = row_at (self, index);
  gtk_box_remove (self->sets_box, row->box);
  g_ptr_array_remove_index (self->rows, index);
  renumber (self);

  /* Keep the keyboard in the table: the set that took its place. */
  focus_index = MIN (index, self->rows->len - 1);
  gtk_widget_grab_focus (GTK_WIDGET (row_at (self, focus_index)->weight));
}

static void
duplicate_row (AtExerciseEditor *self,
               guint             index)
{
  SetRow *row;

  g_assert (AT_IS_EXERCISE_EDITOR (self));

  if (index >= self->rows->len)
    return;

  row = insert_row (self, row_at (self, index));
  copy_all (row, row_at (self, index));
  focus_new_row (row);
  g_signal_emit (self, signals [SET_ADDED], 0);
}

/* Moves a set up (-1) or down (+1); the keyboard focus goes with it. */
static void
move_row (AtExerciseEditor *self,
          guint             index,
          int               delta)
{
  SetRow *row;
  guint to;

  g_assert (AT_IS_EXERCISE_EDITOR (self));

  if (index >= self->rows->len || (delta < 0 && index == 0) ||
      (delta > 0 && index + 1 >= self->rows->len))
    return;

  to = index + delta;
  row = g_ptr_array_steal_index (self->rows, index);
  g_ptr_array_insert (self->rows, to, row);
  gtk_box_reorder_child_after (self->sets_box, row->box,
                               to > 0 ? row_at (self, to - 1)->box : NULL);
  renumber (self);
  scroll_into_view (row);
}

static gboolean
shortcut_add_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  at_exercise_editor_add_set (AT_EXERCISE_EDITOR (widget));
  return TRUE;
}

static gboolean
shortcut_duplicate_cb (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  AtExerciseEditor *self = AT_EXERCISE_EDITOR (widget);
  guint index = focused_row (self);

  if (index == G_MAXUINT)
    return FALSE;
  duplicate_row (self, index);
  return TRUE;
}

static gboolean
shortcut_move_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  AtExerciseEditor *self = AT_EXERCISE_EDITOR (widget);
  guint index = focused_row (self);

  if (index == G_MAXUINT)
    return FALSE;
  move_row (self, index, g_variant_get_int32 (args));
  return TRUE;
}

static gboolean
shortcut_delete_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  AtExerciseEditor *self = AT_EXERCISE_EDITOR (widget);
  guint index = focused_row (self);

  if (index == G_MAXUINT)
    return FALSE;
  delete_row (self, index);
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
  add_shortcut (shortcuts, GDK_KEY_d, GDK_CONTROL_MASK, shortcut_duplicate_cb, NULL);
  add_shortcut (shortcuts, GDK_KEY_Up, GDK_ALT_MASK, shortcut_move_cb, g_variant_new_int32 (-1));
  add_shortcut (shortcuts, GDK_KEY_Down, GDK_ALT_MASK, shortcut_move_cb, g_variant_new_int32 (1));
  add_shortcut (shortcuts, GDK_KEY_Delete, GDK_CONTROL_MASK, shortcut_delete_cb, NULL);
  add_shortcut (shortcuts, GDK_KEY_KP_Delete, GDK_CONTROL_MASK, shortcut_delete_cb, NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
on_plates_show_cb (AtExerciseEditor *self,
                   GtkPopover       *popover)
{
  g_autoptr(GVariant) plates = g_settings_get_value (self->settings, "available-plates-kg");
  g_autofree char *text = NULL;
  const double *plates_kg;
  gsize n_plates;
  SetRow *row = NULL;

  for (guint i = 0; i < self->rows->len && row == NULL; i++)
    if (row_at (self, i)->plates_label == gtk_popover_get_child (popover))
      row = row_at (self, i);
  g_assert (row != NULL);

  gtk_spin_button_update (row->weight);
  plates_kg = g_variant_get_fixed_array (plates, &n_plates, sizeof (double));
  text = at_plate_calculator_describe (gtk_spin_button_get_value (row->weight),
                                       self->kg_per_unit, self->unit_symbol,
                                       g_settings_get_double (self->settings, "bar-weight-kg"),
                                       plates_kg, n_plates);
  gtk_label_set_text (GTK_LABEL (row->plates_label), text);
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
on_delete_set_clicked_cb (AtExerciseEditor *self,
                          GtkButton        *button)
{
  delete_row (self, find_row (self, GTK_WIDGET (button)));
}

/* Enter moves on through the set's fields; in the last set's last field
 * it adds a set, so that a whole table can be typed without the mouse. */
static void
on_field_activate_cb (GtkWidget        *target,
                      AtExerciseEditor *self)
{
  GtkWidget *field = g_object_get_data (G_OBJECT (target), "at-field");
  guint index = find_row (self, field);
  SetRow *row;
  GtkWidget *next;

  if (index == G_MAXUINT)
    return;

  row = row_at (self, index);
  if (field == GTK_WIDGET (row->weight))
    next = GTK_WIDGET (row->reps);
  else if (field == GTK_WIDGET (row->reps))
    next = GTK_WIDGET (row->rpe);
  else if (field == GTK_WIDGET (row->rpe))
    next = row->tempo;
  else if (field == row->tempo)
    next = row->notes;
  else if (index + 1 == self->rows->len)
    {
      at_exercise_editor_add_set (self);
      return;
    }
  else
    next = GTK_WIDGET (row_at (self, index + 1)->weight);

  gtk_widget_grab_focus (next);
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
  g_clear_object (&self->exercise);
  g_clear_object (&self->settings);

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
  self->rows = g_ptr_array_new_with_free_func (set_row_free);
  for (guint i = 0; i < N_COLUMNS; i++)
    self->columns [i] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->settings = g_settings_new (APP_ID);

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
  SetRow *row;

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
  add_header (self, COLUMN_NUMBER, _("Set"));
  add_header (self, COLUMN_WEIGHT, weight_header);
  add_header (self, COLUMN_PLATES, "");
  add_header (self, COLUMN_REPS, _("Reps"));
  add_header (self, COLUMN_RPE, _("RPE"));
  add_header (self, COLUMN_FLAGS, _("Flags"));
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

  last = self->rows->len > 0 ? row_at (self, self->rows->len - 1) : NULL;
  row = append_row (self);
  if (last != NULL)
    copy_plan (row, last);
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
  AtRecord *record = AT_RECORD (set);
  SetRow *row;

  g_return_if_fail (AT_IS_EXERCISE_EDITOR (self));
  g_return_if_fail (AT_IS_EXERCISE_SET (set));

  while (index >= self->rows->len)
    append_row (self);
  row = row_at (self, index);
  gtk_spin_button_set_value (row->weight, weight);
  gtk_spin_button_set_value (row->reps, at_record_is_null (record, "reps") ? 1 : at_record_get_int (record, "reps"));
  gtk_spin_button_set_value (row->rpe, at_record_is_null (record, "rpe") ? 0 : at_record_get_int (record, "rpe"));
  gtk_editable_set_text (GTK_EDITABLE (row->tempo),
                         at_record_is_null (record, "tempo") ? "" : at_record_get_string (record, "tempo"));
  gtk_editable_set_text (GTK_EDITABLE (row->notes),
                         at_record_is_null (record, "notes") ? "" : at_record_get_string (record, "notes"));
  set_active (row->warmup, at_record_get_boolean (record, "is_warmup"));
  set_active (row->failure, at_record_get_boolean (record, "is_failure"));
  set_active (row->drop_set, at_record_get_boolean (record, "is_drop_set"));
}

gboolean
at_exercise_editor_get_superset_with_previous (AtExerciseEditor *self)
{
  g_return_val_if_fail (AT_IS_EXERCISE_EDITOR (self), FALSE);

  return gtk_widget_get_sensitive (self->superset_button) && get_active (self->superset_button);
}

void
at_exercise_editor_set_superset_with_previous (AtExerciseEditor *self,
                                               gboolean          linked)
{
  g_return_if_fail (AT_IS_EXERCISE_EDITOR (self));

  set_active (self->superset_button, linked);
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

/* "3-1-1-0", "2-0-X-1", "3-1-2" or "31X0". */
static gboolean
is_tempo (const char *text)
{
  g_auto(GStrv) parts = NULL;
  guint n_parts;

  if (strchr (text, '-') == NULL)
    {
      for (const char *c = text; *c != '\0'; c++)
        if (!g_ascii_isdigit (*c) && *c != 'X' && *c != 'x')
          return FALSE;
      return strlen (text) == 4;
    }

  parts = g_strsplit (text, "-", -1);
  n_parts = g_strv_length (parts);
  if (n_parts < 3 || n_parts > 4)
    return FALSE;
  for (guint i = 0; i < n_parts; i++)
    {
      gsize length = strlen (parts[i]);

      if (length == 0 || length > 2)
        return FALSE;
      if (g_ascii_strcasecmp (parts[i], "x") != 0 &&
          !(g_ascii_isdigit (parts[i][0]) && (length == 1 || g_ascii_isdigit (parts[i][1]))))
        return FALSE;
    }
  return TRUE;
}

/* The reason replaces the field's tooltip until the errors are cleared. */
static void
mark_field (GtkWidget  *widget,
            const char *reason)
{
  if (!gtk_widget_has_css_class (widget, "error"))
    g_object_set_data_full (G_OBJECT (widget), "at-tooltip",
                            g_strdup (gtk_widget_get_tooltip_text (widget)), g_free);
  gtk_widget_add_css_class (widget, "error");
  gtk_widget_set_tooltip_text (widget, reason);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason,
                                  -1);
  gtk_widget_grab_focus (widget);
}

static char *
entry_text (GtkWidget *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static gboolean
add_set_to (AtExerciseEditor  *self,
            SetRow            *row,
            guint              number,
            AtWorkout         *workout,
            guint              exercise_index,
            gint64             weight_unit_id,
            GError           **error)
{
  g_autofree char *tempo = entry_text (row->tempo);
  g_autofree char *notes = entry_text (row->notes);
  AtRecord *set;
  double weight;
  int rpe;

  gtk_spin_button_update (row->weight);
  gtk_spin_button_update (row->reps);
  gtk_spin_button_update (row->rpe);

  if (tempo[0] != '\0' && !is_tempo (tempo))
    {
      g_autofree char *reason = NULL;

      /* Translators: "Squat set 2 tempo: “fast” is not a tempo …" */
      reason = g_strdup_printf (_("%s set %u tempo: “%s” is not a tempo; give the seconds lowering, "
                                  "paused, lifting and paused, such as 3-1-1-0 (X for explosive)"),
                                at_exercise_editor_get_name (self), number, tempo);
      mark_field (row->tempo, reason);
      g_set_error_literal (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID, reason);
      return FALSE;
    }

  g_clear_object (&row->record);
  row->record = at_exercise_set_new ();
  set = AT_RECORD (row->record);
  at_record_set_int (set, "set_number", number);
  /* Reps as typed, 0 included: the core says what is wrong with it. */
  at_record_set_int (set, "reps", gtk_spin_button_get_value_as_int (row->reps));
  weight = gtk_spin_button_get_value (row->weight);
  at_record_set_double (set, "weight", weight);
  if (weight_unit_id > 0)
    at_record_set_int (set, "weight_unit_id", weight_unit_id);
  rpe = gtk_spin_button_get_value_as_int (row->rpe);
  if (rpe > 0)
    at_record_set_int (set, "rpe", rpe);
  if (tempo[0] != '\0')
    at_record_set_string (set, "tempo", tempo);
  if (notes[0] != '\0')
    at_record_set_string (set, "notes", notes);
  at_record_set_boolean (set, "is_warmup", get_active (row->warmup));
  at_record_set_boolean (set, "is_failure", get_active (row->failure));
  at_record_set_boolean (set, "is_drop_set", get_active (row->drop_set));
  at_workout_add_set (workout, exercise_index, row->record);
  return TRUE;
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

  for (guint i = 0; i < self->rows->len; i++)
    if (!add_set_to (self, row_at (self, i), i + 1, workout, index, weight_unit_id, error))
      return FALSE;
  return TRUE;
}

static GtkWidget *
widget_for_column (SetRow     *row,
                   const char *column)
{
  const struct { const char *column; gsize offset; } columns[] = {
    { "reps", G_STRUCT_OFFSET (SetRow, reps) },
    { "weight", G_STRUCT_OFFSET (SetRow, weight) },
    { "rpe", G_STRUCT_OFFSET (SetRow, rpe) },
    { "tempo", G_STRUCT_OFFSET (SetRow, tempo) },
    { "notes", G_STRUCT_OFFSET (SetRow, notes) },
    { "is_warmup", G_STRUCT_OFFSET (SetRow, warmup) },
    { "is_failure", G_STRUCT_OFFSET (SetRow, failure) },
    { "is_drop_set", G_STRUCT_OFFSET (SetRow, drop_set) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (g_str_equal (column, columns[i].column))
      return G_STRUCT_MEMBER (GtkWidget *, row, columns[i].offset);
  return NULL;
}

/**
 * at_exercise_editor_show_error:
 * @error: why the core refused the workout, "exercise_set.reps: …"
 *
 * Marks the field of the first set that @error is about, if it is one of
 * this exercise's sets (found by checking them again the same way), with
 * the reason as its tooltip and accessible description.
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
      SetRow *row = row_at (self, i);
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
      mark_field (widget, error->message);
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
      SetRow *row = row_at (self, i);
      GtkWidget *fields[] = {
        GTK_WIDGET (row->weight), GTK_WIDGET (row->reps), GTK_WIDGET (row->rpe),
        row->tempo, row->notes, row->warmup, row->failure, row->drop_set,
      };

      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        {
          if (!gtk_widget_has_css_class (fields[j], "error"))
            continue;
          gtk_widget_remove_css_class (fields[j], "error");
          gtk_accessible_reset_property (GTK_ACCESSIBLE (fields[j]),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
          gtk_widget_set_tooltip_text (fields[j], g_object_get_data (G_OBJECT (fields[j]), "at-tooltip"));
        }
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
    gtk_widget_grab_focus (GTK_WIDGET (row_at (self, 0)->weight));
}
