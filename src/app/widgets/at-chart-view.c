/* at-chart-view.c: AtChartView, an AtChart on screen — range buttons; the
 * visible range, which at-chart-view-input.c moves by pointer, touchpad and
 * keys; a tooltip for the point under the pointer; its words as the
 * accessible description; export to PNG, SVG or PDF. */

#define G_LOG_DOMAIN "at-chart-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "at-chart-export.h"
#include "at-chart-view-private.h"

#define DAY (86400.0)
#define EXPORT_WIDTH 1600
#define EXPORT_HEIGHT 900

G_DEFINE_FINAL_TYPE (AtChartView, at_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

enum {
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
get_style (AtChartView  *self,
           AtChartStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkStyleContext *context;
  GdkRGBA accent;

  *style = adw_style_manager_get_dark (manager) ? *at_chart_style_get_dark ()
                                                : *at_chart_style_get_light ();

  /* The accent colour of the theme (libadwaita 1.2 has no API for it). */
  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  if (gtk_style_context_lookup_color (context, "accent_color", &accent))
    style->accent = (AtChartColor) { accent.red, accent.green, accent.blue, accent.alpha };
}

static char *
format_day (double time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local ((gint64) time);
  /* Translators: a date in a chart's description, see g_date_time_format() */
  g_autofree char *text = g_date_time_format (when, _("%-d %b %Y"));

  return g_strdup (g_strstrip (text));
}

void
_at_chart_view_update_description (AtChartView *self)
{
  g_autofree char *chart = NULL;
  g_autofree char *text = NULL;
  AtChartHit hit;

  if (self->chart == NULL)
    return;

  chart = at_chart_describe (self->chart);
  if (isfinite (self->from) && isfinite (self->to))
    {
      g_autofree char *from = format_day (self->from);
      g_autofree char *to = format_day (self->to);

      /* Translators: the range a chart shows, then the chart in words */
      text = g_strdup_printf (_("Showing %s to %s. %s"), from, to, chart);
    }
  else
    /* Translators: the chart shows all its data, then the chart in words */
    text = g_strdup_printf (_("Showing all data. %s"), chart);

  if (at_chart_get_highlight (self->chart, &hit))
    {
      g_autofree char *point = at_chart_describe_point (self->chart, &hit);
      g_autofree char *both = NULL;

      /* Translators: a chart's description, then the point the keyboard is on */
      both = g_strdup_printf (_("%s Selected: %s."), text, point);
      g_free (text);
      text = g_steal_pointer (&both);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  at_chart_get_title (self->chart) != NULL
                                    ? at_chart_get_title (self->chart) : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
apply_range (AtChartView *self)
{
  if (self->chart == NULL)
    return;

  if (isfinite (self->from) && isfinite (self->to) && self->to > self->from)
    at_chart_set_time_range (self->chart, self->from, self->to);
  else
    at_chart_set_time_range (self->chart, NAN, NAN);

  _at_chart_view_update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

/* Leaves the range buttons when zoom or pan moves away from them. */
static void
clear_range_buttons (AtChartView *self)
{
  GtkToggleButton *buttons[] = { self->month_button, self->quarter_button,
                                 self->year_button, self->all_button };

  self->updating_buttons = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_toggle_button_set_active (buttons[i], FALSE);
  self->updating_buttons = FALSE;
}

gboolean
_at_chart_view_get_layout (AtChartView   *self,
                           AtChartLayout *layout)
{
  return self->chart != NULL &&
         at_chart_get_layout (self->chart,
                              gtk_widget_get_width (GTK_WIDGET (self->area)),
                              gtk_widget_get_height (GTK_WIDGET (self->area)),
                              layout) &&
         layout->plot.width > 0;
}

/* The visible range now: the one set, or the one the chart picks for its
 * data. */
gboolean
_at_chart_view_get_window (AtChartView   *self,
                           AtChartWindow *window)
{
  AtChartLayout layout;

  if (isfinite (self->from) && isfinite (self->to))
    {
      *window = (AtChartWindow) { self->from, self->to };
      return TRUE;
    }
  if (!_at_chart_view_get_layout (self, &layout) &&
      !(self->chart != NULL && at_chart_get_layout (self->chart, 800, 400, &layout)))
    return FALSE;
  *window = (AtChartWindow) { layout.x_from, layout.x_to };
  return TRUE;
}

/* Shows a range the pointer or keys chose: no range button is it. */
void
_at_chart_view_set_window (AtChartView         *self,
                           const AtChartWindow *window)
{
  clear_range_buttons (self);
  self->from = window->from;
  self->to = window->to;
  apply_range (self);
}

void
_at_chart_view_zoom_at (AtChartView *self,
                        double       factor,
                        double       anchor)
{
  AtChartWindow window;

  if (!_at_chart_view_get_window (self, &window))
    return;
  at_chart_window_zoom (&window, factor, anchor);
  _at_chart_view_set_window (self, &window);
}

static void
draw_func (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  AtChartView *self = user_data;
  AtChartStyle style;

  if (self->chart == NULL)
    return;

  get_style (self, &style);
  at_chart_draw (self->chart, cr, width, height, &style);
}

static void
on_range_toggled_cb (AtChartView     *self,
                     GtkToggleButton *button)
{
  if (self->updating_buttons || !gtk_toggle_button_get_active (button))
    return;

  if (button == self->month_button)
    at_chart_view_set_range (self, AT_CHART_VIEW_RANGE_MONTH);
  else if (button == self->quarter_button)
    at_chart_view_set_range (self, AT_CHART_VIEW_RANGE_QUARTER);
  else if (button == self->year_button)
    at_chart_view_set_range (self, AT_CHART_VIEW_RANGE_YEAR);
  else
    at_chart_view_set_range (self, AT_CHART_VIEW_RANGE_ALL);
}

static void
on_area_resize_cb (AtChartView *self,
                   int          width,
                   int          height)
{
  _at_chart_view_update_description (self);
}

static void
show_toast (AtChartView *self,
            const char  *title)
{
  g_autoptr(AdwToast) toast = adw_toast_new (title);

  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
on_chooser_response_cb (AtChartView          *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file != NULL ? g_file_get_path (file) : NULL;

      if (path == NULL)
        show_toast (self, _("Charts can only be exported to local files"));
      else if (!at_chart_view_export_to_path (self, path, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Could not export the chart: %s"),
                                                      error->message);
          show_toast (self, message);
        }
      else
        show_toast (self, _("Chart exported"));
    }

  g_clear_object (&self->chooser);
}

static void
on_export_clicked_cb (AtChartView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileFilter *filter;
  const char *title;
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->chart == NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Chart"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Images and Documents (PNG, SVG, PDF)"));
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "svg");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);

  title = at_chart_get_title (self->chart);
  /* Translators: the file name an exported chart is offered with. */
  name = g_strdup_printf ("%s.png", title != NULL ? title : _("Chart"));
  g_strdelimit (name, "/", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
on_query_tooltip_cb (GtkWidget  *area,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  AtChartView *self = user_data;
  AtChartHit hit;
  g_autofree char *text = NULL;

  if (self->chart == NULL)
    return FALSE;
  if (keyboard ? !at_chart_get_highlight (self->chart, &hit)
               : !at_chart_hit_test (self->chart, gtk_widget_get_width (area),
                                     gtk_widget_get_height (area), x, y, &hit))
    return FALSE;

  text = at_chart_describe_point (self->chart, &hit);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_style_changed_cb (AtChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

/* Focus goes to the chart itself, where the keys work. */
static gboolean
at_chart_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (AT_CHART_VIEW (widget)->area));
}

static void
at_chart_view_dispose (GObject *object)
{
  AtChartView *self = (AtChartView *)object;
  GtkWidget *child;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->chart);

  gtk_widget_dispose_template (GTK_WIDGET (self), AT_TYPE_CHART_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (at_chart_view_parent_class)->dispose (object);
}

static void
at_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtChartView *self = AT_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
at_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AtChartView *self = AT_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      at_chart_view_set_chart (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
at_chart_view_class_init (AtChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_chart_view_dispose;
  object_class->get_property = at_chart_view_get_property;
  object_class->set_property = at_chart_view_set_property;
  widget_class->grab_focus = at_chart_view_grab_focus;

  /**
   * AtChartView:chart:
   *
   * The chart shown.
   */
  properties [PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL,
                         AT_TYPE_CHART,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtChartView::add-toast:
   * @toast: an #AdwToast
   *
   * Something to tell the user, such as an export that failed.
   */
  signals [ADD_TOAST] =
    g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/at-chart-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AtChartView, month_button);
  gtk_widget_class_bind_template_child (widget_class, AtChartView, quarter_button);
  gtk_widget_class_bind_template_child (widget_class, AtChartView, year_button);
  gtk_widget_class_bind_template_child (widget_class, AtChartView, all_button);
  gtk_widget_class_bind_template_child (widget_class, AtChartView, export_button);
  gtk_widget_class_bind_template_child (widget_class, AtChartView, area);
  gtk_widget_class_bind_template_callback (widget_class, on_range_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_area_resize_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chartview");
}

static void
at_chart_view_init (AtChartView *self)
{
  GtkLayoutManager *layout;

  self->from = NAN;
  self->to = NAN;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  gtk_drawing_area_set_draw_func (self->area, draw_func, self, NULL);
  g_signal_connect (self->area, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);
  _at_chart_view_add_input_controllers (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed_cb), self, G_CONNECT_SWAPPED);

  self->updating_buttons = TRUE;
  gtk_toggle_button_set_active (self->all_button, TRUE);
  self->updating_buttons = FALSE;
}

GtkWidget *
at_chart_view_new (void)
{
  return g_object_new (AT_TYPE_CHART_VIEW, NULL);
}

/**
 * at_chart_view_get_chart:
 *
 * Returns: (transfer none) (nullable): the chart shown
 */
AtChart *
at_chart_view_get_chart (AtChartView *self)
{
  g_return_val_if_fail (AT_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

/**
 * at_chart_view_set_chart:
 * @chart: (nullable): a chart
 *
 * Shows @chart in the range the buttons choose.
 */
void
at_chart_view_set_chart (AtChartView *self,
                         AtChart     *chart)
{
  g_return_if_fail (AT_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || AT_IS_CHART (chart));

  if (!g_set_object (&self->chart, chart))
    return;

  if (gtk_toggle_button_get_active (self->month_button))
    at_chart_view_set_range (self, AT_CHART_VIEW_RANGE_MONTH);
  else if (gtk_toggle_button_get_active (self->quarter_button))
    at_chart_view_set_range (self, AT_CHART_VIEW_RANGE_QUARTER);
  else if (gtk_toggle_button_get_active (self->year_button))
    at_chart_view_set_range (self, AT_CHART_VIEW_RANGE_YEAR);
  else
    at_chart_view_set_range (self, AT_CHART_VIEW_RANGE_ALL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), chart != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHART]);
}

/**
 * at_chart_view_set_range:
 *
 * Shows the last month, three months or year up to now, or all the data.
 */
void
at_chart_view_set_range (AtChartView      *self,
                         AtChartViewRange  range)
{
  GtkToggleButton *button;
  double now = (double) (g_get_real_time () / G_USEC_PER_SEC);
  double end;

  g_return_if_fail (AT_IS_CHART_VIEW (self));

  /* Up to today's end, so today's bar shows whole. */
  end = ceil (now / DAY) * DAY;

  switch (range)
    {
    case AT_CHART_VIEW_RANGE_MONTH:
      button = self->month_button;
      self->from = end - 30 * DAY;
      self->to = end;
      break;
    case AT_CHART_VIEW_RANGE_QUARTER:
      button = self->quarter_button;
      self->from = end - 91 * DAY;
      self->to = end;
      break;
    case AT_CHART_VIEW_RANGE_YEAR:
      button = self->year_button;
      self->from = end - 365 * DAY;
      self->to = end;
      break;
    case AT_CHART_VIEW_RANGE_ALL:
    default:
      button = self->all_button;
      self->from = NAN;
      self->to = NAN;
      break;
    }

  self->updating_buttons = TRUE;
  gtk_toggle_button_set_active (button, TRUE);
  self->updating_buttons = FALSE;

  apply_range (self);
}

/**
 * at_chart_view_zoom:
 * @factor: below 1 zooms in, above 1 out
 *
 * Narrows or widens the visible range around its middle.
 */
void
at_chart_view_zoom (AtChartView *self,
                    double       factor)
{
  g_return_if_fail (AT_IS_CHART_VIEW (self));
  g_return_if_fail (factor > 0);

  _at_chart_view_zoom_at (self, factor, 0.5);
}

/**
 * at_chart_view_pan:
 * @fraction: how much of the visible range to move by; negative moves back
 *   in time
 */
void
at_chart_view_pan (AtChartView *self,
                   double       fraction)
{
  AtChartWindow window;

  g_return_if_fail (AT_IS_CHART_VIEW (self));

  if (!_at_chart_view_get_window (self, &window))
    return;
  at_chart_window_pan (&window, fraction);
  _at_chart_view_set_window (self, &window);
}

/**
 * at_chart_view_describe:
 *
 * Returns: (transfer full) (nullable): the accessible description shown
 */
char *
at_chart_view_describe (AtChartView *self)
{
  g_return_val_if_fail (AT_IS_CHART_VIEW (self), NULL);

  return self->chart != NULL ? at_chart_describe (self->chart) : NULL;
}

/**
 * at_chart_view_export_to_path:
 * @path: a file name ending in .png, .svg or .pdf
 *
 * Draws the chart into @path at the widget's size (1600 × 900 when it has
 * none), in the style shown.
 */
gboolean
at_chart_view_export_to_path (AtChartView  *self,
                              const char   *path,
                              GError      **error)
{
  AtChartFormat format;
  AtChartStyle style;
  int width, height;

  g_return_val_if_fail (AT_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->chart == NULL)
    {
      g_set_error_literal (error, AT_CHART_ERROR, AT_CHART_ERROR_FAILED, _("There is no chart to export"));
      return FALSE;
    }

  if (!at_chart_format_from_path (path, &format, error))
    return FALSE;

  width = gtk_widget_get_width (GTK_WIDGET (self->area));
  height = gtk_widget_get_height (GTK_WIDGET (self->area));
  if (width <= 1 || height <= 1)
    {
      width = EXPORT_WIDTH;
      height = EXPORT_HEIGHT;
    }

  get_style (self, &style);

  return at_chart_export (self->chart, path, format, width, height, &style, error);
}
