#pragma once

#include <gio/gio.h>

#include "at-store.h"

G_BEGIN_DECLS

#define AT_TYPE_RECORD_LIST (at_record_list_get_type ())

G_DECLARE_FINAL_TYPE (AtRecordList, at_record_list, AT, RECORD_LIST, GObject)

AtRecordList *at_record_list_new_sessions  (AtStore      *store,
                                            gint64        user_id);
AtRecordList *at_record_list_new_exercises (AtStore      *store,
                                            gint64        user_id,
                                            gint64        session_id);
AtRecordList *at_record_list_new_sets      (AtStore      *store,
                                            gint64        user_id,
                                            gint64        exercise_id);
guint         at_record_list_get_n_loaded  (AtRecordList *self);
const GError *at_record_list_get_error     (AtRecordList *self);

G_END_DECLS
