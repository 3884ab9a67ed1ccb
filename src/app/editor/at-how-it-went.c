/* at-how-it-went.c: AtHowItWent, the session editor's fields for how a
 * session went: weather, mood before and after, energy, perceived
 * exertion, injuries, and notes. */

#define G_LOG_DOMAIN "at-how-it-went"

#include "config.h"

#include "at-editor-fields.h"
#include "at-how-it-went.h"

struct _AtHowItWent
{
  AdwBin         parent_instance;

  /* Template widgets */
  AdwEntryRow   *weather_row;
  AdwEntryRow   *mood_before_row;
  AdwEntryRow   *mood_after_row;
  GtkSpinButton *energy_spin;
  GtkSpinButton *exertion_spin;
  AdwEntryRow   *injuries_row;
  GtkTextView   *notes_view;
};

G_DEFINE_FINAL_TYPE (AtHowItWent, at_how_it_went, ADW_TYPE_BIN)

/* The columns the fields hold: text in entry rows, 1–10 in spin buttons
 * (the notes have their own text view). */
static const struct { const char *column; gsize offset; gboolean scale; } columns[] = {
  { "weather", G_STRUCT_OFFSET (AtHowItWent, weather_row), FALSE },
  { "mood_before", G_STRUCT_OFFSET (AtHowItWent, mood_before_row), FALSE },
  { "mood_after", G_STRUCT_OFFSET (AtHowItWent, mood_after_row), FALSE },
  { "energy_level", G_STRUCT_OFFSET (AtHowItWent, energy_spin), TRUE },
  { "perceived_exertion", G_STRUCT_OFFSET (AtHowItWent, exertion_spin), TRUE },
  { "injuries_noted", G_STRUCT_OFFSET (AtHowItWent, injuries_row), FALSE },
};

#define FIELD(self, offset) G_STRUCT_MEMBER (GtkWidget *, self, offset)

static void
at_how_it_went_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AT_TYPE_HOW_IT_WENT);

  G_OBJECT_CLASS (at_how_it_went_parent_class)->dispose (object);
}

static void
at_how_it_went_class_init (AtHowItWentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = at_how_it_went_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/at-how-it-went.ui");
  gtk_widget_class_bind_template_child (widget_class, AtHowItWent, weather_row);
  gtk_widget_class_bind_template_child (widget_class, AtHowItWent, mood_before_row);
  gtk_widget_class_bind_template_child (widget_class, AtHowItWent, mood_after_row);
  gtk_widget_class_bind_template_child (widget_class, AtHowItWent, energy_spin);
  gtk_widget_class_bind_template_child (widget_class, AtHowItWent, exertion_spin);
  gtk_widget_class_bind_template_child (widget_class, AtHowItWent, injuries_row);
  gtk_widget_class_bind_template_child (widget_class, AtHowItWent, notes_view);
}

static void
at_how_it_went_init (AtHowItWent *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * at_how_it_went_show:
 * @session: an activity_session record
 *
 * Shows how @session went.
 */
void
at_how_it_went_show (AtHowItWent *self,
                     AtRecord    *session)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (AT_IS_HOW_IT_WENT (self));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkWidget *field = FIELD (self, columns[i].offset);

      if (columns[i].scale)
        at_editor_field_show_scale (GTK_SPIN_BUTTON (field), session, columns[i].column);
      else
        at_editor_field_show_text (field, session, columns[i].column);
    }

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_set_text (buffer, at_record_is_null (session, "notes")
                                    ? "" : at_record_get_string (session, "notes"), -1);
}

/**
 * at_how_it_went_fill:
 * @session: an activity_session record
 *
 * Sets @session's columns to the fields, NULL for the empty ones.
 */
void
at_how_it_went_fill (AtHowItWent *self,
                     AtRecord    *session)
{
  GtkTextBuffer *buffer;
  g_autofree char *notes = NULL;
  GtkTextIter start, end;

  g_return_if_fail (AT_IS_HOW_IT_WENT (self));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkWidget *field = FIELD (self, columns[i].offset);
      g_autofree char *text = NULL;

      if (columns[i].scale)
        {
          at_editor_record_set_scale (session, columns[i].column, GTK_SPIN_BUTTON (field));
          continue;
        }
      text = at_editor_field_get_text (field);
      at_editor_record_set_text (session, columns[i].column, text);
    }

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  at_editor_record_set_text (session, "notes", notes);
}

/**
 * at_how_it_went_show_error:
 * @error: the core's, "activity_session.weather: …"
 *
 * Returns: %TRUE if @error is about one of the fields, now marked
 */
gboolean
at_how_it_went_show_error (AtHowItWent  *self,
                           const GError *error)
{
  g_return_val_if_fail (AT_IS_HOW_IT_WENT (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("activity_session.%s:", columns[i].column);

      if (g_str_has_prefix (error->message, prefix))
        {
          at_editor_field_mark (FIELD (self, columns[i].offset), error->message);
          return TRUE;
        }
    }

  if (!g_str_has_prefix (error->message, "activity_session.notes:"))
    return FALSE;
  at_editor_field_mark (GTK_WIDGET (self->notes_view), error->message);
  return TRUE;
}

void
at_how_it_went_clear_errors (AtHowItWent *self)
{
  g_return_if_fail (AT_IS_HOW_IT_WENT (self));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    at_editor_field_unmark (FIELD (self, columns[i].offset));
  at_editor_field_unmark (GTK_WIDGET (self->notes_view));
}
