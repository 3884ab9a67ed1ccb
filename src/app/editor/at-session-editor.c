/* at-session-editor.c: AtSessionEditor, the window that logs a new session
 * or edits a stored one: its activity, time, how it went and notes, and
 * either the exercises with their sets (weight training, with last time's
 * sets as a hint, supersets and a rest timer) or the activity type's
 * metrics and custom ones. Saving runs through at_store_run_async() on a
 * connection of its own; the core saves all of it or nothing. */

#define G_LOG_DOMAIN "at-session-editor"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "at-exercise-editor.h"
#include "at-history.h"
#include "at-search.h"
#include "at-session-editor.h"
#include "at-store-async.h"
#include "at-units.h"

#define EXERCISE_RESULTS 20
#define STRENGTH_TYPE "Weight Training"
#define REST_MORE_SECONDS 30

typedef struct
{
  AtRecord         *template;   /* AtMetricTemplate */
  AtActivityMetric *metric;     /* the stored value being edited, or NULL */
  GtkWidget        *row;        /* AdwEntryRow */
  char             *label;
  char             *unit_name;
} MetricField;

/* A metric the activity type has no template for: name, value, unit. */
typedef struct
{
  AtActivityMetric *metric;     /* the stored value being edited, or NULL */
  GtkWidget        *box;
  GtkWidget        *name;
  GtkWidget        *value;
  GtkWidget        *unit;
  GtkWidget        *remove_button;
} CustomField;

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
  AdwEntryRow          *weather_row;
  AdwEntryRow          *mood_before_row;
  AdwEntryRow          *mood_after_row;
  GtkSpinButton        *energy_spin;
  GtkSpinButton        *exertion_spin;
  AdwEntryRow          *injuries_row;
  GtkTextView          *notes_view;
  GtkWidget            *template_button;
  GtkRevealer          *rest_revealer;
  GtkLabel             *rest_label;
  AdwPreferencesGroup  *custom_group;
  GtkBox               *custom_box;
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
  AtSession            *session;        /* the stored session being edited, or NULL */
  GSettings            *settings;
  GCancellable         *cancellable;    /* the hints' loads */
  GPtrArray            *types;          /* of AtActivityType, as in type_row */
  GPtrArray            *units;          /* of AtUnit, the whole catalogue */
  GPtrArray            *metric_fields;  /* of MetricField */
  GPtrArray            *custom_fields;  /* of CustomField */
  GListModel           *found;          /* of AtActivitySubtype */
  GTimeZone            *zone;
  char                 *weight_unit_symbol;
  char                 *resting_after;  /* the exercise of the set before the rest */
  double                kg_per_unit;
  gint64                weight_unit_id;
  gint64                user_id;
  gint64                parent_session_id; /* the plan a new session follows, or 0 */
  gint64                rest_ends_at;   /* monotonic µs */
  guint                 rest_source;
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
  gint64              user_id;
  AtWorkout          *workout;
  AtOneRepMaxFormula  formula;
  gint64              session_id;    /* out */
  GPtrArray          *record_names;  /* out: exercises with a new personal record */
} SaveJob;

typedef struct
{
  gint64     user_id;
  gint64     subtype_id;
  gint64     before;          /* sessions that started before this */
  gint64     session_id;      /* the session being edited, left out; or 0 */
  GTimeZone *zone;
  char      *hint;            /* out, or NULL when there is no last time */
} HintJob;

typedef struct
{
  gint64  user_id;
  gint64  session_id;
  char   *template_name;
} TemplateJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_clear_object (&job->workout);
  g_clear_pointer (&job->record_names, g_ptr_array_unref);
  g_free (job);
}

static void
hint_job_free (gpointer data)
{
  HintJob *job = data;

  g_clear_pointer (&job->zone, g_time_zone_unref);
  g_free (job->hint);
  g_free (job);
}

static void
template_job_free (gpointer data)
{
  TemplateJob *job = data;

  g_free (job->template_name);
  g_free (job);
}

static void
metric_field_free (gpointer data)
{
  MetricField *field = data;

  g_clear_object (&field->template);
  g_clear_object (&field->metric);
  g_free (field->label);
  g_free (field->unit_name);
  g_free (field);
}

static void
custom_field_free (gpointer data)
{
  CustomField *field = data;

  g_clear_object (&field->metric);
  g_free (field);
}

static AtRecord *
find_unit (AtSessionEditor *self,
           gint64           unit_id)
{
  for (guint i = 0; i < self->units->len; i++)
    if (at_record_get_id (g_ptr_array_index (self->units, i)) == unit_id)
      return g_ptr_array_index (self->units, i);
  return NULL;
}

