#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_PERSONAL_RECORD (at_personal_record_get_type ())

G_DECLARE_FINAL_TYPE (AtPersonalRecord, at_personal_record, AT, PERSONAL_RECORD, AtRecord)

AtPersonalRecord *at_personal_record_new (void);

G_END_DECLS
