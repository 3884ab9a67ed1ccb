#pragma once

#include "at-record.h"

G_BEGIN_DECLS

#define AT_TYPE_PROGRAM_SESSION (at_program_session_get_type ())

G_DECLARE_FINAL_TYPE (AtProgramSession, at_program_session, AT, PROGRAM_SESSION, AtRecord)

AtProgramSession *at_program_session_new (void);

G_END_DECLS