static const char *
unit_string (AtSessionEditor *self,
             gint64           unit_id,
             const char      *column)
{
  AtRecord *unit = find_unit (self, unit_id);

  if (unit == NULL || at_record_is_null (unit, column))
    return NULL;
  return at_record_get_string (unit, column);
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

/* A field's own description, kept to come back after an error's. */
static void
describe (GtkWidget  *field,
          const char *description)
{
  g_object_set_data_full (G_OBJECT (field), "at-description", g_strdup (description), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* The field gets the reason as its tooltip and description, and the
 * keyboard focus. */
static void
mark_field (GtkWidget  *field,
            const char *reason)
{
  gtk_widget_add_css_class (field, "error");
  gtk_widget_set_tooltip_text (field, reason);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason,
                                  -1);
  gtk_widget_grab_focus (field);
}

static void
unmark_field (GtkWidget *field)
{
  const char *description = g_object_get_data (G_OBJECT (field), "at-description");

  if (!gtk_widget_has_css_class (field, "error"))
    return;
  gtk_widget_remove_css_class (field, "error");
  gtk_widget_set_tooltip_text (field, NULL);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
clear_errors (AtSessionEditor *self)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->start_row),
    GTK_WIDGET (self->duration_spin), GTK_WIDGET (self->location_row),
    GTK_WIDGET (self->rating_spin), GTK_WIDGET (self->weather_row),
    GTK_WIDGET (self->mood_before_row), GTK_WIDGET (self->mood_after_row),
    GTK_WIDGET (self->energy_spin), GTK_WIDGET (self->exertion_spin),
    GTK_WIDGET (self->injuries_row), GTK_WIDGET (self->notes_view),
  };

  g_assert (AT_IS_SESSION_EDITOR (self));

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    unmark_field (fields[i]);
  for (guint i = 0; i < self->metric_fields->len; i++)
    unmark_field (((MetricField *) g_ptr_array_index (self->metric_fields, i))->row);
  for (guint i = 0; i < self->custom_fields->len; i++)
    {
      CustomField *field = g_ptr_array_index (self->custom_fields, i);

      unmark_field (field->name);
      unmark_field (field->value);
      unmark_field (field->unit);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->exercises_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    at_exercise_editor_clear_errors (AT_EXERCISE_EDITOR (child));
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
    { "activity_session.weather:", G_STRUCT_OFFSET (AtSessionEditor, weather_row) },
    { "activity_session.mood_before:", G_STRUCT_OFFSET (AtSessionEditor, mood_before_row) },
    { "activity_session.mood_after:", G_STRUCT_OFFSET (AtSessionEditor, mood_after_row) },
    { "activity_session.energy_level:", G_STRUCT_OFFSET (AtSessionEditor, energy_spin) },
    { "activity_session.perceived_exertion:", G_STRUCT_OFFSET (AtSessionEditor, exertion_spin) },
    { "activity_session.injuries_noted:", G_STRUCT_OFFSET (AtSessionEditor, injuries_row) },
    { "activity_session.notes:", G_STRUCT_OFFSET (AtSessionEditor, notes_view) },
  };

  g_assert (AT_IS_SESSION_EDITOR (self));

  for (guint i = 0; i < G_N_ELEMENTS (session_fields); i++)
    {
      if (g_str_has_prefix (error->message, session_fields[i].prefix))
        {
          mark_field (G_STRUCT_MEMBER (GtkWidget *, self, session_fields[i].offset), error->message);
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
  gtk_widget_set_visible (GTK_WIDGET (self->custom_group), type != NULL);
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
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (field->row),
                                          GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE,
                                          -1);
          describe (field->row, _("Required"));
        }
      if (g_strcmp0 (input_type, "duration") == 0)
        describe (field->row, _("Minutes, or minutes and seconds as M:SS"));
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
show_start (AtSessionEditor *self,
            gint64           started_at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (started_at);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->zone);
  g_autofree char *text = g_date_time_format (local, "%Y-%m-%d %H:%M");

  gtk_editable_set_text (GTK_EDITABLE (self->start_row), text);
}

