#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_ACHIEVEMENT_TYPE (at_achievement_type_get_type ())

G_DECLARE_FINAL_TYPE (AtAchievementType, at_achievement_type, AT, ACHIEVEMENT_TYPE, AtRecord)

AtAchievementType *at_achievement_type_new (void);

G_END_DECLS
