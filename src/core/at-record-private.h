#pragma once

#include "at-record.h"

G_BEGIN_DECLS

const GValue *_at_record_peek_value (AtRecord     *self,
                                     guint         index);
void          _at_record_load_value (AtRecord     *self,
                                     guint         index,
                                     const GValue *value);

void          _at_record_set_id     (AtRecord     *self,
                                     gint64        id);

G_END_DECLS