static void
load_units (AtSessionEditor *self)
{
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (AT_IS_SESSION_EDITOR (self));

  units = at_store_list (self->store, self->user_id, AT_TYPE_UNIT, NULL, 0, &error);
  if (units == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    g_ptr_array_add (self->units, g_list_model_get_item (units, i));
}

static void
load_user (AtSessionEditor *self)
{
  AtRecord *unit;
  g_autoptr(AtRecord) user = NULL;

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
  /* Weights' base unit is the kilogram. */
  unit = find_unit (self, self->weight_unit_id);
  self->kg_per_unit = 1;
  if (unit != NULL && !at_record_is_null (unit, "conversion_factor") &&
      at_record_get_double (unit, "conversion_factor") > 0)
    self->kg_per_unit = at_record_get_double (unit, "conversion_factor");

  show_start (self, at_store_get_now (self->store));
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

/* The stored metric being edited, with its value cleared, or a new one. */
static AtActivityMetric *
metric_to_fill (AtActivityMetric *stored)
{
  AtActivityMetric *metric = stored != NULL ? g_object_ref (stored) : at_activity_metric_new ();

  at_record_set_null (AT_RECORD (metric), "metric_value_numeric");
  at_record_set_null (AT_RECORD (metric), "metric_value_text");
  at_record_set_null (AT_RECORD (metric), "unit_id");
  return metric;
}

/* Adds a metric for @field's text to @workout; FALSE with @message set
 * when the text is not what the field takes. */
static gboolean
add_metric (AtSessionEditor  *self,
            MetricField      *field,
            AtWorkout        *workout,
            char            **message)
{
  g_autoptr(AtActivityMetric) metric = NULL;
  g_autofree char *text = get_entry_text (field->row);
  const char *input_type = at_record_get_string (field->template, "input_type");
  const char *rule = at_record_get_string (field->template, "validation_rule");
  AtRecord *record;

  if (text[0] == '\0')
    {
      if (at_record_get_boolean (field->template, "is_required"))
        {
          *message = g_strdup_printf (_("%s: a value is required"), field->label);
          return FALSE;
        }
      return TRUE;
    }

  metric = metric_to_fill (field->metric);
  record = AT_RECORD (metric);
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

/* A unit by its symbol or name, as the user types it: "km", "kilometers". */
static AtRecord *
lookup_unit (AtSessionEditor *self,
             const char      *text)
{
  for (guint i = 0; i < self->units->len; i++)
    {
      AtRecord *unit = g_ptr_array_index (self->units, i);

      if (g_strcmp0 (at_record_get_string (unit, "symbol"), text) == 0 ||
          g_ascii_strcasecmp (at_record_get_string (unit, "name"), text) == 0)
        return unit;
    }
  return NULL;
}

/* Adds the custom metric @number to @workout; FALSE with @message set and
 * @bad_field pointing at the field when it is not complete. */
static gboolean
add_custom_metric (AtSessionEditor  *self,
                   CustomField      *field,
                   guint             number,
                   AtWorkout        *workout,
                   GtkWidget       **bad_field,
                   char            **message)
{
  g_autoptr(AtActivityMetric) metric = NULL;
  g_autofree char *name = get_entry_text (field->name);
  g_autofree char *text = get_entry_text (field->value);
  g_autofree char *unit_text = get_entry_text (field->unit);
  AtRecord *unit = NULL;
  double value;

  if (name[0] == '\0' && text[0] == '\0' && unit_text[0] == '\0')
    return TRUE;
  if (name[0] == '\0')
    {
      *bad_field = field->name;
      *message = g_strdup_printf (_("Custom metric %u: give it a name"), number);
      return FALSE;
    }
  if (text[0] == '\0')
    {
      *bad_field = field->value;
      *message = g_strdup_printf (_("%s: a value is required"), name);
      return FALSE;
    }
  if (unit_text[0] != '\0' && (unit = lookup_unit (self, unit_text)) == NULL)
    {
      *bad_field = field->unit;
      *message = g_strdup_printf (_("%s: there is no unit “%s”; use a symbol such as km, kg or min"),
                                  name, unit_text);
      return FALSE;
    }

  metric = metric_to_fill (field->metric);
  at_record_set_string (AT_RECORD (metric), "metric_name", name);
  /* A number where there is one, otherwise the words as typed. */
  if (parse_number (text, &value))
    at_record_set_double (AT_RECORD (metric), "metric_value_numeric", value);
  else
    at_record_set_string (AT_RECORD (metric), "metric_value_text", text);
  if (unit != NULL)
    at_record_set_int (AT_RECORD (metric), "unit_id", at_record_get_id (unit));
  at_workout_add_metric (workout, metric);
  return TRUE;
}

static gboolean
add_metrics (AtSessionEditor *self,
             AtWorkout       *workout)
{
  for (guint i = 0; i < self->metric_fields->len; i++)
    {
      MetricField *field = g_ptr_array_index (self->metric_fields, i);
      g_autofree char *message = NULL;

      if (!add_metric (self, field, workout, &message))
        {
          show_error (self, message);
          mark_field (field->row, message);
          return FALSE;
        }
    }

  for (guint i = 0; i < self->custom_fields->len; i++)
    {
      CustomField *field = g_ptr_array_index (self->custom_fields, i);
      g_autofree char *message = NULL;
      GtkWidget *bad_field = NULL;

      if (!add_custom_metric (self, field, i + 1, workout, &bad_field, &message))
        {
          show_error (self, message);
          mark_field (bad_field, message);
          return FALSE;
        }
    }
  return TRUE;
}

/* The exercises in their order; each joined to the one before it is in
 * that one's superset, numbered from 1 in the session. */
static gboolean
add_exercises (AtSessionEditor *self,
               AtWorkout       *workout)
{
  gint64 order = 0;
  gint64 groups = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->exercises_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AtExerciseEditor *editor = AT_EXERCISE_EDITOR (child);
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      gboolean joined = at_exercise_editor_get_superset_with_previous (editor);
      gboolean joins_next = next != NULL &&
                            at_exercise_editor_get_superset_with_previous (AT_EXERCISE_EDITOR (next));
      g_autoptr(GError) error = NULL;

      if (!joined && joins_next)
        groups++;
      if (!at_exercise_editor_add_to (editor, workout, ++order, self->weight_unit_id,
                                      joined || joins_next ? groups : 0, &error))
        {
          show_error (self, error->message);
          return FALSE;
        }
    }
  return TRUE;
}

static void
set_text_column (AtRecord   *record,
                 const char *column,
                 const char *text)
{
  if (text[0] != '\0')
    at_record_set_string (record, column, text);
  else
    at_record_set_null (record, column);
}

static void
set_scale_column (AtRecord      *record,
                  const char    *column,
                  GtkSpinButton *spin)
{
  int value;

  gtk_spin_button_update (spin);
  value = gtk_spin_button_get_value_as_int (spin);
  if (value > 0)
    at_record_set_int (record, column, value);
  else
    at_record_set_null (record, column);
}

static void
fill_session (AtSessionEditor *self,
              AtRecord        *record)
{
  const struct { const char *column; gsize offset; } text_columns[] = {
    { "session_name", G_STRUCT_OFFSET (AtSessionEditor, name_row) },
    { "location", G_STRUCT_OFFSET (AtSessionEditor, location_row) },
    { "weather", G_STRUCT_OFFSET (AtSessionEditor, weather_row) },
    { "mood_before", G_STRUCT_OFFSET (AtSessionEditor, mood_before_row) },
    { "mood_after", G_STRUCT_OFFSET (AtSessionEditor, mood_after_row) },
    { "injuries_noted", G_STRUCT_OFFSET (AtSessionEditor, injuries_row) },
  };
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *notes = NULL;
  GtkTextIter start, end;

  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    {
      g_autofree char *text = get_entry_text (G_STRUCT_MEMBER (GtkWidget *, self, text_columns[i].offset));

      set_text_column (record, text_columns[i].column, text);
    }
  set_scale_column (record, "rating", self->rating_spin);
  set_scale_column (record, "energy_level", self->energy_spin);
  set_scale_column (record, "perceived_exertion", self->exertion_spin);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  set_text_column (record, "notes", notes);
}

/* The workout as typed, or NULL after showing what is wrong. */
static AtWorkout *
build_workout (AtSessionEditor *self)
{
  g_autoptr(AtSession) session = NULL;
  g_autoptr(AtWorkout) workout = NULL;
  AtRecord *record;
  AtRecord *type = selected_type (self);
  gint64 started_at;
  int minutes;

  g_assert (AT_IS_SESSION_EDITOR (self));

  if (type == NULL)
    {
      show_error (self, _("Choose an activity"));
      return NULL;
    }
  if (!parse_start (self, &started_at))
    {
      const char *message = _("Start: enter a date and time as YYYY-MM-DD HH:MM, such as 2024-05-14 07:30");

      show_error (self, message);
      mark_field (GTK_WIDGET (self->start_row), message);
      return NULL;
    }

  /* Editing updates the stored session: its id and the columns the
   * editor does not show stay. */
  session = self->session != NULL ? g_object_ref (self->session) : at_session_new ();
  record = AT_RECORD (session);
  if (self->parent_session_id > 0)
    at_record_set_int (record, "parent_session_id", self->parent_session_id);
  gtk_spin_button_update (self->duration_spin);
  minutes = gtk_spin_button_get_value_as_int (self->duration_spin);
  at_record_set_int (record, "activity_type_id", at_record_get_id (type));
  at_record_set_int (record, "started_at", started_at);
  if (minutes > 0)
    at_record_set_int (record, "ended_at", started_at + (gint64) minutes * 60);
  else
    at_record_set_null (record, "ended_at");
  fill_session (self, record);

  /* Any kind keeps its metrics (a strength session's custom ones too),
   * which editing would otherwise drop. */
  workout = at_workout_new (session);
  if ((is_strength (self) && !add_exercises (self, workout)) || !add_metrics (self, workout))
    return NULL;

  return g_steal_pointer (&workout);
}

static gboolean
save_job (AtStore       *store,
          gpointer       job_data,
          GCancellable  *cancellable,
          GError       **error)
{
  SaveJob *job = job_data;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GError) local_error = NULL;

  at_store_set_one_rep_max_formula (store, job->formula);
  if (!at_store_save_workout (store, job->user_id, job->workout, error))
    return FALSE;

  job->session_id = at_record_get_id (AT_RECORD (at_workout_get_session (job->workout)));
  job->record_names = g_ptr_array_new_with_free_func (g_free);

  /* The session is saved: a failure to read its records only costs the
   * mention in the toast. */
  records = at_store_list (store, job->user_id, AT_TYPE_PERSONAL_RECORD,
                           "session_id", job->session_id, &local_error);
  if (records == NULL)
    g_debug ("Cannot read the new personal records: %s", local_error->message);

  for (guint i = 0; records != NULL && i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(AtRecord) record = g_list_model_get_item (records, i);
      g_autoptr(AtRecord) subtype = NULL;
      const char *name;

      subtype = at_store_get (store, job->user_id, AT_TYPE_ACTIVITY_SUBTYPE,
                              at_record_get_int (record, "activity_subtype_id"), NULL);
      if (subtype == NULL)
        continue;
      name = at_record_get_string (subtype, "name");
      if (!g_ptr_array_find_with_equal_func (job->record_names, name, g_str_equal, NULL))
        g_ptr_array_add (job->record_names, g_strdup (name));
    }

  return TRUE;
}

static void
on_save_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AtSessionEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *title = NULL;
  SaveJob *job;

  set_saving (self, FALSE);

  if (!at_store_run_finish (AT_STORE (object), result, &error))
    {
      show_error (self, error->message);
      mark_error_field (self, error);
      return;
    }

  job = at_store_run_get_job_data (result);
  if (job->record_names->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (job->record_names, NULL);
      names = g_strjoinv (", ", (char **) job->record_names->pdata);
      /* Translators: %s names exercises, such as "Squat, Bench Press" */
      title = g_strdup_printf (_("Session saved — new personal record in %s"), names);
    }
  else
    title = g_strdup (_("Session saved"));

  toast = adw_toast_new (title);
  g_signal_emit (self, signals [SAVED], 0, job->session_id);
  g_signal_emit (self, signals [ADD_TOAST], 0, toast);

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save (AtSessionEditor *self)
{
  AtWorkout *workout;
  SaveJob *job;

  g_assert (AT_IS_SESSION_EDITOR (self));

  if (self->saving)
    return;

  clear_errors (self);
  workout = build_workout (self);
  if (workout == NULL)
    return;

  job = g_new0 (SaveJob, 1);
  job->user_id = self->user_id;
  job->workout = workout;
  job->formula = at_store_get_one_rep_max_formula (self->store);

  set_saving (self, TRUE);
  /* No cancellable: a save that began finishes. The editor stays alive
   * until it has. */
  at_store_run_async (self->store, save_job, job, save_job_free, NULL,
                      on_save_done_cb, g_object_ref (self));
}

/* "Last time (2024-05-20): 1×5 × 100 kg, 2×3 × 110 kg": the sets of the
 * exercise in the user's last session with it, alike ones counted. */
static char *
describe_sets (AtStore    *store,
               HintJob    *job,
               gint64      started_at,
               GListModel *sets,
               GError    **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (started_at);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, job->zone);
  g_autofree char *date = g_date_time_format (local, "%Y-%m-%d");
  g_autofree char *symbol = NULL;
  guint n_sets = g_list_model_get_n_items (sets);
  guint count = 0;

  for (guint i = 0; i < n_sets; i++)
    {
      g_autoptr(AtRecord) set = g_list_model_get_item (sets, i);
      g_autoptr(AtRecord) next = i + 1 < n_sets ? g_list_model_get_item (sets, i + 1) : NULL;
      gint64 reps = at_record_is_null (set, "reps") ? 0 : at_record_get_int (set, "reps");
      double weight = at_record_is_null (set, "weight") ? 0 : at_record_get_double (set, "weight");
      gint64 unit_id = 0;

      count++;
      if (next != NULL &&
          at_record_get_int (next, "reps") == reps &&
          (at_record_is_null (next, "weight") ? 0 : at_record_get_double (next, "weight")) == weight)
        continue;

      g_string_append_printf (text, "%s%u×%" G_GINT64_FORMAT, text->len > 0 ? ", " : "", count, reps);
      if (weight > 0 && !at_record_is_null (set, "weight_unit_id"))
        {
          g_autoptr(AtRecord) unit = NULL;

          if (!at_store_to_user_weight (store, job->user_id, weight,
                                        at_record_get_int (set, "weight_unit_id"),
                                        &weight, &unit_id, error))
            return NULL;
          /* The symbol is the hint's only use of the unit: without it, the number. */
          if (symbol == NULL &&
              (unit = at_store_get (store, job->user_id, AT_TYPE_UNIT, unit_id, NULL)) != NULL)
            symbol = g_strdup (at_record_get_string (unit, "symbol"));
          g_string_append_printf (text, " × %g %s", round (weight * 100) / 100,
                                  symbol != NULL ? symbol : "");
        }
      count = 0;
    }

  /* Translators: "Last time (2024-05-20): 1×5 × 100 kg, 2×3 × 110 kg" */
  return g_strdup_printf (_("Last time (%s): %s"), date, text->str);
}

