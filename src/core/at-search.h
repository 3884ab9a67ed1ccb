#pragma once

#include <gio/gio.h>

#include "at-store.h"

G_BEGIN_DECLS

typedef enum
{
  AT_SEARCH_BY_RANK,    /* best match first */
  AT_SEARCH_BY_NEWEST,  /* newest session first */
} AtSearchOrder;

typedef enum
{
  AT_SEARCH_FLAGS_NONE      = 0,
  AT_SEARCH_WITH_EXERCISES  = 1 << 0,  /* also sessions holding a matching exercise */
} AtSearchFlags;

char        *at_search_build_query       (const char     *text);
char        *at_search_build_session_match (gint64        user_id,
                                            const char   *words);
GListModel  *at_store_search_sessions    (AtStore        *store,
                                          gint64          user_id,
                                          const char     *text,
                                          AtSearchOrder   order,
                                          AtSearchFlags   flags,
                                          guint           limit,
                                          GError        **error);
GListModel  *at_store_search_exercises   (AtStore        *store,
                                          const char     *text,
                                          guint           limit,
                                          GError        **error);

G_END_DECLS
