/* at-social-page.c: AtSocialPage, the Social page; for now it says what will be there. */

#define G_LOG_DOMAIN "at-social-page"

#include "config.h"

#include "at-social-page.h"

struct _AtSocialPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (AtSocialPage, at_social_page, ADW_TYPE_BIN)

static void
at_social_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AT_TYPE_SOCIAL_PAGE);

  G_OBJECT_CLASS (at_social_page_parent_class)->dispose (object);
}

static void
at_social_page_class_init (AtSocialPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_social_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/at-social-page.ui");
}

static void
at_social_page_init (AtSocialPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
at_social_page_new (void)
{
  return g_object_new (AT_TYPE_SOCIAL_PAGE, NULL);
}
