#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_ACTIVITY_SUBTYPE (at_activity_subtype_get_type ())

G_DECLARE_FINAL_TYPE (AtActivitySubtype, at_activity_subtype, AT, ACTIVITY_SUBTYPE, AtRecord)

AtActivitySubtype *at_activity_subtype_new (void);

G_END_DECLS
