#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_UNIT (at_unit_get_type ())

G_DECLARE_FINAL_TYPE (AtUnit, at_unit, AT, UNIT, AtRecord)

AtUnit *at_unit_new (void);

G_END_DECLS
