/* at-cli.c: the command table, option parsing, errors and the helpers the
 * commands share (opening the store, finding the user, tables and JSON).
 */

#define G_LOG_DOMAIN "at-cli"

#include "config.h"

#include <inttypes.h>

#include <locale.h>
#include <stdarg.h>
#include <string.h>
#include <glib/gi18n.h>

#include "at-cli.h"

#define PROGRAM "activity-tracker-cli"

G_DEFINE_QUARK (at-cli-error-quark, at_cli_error)

static const AtCliCommand commands[] = {
  { "init", N_("Create a database, or upgrade it to this version"),
    AT_CLI_OPTION_JSON, at_cli_cmd_init },
  { "check", N_("Check the database’s integrity and foreign keys"),
    AT_CLI_OPTION_JSON, at_cli_cmd_check },
  { "users", N_("List the profiles in the database"),
    AT_CLI_OPTION_JSON, at_cli_cmd_users },
  { "add-user", N_("Add a profile"),
    AT_CLI_OPTION_JSON, at_cli_cmd_add_user },
  { "sessions", N_("List a user’s sessions, newest first"),
    AT_CLI_OPTION_USER | AT_CLI_OPTION_JSON, at_cli_cmd_sessions },
  { "add-session", N_("Log a session"),
    AT_CLI_OPTION_USER | AT_CLI_OPTION_JSON, at_cli_cmd_add_session },
  { "stats", N_("Show a user’s statistics"),
    AT_CLI_OPTION_USER | AT_CLI_OPTION_JSON, at_cli_cmd_stats },
  { "streaks", N_("Show a user’s current and longest streaks"),
    AT_CLI_OPTION_USER | AT_CLI_OPTION_JSON, at_cli_cmd_streaks },
  { "goals", N_("Show a user’s goals, their progress and milestones"),
    AT_CLI_OPTION_USER | AT_CLI_OPTION_JSON, at_cli_cmd_goals },
  { "prs", N_("Show a user’s personal records"),
    AT_CLI_OPTION_USER | AT_CLI_OPTION_JSON, at_cli_cmd_prs },
  { "search", N_("Search a user’s sessions, or the exercises with --exercises"),
    AT_CLI_OPTION_USER | AT_CLI_OPTION_JSON, at_cli_cmd_search, "TEXT" },
  { "chart", N_("Draw a user’s progress chart or activity calendar into a PNG, SVG or PDF file"),
    AT_CLI_OPTION_USER, at_cli_cmd_chart },
  { "generate", N_("Fill a database with the benchmark workload"),
    AT_CLI_OPTION_JSON, at_cli_cmd_generate },
  { "bench", N_("Time the benchmark queries on a generated database"),
    AT_CLI_OPTION_JSON, at_cli_cmd_bench },
};

struct _AtCliTable
{
  guint      n_columns;
  GPtrArray *rows;   /* of GStrv, the headings first */
};

/* Helpers */

static const AtCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (commands[i].name, name))
        return &commands[i];
    }

  return NULL;
}

static void
print_usage (void)
{
  g_print (_("Usage:\n  %s COMMAND [OPTION…]\n\n"), PROGRAM);
  g_print (_("The command-line companion of Activity Tracker.\n\n"));
  g_print (_("Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-13s %s\n", commands[i].name, _(commands[i].summary));
  g_print (_("\nOptions:\n"
             "  -h, --help    Show this help\n"
             "  --version     Show the version\n\n"));
  g_print (_("Run “%s COMMAND --help” for the options of a command.\n"), PROGRAM);
}

static int
report_error (const AtCliCommand *command,
              const GError       *error)
{
  gboolean usage = error->domain == G_OPTION_ERROR ||
                   g_error_matches (error, AT_CLI_ERROR, AT_CLI_ERROR_USAGE);

  g_printerr ("%s: %s\n", PROGRAM, error->message);
  if (usage)
    g_printerr (_("Run “%s %s --help” for usage.\n"), PROGRAM, command->name);

  return usage ? 2 : 1;
}

static int
run_command (const AtCliCommand  *command,
             char               **args)
{
  g_autoptr(GError) error = NULL;

  if (!command->func (command, args, &error))
    {
      g_assert (error != NULL);
      return report_error (command, error);
    }

  return 0;
}

/* "help" and "help COMMAND" */
static int
run_help (int    argc,
          char **argv)
{
  const AtCliCommand *command;
  g_auto(GStrv) args = NULL;

  if (argc < 3)
    {
      print_usage ();
      return 0;
    }

  command = find_command (argv[2]);
  if (command == NULL)
    {
      g_printerr (_("%s: unknown command “%s”\n"), PROGRAM, argv[2]);
      return 2;
    }

  args = g_new0 (char *, 3);
  args[0] = g_strdup (command->name);
  args[1] = g_strdup ("--help");
  return run_command (command, args);
}

static void
set_up_locale (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static void
add_common_entries (GOptionContext     *context,
                    const AtCliCommand *command,
                    AtCliOptions       *options,
                    const char         *database_help)
{
  const GOptionEntry database_entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &options->database, database_help, N_("PATH") },
    { NULL }
  };
  const GOptionEntry user_entries[] = {
    { "user", 0, 0, G_OPTION_ARG_STRING, &options->user,
      N_("Act for this user, by username or id (default: the first user)"), N_("USER") },
    { NULL }
  };
  const GOptionEntry json_entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &options->json,
      N_("Print JSON whose keys are the database’s column names"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, database_entries, GETTEXT_PACKAGE);
  if (command->options & AT_CLI_OPTION_USER)
    g_option_context_add_main_entries (context, user_entries, GETTEXT_PACKAGE);
  if (command->options & AT_CLI_OPTION_JSON)
    g_option_context_add_main_entries (context, json_entries, GETTEXT_PACKAGE);
}

