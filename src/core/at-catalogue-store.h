#pragma once

#include "at-store.h"

G_BEGIN_DECLS

/* Adds a measurement type of the user's own to the body_metric_type
 * catalogue, as the schema's "Adding a New Body Metric" does: @name is
 * stored lower-case with underscores ("Left calf" → "left_calf"), in the
 * category "measurement", measured in @unit_id. An empty or too long name,
 * or a unit that does not exist, is AT_STORE_ERROR_INVALID naming the
 * field; a name taken is AT_STORE_ERROR_CONSTRAINT. */
gboolean at_store_add_body_metric_type (AtStore     *store,
                                        const char  *name,
                                        gint64       unit_id,
                                        gint64      *type_id,
                                        GError     **error);

G_END_DECLS
