/* at-session-editor.c: AtSessionEditor, the window that logs a new session:
 * its activity, time and notes, and either the exercises with their sets
 * (weight training) or the activity type's metrics. Saving runs in a worker
 * thread on a connection of its own; the core saves all of it or nothing. */

#define G_LOG_DOMAIN "at-session-editor"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "at-exercise-editor.h"
#include "at-search.h"
#include "at-session-editor.h"
#include "at-units.h"

#define EXERCISE_RESULTS 20
#define STRENGTH_TYPE "Weight Training"

typedef struct
{
  AtRecord  *template;   /* AtMetricTemplate */
  GtkWidget *row;        /* AdwEntryRow */
  char      *label;
  char      *unit_name;
} MetricField;

struct _AtSessionEditor
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkWidget            *cancel_button;
  GtkWidget            *save_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkScrolledWindow    *scrolled_window;
  AdwComboRow          *type_row;
  AdwEntryRow          *name_row;
  AdwEntryRow          *start_row;
  GtkSpinButton        *duration_spin;
  AdwEntryRow          *location_row;
  GtkSpinButton        *rating_spin;
  GtkTextView          *notes_view;
  AdwPreferencesGroup  *exercises_group;
  GtkMenuButton        *add_exercise_button;
  GtkPopover           *exercise_popover;
  GtkSearchEntry       *exercise_search;
  GtkBox               *exercise_results;
  GtkBox               *exercises_box;
  GtkWidget            *no_exercises_label;
  AdwPreferencesGroup  *metrics_group;

  /* Owned */
  AtStore              *store;
  GPtrArray            *types;          /* of AtActivityType, as in type_row */
  GPtrArray            *metric_fields;  /* of MetricField */
  GListModel           *found;          /* of AtActivitySubtype */
  GTimeZone            *zone;
  char                 *weight_unit_symbol;
  gint64                weight_unit_id;
  gint64                user_id;
  gboolean              saving;
};

G_DEFINE_FINAL_TYPE (AtSessionEditor, at_session_editor, ADW_TYPE_WINDOW)

enum {
  ADD_TOAST,
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

typedef struct
{
  char               *path;
  gint64              user_id;
  AtWorkout          *workout;
  AtOneRepMaxFormula  formula;
} SaveData;

typedef struct
{
  gint64     session_id;
  GPtrArray *record_names; /* exercises with a new personal record */
} SaveResult;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_free (save->path);
  g_clear_object (&save->workout);
  g_free (save);
}

static void
save_result_free (gpointer data)
{
  SaveResult *result = data;

  g_clear_pointer (&result->record_names, g_ptr_array_unref);
  g_free (result);
}

static void
metric_field_free (gpointer data)
{
  MetricField *field = data;

  g_clear_object (&field->template);
  g_free (field->label);
  g_free (field->unit_name);
  g_free (field);
}

static const char *
unit_string (AtSessionEditor *self,
             gint64           unit_id,
             const char      *column)
{
  g_autoptr(AtRecord) unit = NULL;
  const char *value;

  if (unit_id <= 0)
    return NULL;
  unit = at_store_get (self->store, self->user_id, AT_TYPE_UNIT, unit_id, NULL);
  if (unit == NULL || at_record_is_null (unit, column))
    return NULL;
  /* Interned: units are a short catalogue. */
  value = g_intern_string (at_record_get_string (unit, column));
  return value;
}

static AtRecord *
selected_type (AtSessionEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->types->len)
    return NULL;
  return g_ptr_array_index (self->types, selected);
}

static gboolean
is_strength (AtSessionEditor *self)
{
  AtRecord *type = selected_type (self);

  return type != NULL && g_strcmp0 (at_record_get_string (type, "name"), STRENGTH_TYPE) == 0;
}

