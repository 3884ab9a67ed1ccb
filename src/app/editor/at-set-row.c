/* at-set-row.c: AtSetRow, one set in an exercise's set table: a line of
 * numbers — weight (with its plate calculator), reps, RPE, the warm-up,
 * failure and drop-set toggles — and a line for its tempo and notes.
 * Enter moves on through its fields; in the last one the row is done. */

#define G_LOG_DOMAIN "at-set-row"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "at-editor-fields.h"
#include "at-plate-calculator.h"
#include "at-set-row.h"

struct _AtSetRow
{
  GtkBox         parent_instance;

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

  /* Owned */
  AtExerciseSet *record;        /* the set last built */
  char          *exercise;
  char          *unit_symbol;
  double         kg_per_unit;
  guint          number;
};

G_DEFINE_FINAL_TYPE (AtSetRow, at_set_row, GTK_TYPE_BOX)

enum {
  DELETE,
  DONE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

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
    g_autofree char *name = g_strdup_printf (format, self->exercise, self->number); \
    name_widget (GTK_WIDGET (widget), name); \
  } G_STMT_END

static void
name_fields (AtSetRow *self)
{
  /* Translators: accessible names in the set table, e.g. "Squat Set 2 Weight" */
  NAME_FIELD (self->weight, _("%s Set %u Weight"));
  NAME_FIELD (self->plates_button, _("%s Set %u Plates"));
  NAME_FIELD (self->reps, _("%s Set %u Reps"));
  NAME_FIELD (self->rpe, _("%s Set %u RPE"));
  NAME_FIELD (self->warmup, _("%s Set %u Warm-up"));
  NAME_FIELD (self->failure, _("%s Set %u Failure"));
  NAME_FIELD (self->drop_set, _("%s Set %u Drop Set"));
  NAME_FIELD (self->tempo, _("%s Set %u Tempo"));
  NAME_FIELD (self->notes, _("%s Set %u Notes"));
  NAME_FIELD (self->delete_button, _("Delete %s Set %u"));
}

#undef NAME_FIELD

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

static GtkWidget *
field_for_column (AtSetRow   *self,
                  const char *column)
{
  const struct { const char *column; gsize offset; } columns[] = {
    { "reps", G_STRUCT_OFFSET (AtSetRow, reps) },
    { "weight", G_STRUCT_OFFSET (AtSetRow, weight) },
    { "rpe", G_STRUCT_OFFSET (AtSetRow, rpe) },
    { "tempo", G_STRUCT_OFFSET (AtSetRow, tempo) },
    { "notes", G_STRUCT_OFFSET (AtSetRow, notes) },
    { "is_warmup", G_STRUCT_OFFSET (AtSetRow, warmup) },
    { "is_failure", G_STRUCT_OFFSET (AtSetRow, failure) },
    { "is_drop_set", G_STRUCT_OFFSET (AtSetRow, drop_set) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (g_str_equal (column, columns[i].column))
      return G_STRUCT_MEMBER (GtkWidget *, self, columns[i].offset);
  return NULL;
}

/* Enter moves on through the set's fields; after the last one the row is
 * done, and the table moves on to the next set. */
static void
on_field_activate_cb (GtkWidget *target,
                      AtSetRow  *self)
{
  GtkWidget *field = g_object_get_data (G_OBJECT (target), "at-field");
  GtkWidget *order[] = {
    GTK_WIDGET (self->weight), GTK_WIDGET (self->reps), GTK_WIDGET (self->rpe),
    self->tempo, self->notes,
  };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (order); i++)
    {
      if (order[i] == field)
        {
          gtk_widget_grab_focus (order[i + 1]);
          return;
        }
    }
  g_signal_emit (self, signals [DONE], 0);
}

static void
connect_activate (AtSetRow  *self,
                  GtkWidget *field)
{
  GtkWidget *target = field;

  /* GTK 4.8's GtkSpinButton has no ::activate of its own; its text has.
   * The spin button's handler runs first and updates the value. */
  if (GTK_IS_SPIN_BUTTON (field))
    target = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (field)));
  g_object_set_data (G_OBJECT (target), "at-field", field);
  g_signal_connect_object (target, "activate", G_CALLBACK (on_field_activate_cb), self, 0);
}

