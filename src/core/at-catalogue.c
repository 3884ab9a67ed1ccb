/* at-catalogue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "at-catalogue"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "at-catalogue.h"

#define CATALOGUE_RESOURCE_PATH "/org/activitytracker/ActivityTracker/catalogue"
#define INDEX_FILE              "index.json"
#define VERSION_KEY             "catalogue_version"

G_DEFINE_QUARK (at-catalogue-error-quark, at_catalogue_error)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Where the files come from: the resource bundle or a directory. */
typedef GBytes *(*LoadFunc) (const char  *source,
                             const char  *name,
                             GError     **error);

typedef struct
{
  LoadFunc    load;
  const char *source;
} FileLoader;

/* One element of a file (or of an entry's nested array), for messages. */
typedef struct _Entry Entry;
struct _Entry
{
  const Entry *parent;
  const char  *file;
  const char  *what;
  guint        number;
  const char  *key;
};

typedef enum
{
  LOOKUP_UNIT,
  LOOKUP_CATEGORY,
  LOOKUP_ACTIVITY_TYPE,
  N_LOOKUPS
} Lookup;

typedef enum
{
  FIELD_TEXT,
  FIELD_RULE,
  FIELD_INT,
  FIELD_REAL,
  FIELD_BOOL,
  FIELD_STRING_ARRAY,
  FIELD_CRITERIA,
  FIELD_UNIT,
  FIELD_CATEGORY,
  FIELD_ACTIVITY_TYPE,
} FieldKind;

typedef enum
{
  FIELD_OPTIONAL     = 0,
  FIELD_REQUIRED     = 1 << 0,
  FIELD_POSITIVE     = 1 << 1,
  FIELD_NOT_NEGATIVE = 1 << 2,
} FieldFlags;

/* A JSON member bound, in order, to the next parameter of a kind's upsert. */
typedef struct
{
  const char         *member;
  FieldKind           kind;
  FieldFlags          flags;
  guint               max_chars;
  const char * const *choices;
} Field;

/* One kind of catalogue entry: its file, its upsert and its fields. When
 * @has_parent is set, ?1 is the id of the entry the array is nested in. */
typedef struct _Kind Kind;
struct _Kind
{
  const char  *file;
  const char  *what;
  const char  *key_member;
  const char  *sql;
  const Field *fields;
  guint        n_fields;
  gboolean     has_parent;
  const char  *children_member;
  const Kind  *children;
};

typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *lookups[N_LOOKUPS];
} Installer;

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

