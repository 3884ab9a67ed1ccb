#pragma once

#include "at-record.h"

G_BEGIN_DECLS

/* A column's value as the record keeps it: which member holds it follows
 * from the column's kind (a boolean is an integer, 0 or 1). */
typedef union
{
  gint64  integer;
  double  real;
  char   *text;
} AtCell;

const AtCell *_at_record_peek_cell  (AtRecord     *self,
                                     guint         index);
void          _at_record_load_cell  (AtRecord     *self,
                                     guint         index,
                                     const AtCell *value);

void          _at_record_set_id     (AtRecord     *self,
                                     gint64        id);
void          _at_record_set_uuid   (AtRecord     *self,
                                     const char   *uuid);

G_END_DECLS
