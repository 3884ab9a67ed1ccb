/* at-catalogue-kinds.c: the kinds of catalogue entry: each file's
 * members, how each is checked, and the upsert it is bound to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "at-catalogue-private.h"

static const char * const difficulty_levels[] = { "beginner", "intermediate", "advanced", NULL };
static const char * const weight_units[] = { "kg", "lb", NULL };
static const char * const input_types[] = { "number", "text", "duration", NULL };
static const char * const body_categories[] = { "weight", "composition", "measurement", NULL };
static const char * const rarities[] = { "common", "uncommon", "rare", "epic", "legendary", NULL };
static const char * const achievement_categories[] = {
  "streak", "milestone", "volume", "pr", "variety", "time", "goal", "body", NULL
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
const Kind * const _at_catalogue_kinds[] = {
  &unit_kind,
  &category_kind,
  &activity_type_kind,
  &exercise_kind,
  &goal_type_kind,
  &body_metric_type_kind,
  &achievement_type_kind,
  NULL
};
