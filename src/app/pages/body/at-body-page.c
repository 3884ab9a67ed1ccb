/* at-body-page.c: AtBodyPage, the Body page; for now it says what will be there. */

#define G_LOG_DOMAIN "at-body-page"

#include "config.h"

#include "at-body-page.h"

struct _AtBodyPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (AtBodyPage, at_body_page, ADW_TYPE_BIN)

static void
at_body_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AT_TYPE_BODY_PAGE);

  G_OBJECT_CLASS (at_body_page_parent_class)->dispose (object);
}

static void
at_body_page_class_init (AtBodyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_body_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/at-body-page.ui");
}

static void
at_body_page_init (AtBodyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
at_body_page_new (void)
{
  return g_object_new (AT_TYPE_BODY_PAGE, NULL);
}
