#pragma once

#include "at-chart-view.h"
#include "at-chart-window.h"

G_BEGIN_DECLS

struct _AtChartView
{
  GtkWidget             parent_instance;

  /* template widgets */
  GtkToggleButton      *month_button;
  GtkToggleButton      *quarter_button;
  GtkToggleButton      *year_button;
  GtkToggleButton      *all_button;
  GtkButton            *export_button;
  GtkDrawingArea       *area;

  /* owned */
  AtChart              *chart;
  GtkFileChooserNative *chooser;
  double                from;       /* visible range; NAN follows the data */
  double                to;
  AtChartWindow         gesture_start;  /* the range a drag or pinch began on */
  double                pointer_x;
  gboolean              updating_buttons;
};


void     _at_chart_view_update_description    (AtChartView         *self);
gboolean _at_chart_view_get_layout            (AtChartView         *self,
                                               AtChartLayout       *layout);
gboolean _at_chart_view_get_window            (AtChartView         *self,
                                               AtChartWindow       *window);
void     _at_chart_view_set_window            (AtChartView         *self,
                                               const AtChartWindow *window);
void     _at_chart_view_zoom_at               (AtChartView         *self,
                                               double               factor,
                                               double               anchor);
void     _at_chart_view_add_input_controllers (AtChartView         *self);

G_END_DECLS
