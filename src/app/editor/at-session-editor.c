/* at-session-editor.c: AtSessionEditor, the window that logs a new session
 * or edits a stored one: its activity, time, name, place and rating here;
 * how it went (AtHowItWent); and either the exercises with their sets
 * (AtExerciseList, weight training, with the rest timer AtRestTimer) or
 * the activity type's metrics (AtTemplateMetrics); custom metrics
 * (AtCustomMetrics) for any kind. Saving is at-session-save.c's. */

#define G_LOG_DOMAIN "at-session-editor"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "at-activity-row.h"
#include "at-custom-metrics.h"
#include "at-editor-fields.h"
#include "at-exercise-list.h"
#include "at-how-it-went.h"
#include "at-rest-timer.h"
#include "at-session-editor.h"
#include "at-session-save.h"
#include "at-template-metrics.h"
#include "at-template-name-dialog.h"

struct _AtSessionEditor
{
  AdwWindow          parent_instance;

  /* Template widgets */
  GtkWidget         *save_button;
  GtkWidget         *template_button;
  GtkRevealer       *error_revealer;
  GtkLabel          *error_label;
  AtActivityRow     *type_row;
  AdwEntryRow       *name_row;
  AdwEntryRow       *start_row;
  GtkSpinButton     *duration_spin;
  AdwEntryRow       *location_row;
  GtkSpinButton     *rating_spin;
  AtExerciseList    *exercise_list;
  AtTemplateMetrics *template_metrics;
  AtCustomMetrics   *custom_metrics;
  AtHowItWent       *how_it_went;
  AtRestTimer       *rest_timer;

  /* Owned */
  AtStore           *store;
  AtSession         *session;            /* the stored session being edited, or NULL */
  GPtrArray         *units;              /* of AtUnit, the whole catalogue */
  GTimeZone         *zone;
  gint64             user_id;
  gint64             parent_session_id;  /* the plan a new session follows, or 0 */
  gboolean           saving;
};

G_DEFINE_FINAL_TYPE (AtSessionEditor, at_session_editor, ADW_TYPE_WINDOW)

enum {
  ADD_TOAST,
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The fields of the activity_session columns shown here. */
static const struct { const char *column; gsize offset; } session_fields[] = {
  { "session_name", G_STRUCT_OFFSET (AtSessionEditor, name_row) },
  { "started_at", G_STRUCT_OFFSET (AtSessionEditor, start_row) },
  { "ended_at", G_STRUCT_OFFSET (AtSessionEditor, duration_spin) },
  { "location", G_STRUCT_OFFSET (AtSessionEditor, location_row) },
  { "rating", G_STRUCT_OFFSET (AtSessionEditor, rating_spin) },
};

#define FIELD(self, offset) G_STRUCT_MEMBER (GtkWidget *, self, offset)

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
  g_assert (AT_IS_SESSION_EDITOR (self));

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (session_fields); i++)
    at_editor_field_unmark (FIELD (self, session_fields[i].offset));
  at_how_it_went_clear_errors (self->how_it_went);
  at_template_metrics_clear_errors (self->template_metrics);
  at_custom_metrics_clear_errors (self->custom_metrics);
  at_exercise_list_clear_errors (self->exercise_list);
}

