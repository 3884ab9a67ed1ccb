/* at-cli-training.h: the training commands, `streaks` and `goals`
 * (at-cli-training.c), for the command table in at-cli.c. */

#pragma once

#include "at-cli.h"

G_BEGIN_DECLS

gboolean      at_cli_cmd_streaks          (const AtCliCommand *command,
                                           char              **args,
                                           GError            **error);
gboolean      at_cli_cmd_goals            (const AtCliCommand *command,
                                           char              **args,
                                           GError            **error);

G_END_DECLS
