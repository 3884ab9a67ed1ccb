/* at-session-row.c: AtSessionRow, one session in the sessions list: its
 * activity's icon, name, time and duration, its headline figure and PR
 * badge, a menu, and above the first session of a day, the day. */

#define G_LOG_DOMAIN "at-session-row"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "at-session-row.h"

struct _AtSessionRow
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkLabel       *day_label;
  GtkImage       *icon_image;
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkLabel       *pr_label;
  GtkLabel       *headline_label;
  GtkMenuButton  *menu_button;
  GMenuModel     *row_menu;

  /* Owned */
  AtSession      *session;
  char           *activity_name;
  char           *icon_name;
  char           *headline;
  gboolean        first_of_day;
};

G_DEFINE_FINAL_TYPE (AtSessionRow, at_session_row, GTK_TYPE_WIDGET)

/* The activity types of the catalogue by name, then by category. */
static const struct {
  const char *name;
  const char *icon_name;
} activity_icons[] = {
  { "Weight Training", "power-profile-performance-symbolic" },
  { "Yoga", "emoji-people-symbolic" },
  { "Pilates", "emoji-people-symbolic" },
  { "Stretching", "emoji-people-symbolic" },
  { "Dance", "emoji-people-symbolic" },
  { "Music", "emblem-music-symbolic" },
  { "Painting", "applications-graphics-symbolic" },
  { "Drawing", "applications-graphics-symbolic" },
  { "Photography", "camera-photo-symbolic" },
  { "Writing", "accessories-text-editor-symbolic" },
  { "Reading", "accessories-dictionary-symbolic" },
  { "Language Learning", "accessories-dictionary-symbolic" },
  { "Chess", "applications-games-symbolic" },
  { "Puzzles", "applications-games-symbolic" },
  { "Board Games", "applications-games-symbolic" },
  { "Physical", "emoji-activities-symbolic" },
  { "Creative", "applications-graphics-symbolic" },
  { "Wellness", "emoji-nature-symbolic" },
  { "Cognitive", "accessories-dictionary-symbolic" },
  { "Social", "system-users-symbolic" },
};

/**
 * at_session_row_get_icon_name:
 * @type_name: (nullable): an activity type's name
 * @category_name: (nullable): the name of its category
 *
 * Returns: the symbolic icon of an activity type
 */
const char *
at_session_row_get_icon_name (const char *type_name,
                              const char *category_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (activity_icons); i++)
    {
      if (g_strcmp0 (activity_icons[i].name, type_name) == 0)
        return activity_icons[i].icon_name;
    }
  for (guint i = 0; i < G_N_ELEMENTS (activity_icons); i++)
    {
      if (g_strcmp0 (activity_icons[i].name, category_name) == 0)
        return activity_icons[i].icon_name;
    }
  return "emoji-activities-symbolic";
}

void
at_activity_info_free (gpointer data)
{
  AtActivityInfo *info = data;

  g_free (info->name);
  g_free (info->icon_name);
  g_free (info);
}

static int
compare_activity_names (gconstpointer a,
                        gconstpointer b)
{
  const AtActivityInfo *info_a = *(AtActivityInfo **) a;
  const AtActivityInfo *info_b = *(AtActivityInfo **) b;

  return g_utf8_collate (info_a->name, info_b->name);
}

/**
 * at_session_row_read_activities:
 *
 * Reads the catalogue's activity types with their icons, for a worker.
 *
 * Returns: (transfer full) (element-type AtActivityInfo): the types by
 * name, or %NULL with @error set
 */
GPtrArray *
at_session_row_read_activities (AtStore  *store,
                                gint64    user_id,
                                GError  **error)
{
  g_autoptr(GListModel) types = NULL;
  g_autoptr(GListModel) categories = NULL;
  g_autoptr(GHashTable) category_names = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  guint n_items;

  types = at_store_list (store, user_id, AT_TYPE_ACTIVITY_TYPE, NULL, 0, error);
  if (types == NULL)
    return NULL;
  categories = at_store_list (store, user_id, AT_TYPE_ACTIVITY_CATEGORY, NULL, 0, error);
  if (categories == NULL)
    return NULL;

  category_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  n_items = g_list_model_get_n_items (categories);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AtRecord) category = g_list_model_get_item (categories, i);

      g_hash_table_insert (category_names,
                           g_memdup2 (&(gint64) { at_record_get_id (category) }, sizeof (gint64)),
                           g_strdup (at_record_get_string (category, "name")));
    }

  activities = g_ptr_array_new_with_free_func (at_activity_info_free);
  n_items = g_list_model_get_n_items (types);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AtRecord) type = g_list_model_get_item (types, i);
      gint64 category_id = at_record_get_int (type, "category_id");
      AtActivityInfo *info = g_new0 (AtActivityInfo, 1);

      info->id = at_record_get_id (type);
      info->name = g_strdup (at_record_get_string (type, "name"));
      info->icon_name = g_strdup (at_session_row_get_icon_name (info->name,
                                                                g_hash_table_lookup (category_names,
                                                                                     &category_id)));
      g_ptr_array_add (activities, info);
    }
  g_ptr_array_sort (activities, compare_activity_names);

  return g_steal_pointer (&activities);
}