static void
show_error (AtSessionEditor *self,
            const char      *message)
{
  g_assert (AT_IS_SESSION_EDITOR (self));

  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  /* Screen readers announce it: GTK 4.8 has no live regions, but a label
   * that changes under an alert role is read. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
}

static void
clear_errors (AtSessionEditor *self)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->start_row),
    GTK_WIDGET (self->duration_spin), GTK_WIDGET (self->location_row),
    GTK_WIDGET (self->rating_spin), GTK_WIDGET (self->notes_view),
  };

  g_assert (AT_IS_SESSION_EDITOR (self));

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_remove_css_class (fields[i], "error");
  for (guint i = 0; i < self->metric_fields->len; i++)
    gtk_widget_remove_css_class (((MetricField *) g_ptr_array_index (self->metric_fields, i))->row,
                                 "error");
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->exercises_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    at_exercise_editor_clear_errors (AT_EXERCISE_EDITOR (child));
}

static void
mark_field (GtkWidget *field)
{
  gtk_widget_add_css_class (field, "error");
  gtk_widget_grab_focus (field);
}

/* The core's messages start with "table.column:": mark that field. */
static void
mark_error_field (AtSessionEditor *self,
                  const GError    *error)
{
  static const struct { const char *prefix; gsize offset; } session_fields[] = {
    { "activity_session.session_name:", G_STRUCT_OFFSET (AtSessionEditor, name_row) },
    { "activity_session.started_at:", G_STRUCT_OFFSET (AtSessionEditor, start_row) },
    { "activity_session.ended_at:", G_STRUCT_OFFSET (AtSessionEditor, duration_spin) },
    { "activity_session.location:", G_STRUCT_OFFSET (AtSessionEditor, location_row) },
    { "activity_session.rating:", G_STRUCT_OFFSET (AtSessionEditor, rating_spin) },
    { "activity_session.notes:", G_STRUCT_OFFSET (AtSessionEditor, notes_view) },
  };

  g_assert (AT_IS_SESSION_EDITOR (self));

  for (guint i = 0; i < G_N_ELEMENTS (session_fields); i++)
    {
      if (g_str_has_prefix (error->message, session_fields[i].prefix))
        {
          mark_field (G_STRUCT_MEMBER (GtkWidget *, self, session_fields[i].offset));
          return;
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->exercises_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (at_exercise_editor_show_error (AT_EXERCISE_EDITOR (child), error))
        return;
    }
}

static void
set_saving (AtSessionEditor *self,
            gboolean         saving)
{
  g_assert (AT_IS_SESSION_EDITOR (self));

  self->saving = saving;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.cancel", !saving);
  gtk_button_set_label (GTK_BUTTON (self->save_button), saving ? _("Saving…") : _("_Save"));
}

static void
update_exercises_placeholder (AtSessionEditor *self)
{
  gtk_widget_set_visible (self->no_exercises_label,
                          gtk_widget_get_first_child (GTK_WIDGET (self->exercises_box)) == NULL);
}

/* "avg_heart_rate" → "Avg heart rate" */
static char *
humanize (const char *metric_name)
{
  g_autofree char *text = g_strdelimit (g_strdup (metric_name), "_", ' ');
  g_autofree char *first = g_utf8_strup (text, g_utf8_next_char (text) - text);

  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

static void
load_metric_fields (AtSessionEditor *self)
{
  g_autoptr(GListModel) templates = NULL;
  g_autoptr(GError) error = NULL;
  AtRecord *type;
  guint n_items;

  g_assert (AT_IS_SESSION_EDITOR (self));

  for (guint i = 0; i < self->metric_fields->len; i++)
    adw_preferences_group_remove (self->metrics_group,
                                  ((MetricField *) g_ptr_array_index (self->metric_fields, i))->row);
  g_ptr_array_set_size (self->metric_fields, 0);

  type = selected_type (self);
  if (type == NULL || is_strength (self))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->metrics_group), FALSE);
      return;
    }

  templates = at_store_list (self->store, self->user_id, AT_TYPE_METRIC_TEMPLATE,
                             "activity_type_id", at_record_get_id (type), &error);
  if (templates == NULL)
    {
      show_error (self, error->message);
      return;
    }

  n_items = g_list_model_get_n_items (templates);
  for (guint i = 0; i < n_items; i++)
    {
      MetricField *field = g_new0 (MetricField, 1);
      const char *input_type;
      const char *symbol = NULL;
      g_autofree char *name = NULL;
      gint64 unit_id;

      field->template = g_list_model_get_item (templates, i);
      input_type = at_record_get_string (field->template, "input_type");
      unit_id = at_record_is_null (field->template, "unit_id")
              ? 0 : at_record_get_int (field->template, "unit_id");
      field->unit_name = g_strdup (unit_string (self, unit_id, "name"));
      name = humanize (at_record_get_string (field->template, "metric_name"));

      if (g_strcmp0 (input_type, "duration") == 0)
        symbol = "min";
      else if (g_strcmp0 (input_type, "text") != 0)
        symbol = unit_string (self, unit_id, "symbol");

      /* Translators: a metric and its unit, such as "Distance (km)" */
      field->label = symbol != NULL ? g_strdup_printf (_("%s (%s)"), name, symbol)
                                    : g_steal_pointer (&name);
      field->row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), field->label);
      if (g_strcmp0 (input_type, "number") == 0)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (field->row), GTK_INPUT_PURPOSE_NUMBER);
      if (at_record_get_boolean (field->template, "is_required"))
        gtk_accessible_update_property (GTK_ACCESSIBLE (field->row),
                                        GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE,
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Required"),
                                        -1);
      if (g_strcmp0 (input_type, "duration") == 0)
        gtk_accessible_update_property (GTK_ACCESSIBLE (field->row),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        _("Minutes, or minutes and seconds as M:SS"),
                                        -1);
      adw_preferences_group_add (self->metrics_group, field->row);
      g_ptr_array_add (self->metric_fields, field);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->metrics_group), n_items > 0);
}