/* The core's messages start with "table.column:": mark that field. */
static void
mark_error_field (AtSessionEditor *self,
                  const GError    *error)
{
  g_assert (AT_IS_SESSION_EDITOR (self));

  for (guint i = 0; i < G_N_ELEMENTS (session_fields); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("activity_session.%s:", session_fields[i].column);

      if (g_str_has_prefix (error->message, prefix))
        {
          at_editor_field_mark (FIELD (self, session_fields[i].offset), error->message);
          return;
        }
    }

  if (!at_how_it_went_show_error (self->how_it_went, error))
    at_exercise_list_show_error (self->exercise_list, error);
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

/* The activity decides between exercises and the type's metrics. */
static void
update_kind (AtSessionEditor *self)
{
  g_autoptr(GListModel) templates = NULL;
  g_autoptr(GError) error = NULL;
  AtRecord *type = at_activity_row_get_activity (self->type_row);
  gboolean strength = at_activity_row_is_strength (self->type_row);

  g_assert (AT_IS_SESSION_EDITOR (self));

  gtk_widget_set_visible (GTK_WIDGET (self->exercise_list), strength);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_metrics), type != NULL);
  if (type != NULL && !strength)
    {
      templates = at_store_list (self->store, self->user_id, AT_TYPE_METRIC_TEMPLATE,
                                 "activity_type_id", at_record_get_id (type), &error);
      if (templates == NULL)
        show_error (self, error->message);
    }
  at_template_metrics_set_templates (self->template_metrics, templates, self->units);
}

/* All of a catalogue, into @array; FALSE after showing why not. */
static gboolean
load_catalogue (AtSessionEditor *self,
                GType            type,
                GPtrArray       *array)
{
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GError) error = NULL;

  records = at_store_list (self->store, self->user_id, type, NULL, 0, &error);
  if (records == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    g_ptr_array_add (array, g_list_model_get_item (records, i));
  return TRUE;
}

static void
load_types (AtSessionEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!at_activity_row_load (self->type_row, self->store, self->user_id, &error))
    {
      show_error (self, error->message);
      return;
    }
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

/* The user's weight unit, its symbol and kilograms in one (weights' base
 * unit is the kilogram) for the exercises. */
static void
load_weight_unit (AtSessionEditor *self,
                  AtRecord        *user)
{
  gint64 unit_id = 0;
  const char *symbol;
  AtRecord *unit;
  double kg_per_unit = 1;

  if (user != NULL && !at_record_is_null (user, "weight_unit_id"))
    unit_id = at_record_get_int (user, "weight_unit_id");
  symbol = at_editor_unit_string (self->units, unit_id, "symbol");
  unit = at_editor_find_unit (self->units, unit_id);
  if (unit != NULL && !at_record_is_null (unit, "conversion_factor") &&
      at_record_get_double (unit, "conversion_factor") > 0)
    kg_per_unit = at_record_get_double (unit, "conversion_factor");
  at_exercise_list_set_weight_unit (self->exercise_list, unit_id,
                                    symbol != NULL ? symbol : "kg", kg_per_unit);
}

