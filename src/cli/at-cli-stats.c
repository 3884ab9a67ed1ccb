/* at-cli-stats.c: `stats`, the user's user_statistics row. */

#define G_LOG_DOMAIN "at-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "at-cli.h"

/* SQL NULL (no session, no rating, no end, no calories) is JSON null. */
static void
add_int_or_null (JsonBuilder *builder,
                 const char  *name,
                 gboolean     is_null,
                 gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (is_null)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

static void
add_double_or_null (JsonBuilder *builder,
                    const char  *name,
                    double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
print_stats_json (AtRecord         *user,
                  AtUserStatistics *stats)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "user_id");
  json_builder_add_int_value (builder, at_record_get_id (user));
  json_builder_set_member_name (builder, "total_sessions");
  json_builder_add_int_value (builder, stats->total_sessions);
  json_builder_set_member_name (builder, "total_days_active");
  json_builder_add_int_value (builder, stats->total_days_active);
  add_int_or_null (builder, "last_activity", !stats->found, stats->last_activity);
  add_int_or_null (builder, "total_minutes", stats->total_minutes < 0, stats->total_minutes);
  add_double_or_null (builder, "avg_session_rating", stats->avg_session_rating);
  add_double_or_null (builder, "total_calories", stats->total_calories);
  json_builder_set_member_name (builder, "total_prs");
  json_builder_add_int_value (builder, stats->total_prs);
  json_builder_end_object (builder);
  at_cli_json_print (builder);
}

static void
print_field (const char *label,
             const char *value,
             guint       width)
{
  g_print ("%s", label);
  for (guint i = g_utf8_strlen (label, -1); i < width + 2; i++)
    g_print (" ");
  g_print ("%s\n", value);
}

static void
print_stats (AtRecord         *user,
             AtUserStatistics *stats)
{
  g_autoptr(GTimeZone) zone = at_cli_user_zone (user);
  g_autofree char *sessions = g_strdup_printf ("%" G_GINT64_FORMAT, stats->total_sessions);
  g_autofree char *days = g_strdup_printf ("%" G_GINT64_FORMAT, stats->total_days_active);
  g_autofree char *last = stats->found
                        ? at_cli_format_time (stats->last_activity, zone) : g_strdup ("–");
  g_autofree char *minutes = stats->total_minutes >= 0
                           ? at_cli_format_duration (stats->total_minutes) : g_strdup ("–");
  g_autofree char *rating = !isnan (stats->avg_session_rating)
                          ? g_strdup_printf ("%.1f", stats->avg_session_rating) : g_strdup ("–");
  g_autofree char *calories = !isnan (stats->total_calories)
                            ? g_strdup_printf ("%.0f", stats->total_calories) : g_strdup ("–");
  g_autofree char *prs = g_strdup_printf ("%" G_GINT64_FORMAT, stats->total_prs);
  const char *fields[][2] = {
    { _("User"), at_record_get_string (user, "username") },
    { _("Sessions"), sessions },
    { _("Days active"), days },
    { _("Last activity"), last },
    { _("Total time"), minutes },
    { _("Average rating"), rating },
    { _("Calories"), calories },
    { _("Personal records"), prs },
  };
  guint width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    width = MAX (width, (guint) g_utf8_strlen (fields[i][0], -1));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    print_field (fields[i][0], fields[i][1], width);
}

gboolean
at_cli_cmd_stats (const AtCliCommand  *command,
                  char               **args,
                  GError             **error)
{
  g_auto(AtCliOptions) options = { 0 };
  g_autoptr(AtStore) store = NULL;
  g_autoptr(AtRecord) user = NULL;
  AtUserStatistics stats;

  if (!at_cli_parse (command, args, NULL, &options, error))
    return FALSE;

  store = at_cli_open_store (&options, FALSE, error);
  if (store == NULL)
    return FALSE;

  user = at_cli_find_user (store, options.user, error);
  if (user == NULL)
    return FALSE;

  if (!at_store_get_statistics (store, at_record_get_id (user), &stats, error))
    return at_cli_fail_in (store, error);

  if (options.json)
    print_stats_json (user, &stats);
  else
    print_stats (user, &stats);

  return TRUE;
}
