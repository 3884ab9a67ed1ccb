#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AT_TYPE_REST_TIMER (at_rest_timer_get_type ())

G_DECLARE_FINAL_TYPE (AtRestTimer, at_rest_timer, AT, REST_TIMER, AdwBin)

void at_rest_timer_start (AtRestTimer *self,
                          const char  *exercise);
void at_rest_timer_stop  (AtRestTimer *self);

G_END_DECLS