static int
compare_columns (gconstpointer a,
                 gconstpointer b)
{
  const AtColumn *column_a = *(const AtColumn * const *) a;
  const AtColumn *column_b = *(const AtColumn * const *) b;

  return column_a < column_b ? -1 : column_a > column_b;
}

/* The record's columns in table order, from its public properties. */
static GPtrArray *
list_columns (AtRecord *record)
{
  AtRecordClass *klass = AT_RECORD_GET_CLASS (record);
  g_autofree GParamSpec **pspecs = NULL;
  GPtrArray *columns = g_ptr_array_new ();
  guint n_pspecs = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (pspecs[i]->name), "-", '_');
      const AtColumn *column = at_record_class_find_column (klass, name, NULL);

      if (column != NULL)
        g_ptr_array_add (columns, (gpointer) column);
    }

  /* The descriptors are one array, so their addresses are the table order. */
  g_ptr_array_sort (columns, compare_columns);
  return columns;
}

static void
add_json_text (JsonBuilder *builder,
               const char  *text,
               gboolean     is_json)
{
  g_autoptr(JsonNode) node = NULL;

  if (is_json)
    node = json_from_string (text, NULL);

  if (node != NULL)
    json_builder_add_value (builder, g_steal_pointer (&node));
  else
    json_builder_add_string_value (builder, text);
}

static void
add_json_column (JsonBuilder    *builder,
                 AtRecord       *record,
                 const AtColumn *column)
{
  json_builder_set_member_name (builder, column->name);

  if (at_record_is_null (record, column->name))
    {
      json_builder_add_null_value (builder);
      return;
    }

  switch (column->kind)
    {
    case AT_COLUMN_INTEGER:
    case AT_COLUMN_TIMESTAMP:
      json_builder_add_int_value (builder, at_record_get_int (record, column->name));
      break;
    case AT_COLUMN_REAL:
      json_builder_add_double_value (builder, at_record_get_double (record, column->name));
      break;
    case AT_COLUMN_BOOLEAN:
      json_builder_add_boolean_value (builder, at_record_get_boolean (record, column->name));
      break;
    case AT_COLUMN_TEXT:
    case AT_COLUMN_DATE:
    case AT_COLUMN_JSON:
    default:
      add_json_text (builder, at_record_get_string (record, column->name),
                     column->kind == AT_COLUMN_JSON);
      break;
    }
}

static void
append_padded (GString    *line,
               const char *text,
               guint       width)
{
  g_string_append (line, text);
  for (guint i = g_utf8_strlen (text, -1); i < width + 2; i++)
    g_string_append_c (line, ' ');
}

/* Public API */

void
at_cli_options_clear (AtCliOptions *options)
{
  g_clear_pointer (&options->database, g_free);
  g_clear_pointer (&options->user, g_free);
}

/**
 * at_cli_parse:
 * @args: the command's arguments, args[0] being its name; parsed in place
 * @entries: (nullable): the command's own options
 *
 * Parses the common options the command accepts and its own. --help prints
 * the command's help and exits.
 */
