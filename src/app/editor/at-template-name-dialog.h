#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwMessageDialog *at_template_name_dialog_new      (GtkWindow        *parent,
                                                    const char       *suggested_name);
char             *at_template_name_dialog_get_name (AdwMessageDialog *dialog);

G_END_DECLS
