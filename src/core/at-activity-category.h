#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_ACTIVITY_CATEGORY (at_activity_category_get_type ())

G_DECLARE_FINAL_TYPE (AtActivityCategory, at_activity_category, AT, ACTIVITY_CATEGORY, AtRecord)

AtActivityCategory *at_activity_category_new (void);

G_END_DECLS
