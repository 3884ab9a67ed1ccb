#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_USER_ACHIEVEMENT (at_user_achievement_get_type ())

G_DECLARE_FINAL_TYPE (AtUserAchievement, at_user_achievement, AT, USER_ACHIEVEMENT, AtRecord)

AtUserAchievement *at_user_achievement_new (void);

G_END_DECLS