/* Off the main thread: the user's last session with the exercise before
 * the one edited, and its sets of it. */
static gboolean
hint_job (AtStore       *store,
          gpointer       job_data,
          GCancellable  *cancellable,
          GError       **error)
{
  HintJob *job = job_data;
  g_autoptr(GArray) history = NULL;
  g_autoptr(GListModel) exercises = NULL;
  AtExerciseHistoryPoint *last = NULL;

  history = at_store_get_exercise_history (store, job->user_id, job->subtype_id, 0, job->before, error);
  if (history == NULL)
    return FALSE;
  for (guint i = history->len; i > 0 && last == NULL; i--)
    {
      AtExerciseHistoryPoint *point = &g_array_index (history, AtExerciseHistoryPoint, i - 1);

      if (point->session_id != job->session_id)
        last = point;
    }
  if (last == NULL || g_cancellable_is_cancelled (cancellable))
    return TRUE;

  exercises = at_store_list (store, job->user_id, AT_TYPE_ACTIVITY_EXERCISE,
                             "session_id", last->session_id, error);
  if (exercises == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(AtRecord) exercise = g_list_model_get_item (exercises, i);
      g_autoptr(GListModel) sets = NULL;

      if (at_record_is_null (exercise, "activity_subtype_id") ||
          at_record_get_int (exercise, "activity_subtype_id") != job->subtype_id)
        continue;
      sets = at_store_list (store, job->user_id, AT_TYPE_EXERCISE_SET,
                            "exercise_id", at_record_get_id (exercise), error);
      if (sets == NULL)
        return FALSE;
      job->hint = describe_sets (store, job, last->started_at, sets, error);
      return job->hint != NULL;
    }
  return TRUE;
}

