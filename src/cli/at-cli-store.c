/* at-cli-store.c: the database commands, `init` and `check`. */

#define G_LOG_DOMAIN "at-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "at-cli.h"

static void
print_init_json (AtStore  *store,
                 gboolean  created)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, at_store_get_path (store));
  json_builder_set_member_name (builder, "user_version");
  json_builder_add_int_value (builder, at_store_get_version (store));
  json_builder_set_member_name (builder, "created");
  json_builder_add_boolean_value (builder, created);
  json_builder_end_object (builder);
  at_cli_json_print (builder);
}

gboolean
at_cli_cmd_init (const AtCliCommand  *command,
                 char               **args,
                 GError             **error)
{
  g_auto(AtCliOptions) options = { 0 };
  g_autoptr(AtStore) store = NULL;
  gboolean existed;

  if (!at_cli_parse (command, args, NULL, &options, error))
    return FALSE;

  existed = g_file_test (options.database, G_FILE_TEST_EXISTS);
  store = at_cli_open_store (&options, TRUE, error);
  if (store == NULL)
    return FALSE;

  if (options.json)
    print_init_json (store, !existed);
  else if (existed)
    g_print (_("“%s” is ready (data format %d)\n"),
             at_store_get_path (store), at_store_get_version (store));
  else
    g_print (_("Created “%s” (data format %d)\n"),
             at_store_get_path (store), at_store_get_version (store));

  return TRUE;
}

static void
print_problems_json (GPtrArray *problems)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ok");
  json_builder_add_boolean_value (builder, problems->len == 0);
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (problems, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  at_cli_json_print (builder);
}

static void
print_problems (GPtrArray *problems)
{
  if (problems->len == 0)
    g_print ("ok\n");

  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (problems, i));
}

gboolean
at_cli_cmd_check (const AtCliCommand  *command,
                  char               **args,
                  GError             **error)
{
  g_auto(AtCliOptions) options = { 0 };
  g_autoptr(AtStore) store = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  if (!at_cli_parse (command, args, NULL, &options, error))
    return FALSE;

  store = at_cli_open_store (&options, FALSE, error);
  if (store == NULL)
    return FALSE;

  if (!at_store_check (store, problems, error))
    return at_cli_fail_in (store, error);

  if (options.json)
    print_problems_json (problems);
  else
    print_problems (problems);

  if (problems->len > 0)
    {
      g_set_error (error, AT_CLI_ERROR, AT_CLI_ERROR_FAILED,
                   g_dngettext (GETTEXT_PACKAGE, "“%s”: %u problem found",
                                "“%s”: %u problems found", problems->len),
                   at_store_get_path (store), problems->len);
      return FALSE;
    }

  return TRUE;
}
