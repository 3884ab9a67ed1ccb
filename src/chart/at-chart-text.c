/* at-chart-text.c: Pango text for the charts. */

#define G_LOG_DOMAIN "at-chart"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "at-chart-text.h"

static void
set_up_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
}

/* One context per thread for measuring and drawing, and the layouts of
 * the labels drawn lately: a chart redrawn at another size or on hover
 * shows the same labels, and shaping them again is most of a frame. */
typedef struct
{
  PangoContext *context;
  GHashTable   *layouts;   /* "size:bold:text" → PangoLayout */
} TextCache;

#define MAX_CACHED_LAYOUTS 512

static void
text_cache_free (gpointer data)
{
  TextCache *cache = data;

  g_hash_table_unref (cache->layouts);
  g_object_unref (cache->context);
  g_free (cache);
}

static TextCache *
get_cache (void)
{
  static GPrivate key = G_PRIVATE_INIT (text_cache_free);
  TextCache *cache = g_private_get (&key);

  if (cache == NULL)
    {
      cache = g_new0 (TextCache, 1);
      cache->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      set_up_context (cache->context);
      cache->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_private_set (&key, cache);
    }
  return cache;
}

static void
set_text (PangoLayout *layout,
          const char  *text,
          double       size,
          gboolean     bold)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (AT_CHART_FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
}

/* A layout of @text on the thread's context, kept for the next time. */
static PangoLayout *
get_layout (TextCache  *cache,
            const char *text,
            double      size,
            gboolean    bold)
{
  g_autofree char *key = g_strdup_printf ("%g:%d:%s", size, bold, text);
  PangoLayout *layout = g_hash_table_lookup (cache->layouts, key);

  if (layout != NULL)
    return layout;

  if (g_hash_table_size (cache->layouts) >= MAX_CACHED_LAYOUTS)
    g_hash_table_remove_all (cache->layouts);
  layout = pango_layout_new (cache->context);
  set_text (layout, text, size, bold);
  g_hash_table_insert (cache->layouts, g_steal_pointer (&key), layout);
  return layout;
}

/* The logical size of @text in pixels. */
void
at_chart_text_measure (const char *text,
                       double      size,
                       gboolean    bold,
                       double     *width,
                       double     *height)
{
  PangoLayout *layout = get_layout (get_cache (), text, size, bold);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/**
 * at_chart_text_draw:
 * @xalign: 0 puts the text's left edge at @x, 0.5 its centre, 1 its right
 * @yalign: the same for @y, top to bottom
 */
void
at_chart_text_draw (cairo_t            *cr,
                    const char         *text,
                    double              size,
                    gboolean            bold,
                    const AtChartColor *color,
                    double              x,
                    double              y,
                    double              xalign,
                    double              yalign)
{
  TextCache *cache = get_cache ();
  PangoLayout *layout;
  PangoRectangle logical;

  /* The target's options (vector or not) meet ours; layouts notice a change. */
  pango_cairo_update_context (cr, cache->context);
  layout = get_layout (cache, text, size, bold);
  pango_layout_get_extents (layout, NULL, &logical);

  cairo_save (cr);
  at_chart_color_set_source (cr, color);
  cairo_move_to (cr,
                 round (x - xalign * logical.width / PANGO_SCALE),
                 round (y - yalign * logical.height / PANGO_SCALE));
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}
