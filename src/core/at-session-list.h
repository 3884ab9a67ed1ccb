#pragma once

#include <gio/gio.h>

#include "at-store.h"

G_BEGIN_DECLS

/* Which of a user's sessions a list shows; a zero-filled filter shows all. */
typedef struct
{
  gint64      activity_type_id;  /* 0 for every type */
  const char *from_date;         /* "YYYY-MM-DD", the first local day, or NULL */
  const char *to_date;           /* "YYYY-MM-DD", the last local day, or NULL */
  const char *text;              /* words to find (FTS, the last one a prefix), or NULL */
} AtSessionFilter;

/* The one figure that says most about a session. */
typedef enum
{
  AT_HEADLINE_NONE,
  AT_HEADLINE_VOLUME,    /* total volume, in the user's weight unit */
  AT_HEADLINE_DISTANCE,  /* the "distance" metric, in the user's distance unit */
  AT_HEADLINE_MINUTES,   /* the duration */
} AtHeadlineKind;

typedef struct
{
  AtHeadlineKind  kind;
  double          value;
  const char     *unit;  /* the unit's symbol ("kg", "km", "min"), owned by the list */
} AtSessionHeadline;

#define AT_TYPE_SESSION_LIST (at_session_list_get_type ())

G_DECLARE_FINAL_TYPE (AtSessionList, at_session_list, AT, SESSION_LIST, GObject)

AtSessionList *at_session_list_new          (AtStore                *store,
                                             gint64                  user_id,
                                             const AtSessionFilter  *filter,
                                             GError                **error);
void           at_session_list_new_async    (AtStore                *store,
                                             gint64                  user_id,
                                             const AtSessionFilter  *filter,
                                             GCancellable           *cancellable,
                                             GAsyncReadyCallback     callback,
                                             gpointer                user_data);
AtSessionList *at_session_list_new_finish   (GAsyncResult           *result,
                                             GError                **error);
gboolean       at_session_list_get_headline (AtSessionList          *self,
                                             guint                   position,
                                             AtSessionHeadline      *headline);
guint          at_session_list_get_n_loaded (AtSessionList          *self);
const GError  *at_session_list_get_error    (AtSessionList          *self);

GListModel    *at_store_list_templates      (AtStore                *store,
                                             gint64                  user_id,
                                             GError                **error);

G_END_DECLS
