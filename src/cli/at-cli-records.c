/* at-cli-records.c: `prs`, a user's personal records, and `search`, the
 * full-text search of sessions and of the exercise catalogue. */

#define G_LOG_DOMAIN "at-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "at-cli.h"

typedef struct
{
  char   *exercise;
  char   *kind;
  double  value;
  double  previous;
  gboolean has_previous;
  gint64  unit_id;
  gint64  achieved_at;
  gint64  session_id;
} Record;

static void
record_clear (gpointer data)
{
  Record *record = data;

  g_free (record->exercise);
  g_free (record->kind);
}

static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  const Record *x = a, *y = b;
  int by_exercise = g_utf8_collate (x->exercise, y->exercise);

  return by_exercise != 0 ? by_exercise : g_strcmp0 (x->kind, y->kind);
}

/* The user's records through the store, named and sorted by exercise;
 * @exercise (any case) keeps only that exercise's. */
static GArray *
read_records (AtStore     *store,
              gint64       user_id,
              const char  *exercise,
              GError     **error)
{
  g_autoptr(GListModel) stored = at_store_list (store, user_id, AT_TYPE_PERSONAL_RECORD, NULL, 0, error);
  g_autoptr(GArray) records = g_array_new (FALSE, TRUE, sizeof (Record));

  if (stored == NULL)
    return NULL;
  g_array_set_clear_func (records, record_clear);

  for (guint i = 0; i < g_list_model_get_n_items (stored); i++)
    {
      g_autoptr(AtRecord) row = g_list_model_get_item (stored, i);
      g_autoptr(AtRecord) subtype = at_store_get (store, user_id, AT_TYPE_ACTIVITY_SUBTYPE,
                                                  at_record_get_int (row, "activity_subtype_id"), error);
      Record record;

      if (subtype == NULL)
        return NULL;
      if (exercise != NULL &&
          g_ascii_strcasecmp (exercise, at_record_get_string (subtype, "name")) != 0)
        continue;

      record = (Record) {
        g_strdup (at_record_get_string (subtype, "name")),
        g_strdup (at_record_get_string (row, "record_type")),
        at_record_get_double (row, "record_value"),
        at_record_get_double (row, "previous_record_value"),
        !at_record_is_null (row, "previous_record_value"),
        at_record_get_int (row, "unit_id"),
        at_record_get_int (row, "achieved_at"),
        at_record_get_int (row, "session_id"),
      };
      g_array_append_val (records, record);
    }

  g_array_sort (records, compare_records);
  return g_steal_pointer (&records);
}

/* A record in the user's unit: weights converted, reps as they are. */
static char *
format_value (AtStore  *store,
              gint64    user_id,
              double    value,
              gint64    unit_id,
              GError  **error)
{
  gint64 shown_unit = 0;
  double shown;
  g_autoptr(AtRecord) unit = NULL;

  if (unit_id == 0)
    return g_strdup_printf (_("%.0f reps"), value);
  if (!at_store_to_user_weight (store, user_id, value, unit_id, &shown, &shown_unit, error))
    return NULL;
  unit = at_store_get (store, user_id, AT_TYPE_UNIT, shown_unit, error);
  if (unit == NULL)
    return NULL;
  return g_strdup_printf ("%.1f %s", shown, at_record_get_string (unit, "symbol"));
}

static gboolean
print_records (AtStore   *store,
               AtRecord  *user,
               GArray    *records,
               GError   **error)
{
  g_autoptr(AtCliTable) table = at_cli_table_new (_("Exercise"), _("Record"), _("Value"),
                                                  _("Previous"), _("Achieved"), NULL);
  g_autoptr(GTimeZone) zone = at_cli_user_zone (user);

  for (guint i = 0; i < records->len; i++)
    {
      Record *r = &g_array_index (records, Record, i);
      g_autofree char *value = format_value (store, at_record_get_id (user), r->value, r->unit_id, error);
      g_autofree char *previous = NULL;
      g_autofree char *achieved = at_cli_format_time (r->achieved_at, zone);

      if (value == NULL)
        return FALSE;
      previous = r->has_previous
               ? format_value (store, at_record_get_id (user), r->previous, r->unit_id, error)
               : g_strdup ("–");
      if (previous == NULL)
        return FALSE;
      at_cli_table_add_row (table, r->exercise, r->kind, value, previous, achieved, NULL);
    }
  at_cli_table_print (table);
  return TRUE;
}

static void
print_records_json (AtRecord *user,
                    GArray   *records)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "user_id");
  json_builder_add_int_value (builder, at_record_get_id (user));
  json_builder_set_member_name (builder, "personal_records");
  json_builder_begin_array (builder);
  for (guint i = 0; i < records->len; i++)
    {
      Record *r = &g_array_index (records, Record, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "exercise");
      json_builder_add_string_value (builder, r->exercise);
      json_builder_set_member_name (builder, "record_type");
      json_builder_add_string_value (builder, r->kind);
      json_builder_set_member_name (builder, "record_value");
      json_builder_add_double_value (builder, r->value);
      json_builder_set_member_name (builder, "previous_record_value");
      if (r->has_previous)
        json_builder_add_double_value (builder, r->previous);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "unit_id");
      if (r->unit_id != 0)
        json_builder_add_int_value (builder, r->unit_id);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "achieved_at");
      json_builder_add_int_value (builder, r->achieved_at);
      json_builder_set_member_name (builder, "session_id");
      json_builder_add_int_value (builder, r->session_id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  at_cli_json_print (builder);
}

