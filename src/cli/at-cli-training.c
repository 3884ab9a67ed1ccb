/* at-cli-training.c: the training commands, `streaks` and `goals`. */

#define G_LOG_DOMAIN "at-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "at-cli.h"
#include "at-goals.h"
#include "at-streaks.h"

/* Helpers */

/* Returns: (transfer full) (nullable): a catalogue row's column, by id. */
static char *
catalogue_text (AtStore    *store,
                gint64      user_id,
                GType       type,
                gint64      id,
                const char *column)
{
  g_autoptr(AtRecord) record = NULL;

  if (id == 0)
    return NULL;

  record = at_store_get (store, user_id, type, id, NULL);
  return record != NULL ? g_strdup (at_record_get_string (record, column)) : NULL;
}

static char *
activity_type_name (AtStore *store,
                    gint64   user_id,
                    gint64   activity_type_id)
{
  return catalogue_text (store, user_id, AT_TYPE_ACTIVITY_TYPE, activity_type_id, "name");
}

/* Opens the store and finds the user the command acts for. */
static gboolean
open_for_user (const AtCliOptions  *options,
               AtStore            **store,
               AtRecord           **user,
               GError             **error)
{
  *store = at_cli_open_store (options, FALSE, error);
  if (*store == NULL)
    return FALSE;

  *user = at_cli_find_user (*store, options->user, error);
  return *user != NULL;
}

/* A column of a record under its own name, null when NULL. */
static void
add_json_member (JsonBuilder *builder,
                 AtRecord    *record,
                 const char  *name)
{
  const AtColumn *column = at_record_class_find_column (AT_RECORD_GET_CLASS (record), name, NULL);

  g_assert (column != NULL);
  json_builder_set_member_name (builder, name);
  if (at_record_is_null (record, name))
    {
      json_builder_add_null_value (builder);
      return;
    }

  switch (column->kind)
    {
    case AT_COLUMN_INTEGER:
    case AT_COLUMN_TIMESTAMP:
      json_builder_add_int_value (builder, at_record_get_int (record, name));
      break;
    case AT_COLUMN_REAL:
      json_builder_add_double_value (builder, at_record_get_double (record, name));
      break;
    case AT_COLUMN_BOOLEAN:
      json_builder_add_boolean_value (builder, at_record_get_boolean (record, name));
      break;
    case AT_COLUMN_TEXT:
    case AT_COLUMN_DATE:
    case AT_COLUMN_JSON:
    default:
      json_builder_add_string_value (builder, at_record_get_string (record, name));
      break;
    }
}

static void
add_json_members (JsonBuilder        *builder,
                  AtRecord           *record,
                  const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    add_json_member (builder, record, names[i]);
}

static void
add_json_string_or_null (JsonBuilder *builder,
                         const char  *name,
                         const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* "12.5", "3", or "–" for NULL. */
static char *
format_number (AtRecord   *record,
               const char *column)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (at_record_is_null (record, column))
    return g_strdup ("–");

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f",
                                    at_record_get_double (record, column)));
}

static char *
trim_zeros (char *number)
{
  if (strchr (number, '.') != NULL)
    {
      char *end = number + strlen (number) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  return number;
}

/* streaks */

static void
print_streaks_json (AtStore  *store,
                    AtRecord *user,
                    GArray   *streaks)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 user_id = at_record_get_id (user);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "user_id");
  json_builder_add_int_value (builder, user_id);
  json_builder_set_member_name (builder, "streaks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < streaks->len; i++)
    {
      const AtStreakInfo *info = &g_array_index (streaks, AtStreakInfo, i);
      g_autofree char *name = activity_type_name (store, user_id, info->activity_type_id);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "activity_type_id");
      if (info->activity_type_id != 0)
        json_builder_add_int_value (builder, info->activity_type_id);
      else
        json_builder_add_null_value (builder);
      add_json_string_or_null (builder, "activity_type", name);
      json_builder_set_member_name (builder, "current_streak_days");
      json_builder_add_int_value (builder, info->current_days);
      json_builder_set_member_name (builder, "longest_streak_days");
      json_builder_add_int_value (builder, info->longest_days);
      add_json_string_or_null (builder, "last_activity_date",
                               info->last_date[0] != '\0' ? info->last_date : NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  at_cli_json_print (builder);
}

static char *
format_days (gint64 days)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " day",
                                       "%" PRId64 " days", days), days);
}

