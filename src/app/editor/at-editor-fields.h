#pragma once

#include <gtk/gtk.h>

#include "at-core.h"

G_BEGIN_DECLS

void      at_editor_field_describe    (GtkWidget     *field,
                                       const char    *description);
void      at_editor_field_mark        (GtkWidget     *field,
                                       const char    *reason);
void      at_editor_field_unmark      (GtkWidget     *field);
char     *at_editor_field_get_text    (GtkWidget     *editable);
void      at_editor_field_show_text   (GtkWidget     *editable,
                                       AtRecord      *record,
                                       const char    *column);
void      at_editor_field_show_scale  (GtkSpinButton *spin,
                                       AtRecord      *record,
                                       const char    *column);
void      at_editor_record_set_text   (AtRecord      *record,
                                       const char    *column,
                                       const char    *text);
void      at_editor_record_set_scale  (AtRecord      *record,
                                       const char    *column,
                                       GtkSpinButton *spin);
gboolean  at_editor_parse_number      (const char    *text,
                                       double        *value);
AtRecord *at_editor_find_unit         (GPtrArray     *units,
                                       gint64         unit_id);
const char *at_editor_unit_string     (GPtrArray     *units,
                                       gint64         unit_id,
                                       const char    *column);
AtActivityMetric *at_editor_metric_to_fill (AtActivityMetric *stored);

G_END_DECLS
