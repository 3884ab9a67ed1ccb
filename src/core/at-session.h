#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_SESSION (at_session_get_type ())

G_DECLARE_FINAL_TYPE (AtSession, at_session, AT, SESSION, AtRecord)

AtSession *at_session_new (void);
gint64       at_session_get_started_at       (AtSession *self);
const char  *at_session_get_session_name     (AtSession *self);
gint64       at_session_get_duration_minutes (AtSession *self);
const char  *at_session_get_local_date       (AtSession *self);

G_END_DECLS
