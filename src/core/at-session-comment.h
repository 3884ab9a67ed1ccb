#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_SESSION_COMMENT (at_session_comment_get_type ())

G_DECLARE_FINAL_TYPE (AtSessionComment, at_session_comment, AT, SESSION_COMMENT, AtRecord)

AtSessionComment *at_session_comment_new (void);

G_END_DECLS
