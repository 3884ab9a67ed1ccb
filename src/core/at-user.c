/* at-user.c: AtUser, a row of app_user. */

#define G_LOG_DOMAIN "at-user"

#include "config.h"

#include <glib/gi18n.h>

#include "at-user.h"
#include "at-store.h"

/* A user profile: name, contact and display preferences. */
struct _AtUser
{
  AtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtUser, at_user, AT_TYPE_RECORD)

static const AtColumn columns[] = {
  { "username", AT_COLUMN_TEXT, AT_COLUMN_REQUIRED, 0, 0, 0, 50 },
  { "email", AT_COLUMN_TEXT, AT_COLUMN_REQUIRED, 0, 0, 0, 255 },
  { "password_hash", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 255 },
  { "first_name", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 100 },
  { "last_name", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 100 },
  { "avatar_url", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 500 },
  { "timezone", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 50 },
  { "measurement_preference", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 10 },
  { "weight_unit_id", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "distance_unit_id", AT_COLUMN_INTEGER, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "date_format", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 20 },
  { "language", AT_COLUMN_TEXT, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 10 },
  { "is_active", AT_COLUMN_BOOLEAN, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "email_verified", AT_COLUMN_BOOLEAN, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "last_login_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_FLAGS_NONE, 0, 0, 0, 0 },
  { "created_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
  { "updated_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
  { "deleted_at", AT_COLUMN_TIMESTAMP, AT_COLUMN_GENERATED, 0, 0, 0, 0 },
};

/* The schema's e-mail pattern; SQLite's CHECK says the same without regex. */
#define EMAIL_PATTERN "^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Z|a-z]{2,}$"

static gboolean
at_user_validate (AtRecord  *record,
                  GError   **error)
{
  const char *username = at_record_get_string (record, "username");
  const char *email = at_record_get_string (record, "email");
  const char *preference = at_record_get_string (record, "measurement_preference");
  const char *timezone = at_record_get_string (record, "timezone");

  if (g_utf8_strlen (username, -1) < 3)
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
                   _("app_user.username: must be at least 3 characters long"));
      return FALSE;
    }

  if (!g_regex_match_simple (EMAIL_PATTERN, email, G_REGEX_CASELESS, 0))
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
                   _("app_user.email: “%s” is not an e-mail address"), email);
      return FALSE;
    }

  if (preference != NULL && !g_str_equal (preference, "metric") && !g_str_equal (preference, "imperial"))
    {
      g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
                   _("app_user.measurement_preference: must be “metric” or “imperial”"));
      return FALSE;
    }

  if (timezone != NULL)
    {
      g_autoptr(GTimeZone) zone = at_time_zone_lookup (timezone);

      if (zone == NULL)
        {
          g_set_error (error, AT_STORE_ERROR, AT_STORE_ERROR_INVALID,
                       _("app_user.timezone: “%s” is not a known timezone"), timezone);
          return FALSE;
        }
    }

  return TRUE;
}

static void
at_user_class_init (AtUserClass *klass)
{
  AtRecordClass *record_class = AT_RECORD_CLASS (klass);

  at_record_class_set_table (record_class, "app_user", columns, G_N_ELEMENTS (columns));
  record_class->owner_column = "id";
  record_class->has_uuid = TRUE;
  record_class->validate = at_user_validate;
}

static void
at_user_init (AtUser *self)
{
}

AtUser *
at_user_new (void)
{
  return g_object_new (AT_TYPE_USER, NULL);
}
