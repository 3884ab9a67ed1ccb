#pragma once

#include <gtk/gtk.h>

#include "at-core.h"

G_BEGIN_DECLS

/* What rows show of an activity type. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *icon_name;
} AtActivityInfo;

void        at_activity_info_free            (gpointer                 info);
GPtrArray  *at_session_row_read_activities   (AtStore                 *store,
                                              gint64                   user_id,
                                              GError                 **error);

#define AT_TYPE_SESSION_ROW (at_session_row_get_type ())

G_DECLARE_FINAL_TYPE (AtSessionRow, at_session_row, AT, SESSION_ROW, GtkWidget)

GtkWidget  *at_session_row_new               (void);
void        at_session_row_show              (AtSessionRow            *self,
                                              AtSession               *session,
                                              const char              *activity_name,
                                              const char              *icon_name,
                                              const AtSessionHeadline *headline,
                                              gboolean                 first_of_day);

const char *at_session_row_get_icon_name     (const char              *type_name,
                                              const char              *category_name);
char       *at_session_row_format_duration   (gint64                   minutes);
char       *at_session_row_format_headline   (const AtSessionHeadline *headline);

G_END_DECLS