static void
on_plates_show_cb (AtSetRow *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) plates = g_settings_get_value (settings, "available-plates-kg");
  g_autofree char *text = NULL;
  const double *plates_kg;
  gsize n_plates;

  gtk_spin_button_update (self->weight);
  plates_kg = g_variant_get_fixed_array (plates, &n_plates, sizeof (double));
  text = at_plate_calculator_describe (gtk_spin_button_get_value (self->weight),
                                       self->kg_per_unit, self->unit_symbol,
                                       g_settings_get_double (settings, "bar-weight-kg"),
                                       plates_kg, n_plates);
  gtk_label_set_text (GTK_LABEL (self->plates_label), text);
}

static void
on_delete_clicked_cb (AtSetRow *self)
{
  g_signal_emit (self, signals [DELETE], 0);
}

static GtkSpinButton *
new_spin (double upper,
          double step,
          guint  digits)
{
  GtkSpinButton *spin;

  spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, upper, step));
  gtk_spin_button_set_digits (spin, digits);
  gtk_spin_button_set_numeric (spin, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), digits > 0 ? 6 : 3);
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

static GtkWidget *
new_plates_button (AtSetRow *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *button = gtk_menu_button_new ();

  self->plates_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->plates_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->plates_label), 36);
  gtk_label_set_selectable (GTK_LABEL (self->plates_label), TRUE);
  gtk_widget_set_margin_top (self->plates_label, 6);
  gtk_widget_set_margin_bottom (self->plates_label, 6);
  gtk_widget_set_margin_start (self->plates_label, 6);
  gtk_widget_set_margin_end (self->plates_label, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), self->plates_label);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_plates_show_cb), self, G_CONNECT_SWAPPED);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Plates"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_tooltip_text (button, _("Plates on each side of the bar"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
build_flags (AtSetRow *self)
{
  GtkWidget *flags = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);

  /* Translators: W, F and D: one-letter toggles for warm-up, failure and drop set */
  self->warmup = new_flag (C_("set flag", "W"), _("Warm-up set"));
  self->failure = new_flag (C_("set flag", "F"), _("Taken to failure"));
  self->drop_set = new_flag (C_("set flag", "D"), _("Drop set"));
  gtk_box_append (GTK_BOX (flags), self->warmup);
  gtk_box_append (GTK_BOX (flags), self->failure);
  gtk_box_append (GTK_BOX (flags), self->drop_set);
  return flags;
}

/* Each widget of the numbers line in its column. */
static GtkWidget *
build_numbers_line (AtSetRow            *self,
                    GtkSizeGroup * const *columns)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *cells [AT_SET_N_COLUMNS];

  self->number_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->number_label, "numeric");
  gtk_widget_add_css_class (self->number_label, "dim-label");
  gtk_widget_set_tooltip_text (self->number_label,
                               _("Ctrl+Return adds a set, Ctrl+D duplicates this one, "
                                 "Alt+Up and Alt+Down move it, Ctrl+Delete deletes it"));
  self->weight = new_spin (9999, 2.5, 2);
  self->plates_button = new_plates_button (self);
  self->reps = new_spin (1000, 1, 0);
  self->rpe = new_spin (10, 1, 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->rpe), _("Rate of perceived exertion, 1–10; 0 for none"));
  self->delete_button = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  gtk_widget_add_css_class (self->delete_button, "flat");
  gtk_widget_set_tooltip_text (self->delete_button, _("Delete Set (Ctrl+Delete)"));
  g_signal_connect_object (self->delete_button, "clicked",
                           G_CALLBACK (on_delete_clicked_cb), self, G_CONNECT_SWAPPED);

  cells [AT_SET_COLUMN_NUMBER] = self->number_label;
  cells [AT_SET_COLUMN_WEIGHT] = GTK_WIDGET (self->weight);
  cells [AT_SET_COLUMN_PLATES] = self->plates_button;
  cells [AT_SET_COLUMN_REPS] = GTK_WIDGET (self->reps);
  cells [AT_SET_COLUMN_RPE] = GTK_WIDGET (self->rpe);
  cells [AT_SET_COLUMN_FLAGS] = build_flags (self);
  cells [AT_SET_COLUMN_DELETE] = self->delete_button;
  for (guint i = 0; i < AT_SET_N_COLUMNS; i++)
    {
      gtk_size_group_add_widget (columns [i], cells [i]);
      gtk_box_append (GTK_BOX (line), cells [i]);
    }
  return line;
}