static const char * const difficulty_levels[] = { "beginner", "intermediate", "advanced", NULL };
static const char * const weight_units[] = { "kg", "lb", NULL };
static const char * const input_types[] = { "number", "text", "duration", NULL };
static const char * const body_categories[] = { "weight", "composition", "measurement", NULL };
static const char * const rarities[] = { "common", "uncommon", "rare", "epic", "legendary", NULL };
static const char * const achievement_categories[] = {
  "streak", "milestone", "volume", "pr", "variety", "time", "goal", "body", NULL
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

static const Field unit_fields[] = {
  { "name",              FIELD_TEXT, FIELD_REQUIRED, 20, NULL },
  { "symbol",            FIELD_TEXT, FIELD_OPTIONAL, 10, NULL },
  { "type",              FIELD_TEXT, FIELD_REQUIRED, 20, NULL },
  { "conversion_factor", FIELD_REAL, FIELD_REQUIRED | FIELD_POSITIVE, 0, NULL },
  { "is_base_unit",      FIELD_BOOL, FIELD_REQUIRED, 0, NULL },
};

static const Kind unit_kind = {
  "units.json", "entry", "name",
  "INSERT INTO unit (name, symbol, type, conversion_factor, is_base_unit)"
  " VALUES (?1, ?2, ?3, ?4, ?5)"
  " ON CONFLICT (name) DO UPDATE SET symbol = excluded.symbol, type = excluded.type,"
  " conversion_factor = excluded.conversion_factor, is_base_unit = excluded.is_base_unit"
  " RETURNING id",
  unit_fields, G_N_ELEMENTS (unit_fields), FALSE, NULL, NULL
};

static const Field category_fields[] = {
  { "name",          FIELD_TEXT, FIELD_REQUIRED, 50, NULL },
  { "description",   FIELD_TEXT, FIELD_OPTIONAL, 0, NULL },
  { "icon_name",     FIELD_TEXT, FIELD_OPTIONAL, 50, NULL },
  { "display_order", FIELD_INT,  FIELD_REQUIRED | FIELD_NOT_NEGATIVE, 0, NULL },
};

static const Kind category_kind = {
  "categories.json", "entry", "name",
  "INSERT INTO activity_category (name, description, icon_name, display_order)"
  " VALUES (?1, ?2, ?3, ?4)"
  " ON CONFLICT (name) DO UPDATE SET description = excluded.description,"
  " icon_name = excluded.icon_name, display_order = excluded.display_order"
  " RETURNING id",
  category_fields, G_N_ELEMENTS (category_fields), FALSE, NULL, NULL
};

static const Field template_fields[] = {
  { "metric_name",     FIELD_TEXT, FIELD_REQUIRED, 50, NULL },
  { "unit",            FIELD_UNIT, FIELD_OPTIONAL, 0, NULL },
  { "is_required",     FIELD_BOOL, FIELD_REQUIRED, 0, NULL },
  { "display_order",   FIELD_INT,  FIELD_REQUIRED | FIELD_NOT_NEGATIVE, 0, NULL },
  { "input_type",      FIELD_TEXT, FIELD_REQUIRED, 0, input_types },
  { "validation_rule", FIELD_RULE, FIELD_OPTIONAL, 0, NULL },
};

static const Kind template_kind = {
  "activity-types.json", "metric template", "metric_name",
  "INSERT INTO activity_type_metric_template (activity_type_id, metric_name, unit_id,"
  " is_required, display_order, input_type, validation_rule)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
  " ON CONFLICT (activity_type_id, metric_name) DO UPDATE SET unit_id = excluded.unit_id,"
  " is_required = excluded.is_required, display_order = excluded.display_order,"
  " input_type = excluded.input_type, validation_rule = excluded.validation_rule"
  " RETURNING id",
  template_fields, G_N_ELEMENTS (template_fields), TRUE, NULL, NULL
};

static const Field activity_type_fields[] = {
  { "name",          FIELD_TEXT,     FIELD_REQUIRED, 100, NULL },
  { "category",      FIELD_CATEGORY, FIELD_REQUIRED, 0, NULL },
  { "is_physical",   FIELD_BOOL,     FIELD_REQUIRED, 0, NULL },
  { "has_duration",  FIELD_BOOL,     FIELD_REQUIRED, 0, NULL },
  { "has_intensity", FIELD_BOOL,     FIELD_REQUIRED, 0, NULL },
  { "met_value",     FIELD_REAL,     FIELD_REQUIRED | FIELD_POSITIVE, 0, NULL },
  { "description",   FIELD_TEXT,     FIELD_OPTIONAL, 0, NULL },
  { "icon_url",      FIELD_TEXT,     FIELD_OPTIONAL, 255, NULL },
};

static const Kind activity_type_kind = {
  "activity-types.json", "entry", "name",
  "INSERT INTO activity_type (name, category_id, is_physical, has_duration, has_intensity,"
  " met_value, description, icon_url)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
  " ON CONFLICT (name) DO UPDATE SET category_id = excluded.category_id,"
  " is_physical = excluded.is_physical, has_duration = excluded.has_duration,"
  " has_intensity = excluded.has_intensity, met_value = excluded.met_value,"
  " description = excluded.description,"
  " icon_url = excluded.icon_url"
  " RETURNING id",
  activity_type_fields, G_N_ELEMENTS (activity_type_fields), FALSE,
  "metric_templates", &template_kind
};

static const Field exercise_fields[] = {
  { "activity_type",       FIELD_ACTIVITY_TYPE, FIELD_REQUIRED, 0, NULL },
  { "name",                FIELD_TEXT,          FIELD_REQUIRED, 100, NULL },
  { "description",         FIELD_TEXT,          FIELD_OPTIONAL, 0, NULL },
  { "default_sets",        FIELD_INT,           FIELD_POSITIVE, 0, NULL },
  { "default_reps",        FIELD_INT,           FIELD_POSITIVE, 0, NULL },
  { "default_weight",      FIELD_REAL,          FIELD_NOT_NEGATIVE, 0, NULL },
  { "default_weight_unit", FIELD_TEXT,          FIELD_OPTIONAL, 10, weight_units },
  { "muscle_groups",       FIELD_STRING_ARRAY,  FIELD_OPTIONAL, 0, NULL },
  { "difficulty_level",    FIELD_TEXT,          FIELD_REQUIRED, 0, difficulty_levels },
  { "equipment_needed",    FIELD_STRING_ARRAY,  FIELD_OPTIONAL, 0, NULL },
  { "instructions",        FIELD_TEXT,          FIELD_OPTIONAL, 0, NULL },
  { "video_url",           FIELD_TEXT,          FIELD_OPTIONAL, 500, NULL },
};

static const Kind exercise_kind = {
  "exercises.json", "entry", "name",
  "INSERT INTO activity_subtype (activity_type_id, name, description, default_sets,"
  " default_reps, default_weight, default_weight_unit, muscle_groups, difficulty_level,"
  " equipment_needed, instructions, video_url)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, coalesce(?7, 'kg'), ?8, ?9, ?10, ?11, ?12)"
  " ON CONFLICT (activity_type_id, name) DO UPDATE SET description = excluded.description,"
  " default_sets = excluded.default_sets, default_reps = excluded.default_reps,"
  " default_weight = excluded.default_weight,"
  " default_weight_unit = excluded.default_weight_unit,"
  " muscle_groups = excluded.muscle_groups, difficulty_level = excluded.difficulty_level,"
  " equipment_needed = excluded.equipment_needed, instructions = excluded.instructions,"
  " video_url = excluded.video_url"
  " RETURNING id",
  exercise_fields, G_N_ELEMENTS (exercise_fields), FALSE, NULL, NULL
};

static const Field goal_type_fields[] = {
  { "name",        FIELD_TEXT, FIELD_REQUIRED, 50, NULL },
  { "description", FIELD_TEXT, FIELD_OPTIONAL, 0, NULL },
  { "icon_name",   FIELD_TEXT, FIELD_OPTIONAL, 50, NULL },
};

static const Kind goal_type_kind = {
  "goal-types.json", "entry", "name",
  "INSERT INTO goal_type (name, description, icon_name) VALUES (?1, ?2, ?3)"
  " ON CONFLICT (name) DO UPDATE SET description = excluded.description,"
  " icon_name = excluded.icon_name"
  " RETURNING id",
  goal_type_fields, G_N_ELEMENTS (goal_type_fields), FALSE, NULL, NULL
};

static const Field body_metric_type_fields[] = {
  { "name",         FIELD_TEXT, FIELD_REQUIRED, 50, NULL },
  { "category",     FIELD_TEXT, FIELD_REQUIRED, 0, body_categories },
  { "default_unit", FIELD_UNIT, FIELD_OPTIONAL, 0, NULL },
  { "description",  FIELD_TEXT, FIELD_OPTIONAL, 0, NULL },
};

static const Kind body_metric_type_kind = {
  "body-metric-types.json", "entry", "name",
  "INSERT INTO body_metric_type (name, category, default_unit_id, description)"
  " VALUES (?1, ?2, ?3, ?4)"
  " ON CONFLICT (name) DO UPDATE SET category = excluded.category,"
  " default_unit_id = excluded.default_unit_id, description = excluded.description"
  " RETURNING id",
  body_metric_type_fields, G_N_ELEMENTS (body_metric_type_fields), FALSE, NULL, NULL
};

static const Field achievement_type_fields[] = {
  { "name",           FIELD_TEXT,     FIELD_REQUIRED, 100, NULL },
  { "description",    FIELD_TEXT,     FIELD_OPTIONAL, 0, NULL },
  { "badge_icon_url", FIELD_TEXT,     FIELD_OPTIONAL, 500, NULL },
  { "category",       FIELD_TEXT,     FIELD_REQUIRED, 50, achievement_categories },
  { "criteria_json",  FIELD_CRITERIA, FIELD_REQUIRED, 0, NULL },
  { "points",         FIELD_INT,      FIELD_REQUIRED | FIELD_NOT_NEGATIVE, 0, NULL },
  { "rarity",         FIELD_TEXT,     FIELD_REQUIRED, 0, rarities },
};

static const Kind achievement_type_kind = {
  "achievement-types.json", "entry", "name",
  "INSERT INTO achievement_type (name, description, badge_icon_url, category, criteria_json,"
  " points, rarity)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
  " ON CONFLICT (name) DO UPDATE SET description = excluded.description,"
  " badge_icon_url = excluded.badge_icon_url, category = excluded.category,"
  " criteria_json = excluded.criteria_json, points = excluded.points,"
  " rarity = excluded.rarity"
  " RETURNING id",
  achievement_type_fields, G_N_ELEMENTS (achievement_type_fields), FALSE, NULL, NULL
};

/* In dependency order: later files refer to earlier ones by name. */
static const Kind * const catalogue_kinds[] = {
  &unit_kind,
  &category_kind,
  &activity_type_kind,
  &exercise_kind,
  &goal_type_kind,
  &body_metric_type_kind,
  &achievement_type_kind,
};

static GBytes *
load_resource (const char  *source,
               const char  *name,
               GError     **error)
{
  g_autofree char *path = g_build_path ("/", source, name, NULL);

  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

static GBytes *
load_from_dir (const char  *source,
               const char  *name,
               GError     **error)
{
  g_autofree char *path = g_build_filename (source, name, NULL);
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  return g_bytes_new_take (contents, length);
}

static JsonNode *
parse_file (const FileLoader  *loader,
            const char        *name,
            GError           **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JsonParser) parser = NULL;
  const char *data;
  gsize size = 0;

  bytes = loader->load (loader->source, name, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, AT_CATALOGUE_ERROR, AT_CATALOGUE_ERROR_PARSE,
                   "%s: cannot read the file: %s", name, local_error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    {
      g_set_error (error, AT_CATALOGUE_ERROR, AT_CATALOGUE_ERROR_PARSE,
                   "%s: the file is empty", name);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      const char *message = local_error->message;
      const char *separator = ": ";

      /* json-glib says "<data>:LINE:COLUMN: ..."; name the file instead. */
      if (g_str_has_prefix (message, "<data>:"))
        {
          message += strlen ("<data>:");
          separator = ":";
        }

      g_set_error (error, AT_CATALOGUE_ERROR, AT_CATALOGUE_ERROR_PARSE,
                   "%s%s%s", name, separator, message);
      return NULL;
    }

  return json_parser_steal_root (parser);
}

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

G_GNUC_PRINTF (4, 5)
static gboolean
entry_error (const Entry  *entry,
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

static gboolean
entry_sql_error (const Entry  *entry,
                 sqlite3      *db,
                 GError      **error)
{
  return entry_error (entry, error, AT_CATALOGUE_ERROR_SQL, "%s", sqlite3_errmsg (db));
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;

  g_set_error (error, AT_CATALOGUE_ERROR, AT_CATALOGUE_ERROR_SQL,
               "%s: %s", sql, message != NULL ? message : sqlite3_errmsg (db));
  sqlite3_free (message);
  return FALSE;
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (db, sql, -1, 0, &stmt, NULL) == SQLITE_OK)
    return stmt;

  g_set_error (error, AT_CATALOGUE_ERROR, AT_CATALOGUE_ERROR_SQL,
               "cannot prepare \"%s\": %s", sql, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return NULL;
}

static gboolean
holds_type (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
holds_number (JsonNode *node)
{
  return holds_type (node, G_TYPE_INT64) || holds_type (node, G_TYPE_DOUBLE);
}

static double
get_number (JsonNode *node)
{
  if (holds_type (node, G_TYPE_INT64))
    return json_node_get_int (node);

  return json_node_get_double (node);
}

static const char *
get_string_member (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && holds_type (node, G_TYPE_STRING) ? json_node_get_string (node) : NULL;
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
  const char *kind = get_string_member (criteria, "kind");
  g_autoptr (GList) members = NULL;
  const char *activity_type;
  JsonNode *amount;
  gint64 id;
  guint i;

  for (i = 0; kind != NULL && i < G_N_ELEMENTS (criteria_kinds); i++)
    if (g_str_equal (kind, criteria_kinds[i].kind))
      break;
  if (kind == NULL || i == G_N_ELEMENTS (criteria_kinds))
    return entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                        "criteria_json: unknown kind \"%s\"", kind != NULL ? kind : "");

  amount = json_object_get_member (criteria, criteria_kinds[i].amount);
  if (amount == NULL || !holds_number (amount) || get_number (amount) <= 0)
    return entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                        "criteria_json: \"%s\" needs a number greater than 0 in \"%s\"",
                        kind, criteria_kinds[i].amount);

  members = json_object_get_members (criteria);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;

      if (g_str_equal (member, "kind") || g_str_equal (member, criteria_kinds[i].amount)
          || (criteria_kinds[i].per_activity_type && g_str_equal (member, "activity_type")))
        continue;

      return entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                          "criteria_json: unexpected member \"%s\" for \"%s\"", member, kind);
    }

  if (!json_object_has_member (criteria, "activity_type"))
    return TRUE;

  activity_type = get_string_member (criteria, "activity_type");
  if (activity_type == NULL)
    return entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                        "criteria_json: \"activity_type\" must be a string");

  if (!lookup_id (self, LOOKUP_ACTIVITY_TYPE, activity_type, &id, error))
    return FALSE;
  if (id == 0)
    return entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
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
    return entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                        "member \"%s\" is empty", field->member);

  if (field->max_chars > 0 && g_utf8_strlen (text, -1) > (glong) field->max_chars)
    return entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                        "member \"%s\" is longer than %u characters",
                        field->member, field->max_chars);

  if (field->choices != NULL && !g_strv_contains (field->choices, text))
    {
      g_autofree char *choices = g_strjoinv (", ", (char **) field->choices);

      return entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                          "member \"%s\": \"%s\" is not one of %s",
                          field->member, text, choices);
    }

  if (field->kind == FIELD_RULE && (problem = check_rule (text)) != NULL)
    return entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
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
    return entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                        "member \"%s\" must be greater than 0", field->member);

  if ((field->flags & FIELD_NOT_NEGATIVE) && value < 0)
    return entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
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

      if (!holds_type (element, G_TYPE_STRING) || *json_node_get_string (element) == '\0')
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

  if (!holds_type (node, G_TYPE_STRING))
    return entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                        "member \"%s\" must be the name of a %s",
                        field->member, lookup_what[lookup]);

  name = json_node_get_string (node);
  if (!lookup_id (self, lookup, name, &id, error))
    return FALSE;
  if (id == 0)
    return entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
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
      if (!holds_type (node, G_TYPE_STRING))
        type_problem = "a string";
      else if (!check_text (entry, field, json_node_get_string (node), error))
        return FALSE;
      else
        sqlite3_bind_text (stmt, param, json_node_get_string (node), -1, SQLITE_TRANSIENT);
      break;

    case FIELD_INT:
      if (!holds_type (node, G_TYPE_INT64))
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
      if (!holds_type (node, G_TYPE_BOOLEAN))
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
    return entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
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
    return entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
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
      return entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                          "unknown member \"%s\"", (const char *) l->data);

  return TRUE;
}

