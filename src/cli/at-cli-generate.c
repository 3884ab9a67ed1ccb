/* at-cli-generate.c: `generate`, the benchmark workload. */

#define G_LOG_DOMAIN "at-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "at-cli.h"
#include "at-generate.h"

#define BAR_WIDTH 40

/* A progress bar on a terminal; nothing when stderr is a file. */
static void
show_progress (guint    done,
               guint    total,
               gpointer user_data)
{
  gint64 started = *(gint64 *) user_data;
  double seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  guint filled = total > 0 ? done * BAR_WIDTH / total : BAR_WIDTH;
  char bar[BAR_WIDTH + 1];

  memset (bar, '#', filled);
  memset (bar + filled, '-', BAR_WIDTH - filled);
  bar[BAR_WIDTH] = '\0';
  g_printerr ("\r[%s] %u/%u users, %.0f s", bar, done, total, seconds);
  if (done == total)
    g_printerr ("\n");
}

static gint64
file_size (const char *path)
{
  GStatBuf buf;
  gint64 total = 0;
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      if (g_stat (name, &buf) == 0)
        total += buf.st_size;
    }
  return total;
}

static void
print_report_json (const AtGenerateReport *report,
                   guint32                 seed,
                   gint64                  bytes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const struct { const char *name; gint64 value; } counts[] = {
    { "users", report->users },
    { "sessions", report->sessions },
    { "deleted_sessions", report->deleted_sessions },
    { "exercises", report->exercises },
    { "sets", report->sets },
    { "metrics", report->metrics },
    { "body_metrics", report->body_metrics },
    { "goals", report->goals },
    { "newest_session", report->newest_session },
    { "file_bytes", bytes },
    { "seed", seed },
  };

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      json_builder_set_member_name (builder, counts[i].name);
      json_builder_add_int_value (builder, counts[i].value);
    }
  json_builder_set_member_name (builder, "seconds");
  json_builder_add_double_value (builder, report->seconds);
  json_builder_end_object (builder);
  at_cli_json_print (builder);
}

static void
print_report (const AtGenerateReport *report,
              gint64                  bytes)
{
  g_autofree char *size = g_format_size (bytes);

  g_print (_("Users             %" PRId64 "\n"), report->users);
  g_print (_("Sessions          %" PRId64 " (%" PRId64 " soft-deleted)\n"),
           report->sessions, report->deleted_sessions);
  g_print (_("Exercises         %" PRId64 "\n"), report->exercises);
  g_print (_("Sets              %" PRId64 "\n"), report->sets);
  g_print (_("Metrics           %" PRId64 "\n"), report->metrics);
  g_print (_("Body measurements %" PRId64 "\n"), report->body_metrics);
  g_print (_("Goals             %" PRId64 "\n"), report->goals);
  g_print (_("Time              %.1f s\n"), report->seconds);
  g_print (_("File              %s (%" PRId64 " bytes)\n"), size, bytes);
}

gboolean
at_cli_cmd_generate (const AtCliCommand  *command,
                     char               **args,
                     GError             **error)
{
  g_auto(AtCliOptions) options = { 0 };
  g_autoptr(AtStore) store = NULL;
  int users = 1000, sessions = 1000, seed = 1;
  gint64 started = g_get_monotonic_time ();
  AtGenerateReport report;
  AtGenerateOptions generate = { 0 };
  const GOptionEntry entries[] = {
    { "users", 0, 0, G_OPTION_ARG_INT, &users, N_("How many users (default 1000)"), "N" },
    { "sessions-per-user", 0, 0, G_OPTION_ARG_INT, &sessions,
      N_("Sessions of each user (default 1000)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("The seed: the same seed gives the same data"), "N" },
    { NULL }
  };

  if (!at_cli_parse (command, args, entries, &options, error))
    return FALSE;

  if (users < 1 || sessions < 1)
    {
      g_set_error (error, AT_CLI_ERROR, AT_CLI_ERROR_USAGE,
                   _("--users and --sessions-per-user must be at least 1"));
      return FALSE;
    }

  store = at_cli_open_store (&options, TRUE, error);
  if (store == NULL)
    return FALSE;

  generate.users = users;
  generate.sessions_per_user = sessions;
  generate.seed = seed;
  if (isatty (STDERR_FILENO))
    {
      generate.progress = show_progress;
      generate.progress_data = &started;
    }

  if (!at_generate_workload (store, &generate, &report, error))
    return at_cli_fail_in (store, error);

  g_clear_object (&store);   /* checkpoints the WAL into the file */
  if (options.json)
    print_report_json (&report, seed, file_size (options.database));
  else
    print_report (&report, file_size (options.database));
  return TRUE;
}
