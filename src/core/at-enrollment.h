#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_ENROLLMENT (at_enrollment_get_type ())

G_DECLARE_FINAL_TYPE (AtEnrollment, at_enrollment, AT, ENROLLMENT, AtRecord)

AtEnrollment *at_enrollment_new (void);

G_END_DECLS
