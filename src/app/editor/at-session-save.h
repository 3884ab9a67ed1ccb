#pragma once

#include <gio/gio.h>

#include "at-core.h"

G_BEGIN_DECLS

void   at_session_save_async              (AtStore              *store,
                                           gint64                user_id,
                                           AtWorkout            *workout,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gint64 at_session_save_finish             (AtStore              *store,
                                           GAsyncResult         *result,
                                           char                **toast_title,
                                           GError              **error);
void   at_session_save_as_template_async  (AtStore              *store,
                                           gint64                user_id,
                                           gint64                session_id,
                                           const char           *template_name,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
char  *at_session_save_as_template_finish (AtStore              *store,
                                           GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