gboolean
at_cli_parse (const AtCliCommand  *command,
              char               **args,
              const GOptionEntry  *entries,
              AtCliOptions        *options,
              GError             **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *default_path = at_store_get_default_path ();
  g_autofree char *database_help = NULL;
  g_autofree char *prgname = NULL;

  g_return_val_if_fail (command != NULL, FALSE);

  database_help = g_strdup_printf (_("The database file (default: %s)"), default_path);
  prgname = g_strdup_printf ("%s %s", PROGRAM, command->name);
  g_set_prgname (prgname);  /* for the help's "Usage:" line */
  context = g_option_context_new (command->arguments);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  add_common_entries (context, command, options, database_help);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &args, error))
    return FALSE;

  if (command->arguments == NULL && args[0] != NULL && args[1] != NULL)
    {
      g_set_error (error, AT_CLI_ERROR, AT_CLI_ERROR_USAGE,
                   _("%s: unexpected argument “%s”"), command->name, args[1]);
      return FALSE;
    }

  if (options->database == NULL)
    options->database = g_steal_pointer (&default_path);

  return TRUE;
}

/**
 * at_cli_open_store:
 * @create: whether a missing file is created (only `init` does)
 *
 * Returns: (transfer full): the store, or %NULL with an error naming the file.
 */
AtStore *
at_cli_open_store (const AtCliOptions  *options,
                   gboolean             create,
                   GError             **error)
{
  AtStore *store;

  g_return_val_if_fail (options->database != NULL, NULL);

  if (!create && !g_file_test (options->database, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, AT_CLI_ERROR, AT_CLI_ERROR_FAILED,
                   _("Cannot open “%s”: there is no such file; create it with "
                     "“%s init --database %s”"),
                   options->database, PROGRAM, options->database);
      return NULL;
    }

  /* Every message about the file names it, whichever step failed. */
  store = at_store_open (options->database, error);
  if (store == NULL && error != NULL && strstr ((*error)->message, options->database) == NULL)
    g_prefix_error (error, _("Cannot open “%s”: "), options->database);

  return store;
}

/* For options GOption cannot make mandatory. */
gboolean
at_cli_require_option (const char  *name,
                       const char  *value,
                       GError     **error)
{
  if (value != NULL && *value != '\0')
    return TRUE;

  g_set_error (error, AT_CLI_ERROR, AT_CLI_ERROR_USAGE, _("--%s is required"), name);
  return FALSE;
}

/* Names the database in an error that happened after it was opened. */
gboolean
at_cli_fail_in (AtStore  *store,
                GError  **error)
{
  /* Translators: the prefix of an error about a database file */
  g_prefix_error (error, _("“%s”: "), at_store_get_path (store));
  return FALSE;
}

static gboolean
user_matches (AtRecord   *user,
              const char *wanted)
{
  gint64 id = 0;

  if (g_ascii_string_to_signed (wanted, 10, 1, G_MAXINT64, &id, NULL) &&
      at_record_get_id (user) == id)
    return TRUE;

  return g_strcmp0 (at_record_get_string (user, "username"), wanted) == 0;
}

/**
 * at_cli_find_user:
 * @wanted: (nullable): a username or an id; %NULL for the first user
 *
 * Returns: (transfer full): the user, or %NULL with an error that says what
 * to do.
 */
AtRecord *
at_cli_find_user (AtStore     *store,
                  const char  *wanted,
                  GError     **error)
{
  g_autoptr(GListModel) users = at_store_list_users (store, error);
  guint n_users;

  if (users == NULL)
    {
      at_cli_fail_in (store, error);
      return NULL;
    }

  n_users = g_list_model_get_n_items (users);
  if (n_users == 0)
    {
      g_set_error (error, AT_CLI_ERROR, AT_CLI_ERROR_FAILED,
                   _("“%s” has no user yet; add one with "
                     "“%s add-user --username NAME --email ADDRESS”"),
                   at_store_get_path (store), PROGRAM);
      return NULL;
    }

  if (wanted == NULL)
    return g_list_model_get_item (users, 0);

  for (guint i = 0; i < n_users; i++)
    {
      g_autoptr(AtRecord) user = g_list_model_get_item (users, i);

      if (user_matches (user, wanted))
        return g_steal_pointer (&user);
    }

  g_set_error (error, AT_CLI_ERROR, AT_CLI_ERROR_FAILED,
               _("“%s” has no user “%s”; “%s users” lists them"),
               at_store_get_path (store), wanted, PROGRAM);
  return NULL;
}