static void
update_kind (AtSessionEditor *self)
{
  gboolean strength = is_strength (self);

  g_assert (AT_IS_SESSION_EDITOR (self));

  gtk_widget_set_visible (GTK_WIDGET (self->exercises_group), strength);
  load_metric_fields (self);
}

static void
load_types (AtSessionEditor *self)
{
  g_autoptr(GListModel) types = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint strength = 0;

  g_assert (AT_IS_SESSION_EDITOR (self));

  types = at_store_list (self->store, self->user_id, AT_TYPE_ACTIVITY_TYPE, NULL, 0, &error);
  if (types == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    g_ptr_array_add (self->types, g_list_model_get_item (types, i));

  for (guint i = 0; i < self->types->len; i++)
    {
      const char *name = at_record_get_string (g_ptr_array_index (self->types, i), "name");

      gtk_string_list_append (names, name);
      if (g_strcmp0 (name, STRENGTH_TYPE) == 0)
        strength = i;
    }

  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->type_row, strength);
  update_kind (self);
}

static void
load_user (AtSessionEditor *self)
{
  g_autoptr(AtRecord) user = NULL;
  g_autoptr(GDateTime) now_utc = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;

  g_assert (AT_IS_SESSION_EDITOR (self));

  user = at_store_get (self->store, self->user_id, AT_TYPE_USER, self->user_id, NULL);
  if (user != NULL && !at_record_is_null (user, "timezone"))
    self->zone = at_time_zone_lookup (at_record_get_string (user, "timezone"));
  if (self->zone == NULL)
    self->zone = g_time_zone_new_utc ();

  if (user != NULL && !at_record_is_null (user, "weight_unit_id"))
    self->weight_unit_id = at_record_get_int (user, "weight_unit_id");
  g_free (self->weight_unit_symbol);
  self->weight_unit_symbol = g_strdup (unit_string (self, self->weight_unit_id, "symbol"));
  if (self->weight_unit_symbol == NULL)
    self->weight_unit_symbol = g_strdup ("kg");

  now_utc = g_date_time_new_from_unix_utc (at_store_get_now (self->store));
  now = g_date_time_to_timezone (now_utc, self->zone);
  text = g_date_time_format (now, "%Y-%m-%d %H:%M");
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), text);
}

