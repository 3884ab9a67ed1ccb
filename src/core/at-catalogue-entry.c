/* at-catalogue-entry.c: one catalogue entry read from its JSON object:
 * each member checked against its kind's field (type, sign, length,
 * choices, validation rule, achievement criteria), references resolved by
 * name, and the values bound to the kind's upsert. Errors name the file,
 * the entry and the member.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "at-catalogue"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "at-catalogue-private.h"

static const char * const lookup_sql[N_LOOKUPS] = {
  "SELECT id FROM unit WHERE name = ?1",
  "SELECT id FROM activity_category WHERE name = ?1",
  "SELECT id FROM activity_type WHERE name = ?1",
};

static const char * const lookup_what[N_LOOKUPS] = {
  "unit",
  "category",
  "activity type",
};

static const struct
{
  const char *kind;
  const char *amount;
  gboolean    per_activity_type;
} criteria_kinds[] = {
  { "streak_days",             "days",  FALSE },
  { "session_count",           "count", TRUE },
  { "total_volume_kg",         "value", FALSE },
  { "total_distance_km",       "value", TRUE },
  { "total_minutes",           "value", TRUE },
  { "pr_count",                "count", FALSE },
  { "distinct_activity_types", "count", FALSE },
  { "goals_completed",         "count", FALSE },
  { "body_metrics_logged",     "count", FALSE },
};

static void
describe_entry (const Entry *entry,
                GString     *out)
{
  if (entry->parent != NULL)
    describe_entry (entry->parent, out);
  else
    g_string_append (out, entry->file);

  g_string_append_printf (out, ": %s %u", entry->what, entry->number);
  if (entry->key != NULL)
    g_string_append_printf (out, " (\"%s\")", entry->key);
}

/**
 * _at_catalogue_entry_error:
 *
 * Sets @error to the entry's place (file, entry, nested entry) and the
 * message.
 *
 * Returns: %FALSE
 */
gboolean
_at_catalogue_entry_error (const Entry  *entry,
                           GError      **error,
                           int           code,
                           const char   *format,
                           ...)
{
  g_autoptr (GString) message = g_string_new (NULL);
  va_list args;

  describe_entry (entry, message);
  g_string_append (message, ": ");

  va_start (args, format);
  g_string_append_vprintf (message, format, args);
  va_end (args);

  g_set_error_literal (error, AT_CATALOGUE_ERROR, code, message->str);
  return FALSE;
}

gboolean
_at_catalogue_holds_type (JsonNode *node,
                          GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
holds_number (JsonNode *node)
{
  return _at_catalogue_holds_type (node, G_TYPE_INT64) ||
         _at_catalogue_holds_type (node, G_TYPE_DOUBLE);
}

static double
get_number (JsonNode *node)
{
  if (_at_catalogue_holds_type (node, G_TYPE_INT64))
    return json_node_get_int (node);

  return json_node_get_double (node);
}

const char *
_at_catalogue_get_string_member (JsonObject *object,
                                 const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && _at_catalogue_holds_type (node, G_TYPE_STRING)
         ? json_node_get_string (node) : NULL;
}

static gboolean
lookup_id (Installer   *self,
           Lookup       lookup,
           const char  *name,
           gint64      *out_id,
           GError     **error)
{
  sqlite3_stmt *stmt = self->lookups[lookup];
  int rc;

  *out_id = 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      g_set_error (error, AT_CATALOGUE_ERROR, AT_CATALOGUE_ERROR_SQL,
                   "cannot look up %s \"%s\": %s", lookup_what[lookup], name,
                   sqlite3_errmsg (self->db));
      return FALSE;
    }

  return TRUE;
}

