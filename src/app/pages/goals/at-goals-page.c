/* at-goals-page.c: AtGoalsPage, the Goals page; for now it says what will be there. */

#define G_LOG_DOMAIN "at-goals-page"

#include "config.h"

#include "at-goals-page.h"

struct _AtGoalsPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (AtGoalsPage, at_goals_page, ADW_TYPE_BIN)

static void
at_goals_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AT_TYPE_GOALS_PAGE);

  G_OBJECT_CLASS (at_goals_page_parent_class)->dispose (object);
}

static void
at_goals_page_class_init (AtGoalsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_goals_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/at-goals-page.ui");
}

static void
at_goals_page_init (AtGoalsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
at_goals_page_new (void)
{
  return g_object_new (AT_TYPE_GOALS_PAGE, NULL);
}