static gboolean
parse_start (AtSessionEditor *self,
             gint64          *started_at)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;
  int year, month, day, hour, minute, end = 0;

  g_assert (AT_IS_SESSION_EDITOR (self));

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->start_row))));
  if (sscanf (text, "%4d-%2d-%2d %2d:%2d%n", &year, &month, &day, &hour, &minute, &end) != 5 ||
      text[end] != '\0' || month < 1 || month > 12 || day < 1 || day > 31 ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return FALSE;

  time = g_date_time_new (self->zone, year, month, day, hour, minute, 0);
  if (time == NULL || g_date_time_get_day_of_month (time) != day)
    return FALSE;

  *started_at = g_date_time_to_unix (time);
  return TRUE;
}

static char *
get_entry_text (GtkWidget *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

static gboolean
parse_number (const char *text,
              double     *value)
{
  g_autofree char *copy = g_strdelimit (g_strdup (text), ",", '.');
  char *end = NULL;

  *value = g_ascii_strtod (copy, &end);
  return end != copy && *end == '\0' && isfinite (*value);
}

/* "M", "M.5" or "M:SS" minutes. */
static gboolean
parse_minutes (const char *text,
               double     *minutes)
{
  int m, s, end = 0;

  if (sscanf (text, "%d:%2d%n", &m, &s, &end) == 2 && text[end] == '\0' && m >= 0 && s >= 0 && s < 60)
    {
      *minutes = m + s / 60.0;
      return TRUE;
    }
  return parse_number (text, minutes) && *minutes >= 0;
}

/* Checks @value against a template's rule, "integer;min:0;max:500". */
static char *
check_rule (const char *label,
            const char *rule,
            double      value,
            gsize       length)
{
  g_auto(GStrv) parts = rule != NULL ? g_strsplit (rule, ";", -1) : NULL;

  for (guint i = 0; parts != NULL && parts[i] != NULL; i++)
    {
      double bound;

      if (g_str_equal (parts[i], "integer") && value != (gint64) value)
        return g_strdup_printf (_("%s: must be a whole number"), label);
      if (g_str_has_prefix (parts[i], "min:") && parse_number (parts[i] + 4, &bound) && value < bound)
        return g_strdup_printf (_("%s: must be at least %g"), label, bound);
      if (g_str_has_prefix (parts[i], "max:") && parse_number (parts[i] + 4, &bound) && value > bound)
        return g_strdup_printf (_("%s: must be at most %g"), label, bound);
      if (g_str_has_prefix (parts[i], "maxlen:") && parse_number (parts[i] + 7, &bound) && length > bound)
        return g_strdup_printf (_("%s: must be at most %g characters"), label, bound);
    }
  return NULL;
}

/* Adds a metric for @field's text to @workout; FALSE with @message set
 * when the text is not what the field takes. */
static gboolean
add_metric (AtSessionEditor  *self,
            MetricField      *field,
            AtWorkout        *workout,
            char            **message)
{
  g_autoptr(AtActivityMetric) metric = at_activity_metric_new ();
  g_autofree char *text = get_entry_text (field->row);
  const char *input_type = at_record_get_string (field->template, "input_type");
  const char *rule = at_record_get_string (field->template, "validation_rule");
  AtRecord *record = AT_RECORD (metric);

  if (text[0] == '\0')
    {
      if (at_record_get_boolean (field->template, "is_required"))
        {
          *message = g_strdup_printf (_("%s: a value is required"), field->label);
          return FALSE;
        }
      return TRUE;
    }

  at_record_set_string (record, "metric_name", at_record_get_string (field->template, "metric_name"));
  if (!at_record_is_null (field->template, "unit_id"))
    at_record_set_int (record, "unit_id", at_record_get_int (field->template, "unit_id"));

  if (g_strcmp0 (input_type, "text") == 0)
    {
      *message = check_rule (field->label, rule, 0, g_utf8_strlen (text, -1));
      if (*message != NULL)
        return FALSE;
      at_record_set_string (record, "metric_value_text", text);
    }
  else
    {
      double value;

      if (g_strcmp0 (input_type, "duration") == 0)
        {
          if (!parse_minutes (text, &value))
            {
              *message = g_strdup_printf (_("%s: “%s” is not a number of minutes"), field->label, text);
              return FALSE;
            }
          /* Typed in minutes, stored in the template's unit. */
          if (field->unit_name != NULL && g_str_has_prefix (field->unit_name, "seconds"))
            value *= 60;
          else if (field->unit_name != NULL && g_str_has_prefix (field->unit_name, "hours"))
            value /= 60;
        }
      else if (!parse_number (text, &value))
        {
          *message = g_strdup_printf (_("%s: “%s” is not a number"), field->label, text);
          return FALSE;
        }

      *message = check_rule (field->label, rule, value, 0);
      if (*message != NULL)
        return FALSE;
      at_record_set_double (record, "metric_value_numeric", value);
    }

  at_workout_add_metric (workout, metric);
  return TRUE;
}

/* The workout as typed, or NULL after showing what is wrong. */
static AtWorkout *
build_workout (AtSessionEditor *self)
{
  g_autoptr(AtSession) session = at_session_new ();
  g_autoptr(AtWorkout) workout = NULL;
  g_autofree char *name = get_entry_text (GTK_WIDGET (self->name_row));
  g_autofree char *location = get_entry_text (GTK_WIDGET (self->location_row));
  g_autofree char *notes = NULL;
  AtRecord *record = AT_RECORD (session);
  AtRecord *type = selected_type (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  gint64 started_at;
  int minutes;
  int rating;
  gint64 order = 0;

  g_assert (AT_IS_SESSION_EDITOR (self));

  if (type == NULL)
    {
      show_error (self, _("Choose an activity"));
      return NULL;
    }
  if (!parse_start (self, &started_at))
    {
      show_error (self, _("Start: enter a date and time as YYYY-MM-DD HH:MM, such as 2024-05-14 07:30"));
      mark_field (GTK_WIDGET (self->start_row));
      return NULL;
    }

  gtk_spin_button_update (self->duration_spin);
  gtk_spin_button_update (self->rating_spin);
  minutes = gtk_spin_button_get_value_as_int (self->duration_spin);
  rating = gtk_spin_button_get_value_as_int (self->rating_spin);

  at_record_set_int (record, "activity_type_id", at_record_get_id (type));
  at_record_set_int (record, "started_at", started_at);
  if (minutes > 0)
    at_record_set_int (record, "ended_at", started_at + (gint64) minutes * 60);
  if (name[0] != '\0')
    at_record_set_string (record, "session_name", name);
  if (location[0] != '\0')
    at_record_set_string (record, "location", location);
  if (rating > 0)
    at_record_set_int (record, "rating", rating);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (notes[0] != '\0')
    at_record_set_string (record, "notes", notes);

  workout = at_workout_new (session);

  if (is_strength (self))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->exercises_box));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        at_exercise_editor_add_to (AT_EXERCISE_EDITOR (child), workout, ++order,
                                   self->weight_unit_id);
    }
  else
    {
      for (guint i = 0; i < self->metric_fields->len; i++)
        {
          MetricField *field = g_ptr_array_index (self->metric_fields, i);
          g_autofree char *message = NULL;

          if (!add_metric (self, field, workout, &message))
            {
              show_error (self, message);
              mark_field (field->row);
              return NULL;
            }
        }
    }

  return g_steal_pointer (&workout);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(AtStore) store = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GError) error = NULL;
  SaveResult *result;

  /* A connection of our own: the window's belongs to the main thread. */
  store = at_store_open (data->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  at_store_set_one_rep_max_formula (store, data->formula);

  if (!at_store_save_workout (store, data->user_id, data->workout, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (SaveResult, 1);
  result->session_id = at_record_get_id (AT_RECORD (at_workout_get_session (data->workout)));
  result->record_names = g_ptr_array_new_with_free_func (g_free);

  /* The session is saved: a failure to read its records only costs the
   * mention in the toast. */
  records = at_store_list (store, data->user_id, AT_TYPE_PERSONAL_RECORD,
                           "session_id", result->session_id, &error);
  if (records == NULL)
    g_debug ("Cannot read the new personal records: %s", error->message);

  for (guint i = 0; records != NULL && i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(AtRecord) record = g_list_model_get_item (records, i);
      g_autoptr(AtRecord) subtype = NULL;
      const char *name;

      subtype = at_store_get (store, data->user_id, AT_TYPE_ACTIVITY_SUBTYPE,
                              at_record_get_int (record, "activity_subtype_id"), NULL);
      if (subtype == NULL)
        continue;
      name = at_record_get_string (subtype, "name");
      if (!g_ptr_array_find_with_equal_func (result->record_names, name, g_str_equal, NULL))
        g_ptr_array_add (result->record_names, g_strdup (name));
    }

  g_task_return_pointer (task, result, save_result_free);
}

static void
on_save_done_cb (GObject      *object,
                 GAsyncResult *async_result,
                 gpointer      user_data)
{
  AtSessionEditor *self = AT_SESSION_EDITOR (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *title = NULL;
  SaveResult *result;

  set_saving (self, FALSE);

  result = g_task_propagate_pointer (G_TASK (async_result), &error);
  if (result == NULL)
    {
      show_error (self, error->message);
      mark_error_field (self, error);
      return;
    }

  if (result->record_names->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (result->record_names, NULL);
      names = g_strjoinv (", ", (char **) result->record_names->pdata);
      /* Translators: %s names exercises, such as "Squat, Bench Press" */
      title = g_strdup_printf (_("Session saved — new personal record in %s"), names);
    }
  else
    title = g_strdup (_("Session saved"));

  toast = adw_toast_new (title);
  g_signal_emit (self, signals [SAVED], 0, result->session_id);
  g_signal_emit (self, signals [ADD_TOAST], 0, toast);
  save_result_free (result);

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save (AtSessionEditor *self)
{
  g_autoptr(GTask) task = NULL;
  AtWorkout *workout;
  SaveData *data;

  g_assert (AT_IS_SESSION_EDITOR (self));

  if (self->saving)
    return;

  clear_errors (self);
  workout = build_workout (self);
  if (workout == NULL)
    return;

  data = g_new0 (SaveData, 1);
  data->path = g_strdup (at_store_get_path (self->store));
  data->user_id = self->user_id;
  data->workout = workout;
  data->formula = at_store_get_one_rep_max_formula (self->store);

  set_saving (self, TRUE);

  /* The task holds a reference on the editor until it is done. */
  task = g_task_new (self, NULL, on_save_done_cb, NULL);
  g_task_set_source_tag (task, save);
  g_task_set_task_data (task, data, save_data_free);
  g_task_run_in_thread (task, save_thread);
}

static void
add_exercise (AtSessionEditor   *self,
              AtActivitySubtype *subtype)
{
  GtkWidget *editor;

  g_assert (AT_IS_SESSION_EDITOR (self));

  editor = at_exercise_editor_new (subtype, self->weight_unit_symbol);
  g_signal_connect_object (editor, "remove", G_CALLBACK (gtk_box_remove),
                           self->exercises_box, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "remove", G_CALLBACK (update_exercises_placeholder),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_box_append (self->exercises_box, editor);
  update_exercises_placeholder (self);

  gtk_popover_popdown (self->exercise_popover);
  at_exercise_editor_focus (AT_EXERCISE_EDITOR (editor));
}

static void
on_result_clicked_cb (AtSessionEditor *self,
                      GtkButton       *button)
{
  add_exercise (self, g_object_get_data (G_OBJECT (button), "at-subtype"));
}

static void
search_exercises (AtSessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  const char *text;
  guint n_items;

  g_assert (AT_IS_SESSION_EDITOR (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->exercise_results))) != NULL)
    gtk_box_remove (self->exercise_results, child);
  g_clear_object (&self->found);

  /* A catalogue query with a small limit: quick enough for the main thread. */
  text = gtk_editable_get_text (GTK_EDITABLE (self->exercise_search));
  self->found = at_store_search_exercises (self->store, text, EXERCISE_RESULTS, &error);
  if (self->found == NULL)
    {
      g_debug ("Cannot search the exercises: %s", error->message);
      return;
    }

  n_items = g_list_model_get_n_items (self->found);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AtRecord) subtype = g_list_model_get_item (self->found, i);
      GtkWidget *button = gtk_button_new_with_label (at_record_get_string (subtype, "name"));

      gtk_widget_add_css_class (button, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      g_object_set_data_full (G_OBJECT (button), "at-subtype",
                              g_object_ref (subtype), g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_result_clicked_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_box_append (self->exercise_results, button);
    }
}

static void
on_exercise_search_changed_cb (AtSessionEditor *self)
{
  search_exercises (self);
}

static void
on_exercise_search_activate_cb (AtSessionEditor *self)
{
  g_autoptr(AtActivitySubtype) first = NULL;

  if (self->found == NULL || g_list_model_get_n_items (self->found) == 0)
    return;
  first = g_list_model_get_item (self->found, 0);
  add_exercise (self, first);
}

static void
on_exercise_popover_show_cb (AtSessionEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->exercise_search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->exercise_search));
}

/* Type-ahead on the Activity row: a letter picks the next activity whose
 * name starts with it, so that thirty of them are quick to go through
 * with the keyboard (AdwComboRow 1.2 has no search of its own). */
static gboolean
on_type_key_pressed_cb (AtSessionEditor       *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  gunichar typed = g_unichar_tolower (gdk_keyval_to_unicode (keyval));
  guint selected = adw_combo_row_get_selected (self->type_row);
  guint n = self->types->len;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      !g_unichar_isalnum (typed) || n == 0)
    return GDK_EVENT_PROPAGATE;

  for (guint step = 1; step <= n; step++)
    {
      guint i = (selected == GTK_INVALID_LIST_POSITION ? step - 1 : selected + step) % n;
      const char *name = at_record_get_string (g_ptr_array_index (self->types, i), "name");

      if (name != NULL && g_unichar_tolower (g_utf8_get_char (name)) == typed)
        {
          adw_combo_row_set_selected (self->type_row, i);
          return GDK_EVENT_STOP;
        }
    }

  return GDK_EVENT_STOP;
}