/* Returns NULL when @rule follows the syntax of at-catalogue.h, else what is wrong. */
static char *
check_rule (const char *rule)
{
  g_auto (GStrv) clauses = g_strsplit (rule, ";", -1);
  double bounds[2] = { 0, 0 };
  gboolean has_bound[2] = { FALSE, FALSE };

  for (guint i = 0; clauses[i] != NULL; i++)
    {
      const char *clause = clauses[i];
      const char *colon = strchr (clause, ':');
      const char *arg = colon != NULL ? colon + 1 : NULL;
      g_autofree char *key = colon != NULL ? g_strndup (clause, colon - clause) : g_strdup (clause);
      guint64 maxlen;
      char *end = NULL;

      if (g_str_equal (key, "integer") && arg == NULL)
        continue;

      if ((g_str_equal (key, "min") || g_str_equal (key, "max")) && arg != NULL)
        {
          int which = g_str_equal (key, "max");

          bounds[which] = g_ascii_strtod (arg, &end);
          has_bound[which] = TRUE;
          if (*arg == '\0' || *end != '\0')
            return g_strdup_printf ("\"%s\" needs a number, not \"%s\"", key, arg);
          continue;
        }

      if (g_str_equal (key, "maxlen") && arg != NULL)
        {
          if (!g_ascii_string_to_unsigned (arg, 10, 1, G_MAXINT, &maxlen, NULL))
            return g_strdup_printf ("\"maxlen\" needs a whole number of at least 1, not \"%s\"", arg);
          continue;
        }

      if (g_str_equal (key, "oneof") && arg != NULL)
        {
          g_auto (GStrv) words = g_strsplit (arg, "|", -1);

          for (guint j = 0; words[j] != NULL; j++)
            if (*words[j] == '\0')
              return g_strdup_printf ("\"oneof\" has an empty choice in \"%s\"", arg);
          continue;
        }

      return g_strdup_printf ("unknown clause \"%s\"", clause);
    }

  if (has_bound[0] && has_bound[1] && bounds[0] > bounds[1])
    return g_strdup_printf ("\"min\" is greater than \"max\" in \"%s\"", rule);

  return NULL;
}

static gboolean
check_criteria (Installer    *self,
                const Entry  *entry,
                JsonObject   *criteria,
                GError      **error)
{
  const char *kind = _at_catalogue_get_string_member (criteria, "kind");
  g_autoptr (GList) members = NULL;
  const char *activity_type;
  JsonNode *amount;
  gint64 id;
  guint i;

  for (i = 0; kind != NULL && i < G_N_ELEMENTS (criteria_kinds); i++)
    if (g_str_equal (kind, criteria_kinds[i].kind))
      break;
  if (kind == NULL || i == G_N_ELEMENTS (criteria_kinds))
    return _at_catalogue_entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                                      "criteria_json: unknown kind \"%s\"",
                                      kind != NULL ? kind : "");

  amount = json_object_get_member (criteria, criteria_kinds[i].amount);
  if (amount == NULL || !holds_number (amount) || get_number (amount) <= 0)
    return _at_catalogue_entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                                      "criteria_json: \"%s\" needs a number greater than 0"
                                      " in \"%s\"", kind, criteria_kinds[i].amount);

  members = json_object_get_members (criteria);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;

      if (g_str_equal (member, "kind") || g_str_equal (member, criteria_kinds[i].amount)
          || (criteria_kinds[i].per_activity_type && g_str_equal (member, "activity_type")))
        continue;

      return _at_catalogue_entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                                        "criteria_json: unexpected member \"%s\" for \"%s\"",
                                        member, kind);
    }

  if (!json_object_has_member (criteria, "activity_type"))
    return TRUE;

  activity_type = _at_catalogue_get_string_member (criteria, "activity_type");
  if (activity_type == NULL)
    return _at_catalogue_entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                                      "criteria_json: \"activity_type\" must be a string");

  if (!lookup_id (self, LOOKUP_ACTIVITY_TYPE, activity_type, &id, error))
    return FALSE;
  if (id == 0)
    return _at_catalogue_entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                                      "criteria_json: unknown activity type \"%s\"", activity_type);

  return TRUE;
}