/* Returns: (transfer full): the user's timezone, UTC if unknown. */
GTimeZone *
at_cli_user_zone (AtRecord *user)
{
  const char *identifier = at_record_get_string (user, "timezone");
  GTimeZone *zone = NULL;

  if (identifier != NULL)
    zone = g_time_zone_new_identifier (identifier);

  return zone != NULL ? zone : g_time_zone_new_utc ();
}

/* Returns: "YYYY-MM-DD HH:MM" in @zone. */
char *
at_cli_format_time (gint64     unix_time,
                    GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("?");

  local = g_date_time_to_timezone (utc, zone);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* Returns: "45 min" or "1 h 05 min". */
char *
at_cli_format_duration (gint64 minutes)
{
  if (minutes < 60)
    return g_strdup_printf (_("%" PRId64 " min"), minutes);

  return g_strdup_printf (_("%" PRId64 " h %02d min"),
                          minutes / 60, (int) (minutes % 60));
}

AtCliTable *
at_cli_table_new (const char *first_heading,
                  ...)
{
  AtCliTable *table = g_new0 (AtCliTable, 1);
  g_autoptr(GStrvBuilder) headings = g_strv_builder_new ();
  va_list ap;

  va_start (ap, first_heading);
  for (const char *heading = first_heading; heading != NULL; heading = va_arg (ap, const char *))
    g_strv_builder_add (headings, heading);
  va_end (ap);

  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (table->rows, g_strv_builder_end (headings));
  table->n_columns = g_strv_length (g_ptr_array_index (table->rows, 0));
  return table;
}

/* Takes exactly as many cells as there are headings; a NULL cell is empty. */
void
at_cli_table_add_row (AtCliTable *table,
                      const char *first_cell,
                      ...)
{
  char **row = g_new0 (char *, table->n_columns + 1);
  va_list ap;

  row[0] = g_strdup (first_cell != NULL ? first_cell : "");
  va_start (ap, first_cell);
  for (guint i = 1; i < table->n_columns; i++)
    {
      const char *cell = va_arg (ap, const char *);

      row[i] = g_strdup (cell != NULL ? cell : "");
    }
  va_end (ap);

  g_ptr_array_add (table->rows, row);
}

void
at_cli_table_print (AtCliTable *table)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (row[c], -1));
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < table->n_columns; c++)
        append_padded (line, row[c], widths[c]);
      g_strchomp (line->str);
      g_print ("%s\n", line->str);
    }
}

void
at_cli_table_free (AtCliTable *table)
{
  g_ptr_array_unref (table->rows);
  g_free (table);
}

/**
 * at_cli_json_add_record:
 * @skip: (nullable): columns to leave out, e.g. password_hash
 *
 * Adds an object holding the record's id, uuid and columns under their
 * column names, NULL columns as null.
 */
void
at_cli_json_add_record (JsonBuilder        *builder,
                        AtRecord           *record,
                        const char * const *skip)
{
  g_autoptr(GPtrArray) columns = list_columns (record);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, at_record_get_id (record));
  if (at_record_get_uuid (record) != NULL)
    {
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, at_record_get_uuid (record));
    }

  for (guint i = 0; i < columns->len; i++)
    {
      const AtColumn *column = g_ptr_array_index (columns, i);

      if (skip == NULL || !g_strv_contains (skip, column->name))
        add_json_column (builder, record, column);
    }
  json_builder_end_object (builder);
}

void
at_cli_json_print (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/**
 * at_cli_run:
 *
 * Runs the command named by argv[1] with the arguments after it.
 *
 * Returns: the exit status: 0, 1 for a failure, 2 for a usage error.
 */
int
at_cli_run (int    argc,
            char **argv)
{
  const AtCliCommand *command;
  g_auto(GStrv) args = NULL;

  set_up_locale ();
  g_set_prgname (PROGRAM);

  if (argc < 2)
    {
      g_printerr (_("%s: no command given; run “%s --help” for the commands\n"),
                  PROGRAM, PROGRAM);
      return 2;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    return run_help (argc, argv);

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("%s %s\n", PROGRAM, PACKAGE_VERSION);
      return 0;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_printerr (argv[1][0] == '-'
                  ? _("%s: unknown option “%s”; options go after the command\n")
                  : _("%s: unknown command “%s”\n"),
                  PROGRAM, argv[1]);
      g_printerr (_("Run “%s --help” for usage.\n"), PROGRAM);
      return 2;
    }

  args = g_strdupv (argv + 1);
  return run_command (command, args);
}