static void
print_streaks (AtStore  *store,
               AtRecord *user,
               GArray   *streaks)
{
  g_autoptr(AtCliTable) table = NULL;

  if (streaks->len == 0)
    {
      g_print (_("%s has no streak yet: no session was logged\n"),
               at_record_get_string (user, "username"));
      return;
    }

  table = at_cli_table_new (_("Activity"), _("Current"), _("Longest"), _("Last active"), NULL);
  for (guint i = 0; i < streaks->len; i++)
    {
      const AtStreakInfo *info = &g_array_index (streaks, AtStreakInfo, i);
      g_autofree char *name = activity_type_name (store, at_record_get_id (user),
                                                  info->activity_type_id);
      g_autofree char *current = format_days (info->current_days);
      g_autofree char *longest = format_days (info->longest_days);

      at_cli_table_add_row (table,
                            info->activity_type_id == 0 ? _("All activities")
                                                        : name != NULL ? name : "?",
                            current, longest, info->last_date, NULL);
    }
  at_cli_table_print (table);
}

gboolean
at_cli_cmd_streaks (const AtCliCommand  *command,
                    char               **args,
                    GError             **error)
{
  g_auto(AtCliOptions) options = { 0 };
  g_autoptr(AtStore) store = NULL;
  g_autoptr(AtRecord) user = NULL;
  g_autoptr(GArray) streaks = NULL;

  if (!at_cli_parse (command, args, NULL, &options, error) ||
      !open_for_user (&options, &store, &user, error))
    return FALSE;

  streaks = at_store_get_streaks (store, at_record_get_id (user), error);
  if (streaks == NULL)
    return at_cli_fail_in (store, error);

  if (options.json)
    print_streaks_json (store, user, streaks);
  else
    print_streaks (store, user, streaks);
  return TRUE;
}

/* goals */

/* What the numbers of a goal are counted in, for people. */
static char *
goal_unit (AtStore    *store,
           AtRecord   *user,
           AtRecord   *goal,
           const char *type_name)
{
  gint64 user_id = at_record_get_id (user);

  if (!at_record_is_null (goal, "target_unit_id"))
    return catalogue_text (store, user_id, AT_TYPE_UNIT, at_record_get_int (goal, "target_unit_id"),
                           "symbol");
  if (g_strcmp0 (type_name, "frequency") == 0)
    return g_strdup (_("per week"));
  if (g_strcmp0 (type_name, "habit") == 0)
    return g_strdup (_("days"));
  if (g_strcmp0 (type_name, "time_based") == 0)
    return g_strdup (_("min"));
  return NULL;
}

/* The frequency target is frequency_per_week when set. */
static char *
format_target (AtRecord *goal)
{
  if (!at_record_is_null (goal, "frequency_per_week"))
    return g_strdup_printf ("%" G_GINT64_FORMAT, at_record_get_int (goal, "frequency_per_week"));
  return trim_zeros (format_number (goal, "target_value"));
}

static char *
format_progress (AtRecord   *goal,
                 const char *unit)
{
  g_autofree char *current = trim_zeros (format_number (goal, "current_value"));
  g_autofree char *target = format_target (goal);

  return unit != NULL ? g_strdup_printf ("%s / %s %s", current, target, unit)
                      : g_strdup_printf ("%s / %s", current, target);
}

static char *
format_optional_time (AtRecord   *record,
                      const char *column,
                      GTimeZone  *zone)
{
  if (at_record_is_null (record, column))
    return NULL;
  return at_cli_format_time (at_record_get_int (record, column), zone);
}

static GListModel *
list_milestones (AtStore   *store,
                 AtRecord  *user,
                 AtRecord  *goal,
                 GError   **error)
{
  return at_store_list (store, at_record_get_id (user), AT_TYPE_GOAL_MILESTONE, "goal_id",
                        at_record_get_id (goal), error);
}

static const char * const goal_columns[] = {
  "title", "description", "goal_type_id", "activity_type_id", "activity_subtype_id",
  "metric_name", "body_metric_type_id", "target_value", "target_unit_id", "current_value",
  "start_date", "target_date", "frequency_per_week", "is_completed", "completed_at",
  "is_active", NULL
};

static const char * const milestone_columns[] = {
  "title", "target_value", "is_achieved", "achieved_at", NULL
};

static gboolean
add_goal_json (JsonBuilder  *builder,
               AtStore      *store,
               AtRecord     *user,
               AtRecord     *goal,
               GError      **error)
{
  gint64 user_id = at_record_get_id (user);
  g_autofree char *type_name = catalogue_text (store, user_id, AT_TYPE_GOAL_TYPE,
                                               at_record_get_int (goal, "goal_type_id"), "name");
  g_autofree char *unit = goal_unit (store, user, goal, type_name);
  g_autoptr(GListModel) milestones = list_milestones (store, user, goal, error);
  g_autoptr(GError) local_error = NULL;
  double progress;

  if (milestones == NULL)
    return FALSE;
  progress = at_store_get_goal_progress (store, user_id, AT_GOAL (goal), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, at_record_get_id (goal));
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, at_record_get_uuid (goal));
  add_json_members (builder, goal, goal_columns);
  add_json_string_or_null (builder, "goal_type", type_name);
  add_json_string_or_null (builder, "unit_symbol", unit);
  json_builder_set_member_name (builder, "progress");
  json_builder_add_double_value (builder, progress);
  json_builder_set_member_name (builder, "milestones");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(AtRecord) milestone = g_list_model_get_item (milestones, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, at_record_get_id (milestone));
      add_json_members (builder, milestone, milestone_columns);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
