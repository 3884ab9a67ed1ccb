#pragma once

#include <adwaita.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_RECENT_RECORDS (at_recent_records_get_type ())

G_DECLARE_FINAL_TYPE (AtRecentRecords, at_recent_records, AT, RECENT_RECORDS, AdwBin)

GtkWidget  *at_recent_records_new        (void);
GPtrArray  *at_recent_records_read       (AtStore          *store,
                                          gint64            user_id,
                                          GError          **error);
void        at_recent_records_show       (AtRecentRecords  *self,
                                          GPtrArray        *records);
const char *at_recent_records_type_label (const char       *record_type);

G_END_DECLS
