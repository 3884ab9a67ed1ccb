/* at-template-name-dialog.c: the dialog that asks for the name of a new
 * template, made from the session in the editor. Its responses are
 * "cancel" and "save". */

#define G_LOG_DOMAIN "at-template-name-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "at-editor-fields.h"
#include "at-template-name-dialog.h"

static GtkWidget *
new_name_entry (const char *suggested_name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), suggested_name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Template Name"),
                                  -1);
  return entry;
}

/**
 * at_template_name_dialog_new:
 * @parent: the session editor
 * @suggested_name: the name the entry starts with
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
AdwMessageDialog *
at_template_name_dialog_new (GtkWindow  *parent,
                             const char *suggested_name)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Save as Template"),
                                                       _("The stored session’s exercises and sets, as last saved, "
                                                         "become a plan to start new sessions from.")));
  adw_message_dialog_set_extra_child (dialog, new_name_entry (suggested_name));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save Template"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

/* Returns: (transfer full): the name as typed, without the blanks around it */
char *
at_template_name_dialog_get_name (AdwMessageDialog *dialog)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  return at_editor_field_get_text (adw_message_dialog_get_extra_child (dialog));
}
