/* at-progress-page.c: AtProgressPage, the Progress page; for now it says what will be there. */

#define G_LOG_DOMAIN "at-progress-page"

#include "config.h"

#include "at-progress-page.h"

struct _AtProgressPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (AtProgressPage, at_progress_page, ADW_TYPE_BIN)

static void
at_progress_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AT_TYPE_PROGRESS_PAGE);

  G_OBJECT_CLASS (at_progress_page_parent_class)->dispose (object);
}

static void
at_progress_page_class_init (AtProgressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_progress_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/at-progress-page.ui");
}

static void
at_progress_page_init (AtProgressPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
at_progress_page_new (void)
{
  return g_object_new (AT_TYPE_PROGRESS_PAGE, NULL);
}