static GtkWidget *
build_words_line (AtSetRow            *self,
                  GtkSizeGroup * const *columns)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *indent = gtk_label_new (NULL);

  gtk_size_group_add_widget (columns [AT_SET_COLUMN_NUMBER], indent);
  self->tempo = new_entry (_("Tempo, 3-1-1-0"), 12);
  gtk_widget_set_tooltip_text (self->tempo,
                               _("Seconds lowering, paused, lifting and paused at the top; X for explosive"));
  self->notes = new_entry (_("Notes"), 10);
  gtk_widget_set_hexpand (self->notes, TRUE);

  gtk_box_append (GTK_BOX (line), indent);
  gtk_box_append (GTK_BOX (line), self->tempo);
  gtk_box_append (GTK_BOX (line), self->notes);
  return line;
}

/* Once the row is laid out, scrolls it into view: the viewport's own
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
at_set_row_dispose (GObject *object)
{
  AtSetRow *self = AT_SET_ROW (object);

  g_clear_object (&self->record);

  G_OBJECT_CLASS (at_set_row_parent_class)->dispose (object);
}

static void
at_set_row_finalize (GObject *object)
{
  AtSetRow *self = AT_SET_ROW (object);

  g_free (self->exercise);
  g_free (self->unit_symbol);

  G_OBJECT_CLASS (at_set_row_parent_class)->finalize (object);
}

static void
at_set_row_class_init (AtSetRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = at_set_row_dispose;
  object_class->finalize = at_set_row_finalize;

  /**
   * AtSetRow::delete:
   *
   * The user asks to delete this set.
   */
  signals [DELETE] =
    g_signal_new ("delete",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * AtSetRow::done:
   *
   * The user pressed Enter in the set's last field: on to the next set.
   */
  signals [DONE] =
    g_signal_new ("done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
at_set_row_init (AtSetRow *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 4);
  gtk_widget_add_css_class (GTK_WIDGET (self), "set-row");
}

/**
 * at_set_row_new:
 * @columns: (array fixed-size=7): the table's column size groups
 * @unit_symbol: the unit the weight is typed in, such as "kg"
 * @kg_per_unit: kilograms in one, for the plates
 *
 * Returns: an empty set
 */
GtkWidget *
at_set_row_new (GtkSizeGroup * const *columns,
                const char           *unit_symbol,
                double                kg_per_unit)
{
  AtSetRow *self = g_object_new (AT_TYPE_SET_ROW, NULL);

  self->unit_symbol = g_strdup (unit_symbol);
  self->kg_per_unit = kg_per_unit;
  gtk_box_append (GTK_BOX (self), build_numbers_line (self, columns));
  gtk_box_append (GTK_BOX (self), build_words_line (self, columns));
  connect_activate (self, GTK_WIDGET (self->weight));
  connect_activate (self, GTK_WIDGET (self->reps));
  connect_activate (self, GTK_WIDGET (self->rpe));
  connect_activate (self, self->tempo);
  connect_activate (self, self->notes);
  return GTK_WIDGET (self);
}

/**
 * at_set_row_set_number:
 * @exercise: the exercise's name, for the fields' accessible names
 * @number: the set's place, from 1
 * @can_delete: whether the set can go (the last one stays: an exercise
 *   without sets is not one)
 */
void
at_set_row_set_number (AtSetRow   *self,
                       const char *exercise,
                       guint       number,
                       gboolean    can_delete)
{
  g_autofree char *text = g_strdup_printf ("%u", number);

  g_return_if_fail (AT_IS_SET_ROW (self));

  g_free (self->exercise);
  self->exercise = g_strdup (exercise);
  self->number = number;
  gtk_label_set_text (GTK_LABEL (self->number_label), text);
  name_fields (self);
  gtk_widget_set_sensitive (self->delete_button, can_delete);
}

void
at_set_row_set_plan (AtSetRow *self,
                     double    weight,
                     int       reps)
{
  g_return_if_fail (AT_IS_SET_ROW (self));

  gtk_spin_button_set_value (self->weight, weight);
  gtk_spin_button_set_value (self->reps, reps);
}

/**
 * at_set_row_copy_plan:
 *
 * Starts the set as @from: the same weight, reps, RPE, tempo and warm-up,
 * as the next set after it does.
 */
void
at_set_row_copy_plan (AtSetRow *self,
                      AtSetRow *from)
{
  g_return_if_fail (AT_IS_SET_ROW (self));
  g_return_if_fail (AT_IS_SET_ROW (from));

  gtk_spin_button_update (from->weight);
  gtk_spin_button_update (from->reps);
  gtk_spin_button_update (from->rpe);
  gtk_spin_button_set_value (self->weight, gtk_spin_button_get_value (from->weight));
  gtk_spin_button_set_value (self->reps, gtk_spin_button_get_value (from->reps));
  gtk_spin_button_set_value (self->rpe, gtk_spin_button_get_value (from->rpe));
  gtk_editable_set_text (GTK_EDITABLE (self->tempo), gtk_editable_get_text (GTK_EDITABLE (from->tempo)));
  set_active (self->warmup, get_active (from->warmup));
}

/**
 * at_set_row_copy_all:
 *
 * Makes the set @from again, as a duplicate.
 */
void
at_set_row_copy_all (AtSetRow *self,
                     AtSetRow *from)
{
  g_return_if_fail (AT_IS_SET_ROW (self));
  g_return_if_fail (AT_IS_SET_ROW (from));

  at_set_row_copy_plan (self, from);
  set_active (self->failure, get_active (from->failure));
  set_active (self->drop_set, get_active (from->drop_set));
  gtk_editable_set_text (GTK_EDITABLE (self->notes), gtk_editable_get_text (GTK_EDITABLE (from->notes)));
}

/**
 * at_set_row_show_set:
 * @set: the values: reps, RPE, tempo, flags and notes
 * @weight: the weight in the user's unit
 */
void
at_set_row_show_set (AtSetRow      *self,
                     AtExerciseSet *set,
                     double         weight)
{
  AtRecord *record = AT_RECORD (set);

  g_return_if_fail (AT_IS_SET_ROW (self));

  gtk_spin_button_set_value (self->weight, weight);
  gtk_spin_button_set_value (self->reps, at_record_is_null (record, "reps") ? 1 : at_record_get_int (record, "reps"));
  gtk_spin_button_set_value (self->rpe, at_record_is_null (record, "rpe") ? 0 : at_record_get_int (record, "rpe"));
  at_editor_field_show_text (self->tempo, record, "tempo");
  at_editor_field_show_text (self->notes, record, "notes");
  set_active (self->warmup, at_record_get_boolean (record, "is_warmup"));
  set_active (self->failure, at_record_get_boolean (record, "is_failure"));
  set_active (self->drop_set, at_record_get_boolean (record, "is_drop_set"));
}

/* The record of the set as typed; the tempo checked here, the rest by the
 * core. */
static void
fill_record (AtSetRow   *self,
             AtRecord   *set,
             gint64      weight_unit_id,
             const char *tempo)
{
  g_autofree char *notes = at_editor_field_get_text (self->notes);
  double weight = gtk_spin_button_get_value (self->weight);
  int rpe = gtk_spin_button_get_value_as_int (self->rpe);

  at_record_set_int (set, "set_number", self->number);
  /* Reps as typed, 0 included: the core says what is wrong with it. */
  at_record_set_int (set, "reps", gtk_spin_button_get_value_as_int (self->reps));
  at_record_set_double (set, "weight", weight);
  if (weight_unit_id > 0)
    at_record_set_int (set, "weight_unit_id", weight_unit_id);
  if (rpe > 0)
    at_record_set_int (set, "rpe", rpe);
  if (tempo[0] != '\0')
    at_record_set_string (set, "tempo", tempo);
  if (notes[0] != '\0')
    at_record_set_string (set, "notes", notes);
  at_record_set_boolean (set, "is_warmup", get_active (self->warmup));
  at_record_set_boolean (set, "is_failure", get_active (self->failure));
  at_record_set_boolean (set, "is_drop_set", get_active (self->drop_set));
}

/**
 * at_set_row_build_set:
 * @weight_unit_id: the unit the weight is typed in, or 0
 *
 * Returns: (transfer none): the set as typed, or %NULL with @error set and
 *   the field marked when its tempo is not one
 */
AtExerciseSet *
at_set_row_build_set (AtSetRow  *self,
                      gint64     weight_unit_id,
                      GError   **error)
{
  g_autofree char *tempo = NULL;

  g_return_val_if_fail (AT_IS_SET_ROW (self), NULL);

  gtk_spin_button_update (self->weight);
  gtk_spin_button_update (self->reps);
  gtk_spin_button_update (self->rpe);
  tempo = at_editor_field_get_text (self->tempo);
  if (tempo[0] != '\0' && !is_tempo (tempo))
    {
      g_autofree char *reason = NULL;

      /* Translators: "Squat set 2 tempo: “fast” is not a tempo …" */
      reason = g_strdup_printf (_("%s set %u tempo: “%s” is not a tempo; give the seconds lowering, "
                                  "paused, lifting and paused, such as 3-1-1-0 (X for explosive)"),
                                self->exercise, self->number, tempo);
      at_editor_field_mark (self->tempo, reason);
      g_set_error_literal (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID, reason);
      return NULL;
    }

  g_clear_object (&self->record);
  self->record = at_exercise_set_new ();
  fill_record (self, AT_RECORD (self->record), weight_unit_id, tempo);
  return self->record;
}

/**
 * at_set_row_show_error:
 * @error: why the core refused the workout, "exercise_set.reps: …"
 *
 * Marks the field @error is about if it is about the set last built
 * (found by checking it again the same way), with the reason as its
 * tooltip and accessible description.
 *
 * Returns: %TRUE if a field was marked, and has the keyboard focus
 */
gboolean
at_set_row_show_error (AtSetRow     *self,
                       const GError *error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *column = NULL;
  const char *prefix = "exercise_set.";
  const char *colon;
  GtkWidget *field;

  g_return_val_if_fail (AT_IS_SET_ROW (self), FALSE);

  if (self->record == NULL || !g_str_has_prefix (error->message, prefix) ||
      (colon = strchr (error->message, ':')) == NULL)
    return FALSE;
  if (at_record_is_null (AT_RECORD (self->record), "exercise_id"))
    at_record_set_int (AT_RECORD (self->record), "exercise_id", 0);
  if (at_record_validate (AT_RECORD (self->record), &local_error) ||
      g_strcmp0 (local_error->message, error->message) != 0)
    return FALSE;

  column = g_strndup (error->message + strlen (prefix), colon - error->message - strlen (prefix));
  field = field_for_column (self, column);
  if (field == NULL)
    return FALSE;
  at_editor_field_mark (field, error->message);
  return TRUE;
}

void
at_set_row_clear_errors (AtSetRow *self)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->weight), GTK_WIDGET (self->reps), GTK_WIDGET (self->rpe),
    self->tempo, self->notes, self->warmup, self->failure, self->drop_set,
  };

  g_return_if_fail (AT_IS_SET_ROW (self));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    at_editor_field_unmark (fields[i]);
}

/* The keyboard goes to the set's weight. */
void
at_set_row_focus (AtSetRow *self)
{
  g_return_if_fail (AT_IS_SET_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->weight));
}

/* Scrolls the set into view once it is laid out in its new place. */
void
at_set_row_scroll_into_view (AtSetRow *self)
{
  g_return_if_fail (AT_IS_SET_ROW (self));

  g_object_set_data (G_OBJECT (self), "at-laid-out", NULL);
  gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_into_view_cb, NULL, NULL);
}
