#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_ACTIVITY_TYPE (at_activity_type_get_type ())

G_DECLARE_FINAL_TYPE (AtActivityType, at_activity_type, AT, ACTIVITY_TYPE, AtRecord)

AtActivityType *at_activity_type_new (void);

G_END_DECLS
