/* at-cli-sessions.c: the session commands, `sessions` and `add-session`. */

#define G_LOG_DOMAIN "at-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "at-cli.h"

#define DEFAULT_LIMIT 20

/* A page of the user's sessions, newest first. */
typedef struct
{
  AtRecord  *user;
  GPtrArray *sessions;
  guint      total;
  guint      offset;
  guint      limit;
} SessionPage;

static void
session_page_clear (SessionPage *page)
{
  g_clear_object (&page->user);
  g_clear_pointer (&page->sessions, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SessionPage, session_page_clear)

static gboolean
check_paging (int      limit,
              int      offset,
              GError **error)
{
  if (limit < 1)
    {
      g_set_error (error, AT_CLI_ERROR, AT_CLI_ERROR_USAGE,
                   _("--limit must be at least 1, not %d"), limit);
      return FALSE;
    }

  if (offset < 0)
    {
      g_set_error (error, AT_CLI_ERROR, AT_CLI_ERROR_USAGE,
                   _("--offset must be 0 or more, not %d"), offset);
      return FALSE;
    }

  return TRUE;
}

static gboolean
list_error (AtStore       *store,
            AtRecordList  *list,
            GError       **error)
{
  const GError *failure = at_record_list_get_error (list);

  if (failure == NULL)
    return FALSE;

  g_propagate_error (error, g_error_copy (failure));
  return TRUE;
}

/* Reads the rows [offset, offset + limit) through the lazy list. */
static gboolean
read_page (AtStore      *store,
           SessionPage  *page,
           GError      **error)
{
  g_autoptr(AtRecordList) list = at_record_list_new_sessions (store, at_record_get_id (page->user));
  guint end;

  page->total = g_list_model_get_n_items (G_LIST_MODEL (list));
  if (list_error (store, list, error))
    return at_cli_fail_in (store, error);

  page->sessions = g_ptr_array_new_with_free_func (g_object_unref);
  end = page->offset < page->total ? MIN (page->total, page->offset + page->limit) : page->offset;
  for (guint i = page->offset; i < end; i++)
    {
      AtRecord *session = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (session == NULL || list_error (store, list, error))
        {
          g_clear_object (&session);
          if (error != NULL && *error == NULL)
            g_set_error (error, AT_CLI_ERROR, AT_CLI_ERROR_FAILED,
                         _("the sessions changed while they were read"));
          return at_cli_fail_in (store, error);
        }
      g_ptr_array_add (page->sessions, session);
    }

  return TRUE;
}

static void
print_page_json (SessionPage *page)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "user_id");
  json_builder_add_int_value (builder, at_record_get_id (page->user));
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, page->total);
  json_builder_set_member_name (builder, "offset");
  json_builder_add_int_value (builder, page->offset);
  json_builder_set_member_name (builder, "limit");
  json_builder_add_int_value (builder, page->limit);
  json_builder_set_member_name (builder, "sessions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < page->sessions->len; i++)
    at_cli_json_add_record (builder, g_ptr_array_index (page->sessions, i), NULL);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  at_cli_json_print (builder);
}

static const char *
type_name (GListModel *types,
           gint64      id)
{
  guint n_types = types != NULL ? g_list_model_get_n_items (types) : 0;

  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(AtRecord) type = g_list_model_get_item (types, i);

      if (at_record_get_id (type) == id)
        return at_record_get_string (type, "name");
    }

  return NULL;
}

/* The start as it was where the session happened: its own UTC offset. */
static char *
format_start (AtRecord *session)
{
  g_autoptr(GTimeZone) zone =
    g_time_zone_new_offset ((gint32) at_record_get_int (session, "utc_offset_seconds"));

  return at_cli_format_time (at_record_get_int (session, "started_at"), zone);
}

static void
add_session_row (AtCliTable *table,
                 AtRecord   *session,
                 GListModel *types)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, at_record_get_id (session));
  g_autofree char *start = format_start (session);
  g_autofree char *duration = NULL;
  g_autofree char *rating = NULL;

  if (!at_record_is_null (session, "duration_minutes"))
    duration = at_cli_format_duration (at_record_get_int (session, "duration_minutes"));
  if (!at_record_is_null (session, "rating"))
    rating = g_strdup_printf ("%" G_GINT64_FORMAT, at_record_get_int (session, "rating"));

  at_cli_table_add_row (table, id, start, duration != NULL ? duration : "–",
                        type_name (types, at_record_get_int (session, "activity_type_id")),
                        at_record_get_string (session, "session_name"),
                        rating);
}