static void
on_hint_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AtExerciseEditor) editor = user_data;
  g_autoptr(GError) error = NULL;
  HintJob *job;

  if (!at_store_run_finish (AT_STORE (object), result, &error))
    {
      /* Only a hint: the editor works without it. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Cannot read the last sets of an exercise: %s", error->message);
      return;
    }
  job = at_store_run_get_job_data (result);
  at_exercise_editor_set_hint (editor, job->hint);
}

static void
load_hint (AtSessionEditor  *self,
           AtExerciseEditor *editor)
{
  HintJob *job = g_new0 (HintJob, 1);

  job->user_id = self->user_id;
  job->subtype_id = at_record_get_id (AT_RECORD (at_exercise_editor_get_subtype (editor)));
  job->before = self->session != NULL
              ? at_record_get_int (AT_RECORD (self->session), "started_at")
              : G_MAXINT64;
  job->session_id = self->session != NULL ? at_record_get_id (AT_RECORD (self->session)) : 0;
  job->zone = g_time_zone_ref (self->zone);
  at_store_run_async (self->store, hint_job, job, hint_job_free, self->cancellable,
                      on_hint_loaded_cb, g_object_ref (editor));
}

/* The exercises joined to the one before them, and the superset labels
 * that show it: "Superset A" on each exercise of the first. */
static void
update_exercises (AtSessionEditor *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->exercises_box));
  guint groups = 0;

  gtk_widget_set_visible (self->no_exercises_label, first == NULL);

  for (GtkWidget *child = first; child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AtExerciseEditor *editor = AT_EXERCISE_EDITOR (child);
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      gboolean joined, joins_next;
      g_autofree char *label = NULL;

      at_exercise_editor_set_can_superset (editor, child != first);
      joined = at_exercise_editor_get_superset_with_previous (editor);
      joins_next = next != NULL &&
                   at_exercise_editor_get_superset_with_previous (AT_EXERCISE_EDITOR (next));
      if (!joined && joins_next)
        groups++;
      if (joined || joins_next)
        /* Translators: a superset's name: "Superset A", "Superset B" … */
        label = g_strdup_printf (_("Superset %c"), 'A' + (groups - 1) % 26);
      at_exercise_editor_set_superset_label (editor, label);
    }
}

static void
send_rest_notification (AtSessionEditor *self)
{
  g_autoptr(GNotification) notification = g_notification_new (_("Rest over"));
  g_autofree char *body = NULL;
  GApplication *application = g_application_get_default ();

  /* Translators: %s is an exercise, such as "Squat" */
  body = g_strdup_printf (_("Time for the next set of %s"), self->resting_after);
  g_notification_set_body (notification, body);
  if (application != NULL)
    g_application_send_notification (application, "rest-timer", notification);
}

/* The bar goes at once, leaving no room behind (a crossfade keeps it). */
static void
stop_rest (AtSessionEditor *self)
{
  g_clear_handle_id (&self->rest_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->rest_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->rest_revealer), FALSE);
}