static gboolean
step_upsert (Installer     *self,
             const Entry   *entry,
             sqlite3_stmt  *stmt,
             gint64        *out_id,
             GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return entry_sql_error (entry, self->db, error);

  *out_id = sqlite3_column_int64 (stmt, 0);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return entry_sql_error (entry, self->db, error);

  return TRUE;
}

static gboolean
install_entry (Installer     *self,
               const Kind    *kind,
               sqlite3_stmt  *stmt,
               const Entry   *entry,
               JsonObject    *object,
               gint64         parent_id,
               gint64        *out_id,
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

  return step_upsert (self, entry, stmt, out_id, error);
}

/* Two entries of one array that land on the same row share a natural key. */
static gboolean
check_unique (GHashTable   *seen,
              const Entry  *entry,
              gint64        id,
              GError      **error)
{
  gpointer earlier = g_hash_table_lookup (seen, &id);

  if (earlier != NULL)
    return entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                        "same key as entry %u", GPOINTER_TO_UINT (earlier));

  g_hash_table_insert (seen, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (entry->number));
  return TRUE;
}

static gboolean install_entries (Installer    *self,
                                 const Kind   *kind,
                                 JsonArray    *array,
                                 const Entry  *parent,
                                 gint64        parent_id,
                                 GError      **error);

