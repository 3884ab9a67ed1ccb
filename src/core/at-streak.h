#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_STREAK (at_streak_get_type ())

G_DECLARE_FINAL_TYPE (AtStreak, at_streak, AT, STREAK, AtRecord)

AtStreak *at_streak_new (void);

G_END_DECLS
