/* at-achievements-page.c: AtAchievementsPage, the Achievements page; for now it says what will be there. */

#define G_LOG_DOMAIN "at-achievements-page"

#include "config.h"

#include "at-achievements-page.h"

struct _AtAchievementsPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (AtAchievementsPage, at_achievements_page, ADW_TYPE_BIN)

static void
at_achievements_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AT_TYPE_ACHIEVEMENTS_PAGE);

  G_OBJECT_CLASS (at_achievements_page_parent_class)->dispose (object);
}

static void
at_achievements_page_class_init (AtAchievementsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_achievements_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/at-achievements-page.ui");
}

static void
at_achievements_page_init (AtAchievementsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
at_achievements_page_new (void)
{
  return g_object_new (AT_TYPE_ACHIEVEMENTS_PAGE, NULL);
}
