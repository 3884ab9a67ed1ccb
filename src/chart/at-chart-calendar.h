/* at-chart-calendar.h: a year's activity as a heat-map — 53 weeks of
 * 7 days (Monday on top), each day in one of 5 intensity levels, with
 * month labels and a legend. */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "at-chart-style.h"

G_BEGIN_DECLS

#define AT_CHART_CALENDAR_WEEKS 53
#define AT_CHART_CALENDAR_LEVELS 5

#define AT_TYPE_CHART_CALENDAR (at_chart_calendar_get_type ())

G_DECLARE_FINAL_TYPE (AtChartCalendar, at_chart_calendar, AT, CHART_CALENDAR, GObject)

AtChartCalendar *at_chart_calendar_new            (const char         *last_day);
void             at_chart_calendar_set_title      (AtChartCalendar    *self,
                                                   const char         *title);
void             at_chart_calendar_set_unit       (AtChartCalendar    *self,
                                                   const char         *unit);
char            *at_chart_calendar_get_first_day  (AtChartCalendar    *self);
gboolean         at_chart_calendar_set_day        (AtChartCalendar    *self,
                                                   const char         *date,
                                                   double              value);
guint            at_chart_calendar_get_level      (AtChartCalendar    *self,
                                                   double              value);
gboolean         at_chart_calendar_get_cell       (AtChartCalendar    *self,
                                                   int                 width,
                                                   int                 height,
                                                   guint               week,
                                                   guint               weekday,
                                                   cairo_rectangle_t  *cell);
void             at_chart_calendar_draw           (AtChartCalendar    *self,
                                                   cairo_t            *cr,
                                                   int                 width,
                                                   int                 height,
                                                   const AtChartStyle *style);
char            *at_chart_calendar_describe       (AtChartCalendar    *self);

G_END_DECLS
