#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_PROGRAM (at_program_get_type ())

G_DECLARE_FINAL_TYPE (AtProgram, at_program, AT, PROGRAM, AtRecord)

AtProgram *at_program_new (void);

G_END_DECLS