static void
print_page (AtStore     *store,
            SessionPage *page)
{
  const char *username = at_record_get_string (page->user, "username");
  g_autoptr(GListModel) types = NULL;
  g_autoptr(AtCliTable) table = NULL;

  if (page->sessions->len == 0)
    {
      if (page->total == 0)
        g_print (_("%s has no sessions yet.\n"), username);
      else
        g_print (_("%s has %u sessions; none from offset %u.\n"),
                 username, page->total, page->offset);
      return;
    }

  /* The names are a nicety: without them the table still makes sense. */
  types = at_store_list (store, at_record_get_id (page->user), AT_TYPE_ACTIVITY_TYPE,
                         NULL, 0, NULL);
  table = at_cli_table_new (_("ID"), _("Started"), _("Duration"), _("Type"), _("Name"),
                            _("Rating"), NULL);
  for (guint i = 0; i < page->sessions->len; i++)
    add_session_row (table, g_ptr_array_index (page->sessions, i), types);
  at_cli_table_print (table);

  g_print (_("\nSessions %u–%u of %u of %s\n"), page->offset + 1,
           page->offset + page->sessions->len, page->total, username);
}

gboolean
at_cli_cmd_sessions (const AtCliCommand  *command,
                     char               **args,
                     GError             **error)
{
  g_auto(AtCliOptions) options = { 0 };
  g_auto(SessionPage) page = { 0 };
  g_autoptr(AtStore) store = NULL;
  int limit = DEFAULT_LIMIT;
  int offset = 0;
  const GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit,
      N_("Show at most N sessions (default: 20)"), N_("N") },
    { "offset", 0, 0, G_OPTION_ARG_INT, &offset,
      N_("Skip the K newest sessions (default: 0)"), N_("K") },
    { NULL }
  };

  if (!at_cli_parse (command, args, entries, &options, error) ||
      !check_paging (limit, offset, error))
    return FALSE;

  store = at_cli_open_store (&options, FALSE, error);
  if (store == NULL)
    return FALSE;

  page.user = at_cli_find_user (store, options.user, error);
  if (page.user == NULL)
    return FALSE;

  page.limit = (guint) limit;
  page.offset = (guint) offset;
  if (!read_page (store, &page, error))
    return FALSE;

  if (options.json)
    print_page_json (&page);
  else
    print_page (store, &page);

  return TRUE;
}

/* add-session */

typedef struct
{
  char *type;
  char *start;
  char *end;
  char *name;
  char *notes;
  char *rating;
} NewSession;

