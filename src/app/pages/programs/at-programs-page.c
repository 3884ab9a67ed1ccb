/* at-programs-page.c: AtProgramsPage, the Programs page; for now it says what will be there. */

#define G_LOG_DOMAIN "at-programs-page"

#include "config.h"

#include "at-programs-page.h"

struct _AtProgramsPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (AtProgramsPage, at_programs_page, ADW_TYPE_BIN)

static void
at_programs_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AT_TYPE_PROGRAMS_PAGE);

  G_OBJECT_CLASS (at_programs_page_parent_class)->dispose (object);
}

static void
at_programs_page_class_init (AtProgramsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_programs_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/at-programs-page.ui");
}

static void
at_programs_page_init (AtProgramsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
at_programs_page_new (void)
{
  return g_object_new (AT_TYPE_PROGRAMS_PAGE, NULL);
}