/**
 * at_session_row_format_duration:
 *
 * Returns: (transfer full): "45 min" or "1 h 05 min"
 */
char *
at_session_row_format_duration (gint64 minutes)
{
  if (minutes < 60)
    /* Translators: a session's duration under an hour */
    return g_strdup_printf (ngettext ("%d min", "%d min", (gulong) MAX (minutes, 0)),
                            (int) MAX (minutes, 0));

  /* Translators: a session's duration, hours and minutes: "1 h 05 min" */
  return g_strdup_printf (_("%d h %02d min"), (int) (minutes / 60), (int) (minutes % 60));
}

/* "5.2", "10", "12.25": at most two decimals, no trailing zeros. */
static char *
format_decimal (double value)
{
  char *text = g_strdup_printf ("%.2f", value);
  char *end = text + strlen (text) - 1;

  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return text;
}

/**
 * at_session_row_format_headline:
 * @headline: a session's headline figure
 *
 * Returns: (transfer full): the figure with its unit, "" for none
 */
char *
at_session_row_format_headline (const AtSessionHeadline *headline)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (headline != NULL, NULL);

  switch (headline->kind)
    {
    case AT_HEADLINE_VOLUME:
      /* Translators: a session's total volume and the weight unit, "5230 kg" */
      return g_strdup_printf (_("%.0f %s"), round (headline->value), headline->unit);

    case AT_HEADLINE_DISTANCE:
      number = format_decimal (headline->value);
      /* Translators: a session's distance and its unit, "5.2 km" */
      return g_strdup_printf (_("%s %s"), number, headline->unit);

    case AT_HEADLINE_MINUTES:
      return at_session_row_format_duration ((gint64) headline->value);

    case AT_HEADLINE_NONE:
    default:
      return g_strdup ("");
    }
}

/* "Tue, 14 May 2024" for "2024-05-14", in @format. */
static char *
format_local_date (const char *iso,
                   const char *format)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;
  char end;

  if (iso == NULL || sscanf (iso, "%d-%d-%d%c", &year, &month, &day, &end) != 3)
    return g_strdup (iso != NULL ? iso : "");

  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return g_strdup (iso);

  return g_date_time_format (date, format);
}

/* The start, on the clock of where the session was. */
static char *
format_start_time (AtSession *session)
{
  gint64 local = at_session_get_started_at (session) +
                 at_record_get_int (AT_RECORD (session), "utc_offset_seconds");
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (local);

  return time != NULL ? g_date_time_format (time, "%H:%M") : g_strdup ("");
}

static const char *
get_title (AtSessionRow *self)
{
  const char *name = NULL;

  if (self->session != NULL)
    name = at_session_get_session_name (self->session);
  if (name == NULL || name[0] == '\0')
    name = self->activity_name;
  if (name == NULL || name[0] == '\0')
    name = _("Untitled session");
  return name;
}

