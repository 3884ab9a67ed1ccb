#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_SESSION_MEDIA (at_session_media_get_type ())

G_DECLARE_FINAL_TYPE (AtSessionMedia, at_session_media, AT, SESSION_MEDIA, AtRecord)

AtSessionMedia *at_session_media_new (void);

G_END_DECLS
