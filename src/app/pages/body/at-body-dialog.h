#pragma once

#include <adwaita.h>

#include "at-core.h"

G_BEGIN_DECLS

#define AT_TYPE_BODY_DIALOG (at_body_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AtBodyDialog, at_body_dialog, AT, BODY_DIALOG, AdwWindow)

AtBodyDialog *at_body_dialog_new (GtkWindow *parent,
                                  AtStore   *store,
                                  gint64     user_id,
                                  gint64     metric_type_id);

G_END_DECLS
