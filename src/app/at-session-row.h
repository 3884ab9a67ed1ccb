#pragma once

#include <gtk/gtk.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_SESSION_ROW (at_session_row_get_type ())

G_DECLARE_FINAL_TYPE (AtSessionRow, at_session_row, AT, SESSION_ROW, GtkWidget)

GtkWidget  *at_session_row_new               (void);
AtSession  *at_session_row_get_session       (AtSessionRow *self);
void        at_session_row_set_session       (AtSessionRow *self,
                                              AtSession    *session);
const char *at_session_row_get_activity_name (AtSessionRow *self);
void        at_session_row_set_activity_name (AtSessionRow *self,
                                              const char   *activity_name);

G_END_DECLS