static gboolean
check_text (const Entry  *entry,
            const Field  *field,
            const char   *text,
            GError      **error)
{
  g_autofree char *problem = NULL;

  if (*text == '\0')
    return _at_catalogue_entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                                      "member \"%s\" is empty", field->member);

  if (field->max_chars > 0 && g_utf8_strlen (text, -1) > (glong) field->max_chars)
    return _at_catalogue_entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                                      "member \"%s\" is longer than %u characters",
                                      field->member, field->max_chars);

  if (field->choices != NULL && !g_strv_contains (field->choices, text))
    {
      g_autofree char *choices = g_strjoinv (", ", (char **) field->choices);

      return _at_catalogue_entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                                        "member \"%s\": \"%s\" is not one of %s",
                                        field->member, text, choices);
    }

  if (field->kind == FIELD_RULE && (problem = check_rule (text)) != NULL)
    return _at_catalogue_entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                                      "member \"%s\": %s", field->member, problem);

  return TRUE;
}

static gboolean
check_sign (const Entry  *entry,
            const Field  *field,
            double        value,
            GError      **error)
{
  if ((field->flags & FIELD_POSITIVE) && value <= 0)
    return _at_catalogue_entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                                      "member \"%s\" must be greater than 0", field->member);

  if ((field->flags & FIELD_NOT_NEGATIVE) && value < 0)
    return _at_catalogue_entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                                      "member \"%s\" must not be negative", field->member);

  return TRUE;
}

static gboolean
is_string_array (JsonNode *node)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!_at_catalogue_holds_type (element, G_TYPE_STRING) ||
          *json_node_get_string (element) == '\0')
        return FALSE;
    }

  return TRUE;
}

static gboolean
bind_reference (Installer     *self,
                const Entry   *entry,
                const Field   *field,
                JsonNode      *node,
                sqlite3_stmt  *stmt,
                int            param,
                GError       **error)
{
  Lookup lookup = field->kind == FIELD_UNIT ? LOOKUP_UNIT
                : field->kind == FIELD_CATEGORY ? LOOKUP_CATEGORY
                : LOOKUP_ACTIVITY_TYPE;
  const char *name;
  gint64 id;

  if (!_at_catalogue_holds_type (node, G_TYPE_STRING))
    return _at_catalogue_entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                                      "member \"%s\" must be the name of a %s",
                                      field->member, lookup_what[lookup]);

  name = json_node_get_string (node);
  if (!lookup_id (self, lookup, name, &id, error))
    return FALSE;
  if (id == 0)
    return _at_catalogue_entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                                      "unknown %s \"%s\"", lookup_what[lookup], name);

  sqlite3_bind_int64 (stmt, param, id);
  return TRUE;
}

/* Checks @node against @field and binds it; FALSE with @error set on a bad value. */
static gboolean
bind_value (Installer     *self,
            const Entry   *entry,
            const Field   *field,
            JsonNode      *node,
            sqlite3_stmt  *stmt,
            int            param,
            GError       **error)
{
  const char *type_problem = NULL;

  switch (field->kind)
    {
    case FIELD_TEXT:
    case FIELD_RULE:
      if (!_at_catalogue_holds_type (node, G_TYPE_STRING))
        type_problem = "a string";
      else if (!check_text (entry, field, json_node_get_string (node), error))
        return FALSE;
      else
        sqlite3_bind_text (stmt, param, json_node_get_string (node), -1, SQLITE_TRANSIENT);
      break;

    case FIELD_INT:
      if (!_at_catalogue_holds_type (node, G_TYPE_INT64))
        type_problem = "an integer";
      else if (!check_sign (entry, field, json_node_get_int (node), error))
        return FALSE;
      else
        sqlite3_bind_int64 (stmt, param, json_node_get_int (node));
      break;

    case FIELD_REAL:
      if (!holds_number (node))
        type_problem = "a number";
      else if (!check_sign (entry, field, get_number (node), error))
        return FALSE;
      else
        sqlite3_bind_double (stmt, param, get_number (node));
      break;

    case FIELD_BOOL:
      if (!_at_catalogue_holds_type (node, G_TYPE_BOOLEAN))
        type_problem = "true or false";
      else
        sqlite3_bind_int (stmt, param, json_node_get_boolean (node) ? 1 : 0);
      break;

    case FIELD_STRING_ARRAY:
      if (!is_string_array (node))
        type_problem = "an array of strings";
      else
        sqlite3_bind_text (stmt, param, json_to_string (node, FALSE), -1, g_free);
      break;

    case FIELD_CRITERIA:
      if (!JSON_NODE_HOLDS_OBJECT (node))
        type_problem = "an object";
      else if (!check_criteria (self, entry, json_node_get_object (node), error))
        return FALSE;
      else
        sqlite3_bind_text (stmt, param, json_to_string (node, FALSE), -1, g_free);
      break;

    case FIELD_UNIT:
    case FIELD_CATEGORY:
    case FIELD_ACTIVITY_TYPE:
      return bind_reference (self, entry, field, node, stmt, param, error);

    default:
      g_assert_not_reached ();
    }

  if (type_problem != NULL)
    return _at_catalogue_entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                                      "member \"%s\" must be %s", field->member, type_problem);

  return TRUE;
}

