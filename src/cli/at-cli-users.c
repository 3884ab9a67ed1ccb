/* at-cli-users.c: the profile commands, `users` and `add-user`. */

#define G_LOG_DOMAIN "at-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "at-cli.h"

/* Never printed, even hashed. */
static const char * const hidden_columns[] = { "password_hash", NULL };

static void
print_users_json (GListModel *users)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_users = g_list_model_get_n_items (users);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "users");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_users; i++)
    {
      g_autoptr(AtRecord) user = g_list_model_get_item (users, i);

      at_cli_json_add_record (builder, user, hidden_columns);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  at_cli_json_print (builder);
}

static void
add_user_row (AtCliTable *table,
              AtRecord   *user)
{
  g_autoptr(GTimeZone) zone = at_cli_user_zone (user);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, at_record_get_id (user));
  g_autofree char *created = NULL;

  if (!at_record_is_null (user, "created_at"))
    created = at_cli_format_time (at_record_get_int (user, "created_at"), zone);

  at_cli_table_add_row (table, id,
                        at_record_get_string (user, "username"),
                        at_record_get_string (user, "email"),
                        at_record_get_string (user, "timezone"),
                        created);
}

static void
print_users (AtStore    *store,
             GListModel *users)
{
  g_autoptr(AtCliTable) table = NULL;
  guint n_users = g_list_model_get_n_items (users);

  if (n_users == 0)
    {
      g_print (_("“%s” has no user yet.\n"), at_store_get_path (store));
      return;
    }

  table = at_cli_table_new (_("ID"), _("Username"), _("E-mail"), _("Timezone"), _("Created"),
                            NULL);
  for (guint i = 0; i < n_users; i++)
    {
      g_autoptr(AtRecord) user = g_list_model_get_item (users, i);

      add_user_row (table, user);
    }
  at_cli_table_print (table);
}

gboolean
at_cli_cmd_users (const AtCliCommand  *command,
                  char               **args,
                  GError             **error)
{
  g_auto(AtCliOptions) options = { 0 };
  g_autoptr(AtStore) store = NULL;
  g_autoptr(GListModel) users = NULL;

  if (!at_cli_parse (command, args, NULL, &options, error))
    return FALSE;

  store = at_cli_open_store (&options, FALSE, error);
  if (store == NULL)
    return FALSE;

  users = at_store_list_users (store, error);
  if (users == NULL)
    return at_cli_fail_in (store, error);

  if (options.json)
    print_users_json (users);
  else
    print_users (store, users);

  return TRUE;
}

gboolean
at_cli_cmd_add_user (const AtCliCommand  *command,
                     char               **args,
                     GError             **error)
{
  g_auto(AtCliOptions) options = { 0 };
  g_autofree char *username = NULL;
  g_autofree char *email = NULL;
  g_autofree char *timezone = NULL;
  g_autoptr(AtStore) store = NULL;
  g_autoptr(AtUser) user = NULL;
  const GOptionEntry entries[] = {
    { "username", 0, 0, G_OPTION_ARG_STRING, &username,
      N_("The user name, 3 to 50 characters (required)"), N_("NAME") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("The e-mail address (required)"),
      N_("ADDRESS") },
    { "timezone", 0, 0, G_OPTION_ARG_STRING, &timezone,
      N_("The timezone, e.g. Europe/Paris (default: UTC)"), N_("ZONE") },
    { NULL }
  };

  if (!at_cli_parse (command, args, entries, &options, error) ||
      !at_cli_require_option ("username", username, error) ||
      !at_cli_require_option ("email", email, error))
    return FALSE;

  store = at_cli_open_store (&options, FALSE, error);
  if (store == NULL)
    return FALSE;

  user = at_user_new ();
  at_record_set_string (AT_RECORD (user), "username", username);
  at_record_set_string (AT_RECORD (user), "email", email);
  if (timezone != NULL)
    at_record_set_string (AT_RECORD (user), "timezone", timezone);

  if (!at_store_create_user (store, AT_RECORD (user), error))
    return at_cli_fail_in (store, error);

  if (options.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      at_cli_json_add_record (builder, AT_RECORD (user), hidden_columns);
      at_cli_json_print (builder);
    }
  else
    {
      g_print (_("Added user “%s” (id %" PRId64 ")\n"),
               at_record_get_string (AT_RECORD (user), "username"),
               at_record_get_id (AT_RECORD (user)));
    }

  return TRUE;
}