static void
on_type_selected_cb (AtSessionEditor *self)
{
  if (self->types->len > 0)
    update_kind (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (AT_SESSION_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static gboolean
at_session_editor_close_request (GtkWindow *window)
{
  AtSessionEditor *self = AT_SESSION_EDITOR (window);

  /* A save in progress finishes, then closes the editor itself. */
  if (self->saving)
    return TRUE;

  return GTK_WINDOW_CLASS (at_session_editor_parent_class)->close_request (window);
}

static void
at_session_editor_dispose (GObject *object)
{
  AtSessionEditor *self = AT_SESSION_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->found);
  if (self->metric_fields != NULL)
    g_ptr_array_set_size (self->metric_fields, 0);
  if (self->types != NULL)
    g_ptr_array_set_size (self->types, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), AT_TYPE_SESSION_EDITOR);

  G_OBJECT_CLASS (at_session_editor_parent_class)->dispose (object);
}

static void
at_session_editor_finalize (GObject *object)
{
  AtSessionEditor *self = AT_SESSION_EDITOR (object);

  g_clear_pointer (&self->types, g_ptr_array_unref);
  g_clear_pointer (&self->metric_fields, g_ptr_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->weight_unit_symbol, g_free);

  G_OBJECT_CLASS (at_session_editor_parent_class)->finalize (object);
}

static void
at_session_editor_class_init (AtSessionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = at_session_editor_dispose;
  object_class->finalize = at_session_editor_finalize;
  window_class->close_request = at_session_editor_close_request;

  /**
   * AtSessionEditor::add-toast:
   * @toast: what to tell
   *
   * Asks the main window to show @toast.
   */
  signals [ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  /**
   * AtSessionEditor::saved:
   * @session_id: the new session
   *
   * The session is stored, by another connection than the window's: views
   * of it reload.
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/at-session-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, rating_spin);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, exercises_group);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, add_exercise_button);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, exercise_popover);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, exercise_search);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, exercise_results);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, exercises_box);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, no_exercises_label);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, metrics_group);
  gtk_widget_class_bind_template_callback (widget_class, on_type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_type_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_exercise_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_exercise_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_exercise_popover_show_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
at_session_editor_init (AtSessionEditor *self)
{
  self->types = g_ptr_array_new_with_free_func (g_object_unref);
  self->metric_fields = g_ptr_array_new_with_free_func (metric_field_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * at_session_editor_new:
 * @parent: the main window, which the editor is modal for
 * @store: the profile database
 * @user_id: the profile the session is for
 *
 * Returns: (transfer none): a new session editor, not yet shown
 */
AtSessionEditor *
at_session_editor_new (GtkWindow *parent,
                       AtStore   *store,
                       gint64     user_id)
{
  AtSessionEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AT_IS_STORE (store), NULL);
  g_return_val_if_fail (user_id > 0, NULL);

  self = g_object_new (AT_TYPE_SESSION_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->user_id = user_id;

  load_user (self);
  load_types (self);
  update_exercises_placeholder (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->type_row));

  return self;
}

/**
 * at_session_editor_start_from:
 * @session_id: one of the user's sessions
 *
 * Fills the editor with the plan of @session_id, its activity, name,
 * exercises and sets, for the user to log the same again.
 *
 * Returns: %FALSE, with @error set, when the session cannot be read
 */
gboolean
at_session_editor_start_from (AtSessionEditor  *self,
                              gint64            session_id,
                              GError          **error)
{
  g_autoptr(AtWorkout) plan = NULL;
  AtRecord *session;
  gint64 type_id;

  g_return_val_if_fail (AT_IS_SESSION_EDITOR (self), FALSE);

  plan = at_store_start_from_session (self->store, self->user_id, session_id,
                                      at_store_get_now (self->store), error);
  if (plan == NULL)
    return FALSE;

  session = AT_RECORD (at_workout_get_session (plan));
  type_id = at_record_get_int (session, "activity_type_id");
  for (guint i = 0; i < self->types->len; i++)
    if (at_record_get_id (g_ptr_array_index (self->types, i)) == type_id)
      adw_combo_row_set_selected (self->type_row, i);
  if (!at_record_is_null (session, "session_name"))
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), at_record_get_string (session, "session_name"));
  if (!at_record_is_null (session, "location"))
    gtk_editable_set_text (GTK_EDITABLE (self->location_row), at_record_get_string (session, "location"));

  for (guint i = 0; i < at_workout_get_n_exercises (plan); i++)
    {
      AtRecord *exercise = AT_RECORD (at_workout_get_exercise (plan, i));
      GPtrArray *sets = at_workout_get_sets (plan, i);
      g_autoptr(AtActivitySubtype) subtype = NULL;
      GtkWidget *editor;

      if (at_record_is_null (exercise, "activity_subtype_id"))
        continue;
      subtype = at_store_get (self->store, self->user_id, AT_TYPE_ACTIVITY_SUBTYPE,
                              at_record_get_int (exercise, "activity_subtype_id"), error);
      if (subtype == NULL)
        return FALSE;

      add_exercise (self, subtype);
      editor = gtk_widget_get_last_child (GTK_WIDGET (self->exercises_box));
      for (guint j = 0; j < sets->len; j++)
        {
          AtRecord *set = g_ptr_array_index (sets, j);
          double weight = at_record_is_null (set, "weight") ? 0 : at_record_get_double (set, "weight");

          /* Shown in the user's unit, which the sets are saved in. */
          if (weight > 0 && !at_record_is_null (set, "weight_unit_id") &&
              !at_store_to_user_weight (self->store, self->user_id, weight,
                                        at_record_get_int (set, "weight_unit_id"),
                                        &weight, NULL, error))
            return FALSE;
          at_exercise_editor_set_values (AT_EXERCISE_EDITOR (editor), j, weight,
                                         at_record_is_null (set, "reps") ? 1 : at_record_get_int (set, "reps"),
                                         at_record_is_null (set, "rpe") ? 0 : at_record_get_int (set, "rpe"),
                                         at_record_get_boolean (set, "is_warmup"));
        }
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->type_row));
  return TRUE;
}
