#pragma once

#include <gio/gio.h>

#include "at-core.h"

G_BEGIN_DECLS

void  at_exercise_hint_load_async  (AtStore              *store,
                                    gint64                user_id,
                                    gint64                subtype_id,
                                    AtSession            *editing,
                                    GTimeZone            *zone,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
char *at_exercise_hint_load_finish (AtStore              *store,
                                    GAsyncResult         *result,
                                    GError              **error);

G_END_DECLS
