#pragma once

#include <adwaita.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_SESSION_EDITOR (at_session_editor_get_type ())

G_DECLARE_FINAL_TYPE (AtSessionEditor, at_session_editor, AT, SESSION_EDITOR, AdwWindow)

AtSessionEditor *at_session_editor_new        (GtkWindow        *parent,
                                               AtStore          *store,
                                               gint64            user_id);
gboolean         at_session_editor_start_from (AtSessionEditor  *self,
                                               gint64            session_id,
                                               GError          **error);
gboolean         at_session_editor_load       (AtSessionEditor  *self,
                                               gint64            session_id,
                                               GError          **error);
gboolean         at_session_editor_set_activity (AtSessionEditor *self,
                                                 gint64           activity_type_id,
                                                 GError         **error);

G_END_DECLS