static gboolean
bind_field (Installer     *self,
            const Entry   *entry,
            const Field   *field,
            JsonObject    *object,
            sqlite3_stmt  *stmt,
            int            param,
            GError       **error)
{
  JsonNode *node = json_object_get_member (object, field->member);

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    return bind_value (self, entry, field, node, stmt, param, error);

  if (field->flags & FIELD_REQUIRED)
    return _at_catalogue_entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                                      "missing member \"%s\"", field->member);

  sqlite3_bind_null (stmt, param);
  return TRUE;
}

static gboolean
kind_has_member (const Kind *kind,
                 const char *member)
{
  if (kind->children_member != NULL && g_str_equal (member, kind->children_member))
    return TRUE;

  for (guint i = 0; i < kind->n_fields; i++)
    if (g_str_equal (member, kind->fields[i].member))
      return TRUE;

  return FALSE;
}

static gboolean
check_members (const Kind   *kind,
               const Entry  *entry,
               JsonObject   *object,
               GError      **error)
{
  g_autoptr (GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    if (!kind_has_member (kind, l->data))
      return _at_catalogue_entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                                        "unknown member \"%s\"", (const char *) l->data);

  return TRUE;
}

/**
 * _at_catalogue_bind_entry:
 * @stmt: the upsert of @kind
 * @parent_id: the id of the entry @object is nested in, if @kind has one
 *
 * Checks every member of @object against @kind and binds it to @stmt.
 *
 * Returns: %FALSE with @error naming the entry and the member
 */
gboolean
_at_catalogue_bind_entry (Installer     *self,
                          const Kind    *kind,
                          const Entry   *entry,
                          JsonObject    *object,
                          sqlite3_stmt  *stmt,
                          gint64         parent_id,
                          GError       **error)
{
  int first_param = kind->has_parent ? 2 : 1;

  if (!check_members (kind, entry, object, error))
    return FALSE;

  if (kind->has_parent)
    sqlite3_bind_int64 (stmt, 1, parent_id);

  for (guint i = 0; i < kind->n_fields; i++)
    if (!bind_field (self, entry, &kind->fields[i], object, stmt, first_param + i, error))
      return FALSE;

  return TRUE;
}

/**
 * _at_catalogue_installer_init:
 *
 * Prepares the look-ups of references by name on @db.
 *
 * Returns: %FALSE with @error set, @self cleared
 */
gboolean
_at_catalogue_installer_init (Installer  *self,
                              sqlite3    *db,
                              GError    **error)
{
  *self = (Installer) { db, { NULL } };
  for (guint i = 0; i < N_LOOKUPS; i++)
    if ((self->lookups[i] = _at_catalogue_prepare (db, lookup_sql[i], error)) == NULL)
      {
        _at_catalogue_installer_clear (self);
        return FALSE;
      }
  return TRUE;
}

void
_at_catalogue_installer_clear (Installer *self)
{
  for (guint i = 0; i < N_LOOKUPS; i++)
    g_clear_pointer (&self->lookups[i], sqlite3_finalize);
}
