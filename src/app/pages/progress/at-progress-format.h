#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *at_progress_format_value (double      value,
                                const char *unit);
char *at_progress_format_date  (gint64      when);

G_END_DECLS