static void
update (AtSessionRow *self)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GString) label = g_string_new (NULL);
  g_autofree char *day = NULL;
  g_autofree char *short_day = NULL;
  g_autofree char *start = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *menu_label = NULL;
  const char *title = get_title (self);
  gboolean is_record = FALSE;

  g_assert (AT_IS_SESSION_ROW (self));

  if (self->session != NULL)
    {
      const char *local_date = at_session_get_local_date (self->session);

      /* Translators: the heading over a day's sessions, see the GDateTime
       * format docs; "Tuesday, 14 May 2024" */
      day = format_local_date (local_date, _("%A, %-d %B %Y"));
      /* Translators: a session's day, see the GDateTime format docs;
       * "Tue, 14 May 2024" */
      short_day = format_local_date (local_date, _("%a, %-d %b %Y"));
      start = format_start_time (self->session);
      if (!at_record_is_null (AT_RECORD (self->session), "duration_minutes"))
        duration = at_session_row_format_duration (at_session_get_duration_minutes (self->session));
      is_record = at_record_get_boolean (AT_RECORD (self->session), "is_personal_record");
    }

  /* "Running · 07:30 · 45 min" */
  if (self->activity_name != NULL && g_strcmp0 (self->activity_name, title) != 0)
    g_string_append (subtitle, self->activity_name);
  if (start != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", start);
  if (duration != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", duration);

  gtk_label_set_text (self->day_label, day != NULL ? day : "");
  gtk_widget_set_visible (GTK_WIDGET (self->day_label), self->first_of_day && day != NULL);
  gtk_image_set_from_icon_name (self->icon_image, self->icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->icon_image), self->icon_name != NULL);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle->str);
  gtk_widget_set_visible (GTK_WIDGET (self->pr_label), is_record);
  gtk_label_set_text (self->headline_label, self->headline != NULL ? self->headline : "");

  /* One phrase for screen readers:
   * "Morning Run, Running, Tue, 14 May 2024, 07:30, 45 min, 5.2 km, personal record" */
  g_string_append (label, title);
  if (self->activity_name != NULL && g_strcmp0 (self->activity_name, title) != 0)
    g_string_append_printf (label, ", %s", self->activity_name);
  if (short_day != NULL)
    g_string_append_printf (label, ", %s", short_day);
  if (start != NULL)
    g_string_append_printf (label, ", %s", start);
  if (duration != NULL)
    g_string_append_printf (label, ", %s", duration);
  if (self->headline != NULL && self->headline[0] != '\0' && g_strcmp0 (self->headline, duration) != 0)
    g_string_append_printf (label, ", %s", self->headline);
  if (is_record)
    g_string_append_printf (label, ", %s", _("personal record"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label->str,
                                  -1);

  /* Translators: the accessible name of a session's menu button */
  menu_label = g_strdup_printf (_("Actions for %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label,
                                  -1);
}

/* Each row action passes the row's session id on to the action that does
 * the work, in the window or the Sessions page. */
static const struct {
  const char *row_action;
  const char *target;
} forwarded_actions[] = {
  { "row.open", "win.edit-session" },
  { "row.repeat", "win.repeat-session" },
  { "row.save-template", "sessions.save-template" },
  { "row.delete", "sessions.delete" },
};

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AtSessionRow *self = AT_SESSION_ROW (widget);

  if (self->session == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (forwarded_actions); i++)
    {
      if (g_strcmp0 (forwarded_actions[i].row_action, action_name) != 0)
        continue;
      if (!gtk_widget_activate_action (widget, forwarded_actions[i].target, "x",
                                       at_record_get_id (AT_RECORD (self->session))))
        g_debug ("No action %s for the session row", forwarded_actions[i].target);
      return;
    }
}

/* The menu's popover is made when first opened: a list makes many rows. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  AtSessionRow *self = user_data;

  gtk_menu_button_set_menu_model (button, self->row_menu);
}

static void
at_session_row_dispose (GObject *object)
{
  AtSessionRow *self = AT_SESSION_ROW (object);
  GtkWidget *child;

  g_clear_object (&self->session);

  gtk_widget_dispose_template (GTK_WIDGET (self), AT_TYPE_SESSION_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (at_session_row_parent_class)->dispose (object);
}

static void
at_session_row_finalize (GObject *object)
{
  AtSessionRow *self = AT_SESSION_ROW (object);

  g_clear_pointer (&self->activity_name, g_free);
  g_clear_pointer (&self->icon_name, g_free);
  g_clear_pointer (&self->headline, g_free);

  G_OBJECT_CLASS (at_session_row_parent_class)->finalize (object);
}

static void
at_session_row_class_init (AtSessionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_session_row_dispose;
  object_class->finalize = at_session_row_finalize;

  /* The menu's actions hand the session to the page's and window's. */
  for (guint i = 0; i < G_N_ELEMENTS (forwarded_actions); i++)
    gtk_widget_class_install_action (widget_class, forwarded_actions[i].row_action, NULL,
                                     forward_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/at-session-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AtSessionRow, day_label);
  gtk_widget_class_bind_template_child (widget_class, AtSessionRow, icon_image);
  gtk_widget_class_bind_template_child (widget_class, AtSessionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtSessionRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AtSessionRow, pr_label);
  gtk_widget_class_bind_template_child (widget_class, AtSessionRow, headline_label);
  gtk_widget_class_bind_template_child (widget_class, AtSessionRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AtSessionRow, row_menu);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sessionrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
at_session_row_init (AtSessionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);

  update (self);
}

GtkWidget *
at_session_row_new (void)
{
  return g_object_new (AT_TYPE_SESSION_ROW, NULL);
}

/**
 * at_session_row_show:
 * @session: (nullable): the session to show, or %NULL for none
 * @activity_name: (nullable): the name of its activity type
 * @icon_name: (nullable): that type's icon
 * @headline: (nullable): its headline figure
 * @first_of_day: whether the row shows its day above it
 *
 * Shows @session, with what the list knows of it beyond its columns.
 */
void
at_session_row_show (AtSessionRow            *self,
                     AtSession               *session,
                     const char              *activity_name,
                     const char              *icon_name,
                     const AtSessionHeadline *headline,
                     gboolean                 first_of_day)
{
  g_return_if_fail (AT_IS_SESSION_ROW (self));
  g_return_if_fail (session == NULL || AT_IS_SESSION (session));

  g_set_object (&self->session, session);
  g_free (self->activity_name);
  self->activity_name = g_strdup (activity_name);
  g_free (self->icon_name);
  self->icon_name = g_strdup (icon_name);
  g_free (self->headline);
  self->headline = headline != NULL ? at_session_row_format_headline (headline) : NULL;
  self->first_of_day = first_of_day;
  update (self);
}