static gboolean
install_children (Installer    *self,
                  const Kind   *kind,
                  const Entry  *entry,
                  JsonObject   *object,
                  gint64        id,
                  GError      **error)
{
  JsonNode *node;

  if (kind->children == NULL)
    return TRUE;

  node = json_object_get_member (object, kind->children_member);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return entry_error (entry, error, AT_CATALOGUE_ERROR_INVALID,
                        "member \"%s\" must be an array", kind->children_member);

  return install_entries (self, kind->children, json_node_get_array (node), entry, id, error);
}

static gboolean
install_entries (Installer    *self,
                 const Kind   *kind,
                 JsonArray    *array,
                 const Entry  *parent,
                 gint64        parent_id,
                 GError      **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) seen = NULL;

  stmt = prepare (self->db, kind->sql, error);
  if (stmt == NULL)
    {
      g_prefix_error (error, "%s: ", kind->file);
      return FALSE;
    }

  seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      Entry entry = { parent, kind->file, kind->what, i + 1, NULL };
      JsonObject *object;
      gint64 id = 0;
      gboolean ok;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return entry_error (&entry, error, AT_CATALOGUE_ERROR_INVALID, "not an object");

      object = json_node_get_object (node);
      entry.key = get_string_member (object, kind->key_member);

      ok = install_entry (self, kind, stmt, &entry, object, parent_id, &id, error);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);

      if (!ok
          || !check_unique (seen, &entry, id, error)
          || !install_children (self, kind, &entry, object, id, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
install_file (Installer         *self,
              const FileLoader  *loader,
              const Kind        *kind,
              GError           **error)
{
  g_autoptr (JsonNode) root = parse_file (loader, kind->file, error);

  if (root == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, AT_CATALOGUE_ERROR, AT_CATALOGUE_ERROR_INVALID,
                   "%s: the top level must be an array", kind->file);
      return FALSE;
    }

  return install_entries (self, kind, json_node_get_array (root), NULL, 0, error);
}

static gboolean
read_version (const FileLoader  *loader,
              int               *out_version,
              GError           **error)
{
  g_autoptr (JsonNode) root = parse_file (loader, INDEX_FILE, error);
  JsonNode *version = NULL;

  if (root == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_OBJECT (root))
    version = json_object_get_member (json_node_get_object (root), "version");

  if (version == NULL || !holds_type (version, G_TYPE_INT64)
      || json_node_get_int (version) < 1 || json_node_get_int (version) > G_MAXINT)
    {
      g_set_error (error, AT_CATALOGUE_ERROR, AT_CATALOGUE_ERROR_INVALID,
                   "%s: \"version\" must be a whole number of at least 1", INDEX_FILE);
      return FALSE;
    }

  *out_version = (int) json_node_get_int (version);
  return TRUE;
}

/* 0 when no catalogue was ever installed (or the value is not a number). */
static gboolean
read_installed_version (sqlite3  *db,
                        gint64   *out_version,
                        GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  *out_version = 0;
  stmt = prepare (db, "SELECT value FROM at_meta WHERE key = '" VERSION_KEY "'", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    g_ascii_string_to_signed ((const char *) sqlite3_column_text (stmt, 0), 10,
                              0, G_MAXINT, out_version, NULL);
  else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      g_set_error (error, AT_CATALOGUE_ERROR, AT_CATALOGUE_ERROR_SQL,
                   "cannot read the catalogue version: %s", sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_installed_version (sqlite3  *db,
                         int       version,
                         GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *text = g_strdup_printf ("%d", version);

  stmt = prepare (db,
                  "INSERT INTO at_meta (key, value) VALUES ('" VERSION_KEY "', ?1)"
                  " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, AT_CATALOGUE_ERROR, AT_CATALOGUE_ERROR_SQL,
                   "cannot store the catalogue version: %s", sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

static void
installer_clear (Installer *self)
{
  for (guint i = 0; i < N_LOOKUPS; i++)
    g_clear_pointer (&self->lookups[i], sqlite3_finalize);
}

static gboolean
install_all (sqlite3           *db,
             const FileLoader  *loader,
             int                version,
             GError           **error)
{
  Installer self = { db, { NULL } };
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < N_LOOKUPS; i++)
    ok = (self.lookups[i] = prepare (db, lookup_sql[i], error)) != NULL;

  for (guint i = 0; ok && i < G_N_ELEMENTS (catalogue_kinds); i++)
    ok = install_file (&self, loader, catalogue_kinds[i], error);

  if (ok)
    ok = write_installed_version (db, version, error);

  installer_clear (&self);
  return ok;
}

/* All or nothing: on any failure the savepoint is rolled back. */
static gboolean
install_with_loader (sqlite3           *db,
                     const FileLoader  *loader,
                     GError           **error)
{
  g_autoptr (GError) local_error = NULL;
  gint64 installed = 0;
  int shipped = 0;

  if (!read_version (loader, &shipped, error)
      || !exec_sql (db, "SAVEPOINT at_catalogue_install", error))
    return FALSE;

  if (read_installed_version (db, &installed, &local_error)
      && (installed >= shipped || install_all (db, loader, shipped, &local_error))
      && exec_sql (db, "RELEASE at_catalogue_install", &local_error))
    return TRUE;

  exec_sql (db, "ROLLBACK TO at_catalogue_install", NULL);
  exec_sql (db, "RELEASE at_catalogue_install", NULL);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * at_catalogue_get_shipped_version:
 *
 * The core resources must be registered, as for at_catalogue_install().
 *
 * Returns: the `version` of the catalogue in the resource bundle, or 0 if it
 *   cannot be read (which is a packaging bug and logs a critical).
 */
int
at_catalogue_get_shipped_version (void)
{
  const FileLoader loader = { load_resource, CATALOGUE_RESOURCE_PATH };
  g_autoptr (GError) error = NULL;
  int version = 0;

  if (!read_version (&loader, &version, &error))
    g_critical ("Cannot read the shipped catalogue version: %s", error->message);

  return version;
}

/**
 * at_catalogue_install:
 * @db: an open database with the schema migrated
 * @error: return location for an #AtCatalogueError
 *
 * Brings the catalogue rows of @db up to the shipped catalogue. The core
 * resources must be registered (at_store_open() does it; a test calls
 * at_core_register_resource() once). Does nothing
 * when the installed version is already the shipped one or newer. Otherwise
 * upserts every entry by its natural key inside a savepoint and records the
 * version; on failure nothing is changed.
 *
 * Returns: %TRUE on success
 */
gboolean
at_catalogue_install (sqlite3  *db,
                      GError  **error)
{
  const FileLoader loader = { load_resource, CATALOGUE_RESOURCE_PATH };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return install_with_loader (db, &loader, error);
}

/**
 * at_catalogue_install_from_dir:
 * @db: an open database with the schema migrated
 * @dir: a directory holding `index.json` and the other catalogue files
 * @error: return location for an #AtCatalogueError
 *
 * Like at_catalogue_install(), with the files read from @dir.
 *
 * Returns: %TRUE on success
 */
gboolean
at_catalogue_install_from_dir (sqlite3     *db,
                               const char  *dir,
                               GError     **error)
{
  const FileLoader loader = { load_from_dir, dir };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return install_with_loader (db, &loader, error);
}
