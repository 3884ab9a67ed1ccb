#pragma once

#include <gtk/gtk.h>

#include "at-core.h"

G_BEGIN_DECLS

/* The set table's columns, which the rows share the widths of. */
typedef enum
{
  AT_SET_COLUMN_NUMBER,
  AT_SET_COLUMN_WEIGHT,
  AT_SET_COLUMN_PLATES,
  AT_SET_COLUMN_REPS,
  AT_SET_COLUMN_RPE,
  AT_SET_COLUMN_FLAGS,
  AT_SET_COLUMN_DELETE,
  AT_SET_N_COLUMNS
} AtSetColumn;

#define AT_TYPE_SET_ROW (at_set_row_get_type ())

G_DECLARE_FINAL_TYPE (AtSetRow, at_set_row, AT, SET_ROW, GtkBox)

GtkWidget     *at_set_row_new              (GtkSizeGroup * const  *columns,
                                            const char            *unit_symbol,
                                            double                 kg_per_unit);
void           at_set_row_set_number       (AtSetRow              *self,
                                            const char            *exercise,
                                            guint                  number,
                                            gboolean               can_delete);
void           at_set_row_set_plan         (AtSetRow              *self,
                                            double                 weight,
                                            int                    reps);
void           at_set_row_copy_plan        (AtSetRow              *self,
                                            AtSetRow              *from);
void           at_set_row_copy_all         (AtSetRow              *self,
                                            AtSetRow              *from);
void           at_set_row_show_set         (AtSetRow              *self,
                                            AtExerciseSet         *set,
                                            double                 weight);
AtExerciseSet *at_set_row_build_set        (AtSetRow              *self,
                                            gint64                 weight_unit_id,
                                            GError               **error);
gboolean       at_set_row_show_error       (AtSetRow              *self,
                                            const GError          *error);
void           at_set_row_clear_errors     (AtSetRow              *self);
void           at_set_row_focus            (AtSetRow              *self);
void           at_set_row_scroll_into_view (AtSetRow              *self);

G_END_DECLS
