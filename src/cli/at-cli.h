/* at-cli.h: activity-tracker-cli, the command-line companion.
 *
 * at_cli_run() is all main.c needs. The rest of this header is shared by
 * the command files (at-cli-*.c): the command table entry, the options every
 * command understands, and helpers to open the store, find the user, and
 * print tables and JSON.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "at-core.h"

G_BEGIN_DECLS

int           at_cli_run                  (int                argc,
                                           char             **argv);

/* Everything below is for the command files. */

#define AT_CLI_ERROR (at_cli_error_quark ())

typedef enum
{
  AT_CLI_ERROR_USAGE = 1,  /* exit status 2 */
  AT_CLI_ERROR_FAILED,     /* exit status 1 */
} AtCliError;

/* Which of the common options a command accepts; --database is always there. */
typedef enum
{
  AT_CLI_OPTION_DATABASE = 0,
  AT_CLI_OPTION_USER     = 1 << 0,
  AT_CLI_OPTION_JSON     = 1 << 1,
} AtCliOptionFlags;

typedef struct _AtCliCommand AtCliCommand;

/* A command gets its own arguments (args[0] is the command's name), parses
 * them with at_cli_parse() and reports failure through @error. */
typedef gboolean (*AtCliCommandFunc) (const AtCliCommand  *command,
                                      char               **args,
                                      GError             **error);

struct _AtCliCommand
{
  const char       *name;
  const char       *summary;   /* N_() marked */
  AtCliOptionFlags  options;
  AtCliCommandFunc  func;
  const char       *arguments; /* e.g. "TEXT" for a command that takes some, or NULL */
};

/* The common options after parsing. */
typedef struct
{
  char     *database;   /* never NULL after at_cli_parse() */
  char     *user;       /* NULL: the only, or first, user */
  gboolean  json;
} AtCliOptions;

void          at_cli_options_clear        (AtCliOptions      *options);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AtCliOptions, at_cli_options_clear)

GQuark        at_cli_error_quark          (void);

gboolean      at_cli_parse                (const AtCliCommand *command,
                                           char              **args,
                                           const GOptionEntry *entries,
                                           AtCliOptions       *options,
                                           GError            **error);
gboolean      at_cli_require_option       (const char         *name,
                                           const char         *value,
                                           GError            **error);
AtStore      *at_cli_open_store           (const AtCliOptions *options,
                                           gboolean            create,
                                           GError            **error);
AtRecord     *at_cli_find_user            (AtStore            *store,
                                           const char         *wanted,
                                           GError            **error);
GTimeZone    *at_cli_user_zone            (AtRecord           *user);
gboolean      at_cli_fail_in              (AtStore            *store,
                                           GError            **error);

/* Formatting for people. */
char         *at_cli_format_time          (gint64              unix_time,
                                           GTimeZone          *zone);
char         *at_cli_format_duration      (gint64              minutes);

/* A table of aligned columns, printed to stdout. */
typedef struct _AtCliTable AtCliTable;

AtCliTable   *at_cli_table_new            (const char        *first_heading,
                                           ...) G_GNUC_NULL_TERMINATED;
void          at_cli_table_add_row        (AtCliTable         *table,
                                           const char         *first_cell,
                                           ...);
void          at_cli_table_print          (AtCliTable         *table);
void          at_cli_table_free           (AtCliTable         *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtCliTable, at_cli_table_free)

/* JSON: a record's columns under their column names, and printing. */
void          at_cli_json_add_record      (JsonBuilder        *builder,
                                           AtRecord           *record,
                                           const char * const *skip);
void          at_cli_json_print           (JsonBuilder        *builder);

/* The commands, one group per file. */
gboolean      at_cli_cmd_init             (const AtCliCommand *command,
                                           char              **args,
                                           GError            **error);
gboolean      at_cli_cmd_check            (const AtCliCommand *command,
                                           char              **args,
                                           GError            **error);
gboolean      at_cli_cmd_users            (const AtCliCommand *command,
                                           char              **args,
                                           GError            **error);
gboolean      at_cli_cmd_add_user         (const AtCliCommand *command,
                                           char              **args,
                                           GError            **error);
gboolean      at_cli_cmd_sessions         (const AtCliCommand *command,
                                           char              **args,
                                           GError            **error);
gboolean      at_cli_cmd_add_session      (const AtCliCommand *command,
                                           char              **args,
                                           GError            **error);
gboolean      at_cli_cmd_stats            (const AtCliCommand *command,
                                           char              **args,
                                           GError            **error);
gboolean      at_cli_cmd_generate         (const AtCliCommand *command,
                                           char              **args,
                                           GError            **error);
gboolean      at_cli_cmd_bench            (const AtCliCommand *command,
                                           char              **args,
                                           GError            **error);
gboolean      at_cli_cmd_prs              (const AtCliCommand *command,
                                           char              **args,
                                           GError            **error);
gboolean      at_cli_cmd_search           (const AtCliCommand *command,
                                           char              **args,
                                           GError            **error);
gboolean      at_cli_cmd_chart            (const AtCliCommand *command,
                                           char              **args,
                                           GError            **error);
gboolean      at_cli_cmd_streaks          (const AtCliCommand *command,
                                           char              **args,
                                           GError            **error);
gboolean      at_cli_cmd_goals            (const AtCliCommand *command,
                                           char              **args,
                                           GError            **error);

G_END_DECLS
