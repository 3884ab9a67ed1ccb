#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_USER (at_user_get_type ())

G_DECLARE_FINAL_TYPE (AtUser, at_user, AT, USER, AtRecord)

AtUser *at_user_new (void);

G_END_DECLS
