/* at-session-row.c: AtSessionRow, one session in the sessions list. */

#define G_LOG_DOMAIN "at-session-row"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "at-session-row.h"

struct _AtSessionRow
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkLabel       *title_label;
  GtkLabel       *date_label;
  GtkLabel       *duration_label;

  /* Owned */
  AtSession      *session;
  char           *activity_name;
  GBindingGroup  *bindings;
  GSignalGroup   *signals;
};

G_DEFINE_FINAL_TYPE (AtSessionRow, at_session_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ACTIVITY_NAME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update_accessible_label (AtSessionRow *self)
{
  GtkLabel *labels[] = { self->title_label, self->date_label, self->duration_label };
  g_autoptr(GString) label = g_string_new (NULL);

  g_assert (AT_IS_SESSION_ROW (self));

  /* One phrase for screen readers: "Morning run, Tue, 14 May 2024, 45 min". */
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      const char *text = gtk_label_get_text (labels[i]);

      if (text[0] == '\0')
        continue;
      if (label->len > 0)
        g_string_append (label, ", ");
      g_string_append (label, text);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label->str,
                                  -1);
}

static void
update_title (AtSessionRow *self)
{
  const char *name = NULL;

  g_assert (AT_IS_SESSION_ROW (self));

  if (self->session != NULL)
    name = at_session_get_session_name (self->session);

  if (name == NULL || name[0] == '\0')
    name = self->activity_name;

  if (name == NULL || name[0] == '\0')
    name = _("Untitled session");

  gtk_label_set_text (self->title_label, name);
  update_accessible_label (self);
}

/* "45 min" or "1 h 05 min" */
static char *
format_duration (gint64 minutes)
{
  if (minutes < 60)
    /* Translators: a session's duration under an hour */
    return g_strdup_printf (ngettext ("%d min", "%d min", (gulong) MAX (minutes, 0)),
                            (int) MAX (minutes, 0));

  /* Translators: a session's duration, hours and minutes: "1 h 05 min" */
  return g_strdup_printf (_("%d h %02d min"), (int) (minutes / 60), (int) (minutes % 60));
}

static gboolean
transform_local_date (GBinding     *binding,
                      const GValue *from_value,
                      GValue       *to_value,
                      gpointer      user_data)
{
  const char *iso = g_value_get_string (from_value);
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;
  char end;

  if (iso == NULL || sscanf (iso, "%d-%d-%d%c", &year, &month, &day, &end) != 3)
    {
      g_value_set_string (to_value, iso);
      return TRUE;
    }

  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    {
      g_value_set_string (to_value, iso);
      return TRUE;
    }

  /* Translators: a session's day in the list, see the GDateTime format docs;
   * "Tue, 14 May 2024" */
  g_value_take_string (to_value, g_date_time_format (date, _("%a, %-d %b %Y")));
  return TRUE;
}

static gboolean
transform_duration (GBinding     *binding,
                    const GValue *from_value,
                    GValue       *to_value,
                    gpointer      user_data)
{
  g_autoptr(GObject) session = g_binding_dup_source (binding);

  /* No end time, no duration: show nothing rather than "0 min". */
  if (session == NULL || at_record_is_null (AT_RECORD (session), "duration_minutes"))
    g_value_set_string (to_value, "");
  else
    g_value_take_string (to_value, format_duration (g_value_get_int64 (from_value)));

  return TRUE;
}

static void
on_label_changed_cb (AtSessionRow *self)
{
  update_accessible_label (self);
}

static void
at_session_row_dispose (GObject *object)
{
  AtSessionRow *self = AT_SESSION_ROW (object);

  if (self->bindings != NULL)
    g_binding_group_set_source (self->bindings, NULL);
  if (self->signals != NULL)
    g_signal_group_set_target (self->signals, NULL);
  g_clear_object (&self->bindings);
  g_clear_object (&self->signals);
  g_clear_object (&self->session);

  /* Unparents the bound children only: the box holding the labels has no id. */
  gtk_widget_dispose_template (GTK_WIDGET (self), AT_TYPE_SESSION_ROW);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (at_session_row_parent_class)->dispose (object);
}

static void
at_session_row_finalize (GObject *object)
{
  AtSessionRow *self = AT_SESSION_ROW (object);

  g_clear_pointer (&self->activity_name, g_free);

  G_OBJECT_CLASS (at_session_row_parent_class)->finalize (object);
}

static void
at_session_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AtSessionRow *self = AT_SESSION_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_ACTIVITY_NAME:
      g_value_set_string (value, self->activity_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
at_session_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AtSessionRow *self = AT_SESSION_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      at_session_row_set_session (self, g_value_get_object (value));
      break;

    case PROP_ACTIVITY_NAME:
      at_session_row_set_activity_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
at_session_row_class_init (AtSessionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_session_row_dispose;
  object_class->finalize = at_session_row_finalize;
  object_class->get_property = at_session_row_get_property;
  object_class->set_property = at_session_row_set_property;

  /**
   * AtSessionRow:session:
   *
   * The session shown.
   */
  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         AT_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtSessionRow:activity-name:
   *
   * The name of the session's activity type, the title of a session
   * without a name of its own.
   */
  properties [PROP_ACTIVITY_NAME] =
    g_param_spec_string ("activity-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/at-session-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AtSessionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtSessionRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, AtSessionRow, duration_label);
  gtk_widget_class_bind_template_callback (widget_class, on_label_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sessionrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
at_session_row_init (AtSessionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_binding_group_new ();
  g_binding_group_bind_full (self->bindings, "local-date",
                             self->date_label, "label",
                             G_BINDING_SYNC_CREATE,
                             transform_local_date, NULL, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "duration-minutes",
                             self->duration_label, "label",
                             G_BINDING_SYNC_CREATE,
                             transform_duration, NULL, NULL, NULL);

  self->signals = g_signal_group_new (AT_TYPE_SESSION);
  g_signal_group_connect_object (self->signals, "notify::session-name",
                                 G_CALLBACK (update_title), self,
                                 G_CONNECT_SWAPPED);

  update_title (self);
}

GtkWidget *
at_session_row_new (void)
{
  return g_object_new (AT_TYPE_SESSION_ROW, NULL);
}

/**
 * at_session_row_get_session:
 *
 * Returns: (transfer none) (nullable): the session shown
 */
AtSession *
at_session_row_get_session (AtSessionRow *self)
{
  g_return_val_if_fail (AT_IS_SESSION_ROW (self), NULL);

  return self->session;
}

void
at_session_row_set_session (AtSessionRow *self,
                            AtSession    *session)
{
  g_return_if_fail (AT_IS_SESSION_ROW (self));
  g_return_if_fail (session == NULL || AT_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_binding_group_set_source (self->bindings, session);
  g_signal_group_set_target (self->signals, session);

  if (session == NULL)
    {
      gtk_label_set_text (self->date_label, "");
      gtk_label_set_text (self->duration_label, "");
    }

  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

const char *
at_session_row_get_activity_name (AtSessionRow *self)
{
  g_return_val_if_fail (AT_IS_SESSION_ROW (self), NULL);

  return self->activity_name;
}

void
at_session_row_set_activity_name (AtSessionRow *self,
                                  const char   *activity_name)
{
  g_return_if_fail (AT_IS_SESSION_ROW (self));

  if (g_strcmp0 (self->activity_name, activity_name) == 0)
    return;

  g_free (self->activity_name);
  self->activity_name = g_strdup (activity_name);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTIVITY_NAME]);
}