gboolean
at_cli_cmd_prs (const AtCliCommand  *command,
                char               **args,
                GError             **error)
{
  g_auto(AtCliOptions) options = { 0 };
  g_autoptr(AtStore) store = NULL;
  g_autoptr(AtRecord) user = NULL;
  g_autoptr(GArray) records = NULL;
  g_autofree char *exercise = NULL;
  const GOptionEntry entries[] = {
    { "exercise", 0, 0, G_OPTION_ARG_STRING, &exercise, N_("Only this exercise, e.g. “Squat”"), "NAME" },
    { NULL }
  };

  if (!at_cli_parse (command, args, entries, &options, error))
    return FALSE;
  store = at_cli_open_store (&options, FALSE, error);
  if (store == NULL)
    return FALSE;
  user = at_cli_find_user (store, options.user, error);
  if (user == NULL)
    return FALSE;

  records = read_records (store, at_record_get_id (user), exercise, error);
  if (records == NULL)
    return at_cli_fail_in (store, error);

  if (options.json)
    print_records_json (user, records);
  else if (!print_records (store, user, records, error))
    return at_cli_fail_in (store, error);
  return TRUE;
}

static void
print_exercises (GListModel *exercises,
                 gboolean    json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(AtCliTable) table = at_cli_table_new (_("ID"), _("Exercise"), _("Difficulty"), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "exercises");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(AtRecord) exercise = g_list_model_get_item (exercises, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, at_record_get_id (exercise));
      const char *difficulty = at_record_get_string (exercise, "difficulty_level");

      at_cli_json_add_record (builder, exercise, NULL);
      at_cli_table_add_row (table, id, at_record_get_string (exercise, "name"),
                            difficulty != NULL ? difficulty : "–", NULL);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (json)
    at_cli_json_print (builder);
  else
    at_cli_table_print (table);
}

static void
print_sessions (GListModel *sessions,
                AtRecord   *user,
                gboolean    json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(AtCliTable) table = at_cli_table_new (_("ID"), _("Started"), _("Name"), NULL);
  g_autoptr(GTimeZone) zone = at_cli_user_zone (user);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sessions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(AtRecord) session = g_list_model_get_item (sessions, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, at_record_get_id (session));
      g_autofree char *started = at_cli_format_time (at_record_get_int (session, "started_at"), zone);
      const char *name = at_record_get_string (session, "session_name");

      at_cli_json_add_record (builder, session, NULL);
      at_cli_table_add_row (table, id, started, name != NULL ? name : "–", NULL);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (json)
    at_cli_json_print (builder);
  else
    at_cli_table_print (table);
}

gboolean
at_cli_cmd_search (const AtCliCommand  *command,
                   char               **args,
                   GError             **error)
{
  g_auto(AtCliOptions) options = { 0 };
  g_autoptr(AtStore) store = NULL;
  g_autoptr(AtRecord) user = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autofree char *text = NULL;
  gboolean exercises = FALSE;
  gboolean newest = FALSE;
  int limit = 50;
  const GOptionEntry entries[] = {
    { "exercises", 0, 0, G_OPTION_ARG_NONE, &exercises, N_("Search the exercise catalogue"), NULL },
    { "newest", 0, 0, G_OPTION_ARG_NONE, &newest, N_("Newest sessions first, not best matches"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many results (default 50)"), "N" },
    { NULL }
  };

  if (!at_cli_parse (command, args, entries, &options, error))
    return FALSE;
  if (args[1] == NULL || args[2] != NULL || limit < 1)
    {
      g_set_error (error, AT_CLI_ERROR, AT_CLI_ERROR_USAGE,
                   _("search takes one text to look for, in quotes if it has spaces"));
      return FALSE;
    }
  text = g_strdup (args[1]);

  store = at_cli_open_store (&options, FALSE, error);
  if (store == NULL)
    return FALSE;

  if (exercises)
    {
      results = at_store_search_exercises (store, text, limit, error);
      if (results == NULL)
        return at_cli_fail_in (store, error);
      print_exercises (results, options.json);
      return TRUE;
    }

  user = at_cli_find_user (store, options.user, error);
  if (user == NULL)
    return FALSE;
  results = at_store_search_sessions (store, at_record_get_id (user), text,
                                      newest ? AT_SEARCH_BY_NEWEST : AT_SEARCH_BY_RANK,
                                      AT_SEARCH_WITH_EXERCISES, limit, error);
  if (results == NULL)
    return at_cli_fail_in (store, error);
  print_sessions (results, user, options.json);
  return TRUE;
}