static void
load_user (AtSessionEditor *self)
{
  g_autoptr(AtRecord) user = NULL;

  g_assert (AT_IS_SESSION_EDITOR (self));

  user = at_store_get (self->store, self->user_id, AT_TYPE_USER, self->user_id, NULL);
  if (user != NULL && !at_record_is_null (user, "timezone"))
    self->zone = at_time_zone_lookup (at_record_get_string (user, "timezone"));
  if (self->zone == NULL)
    self->zone = g_time_zone_new_utc ();

  at_exercise_list_setup (self->exercise_list, self->store, self->user_id, self->zone);
  load_weight_unit (self, user);
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

  text = at_editor_field_get_text (GTK_WIDGET (self->start_row));
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

/* The session's columns shown here: activity, time, name, place, rating. */
static void
fill_session (AtSessionEditor *self,
              AtRecord        *record,
              gint64           started_at)
{
  g_autofree char *name = at_editor_field_get_text (GTK_WIDGET (self->name_row));
  g_autofree char *location = at_editor_field_get_text (GTK_WIDGET (self->location_row));
  int minutes;

  gtk_spin_button_update (self->duration_spin);
  minutes = gtk_spin_button_get_value_as_int (self->duration_spin);
  at_record_set_int (record, "activity_type_id", at_record_get_id (at_activity_row_get_activity (self->type_row)));
  at_record_set_int (record, "started_at", started_at);
  if (minutes > 0)
    at_record_set_int (record, "ended_at", started_at + (gint64) minutes * 60);
  else
    at_record_set_null (record, "ended_at");
  if (self->parent_session_id > 0)
    at_record_set_int (record, "parent_session_id", self->parent_session_id);
  at_editor_record_set_text (record, "session_name", name);
  at_editor_record_set_text (record, "location", location);
  at_editor_record_set_scale (record, "rating", self->rating_spin);
}

/* Any kind keeps its metrics (a strength session's custom ones too),
 * which editing would otherwise drop. */
static gboolean
add_parts (AtSessionEditor  *self,
           AtWorkout        *workout,
           GError          **error)
{
  return (!at_activity_row_is_strength (self->type_row) || at_exercise_list_add_to (self->exercise_list, workout, error)) &&
         at_template_metrics_add_to (self->template_metrics, workout, error) &&
         at_custom_metrics_add_to (self->custom_metrics, workout, error);
}

/* The workout as typed, or NULL after showing what is wrong. */
static AtWorkout *
build_workout (AtSessionEditor *self)
{
  g_autoptr(AtSession) session = NULL;
  g_autoptr(AtWorkout) workout = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started_at;

  g_assert (AT_IS_SESSION_EDITOR (self));

  if (at_activity_row_get_activity (self->type_row) == NULL)
    {
      show_error (self, _("Choose an activity"));
      return NULL;
    }
  if (!parse_start (self, &started_at))
    {
      const char *message = _("Start: enter a date and time as YYYY-MM-DD HH:MM, such as 2024-05-14 07:30");

      show_error (self, message);
      at_editor_field_mark (GTK_WIDGET (self->start_row), message);
      return NULL;
    }

  /* Editing updates the stored session: its id and the columns the
   * editor does not show stay. */
  session = self->session != NULL ? g_object_ref (self->session) : at_session_new ();
  fill_session (self, AT_RECORD (session), started_at);
  at_how_it_went_fill (self->how_it_went, AT_RECORD (session));

  workout = at_workout_new (session);
  if (!add_parts (self, workout, &error))
    {
      show_error (self, error->message);
      return NULL;
    }
  return g_steal_pointer (&workout);
}

static void
on_save_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AtSessionEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 session_id;

  set_saving (self, FALSE);

  session_id = at_session_save_finish (AT_STORE (object), result, &title, &error);
  if (session_id == 0)
    {
      show_error (self, error->message);
      mark_error_field (self, error);
      return;
    }

  g_signal_emit (self, signals [SAVED], 0, session_id);
  g_signal_emit (self, signals [ADD_TOAST], 0, adw_toast_new (title));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save (AtSessionEditor *self)
{
  g_autoptr(AtWorkout) workout = NULL;

  g_assert (AT_IS_SESSION_EDITOR (self));

  if (self->saving)
    return;

  clear_errors (self);
  workout = build_workout (self);
  if (workout == NULL)
    return;

  set_saving (self, TRUE);
  /* The editor stays alive until the save has finished. */
  at_session_save_async (self->store, self->user_id, workout, on_save_done_cb, g_object_ref (self));
}

static void
on_set_added_cb (AtSessionEditor *self,
                 const char      *exercise)
{
  at_rest_timer_start (self->rest_timer, exercise);
}

static void
on_type_selected_cb (AtSessionEditor *self)
{
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

static void
on_template_saved_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AtSessionEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save-as-template", TRUE);
  title = at_session_save_as_template_finish (AT_STORE (object), result, &error);
  if (title == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals [ADD_TOAST], 0, adw_toast_new (title));
}

static void
on_template_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         AtSessionEditor  *self)
{
  g_autofree char *name = at_template_name_dialog_get_name (dialog);

  if (g_strcmp0 (response, "save") != 0)
    return;

  clear_errors (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save-as-template", FALSE);
  at_session_save_as_template_async (self->store, self->user_id,
                                     at_record_get_id (AT_RECORD (self->session)), name,
                                     on_template_saved_cb, g_object_ref (self));
}

/* A plan of the stored session — as last saved — under a name. */
static void
save_as_template_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AtSessionEditor *self = AT_SESSION_EDITOR (widget);
  g_autofree char *name = at_editor_field_get_text (GTK_WIDGET (self->name_row));
  AdwMessageDialog *dialog;

  if (self->session == NULL)
    return;

  dialog = at_template_name_dialog_new (GTK_WINDOW (self), name);
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

  g_clear_object (&self->store);
  g_clear_object (&self->session);
  if (self->units != NULL)
    g_ptr_array_set_size (self->units, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), AT_TYPE_SESSION_EDITOR);

  G_OBJECT_CLASS (at_session_editor_parent_class)->dispose (object);
}

