#pragma once

#include <gtk/gtk.h>

#include "at-core.h"

G_BEGIN_DECLS

char     *at_progress_format_value (double      value,
                                    const char *unit);
char     *at_progress_format_date  (gint64      when);
AtRecord *at_progress_find_unit    (GListModel *units,
                                    gint64      unit_id);
char     *at_progress_unit_symbol  (GListModel *units,
                                    gint64      unit_id);
void      at_progress_clear_list   (GtkListBox *list);

G_END_DECLS
