#pragma once

#include <adwaita.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_SAVE_TEMPLATE_DIALOG (at_save_template_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AtSaveTemplateDialog, at_save_template_dialog, AT, SAVE_TEMPLATE_DIALOG,
                      AdwMessageDialog)

GtkWidget *at_save_template_dialog_new (GtkWindow *parent,
                                        AtStore   *store,
                                        gint64     user_id,
                                        gint64     session_id);

G_END_DECLS