static void
new_session_clear (NewSession *new_session)
{
  g_clear_pointer (&new_session->type, g_free);
  g_clear_pointer (&new_session->start, g_free);
  g_clear_pointer (&new_session->end, g_free);
  g_clear_pointer (&new_session->name, g_free);
  g_clear_pointer (&new_session->notes, g_free);
  g_clear_pointer (&new_session->rating, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NewSession, new_session_clear)

/* GLib wants seconds: "2024-05-01T07:30" becomes "2024-05-01T07:30:00"
 * and a bare date "2024-05-01" its midnight. */
static char *
complete_time (const char *text)
{
  g_autoptr(GRegex) minutes = g_regex_new ("^(\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2})(?!:)",
                                           G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GRegex) date = g_regex_new ("^(\\d{4}-\\d{2}-\\d{2})$", 0, 0, NULL);

  if (g_regex_match (minutes, text, 0, NULL))
    return g_regex_replace (minutes, text, -1, 0, "\\1:00", 0, NULL);
  if (g_regex_match (date, text, 0, NULL))
    return g_strconcat (text, "T00:00:00", NULL);

  return g_strdup (text);
}

/* An ISO 8601 date and time; without an offset, in the user's timezone. */
static gboolean
parse_time (const char  *option,
            const char  *text,
            GTimeZone   *zone,
            gint64      *unix_time,
            GError     **error)
{
  g_autofree char *completed = complete_time (text);
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (completed, zone);

  if (parsed == NULL)
    {
      g_set_error (error, AT_CLI_ERROR, AT_CLI_ERROR_USAGE,
                   _("--%s: “%s” is not an ISO 8601 date and time "
                     "such as 2024-05-01T07:30 or 2024-05-01T07:30:00+02:00"),
                   option, text);
      return FALSE;
    }

  *unix_time = g_date_time_to_unix (parsed);
  return TRUE;
}

static gboolean
parse_rating (const char  *text,
              gint64      *rating,
              GError     **error)
{
  if (!g_ascii_string_to_signed (text, 10, G_MININT32, G_MAXINT32, rating, NULL))
    {
      g_set_error (error, AT_CLI_ERROR, AT_CLI_ERROR_USAGE,
                   _("--rating: “%s” is not a whole number"), text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
names_match (const char *a,
             const char *b)
{
  g_autofree char *folded_a = g_utf8_casefold (a, -1);
  g_autofree char *folded_b = g_utf8_casefold (b, -1);

  return g_str_equal (folded_a, folded_b);
}

static gboolean
no_such_type (AtStore     *store,
              GListModel  *types,
              const char  *name,
              GError     **error)
{
  guint n_types = g_list_model_get_n_items (types);
  g_autoptr(GString) known = g_string_new (NULL);

  if (n_types == 0)
    {
      g_set_error (error, AT_CLI_ERROR, AT_CLI_ERROR_FAILED,
                   _("“%s” has no activity types: its catalogue is not installed"),
                   at_store_get_path (store));
      return FALSE;
    }

  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(AtRecord) type = g_list_model_get_item (types, i);

      g_string_append_printf (known, "%s%s", i > 0 ? ", " : "",
                              at_record_get_string (type, "name"));
    }

  g_set_error (error, AT_CLI_ERROR, AT_CLI_ERROR_FAILED,
               _("--type: there is no activity type “%s”; the types are: %s"),
               name, known->str);
  return FALSE;
}

/* Finds an activity type by name, exactly or else ignoring case. */
static gboolean
find_type (AtStore     *store,
           gint64       user_id,
           const char  *name,
           gint64      *type_id,
           GError     **error)
{
  g_autoptr(GListModel) types = at_store_list (store, user_id, AT_TYPE_ACTIVITY_TYPE,
                                               NULL, 0, error);
  guint n_types;

  if (types == NULL)
    return at_cli_fail_in (store, error);

  n_types = g_list_model_get_n_items (types);
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n_types; i++)
        {
          g_autoptr(AtRecord) type = g_list_model_get_item (types, i);
          const char *candidate = at_record_get_string (type, "name");

          if (pass == 0 ? g_str_equal (candidate, name) : names_match (candidate, name))
            {
              *type_id = at_record_get_id (type);
              return TRUE;
            }
        }
    }

  return no_such_type (store, types, name, error);
}

/* Builds the session from the options; the store validates the values. */
static AtSession *
build_session (AtStore     *store,
               AtRecord    *user,
               NewSession  *new_session,
               GError     **error)
{
  g_autoptr(AtSession) session = at_session_new ();
  g_autoptr(GTimeZone) zone = at_cli_user_zone (user);
  AtRecord *record = AT_RECORD (session);
  gint64 value = 0;

  if (!parse_time ("start", new_session->start, zone, &value, error))
    return NULL;
  at_record_set_int (record, "started_at", value);

  if (new_session->end != NULL)
    {
      if (!parse_time ("end", new_session->end, zone, &value, error))
        return NULL;
      at_record_set_int (record, "ended_at", value);
    }

  if (new_session->rating != NULL)
    {
      if (!parse_rating (new_session->rating, &value, error))
        return NULL;
      at_record_set_int (record, "rating", value);
    }

  if (!find_type (store, at_record_get_id (user), new_session->type, &value, error))
    return NULL;
  at_record_set_int (record, "activity_type_id", value);

  at_record_set_string (record, "session_name", new_session->name);
  at_record_set_string (record, "notes", new_session->notes);
  return g_steal_pointer (&session);
}

static void
print_added_session (AtRecord *session,
                     gboolean  json)
{
  g_autofree char *start = NULL;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      at_cli_json_add_record (builder, session, NULL);
      at_cli_json_print (builder);
      return;
    }

  start = format_start (session);
  g_print (_("Added session %" PRId64 " (started %s)\n"),
           at_record_get_id (session), start);
}

gboolean
at_cli_cmd_add_session (const AtCliCommand  *command,
                        char               **args,
                        GError             **error)
{
  g_auto(AtCliOptions) options = { 0 };
  g_auto(NewSession) new_session = { 0 };
  g_autoptr(AtStore) store = NULL;
  g_autoptr(AtRecord) user = NULL;
  g_autoptr(AtSession) session = NULL;
  const GOptionEntry entries[] = {
    { "type", 0, 0, G_OPTION_ARG_STRING, &new_session.type,
      N_("The activity type’s name, e.g. Running (required)"), N_("NAME") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &new_session.start,
      N_("When it started, ISO 8601; without an offset, in the user’s timezone (required)"),
      N_("ISO8601") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &new_session.end,
      N_("When it ended, ISO 8601"), N_("ISO8601") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &new_session.name,
      N_("The session’s name"), N_("TEXT") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &new_session.notes,
      N_("Notes"), N_("TEXT") },
    { "rating", 0, 0, G_OPTION_ARG_STRING, &new_session.rating,
      N_("How it went, 1 to 10"), N_("N") },
    { NULL }
  };

  if (!at_cli_parse (command, args, entries, &options, error) ||
      !at_cli_require_option ("type", new_session.type, error) ||
      !at_cli_require_option ("start", new_session.start, error))
    return FALSE;

  store = at_cli_open_store (&options, FALSE, error);
  if (store == NULL)
    return FALSE;

  user = at_cli_find_user (store, options.user, error);
  if (user == NULL)
    return FALSE;

  session = build_session (store, user, &new_session, error);
  if (session == NULL)
    return FALSE;

  if (!at_store_insert (store, at_record_get_id (user), AT_RECORD (session), error))
    return at_cli_fail_in (store, error);

  print_added_session (AT_RECORD (session), options.json);
  return TRUE;
}