static void
at_session_editor_finalize (GObject *object)
{
  AtSessionEditor *self = AT_SESSION_EDITOR (object);

  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);

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

  g_type_ensure (AT_TYPE_ACTIVITY_ROW);
  g_type_ensure (AT_TYPE_CUSTOM_METRICS);
  g_type_ensure (AT_TYPE_EXERCISE_LIST);
  g_type_ensure (AT_TYPE_HOW_IT_WENT);
  g_type_ensure (AT_TYPE_REST_TIMER);
  g_type_ensure (AT_TYPE_TEMPLATE_METRICS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/at-session-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, template_button);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, rating_spin);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, exercise_list);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, template_metrics);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, custom_metrics);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, how_it_went);
  gtk_widget_class_bind_template_child (widget_class, AtSessionEditor, rest_timer);
  gtk_widget_class_bind_template_callback (widget_class, on_type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_set_added_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.save-as-template", NULL, save_as_template_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
at_session_editor_init (AtSessionEditor *self)
{
  self->units = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  at_editor_field_describe (GTK_WIDGET (self->start_row), _("Date and time as YYYY-MM-DD HH:MM"));
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

  load_catalogue (self, AT_TYPE_UNIT, self->units);
  at_custom_metrics_set_units (self->custom_metrics, self->units);
  load_user (self);
  load_types (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->type_row));

  return self;
}

/* The activity first: it decides between exercises and metrics. */
static void
show_session (AtSessionEditor *self,
              AtRecord        *session)
{
  gint64 started_at = at_record_get_int (session, "started_at");

  at_activity_row_select (self->type_row, at_record_get_int (session, "activity_type_id"));
  show_start (self, started_at);
  gtk_spin_button_set_value (self->duration_spin,
                             at_record_is_null (session, "ended_at")
                             ? 0 : (at_record_get_int (session, "ended_at") - started_at) / 60);
  at_editor_field_show_text (GTK_WIDGET (self->name_row), session, "session_name");
  at_editor_field_show_text (GTK_WIDGET (self->location_row), session, "location");
  at_editor_field_show_scale (self->rating_spin, session, "rating");
  at_how_it_went_show (self->how_it_went, session);
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
      AtActivityMetric *metric = g_ptr_array_index (metrics, i);

      if (!at_template_metrics_show_metric (self->template_metrics, metric, edit))
        at_custom_metrics_show_metric (self->custom_metrics, metric, edit);
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
    {
      g_set_object (&self->session, at_workout_get_session (workout));
      at_exercise_list_set_editing (self->exercise_list, self->session);
    }
  show_session (self, AT_RECORD (at_workout_get_session (workout)));
  if (!at_exercise_list_show_workout (self->exercise_list, workout, edit, error))
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
 * exercises and sets, for the user to log the same again; the new
 * session's parent_session_id is @session_id.
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

  if (!at_activity_row_select (self->type_row, activity_type_id))
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND,
                   _("There is no activity %" G_GINT64_FORMAT), activity_type_id);
      return FALSE;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->type_row));
  return TRUE;
}