static gboolean
on_rest_tick_cb (gpointer user_data)
{
  AtSessionEditor *self = user_data;
  gint64 left = (self->rest_ends_at - g_get_monotonic_time () + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
  g_autofree char *text = NULL;

  if (left <= 0)
    {
      self->rest_source = 0;
      gtk_label_set_text (self->rest_label, _("Rest over"));
      stop_rest (self);
      send_rest_notification (self);
      return G_SOURCE_REMOVE;
    }

  /* Translators: the rest timer's countdown, "Rest 1:30" */
  text = g_strdup_printf (_("Rest %d:%02d"), (int) (left / 60), (int) (left % 60));
  gtk_label_set_text (self->rest_label, text);
  return G_SOURCE_CONTINUE;
}

static void
start_rest (AtSessionEditor *self,
            gint64           seconds)
{
  g_clear_handle_id (&self->rest_source, g_source_remove);
  if (seconds <= 0)
    return;

  self->rest_ends_at = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  gtk_widget_set_visible (GTK_WIDGET (self->rest_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->rest_revealer, TRUE);
  on_rest_tick_cb (self);
  self->rest_source = g_timeout_add (250, on_rest_tick_cb, self);
}

static void
on_set_added_cb (AtSessionEditor  *self,
                 AtExerciseEditor *editor)
{
  g_free (self->resting_after);
  self->resting_after = g_strdup (at_exercise_editor_get_name (editor));
  start_rest (self, g_settings_get_int (self->settings, "default-rest-seconds"));
}

static void
on_rest_more_clicked_cb (AtSessionEditor *self)
{
  if (self->rest_source == 0)
    return;
  self->rest_ends_at += REST_MORE_SECONDS * G_USEC_PER_SEC;
  on_rest_tick_cb (self);
}

static void
on_rest_skip_clicked_cb (AtSessionEditor *self)
{
  stop_rest (self);
}

static void
on_exercise_remove_cb (AtSessionEditor  *self,
                       AtExerciseEditor *editor)
{
  gtk_box_remove (self->exercises_box, GTK_WIDGET (editor));
  update_exercises (self);
}

static AtExerciseEditor *
add_exercise (AtSessionEditor   *self,
              AtActivitySubtype *subtype)
{
  GtkWidget *editor;

  g_assert (AT_IS_SESSION_EDITOR (self));

  editor = at_exercise_editor_new (subtype, self->weight_unit_symbol, self->kg_per_unit);
  g_signal_connect_object (editor, "remove", G_CALLBACK (on_exercise_remove_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "superset-changed", G_CALLBACK (update_exercises),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "set-added", G_CALLBACK (on_set_added_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (self->exercises_box, editor);
  update_exercises (self);
  load_hint (self, AT_EXERCISE_EDITOR (editor));

  gtk_popover_popdown (self->exercise_popover);
  at_exercise_editor_focus (AT_EXERCISE_EDITOR (editor));
  return AT_EXERCISE_EDITOR (editor);
}

static void
name_custom_part (GtkWidget  *widget,
                  const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
name_custom_field (CustomField *field,
                   guint        number)
{
  /* Translators: accessible names, "Custom Metric 1 Name" */
  g_autofree char *name = g_strdup_printf (_("Custom Metric %u Name"), number);
  g_autofree char *value = g_strdup_printf (_("Custom Metric %u Value"), number);
  g_autofree char *unit = g_strdup_printf (_("Custom Metric %u Unit"), number);
  g_autofree char *remove = g_strdup_printf (_("Remove Custom Metric %u"), number);

  name_custom_part (field->name, name);
  name_custom_part (field->value, value);
  name_custom_part (field->unit, unit);
  name_custom_part (field->remove_button, remove);
}

static void
renumber_custom_fields (AtSessionEditor *self)
{
  for (guint i = 0; i < self->custom_fields->len; i++)
    name_custom_field (g_ptr_array_index (self->custom_fields, i), i + 1);
}

static void
on_custom_remove_clicked_cb (AtSessionEditor *self,
                             GtkButton       *button)
{
  for (guint i = 0; i < self->custom_fields->len; i++)
    {
      CustomField *field = g_ptr_array_index (self->custom_fields, i);

      if (field->remove_button == GTK_WIDGET (button))
        {
          gtk_box_remove (self->custom_box, field->box);
          g_ptr_array_remove_index (self->custom_fields, i);
          renumber_custom_fields (self);
          return;
        }
    }
}

static GtkWidget *
new_custom_entry (const char *placeholder,
                  int         width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  return entry;
}

static CustomField *
add_custom_field (AtSessionEditor *self)
{
  CustomField *field = g_new0 (CustomField, 1);

  field->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  field->name = new_custom_entry (_("Name, such as Pieces Played"), 12);
  gtk_widget_set_hexpand (field->name, TRUE);
  field->value = new_custom_entry (_("Value"), 8);
  field->unit = new_custom_entry (_("Unit"), 5);
  gtk_widget_set_tooltip_text (field->unit, _("A unit's symbol, such as km, kg or min; empty for none"));
  field->remove_button = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  gtk_widget_add_css_class (field->remove_button, "flat");
  gtk_widget_set_tooltip_text (field->remove_button, _("Remove Custom Metric"));
  g_signal_connect_object (field->remove_button, "clicked",
                           G_CALLBACK (on_custom_remove_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (field->box), field->name);
  gtk_box_append (GTK_BOX (field->box), field->value);
  gtk_box_append (GTK_BOX (field->box), field->unit);
  gtk_box_append (GTK_BOX (field->box), field->remove_button);
  gtk_box_append (self->custom_box, field->box);

  g_ptr_array_add (self->custom_fields, field);
  renumber_custom_fields (self);
  return field;
}

static void
on_add_custom_clicked_cb (AtSessionEditor *self)
{
  CustomField *field = add_custom_field (self);

  gtk_widget_grab_focus (field->name);
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
save_template_job (AtStore       *store,
                   gpointer       job_data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  TemplateJob *job = job_data;

  return at_store_save_as_template (store, job->user_id, job->session_id,
                                    job->template_name, error) > 0;
}

static void
on_template_saved_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AtSessionEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  TemplateJob *job;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save-as-template", TRUE);
  if (!at_store_run_finish (AT_STORE (object), result, &error))
    {
      show_error (self, error->message);
      return;
    }
  job = at_store_run_get_job_data (result);
  /* Translators: %s is the template's name */
  title = g_strdup_printf (_("Saved as the template “%s”"), job->template_name);
  g_signal_emit (self, signals [ADD_TOAST], 0, adw_toast_new (title));
}

static void
on_template_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         AtSessionEditor  *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *name = get_entry_text (entry);
  TemplateJob *job;

  if (g_strcmp0 (response, "save") != 0)
    return;

  clear_errors (self);
  job = g_new0 (TemplateJob, 1);
  job->user_id = self->user_id;
  job->session_id = at_record_get_id (AT_RECORD (self->session));
  job->template_name = g_steal_pointer (&name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save-as-template", FALSE);
  at_store_run_async (self->store, save_template_job, job, template_job_free, NULL,
                      on_template_saved_cb, g_object_ref (self));
}

/* A plan of the stored session — as last saved — under a name. */
static void
save_as_template_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AtSessionEditor *self = AT_SESSION_EDITOR (widget);
  g_autofree char *name = get_entry_text (GTK_WIDGET (self->name_row));
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->session == NULL)
    return;

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Template Name"),
                                  -1);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save as Template"),
                                   _("The stored session’s exercises and sets, as last saved, "
                                     "become a plan to start new sessions from."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save Template"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_template_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->rest_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->found);
  if (self->metric_fields != NULL)
    g_ptr_array_set_size (self->metric_fields, 0);
  if (self->custom_fields != NULL)
    g_ptr_array_set_size (self->custom_fields, 0);
  if (self->types != NULL)
    g_ptr_array_set_size (self->types, 0);
  if (self->units != NULL)
    g_ptr_array_set_size (self->units, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), AT_TYPE_SESSION_EDITOR);

  G_OBJECT_CLASS (at_session_editor_parent_class)->dispose (object);
}

static void
at_session_editor_finalize (GObject *object)
{
  AtSessionEditor *self = AT_SESSION_EDITOR (object);

  g_clear_pointer (&self->types, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->metric_fields, g_ptr_array_unref);
  g_clear_pointer (&self->custom_fields, g_ptr_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->weight_unit_symbol, g_free);
  g_clear_pointer (&self->resting_after, g_free);

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
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, weather_row);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, mood_before_row);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, mood_after_row);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, energy_spin);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, exertion_spin);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, injuries_row);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, template_button);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, rest_revealer);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, rest_label);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, custom_group);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, custom_box);
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
  gtk_widget_class_bind_template_callback (widget_class, on_rest_more_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_rest_skip_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_custom_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.save-as-template", NULL, save_as_template_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
at_session_editor_init (AtSessionEditor *self)
{
  self->types = g_ptr_array_new_with_free_func (g_object_unref);
  self->units = g_ptr_array_new_with_free_func (g_object_unref);
  self->metric_fields = g_ptr_array_new_with_free_func (metric_field_free);
  self->custom_fields = g_ptr_array_new_with_free_func (custom_field_free);
  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  describe (GTK_WIDGET (self->start_row), _("Date and time as YYYY-MM-DD HH:MM"));
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

  load_units (self);
  load_user (self);
  load_types (self);
  update_exercises (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->type_row));

  return self;
}

