/* at-save-template-dialog.c: AtSaveTemplateDialog, asks for the name of a
 * template made from a session, the session's own to begin with, and
 * saves it by at_store_run_async(). It emits ::add-toast with the outcome,
 * also after it has closed. */

#define G_LOG_DOMAIN "at-save-template-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "at-store-async.h"

#include "at-save-template-dialog.h"

struct _AtSaveTemplateDialog
{
  AdwMessageDialog  parent_instance;

  /* template widgets */
  GtkEntry         *name_entry;

  /* owned */
  AtStore          *store;
  gint64            user_id;
  gint64            session_id;
};

G_DEFINE_FINAL_TYPE (AtSaveTemplateDialog, at_save_template_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  ADD_TOAST,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

typedef struct
{
  gint64  user_id;
  gint64  session_id;
  char   *name;
} TemplateJob;

static void
template_job_free (gpointer data)
{
  TemplateJob *job = data;

  g_free (job->name);
  g_free (job);
}

static gboolean
save_template (AtStore       *store,
               gpointer       job_data,
               GCancellable  *cancellable,
               GError       **error)
{
  TemplateJob *job = job_data;

  return at_store_save_as_template (store, job->user_id, job->session_id, job->name, error) > 0;
}

static void
add_toast (AtSaveTemplateDialog *self,
           const char           *message)
{
  g_autoptr(AdwToast) toast = adw_toast_new (message);

  g_signal_emit (self, signals [ADD_TOAST], 0, toast);
}

static void
on_template_saved_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AtSaveTemplateDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  TemplateJob *job;

  if (!at_store_run_finish (AT_STORE (source), result, &error))
    {
      add_toast (self, error->message);
      return;
    }

  job = at_store_run_get_job_data (result);
  /* Translators: %s is the name the user gave a new template */
  message = g_strdup_printf (_("Template “%s” saved"), job->name);
  add_toast (self, message);
}

static void
on_name_changed_cb (AtSaveTemplateDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
  g_autofree char *name = g_strstrip (g_strdup (text));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", name[0] != '\0');
}

static void
on_name_activate_cb (AtSaveTemplateDialog *self)
{
  if (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "save"))
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "save");
}

static void
at_save_template_dialog_response (AdwMessageDialog *dialog,
                                  const char       *response)
{
  AtSaveTemplateDialog *self = AT_SAVE_TEMPLATE_DIALOG (dialog);
  TemplateJob *job;

  if (!g_str_equal (response, "save"))
    return;

  job = g_new0 (TemplateJob, 1);
  job->user_id = self->user_id;
  job->session_id = self->session_id;
  job->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  at_store_run_async (self->store, save_template, job, template_job_free, NULL,
                      on_template_saved_cb, g_object_ref (self));
}

static void
at_save_template_dialog_dispose (GObject *object)
{
  AtSaveTemplateDialog *self = AT_SAVE_TEMPLATE_DIALOG (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), AT_TYPE_SAVE_TEMPLATE_DIALOG);

  G_OBJECT_CLASS (at_save_template_dialog_parent_class)->dispose (object);
}

static void
at_save_template_dialog_class_init (AtSaveTemplateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = at_save_template_dialog_dispose;
  dialog_class->response = at_save_template_dialog_response;

  /**
   * AtSaveTemplateDialog::add-toast:
   * @toast: whether the template was saved
   */
  signals [ADD_TOAST] =
    g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/at-save-template-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtSaveTemplateDialog, name_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_activate_cb);
}

static void
at_save_template_dialog_init (AtSaveTemplateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * at_save_template_dialog_new:
 * @parent: the window it is modal to
 * @store: the profile database
 * @user_id: the profile
 * @session_id: the session the template is made from
 *
 * Returns: (transfer floating): the dialog, for gtk_window_present()
 */
GtkWidget *
at_save_template_dialog_new (GtkWindow *parent,
                             AtStore   *store,
                             gint64     user_id,
                             gint64     session_id)
{
  AtSaveTemplateDialog *self;
  g_autoptr(AtSession) session = NULL;

  g_return_val_if_fail (AT_IS_STORE (store), NULL);

  self = g_object_new (AT_TYPE_SAVE_TEMPLATE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->user_id = user_id;
  self->session_id = session_id;

  session = at_store_get (store, user_id, AT_TYPE_SESSION, session_id, NULL);
  if (session != NULL && at_session_get_session_name (session) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->name_entry), at_session_get_session_name (session));

  return GTK_WIDGET (self);
}