print_goals_json (AtStore     *store,
                  AtRecord    *user,
                  GListModel  *goals,
                  GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "user_id");
  json_builder_add_int_value (builder, at_record_get_id (user));
  json_builder_set_member_name (builder, "goals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(AtRecord) goal = g_list_model_get_item (goals, i);

      if (!add_goal_json (builder, store, user, goal, error))
        return FALSE;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  at_cli_json_print (builder);
  return TRUE;
}

static const char *
goal_state (AtRecord   *goal,
            const char *completed)
{
  if (completed != NULL)
    return completed;
  return at_record_get_boolean (goal, "is_active") ? "–" : _("paused");
}

static gboolean
add_goal_rows (AtCliTable  *table,
               AtStore     *store,
               AtRecord    *user,
               AtRecord    *goal,
               GTimeZone   *zone,
               GError     **error)
{
  g_autofree char *type_name = catalogue_text (store, at_record_get_id (user), AT_TYPE_GOAL_TYPE,
                                               at_record_get_int (goal, "goal_type_id"), "name");
  g_autofree char *unit = goal_unit (store, user, goal, type_name);
  g_autofree char *progress = format_progress (goal, unit);
  g_autofree char *completed = format_optional_time (goal, "completed_at", zone);
  g_autoptr(GListModel) milestones = list_milestones (store, user, goal, error);

  if (milestones == NULL)
    return FALSE;

  at_cli_table_add_row (table, at_record_get_string (goal, "title"), type_name, progress,
                        at_record_get_string (goal, "target_date"), goal_state (goal, completed),
                        NULL);

  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(AtRecord) milestone = g_list_model_get_item (milestones, i);
      g_autofree char *title = g_strdup_printf ("  · %s", at_record_get_string (milestone, "title"));
      g_autofree char *target = trim_zeros (format_number (milestone, "target_value"));
      g_autofree char *target_text = unit != NULL ? g_strdup_printf ("%s %s", target, unit)
                                                  : g_strdup (target);
      g_autofree char *achieved = format_optional_time (milestone, "achieved_at", zone);

      at_cli_table_add_row (table, title, _("milestone"), target_text, NULL,
                            achieved != NULL ? achieved : "–", NULL);
    }
  return TRUE;
}

static gboolean
print_goals (AtStore     *store,
             AtRecord    *user,
             GListModel  *goals,
             GError     **error)
{
  g_autoptr(AtCliTable) table = NULL;
  g_autoptr(GTimeZone) zone = at_cli_user_zone (user);

  if (g_list_model_get_n_items (goals) == 0)
    {
      g_print (_("%s has no goals\n"), at_record_get_string (user, "username"));
      return TRUE;
    }

  table = at_cli_table_new (_("Title"), _("Type"), _("Progress"), _("Target date"),
                            _("Completed"), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(AtRecord) goal = g_list_model_get_item (goals, i);

      if (!add_goal_rows (table, store, user, goal, zone, error))
        return FALSE;
    }
  at_cli_table_print (table);
  return TRUE;
}

gboolean
at_cli_cmd_goals (const AtCliCommand  *command,
                  char               **args,
                  GError             **error)
{
  g_auto(AtCliOptions) options = { 0 };
  g_autoptr(AtStore) store = NULL;
  g_autoptr(AtRecord) user = NULL;
  g_autoptr(GListModel) goals = NULL;
  gboolean printed;

  if (!at_cli_parse (command, args, NULL, &options, error) ||
      !open_for_user (&options, &store, &user, error))
    return FALSE;

  /* This week's count and a target date that came need no write to change. */
  if (!at_store_refresh_goals (store, at_record_get_id (user), error))
    return at_cli_fail_in (store, error);

  goals = at_store_list (store, at_record_get_id (user), AT_TYPE_GOAL, NULL, 0, error);
  if (goals == NULL)
    return at_cli_fail_in (store, error);

  printed = options.json ? print_goals_json (store, user, goals, error)
                         : print_goals (store, user, goals, error);
  return printed || at_cli_fail_in (store, error);
}