static void
show_text (GtkWidget  *editable,
           AtRecord   *record,
           const char *column)
{
  gtk_editable_set_text (GTK_EDITABLE (editable),
                         at_record_is_null (record, column) ? "" : at_record_get_string (record, column));
}

static void
show_scale (GtkSpinButton *spin,
            AtRecord      *record,
            const char    *column)
{
  gtk_spin_button_set_value (spin, at_record_is_null (record, column) ? 0 : at_record_get_int (record, column));
}

/* Chooses the activity @type_id in the Activity row; FALSE if the user
 * has no such activity. */
static gboolean
select_type (AtSessionEditor *self,
             gint64           type_id)
{
  for (guint i = 0; i < self->types->len; i++)
    {
      if (at_record_get_id (g_ptr_array_index (self->types, i)) == type_id)
        {
          adw_combo_row_set_selected (self->type_row, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
show_session (AtSessionEditor *self,
              AtRecord        *session)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  gint64 started_at = at_record_get_int (session, "started_at");

  select_type (self, at_record_get_int (session, "activity_type_id"));

  show_start (self, started_at);
  gtk_spin_button_set_value (self->duration_spin,
                             at_record_is_null (session, "ended_at")
                             ? 0 : (at_record_get_int (session, "ended_at") - started_at) / 60);
  show_text (GTK_WIDGET (self->name_row), session, "session_name");
  show_text (GTK_WIDGET (self->location_row), session, "location");
  show_text (GTK_WIDGET (self->weather_row), session, "weather");
  show_text (GTK_WIDGET (self->mood_before_row), session, "mood_before");
  show_text (GTK_WIDGET (self->mood_after_row), session, "mood_after");
  show_text (GTK_WIDGET (self->injuries_row), session, "injuries_noted");
  show_scale (self->rating_spin, session, "rating");
  show_scale (self->energy_spin, session, "energy_level");
  show_scale (self->exertion_spin, session, "perceived_exertion");
  gtk_text_buffer_set_text (buffer, at_record_is_null (session, "notes") ? "" : at_record_get_string (session, "notes"), -1);
}

static gboolean
show_exercises (AtSessionEditor  *self,
                AtWorkout        *workout,
                gboolean          edit,
                GError          **error)
{
  gint64 previous_group = 0;

  for (guint i = 0; i < at_workout_get_n_exercises (workout); i++)
    {
      AtActivityExercise *exercise = at_workout_get_exercise (workout, i);
      AtRecord *record = AT_RECORD (exercise);
      GPtrArray *sets = at_workout_get_sets (workout, i);
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
          at_exercise_editor_set_set (editor, j, AT_EXERCISE_SET (set), weight);
        }
    }
  update_exercises (self);
  return TRUE;
}

/* "45", "2.5" or "1:30" minutes, as a duration field takes them. */
static char *
format_minutes (double minutes)
{
  int seconds = (int) round (minutes * 60);

  if (seconds % 60 == 0)
    return g_strdup_printf ("%d", seconds / 60);
  return g_strdup_printf ("%d:%02d", seconds / 60, seconds % 60);
}

static char *
metric_text (MetricField *field,
             AtRecord    *metric)
{
  const char *input_type = at_record_get_string (field->template, "input_type");
  double value;

  if (!at_record_is_null (metric, "metric_value_text"))
    return g_strdup (at_record_get_string (metric, "metric_value_text"));
  if (at_record_is_null (metric, "metric_value_numeric"))
    return g_strdup ("");

  value = at_record_get_double (metric, "metric_value_numeric");
  if (g_strcmp0 (input_type, "duration") != 0)
    return g_strdup_printf ("%g", value);
  if (field->unit_name != NULL && g_str_has_prefix (field->unit_name, "seconds"))
    value /= 60;
  else if (field->unit_name != NULL && g_str_has_prefix (field->unit_name, "hours"))
    value *= 60;
  return format_minutes (value);
}

/* Each metric in its template's field, the others as custom ones. */
static void
show_metrics (AtSessionEditor *self,
              AtWorkout       *workout,
              gboolean         edit)
{
  GPtrArray *metrics = at_workout_get_metrics (workout);

  for (guint i = 0; i < metrics->len; i++)
    {
      AtRecord *metric = g_ptr_array_index (metrics, i);
      const char *name = at_record_get_string (metric, "metric_name");
      MetricField *field = NULL;
      CustomField *custom;
      const char *symbol;

      for (guint j = 0; j < self->metric_fields->len && field == NULL; j++)
        {
          MetricField *candidate = g_ptr_array_index (self->metric_fields, j);

          if (candidate->metric == NULL &&
              g_strcmp0 (at_record_get_string (candidate->template, "metric_name"), name) == 0)
            field = candidate;
        }

      if (field != NULL)
        {
          g_autofree char *text = metric_text (field, metric);

          gtk_editable_set_text (GTK_EDITABLE (field->row), text);
          if (edit)
            field->metric = g_object_ref (AT_ACTIVITY_METRIC (metric));
          continue;
        }

      custom = add_custom_field (self);
      if (edit)
        custom->metric = g_object_ref (AT_ACTIVITY_METRIC (metric));
      gtk_editable_set_text (GTK_EDITABLE (custom->name), name);
      if (!at_record_is_null (metric, "metric_value_text"))
        gtk_editable_set_text (GTK_EDITABLE (custom->value), at_record_get_string (metric, "metric_value_text"));
      else if (!at_record_is_null (metric, "metric_value_numeric"))
        {
          g_autofree char *value = g_strdup_printf ("%g", at_record_get_double (metric, "metric_value_numeric"));

          gtk_editable_set_text (GTK_EDITABLE (custom->value), value);
        }
      symbol = at_record_is_null (metric, "unit_id") ? NULL
             : unit_string (self, at_record_get_int (metric, "unit_id"), "symbol");
      gtk_editable_set_text (GTK_EDITABLE (custom->unit), symbol != NULL ? symbol : "");
    }
}

/* Fills the editor from @workout; @edit keeps its records, so that saving
 * updates them. */
static gboolean
show_workout (AtSessionEditor  *self,
              AtWorkout        *workout,
              gboolean          edit,
              GError          **error)
{
  g_assert (AT_IS_SESSION_EDITOR (self));

  if (edit)
    g_set_object (&self->session, at_workout_get_session (workout));
  /* The activity first: it decides between exercises and metrics. */
  show_session (self, AT_RECORD (at_workout_get_session (workout)));
  if (!show_exercises (self, workout, edit, error))
    return FALSE;
  show_metrics (self, workout, edit);
  gtk_widget_grab_focus (GTK_WIDGET (self->type_row));
  return TRUE;
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

  g_return_val_if_fail (AT_IS_SESSION_EDITOR (self), FALSE);
  g_return_val_if_fail (self->session == NULL, FALSE);

  plan = at_store_start_from_session (self->store, self->user_id, session_id,
                                      at_store_get_now (self->store), error);
  if (plan == NULL)
    return FALSE;
  /* The new session keeps the link to its template or the session it repeats. */
  self->parent_session_id = at_record_get_int (AT_RECORD (at_workout_get_session (plan)),
                                               "parent_session_id");
  return show_workout (self, plan, FALSE, error);
}

/**
 * at_session_editor_load:
 * @session_id: one of the user's sessions
 *
 * Fills the editor with the stored session @session_id to edit it:
 * saving then updates that session, its exercises, sets and metrics.
 *
 * Returns: %FALSE, with @error set, when the session cannot be read
 */
gboolean
at_session_editor_load (AtSessionEditor  *self,
                        gint64            session_id,
                        GError          **error)
{
  g_autoptr(AtWorkout) workout = NULL;

  g_return_val_if_fail (AT_IS_SESSION_EDITOR (self), FALSE);
  g_return_val_if_fail (self->session == NULL, FALSE);

  workout = at_store_load_workout (self->store, self->user_id, session_id, error);
  if (workout == NULL)
    return FALSE;

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Session"));
  gtk_widget_set_visible (self->template_button, TRUE);
  return show_workout (self, workout, TRUE, error);
}

/**
 * at_session_editor_set_activity:
 * @activity_type_id: one of the user's activity types
 *
 * Chooses the activity of the new session, as a quick start does.
 *
 * Returns: %FALSE, with @error set, when there is no such activity
 */
gboolean
at_session_editor_set_activity (AtSessionEditor  *self,
                                gint64            activity_type_id,
                                GError          **error)
{
  g_return_val_if_fail (AT_IS_SESSION_EDITOR (self), FALSE);

  if (!select_type (self, activity_type_id))
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND,
                   _("There is no activity %" G_GINT64_FORMAT), activity_type_id);
      return FALSE;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->type_row));
  return TRUE;
}
