/* at-photos-page.c: AtPhotosPage, the Photos page; for now it says what will be there. */

#define G_LOG_DOMAIN "at-photos-page"

#include "config.h"

#include "at-photos-page.h"

struct _AtPhotosPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (AtPhotosPage, at_photos_page, ADW_TYPE_BIN)

static void
at_photos_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AT_TYPE_PHOTOS_PAGE);

  G_OBJECT_CLASS (at_photos_page_parent_class)->dispose (object);
}

static void
at_photos_page_class_init (AtPhotosPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_photos_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/at-photos-page.ui");
}

static void
at_photos_page_init (AtPhotosPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
at_photos_page_new (void)
{
  return g_object_new (AT_TYPE_PHOTOS_PAGE, NULL);
}
