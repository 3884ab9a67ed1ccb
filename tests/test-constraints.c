/* test-constraints.c: the database itself enforces the schema.
 *
 * Every case goes through raw SQL on the store's own connection (which has
 * PRAGMA foreign_keys=ON), so these prove the migration, not the model
 * layer. Each bad row must fail with SQLITE_CONSTRAINT (and the expected
 * extended code), and a matching good row must succeed, so a case proves
 * the constraint rather than a typo in its SQL.
 */

#include "config.h"

#include <string.h>

#include "at-core.h"
#include "at-store-private.h"
#include "at-test-util.h"

/* Rows the cases refer to, committed before the cases run. */
typedef struct
{
  AtTestFixture f;
  GHashTable   *tokens; /* "{U1}" → "12" */
} Fixture;

static void
add_token (Fixture    *fx,
           const char *name,
           gint64      value)
{
  g_hash_table_insert (fx->tokens, g_strdup (name), g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static char *
expand (Fixture    *fx,
        const char *sql)
{
  GString *out = g_string_new (sql);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, fx->tokens);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_string_replace (out, key, value, 0);
  if (g_regex_match_simple ("\\{[A-Z][A-Z0-9]*\\}", out->str, 0, 0))
    g_error ("unknown token in: %s", out->str);
  return g_string_free (out, FALSE);
}

static void
fixture_setup (Fixture *fx)
{
  sqlite3 *db;

  at_test_fixture_open (&fx->f);
  db = fx->f.db;
  fx->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  at_test_exec (db,
    "INSERT INTO app_user (username, email) VALUES ('alice', 'alice@example.com');"
    "INSERT INTO app_user (username, email) VALUES ('bob', 'bob@example.com');"
    "INSERT INTO app_user (username, email) VALUES ('carol', 'carol@example.com');");
  add_token (fx, "{U1}", at_test_query_int (db, "SELECT id FROM app_user WHERE username = 'alice'"));
  add_token (fx, "{U2}", at_test_query_int (db, "SELECT id FROM app_user WHERE username = 'bob'"));
  add_token (fx, "{U3}", at_test_query_int (db, "SELECT id FROM app_user WHERE username = 'carol'"));
  add_token (fx, "{NOUSER}", at_test_query_int (db, "SELECT max(id) + 1000 FROM app_user"));
  add_token (fx, "{NOTYPE}", at_test_query_int (db, "SELECT max(id) + 1000 FROM activity_type"));
  add_token (fx, "{RUN}", fx->f.cat.running_id);
  add_token (fx, "{WT}", fx->f.cat.weight_training_id);
  add_token (fx, "{SQ}", fx->f.cat.squat_id);
  add_token (fx, "{BP}", fx->f.cat.bench_id);
  add_token (fx, "{KG}", fx->f.cat.kg_id);
  add_token (fx, "{GT}", fx->f.cat.goal_type_id);
  add_token (fx, "{AT}", fx->f.cat.achievement_type_id);
  add_token (fx, "{BMT}", fx->f.cat.body_metric_type_id);
  add_token (fx, "{CAT}", fx->f.cat.category_id);

  {
    g_autofree char *sql = expand (fx,
      "INSERT INTO activity_session (user_id, activity_type_id, started_at, session_name)"
      "  VALUES ({U1}, {RUN}, 1000, 's1');"
      "INSERT INTO activity_session (user_id, activity_type_id, started_at, session_name)"
      "  VALUES ({U1}, {WT}, 2000, 's2');");
    at_test_exec (db, sql);
  }
  add_token (fx, "{S1}", at_test_query_int (db, "SELECT id FROM activity_session WHERE session_name = 's1'"));
  add_token (fx, "{S2}", at_test_query_int (db, "SELECT id FROM activity_session WHERE session_name = 's2'"));
  {
    g_autofree char *sql = expand (fx,
      "INSERT INTO activity_exercise (session_id, activity_subtype_id, exercise_order, notes)"
      "  VALUES ({S2}, {SQ}, 1, 'e1');"
      "INSERT INTO activity_exercise (session_id, activity_subtype_id, exercise_order, notes)"
      "  VALUES ({S2}, {BP}, 2, 'e2');");
    at_test_exec (db, sql);
  }
  add_token (fx, "{E1}", at_test_query_int (db, "SELECT id FROM activity_exercise WHERE notes = 'e1'"));
  add_token (fx, "{E2}", at_test_query_int (db, "SELECT id FROM activity_exercise WHERE notes = 'e2'"));
  {
    g_autofree char *sql = expand (fx,
      "INSERT INTO exercise_set (exercise_id, set_number, reps, weight, weight_unit_id)"
      "  VALUES ({E1}, 1, 5, 100, {KG});"
      "INSERT INTO user_relationship (follower_id, following_id) VALUES ({U2}, {U1});"
      "INSERT INTO personal_record (user_id, activity_subtype_id, record_type, record_value,"
      "                             session_id) VALUES ({U1}, {SQ}, '1rm', 120, {S2});"
      "INSERT INTO user_achievement (user_id, achievement_type_id) VALUES ({U1}, {AT});"
      "INSERT INTO session_like (session_id, user_id) VALUES ({S1}, {U2});"
      "INSERT INTO user_streak (user_id, activity_type_id) VALUES ({U1}, NULL);"
      "INSERT INTO user_streak (user_id, activity_type_id) VALUES ({U1}, {RUN});"
      "INSERT INTO workout_program (creator_id, name) VALUES ({U1}, 'p1');");
    at_test_exec (db, sql);
  }
  add_token (fx, "{P1}", at_test_query_int (db, "SELECT id FROM workout_program WHERE name = 'p1'"));
}

static void
fixture_teardown (Fixture *fx)
{
  g_clear_pointer (&fx->tokens, g_hash_table_unref);
  at_test_fixture_close (&fx->f);
}

typedef struct
{
  const char *name;
  int         expected;  /* the extended SQLITE_CONSTRAINT_* code */
  const char *bad;       /* NULL: only the good row is checked */
  const char *good;
} ConstraintCase;

#define SESSION_WITH(cols, vals) \
  "INSERT INTO activity_session (user_id, activity_type_id, started_at, " cols ")" \
  " VALUES ({U1}, {RUN}, 1000, " vals ")"
#define SET_WITH(cols, vals) \
  "INSERT INTO exercise_set (exercise_id, set_number, " cols ") VALUES ({E2}, 7, " vals ")"
#define METRIC_WITH(vals) \
  "INSERT INTO activity_metric (session_id, metric_name, metric_value_numeric, metric_value_text)" \
  " VALUES ({S1}, 'distance', " vals ")"
#define MEDIA_WITH(vals) \
  "INSERT INTO session_media (session_id, exercise_id, media_type, media_url)" \
  " VALUES (" vals ", 'file:///photo.jpg')"
#define SUBTYPE_WITH(name, cols, vals) \
  "INSERT INTO activity_subtype (activity_type_id, name, " cols ") VALUES ({WT}, '" name "', " vals ")"
#define PROGRAM_WITH(cols, vals) \
  "INSERT INTO workout_program (creator_id, name, " cols ") VALUES ({U1}, 'prog', " vals ")"
#define MEDIA_TAGS(vals) \
  "INSERT INTO session_media (session_id, media_type, media_url, tags)" \
  " VALUES ({S1}, 'image', 'file:///t.jpg', " vals ")"
#define ACHIEVEMENT_WITH(cols, vals) \
  "INSERT INTO achievement_type (name, " cols ") VALUES ('Test Achievement', " vals ")"
#define USER_WITH(cols, vals) \
  "INSERT INTO app_user (username, email, " cols ") VALUES ('dave', 'dave@example.com', " vals ")"
#define GOAL_START(date) \
  "INSERT INTO user_goal (user_id, goal_type_id, title, start_date) VALUES ({U1}, {GT}, 'g', " date ")"

static const ConstraintCase cases[] = {
  /* activity_session ranges */
  { "session rating 11", SQLITE_CONSTRAINT_CHECK, SESSION_WITH ("rating", "11"), SESSION_WITH ("rating", "10") },
  { "session rating 0", SQLITE_CONSTRAINT_CHECK, SESSION_WITH ("rating", "0"), SESSION_WITH ("rating", "1") },
  { "energy_level 0", SQLITE_CONSTRAINT_CHECK, SESSION_WITH ("energy_level", "0"), SESSION_WITH ("energy_level", "1") },
  { "energy_level 11", SQLITE_CONSTRAINT_CHECK, SESSION_WITH ("energy_level", "11"), SESSION_WITH ("energy_level", "10") },
  { "perceived_exertion 0", SQLITE_CONSTRAINT_CHECK, SESSION_WITH ("perceived_exertion", "0"), SESSION_WITH ("perceived_exertion", "1") },
  { "perceived_exertion 11", SQLITE_CONSTRAINT_CHECK, SESSION_WITH ("perceived_exertion", "11"), SESSION_WITH ("perceived_exertion", "10") },
  { "ended before started", SQLITE_CONSTRAINT_CHECK, SESSION_WITH ("ended_at", "999"), SESSION_WITH ("ended_at", "1000") },
  { "utc offset beyond 18 h", SQLITE_CONSTRAINT_CHECK, SESSION_WITH ("utc_offset_seconds", "64801"), SESSION_WITH ("utc_offset_seconds", "64800") },
  { "is_personal_record 2", SQLITE_CONSTRAINT_CHECK, SESSION_WITH ("is_personal_record", "2"), SESSION_WITH ("is_personal_record", "1") },
  /* exercise_set */
  { "reps 0", SQLITE_CONSTRAINT_CHECK, SET_WITH ("reps", "0"), SET_WITH ("reps", "1") },
  { "reps negative", SQLITE_CONSTRAINT_CHECK, SET_WITH ("reps", "-3"), SET_WITH ("reps", "3") },
  { "weight negative", SQLITE_CONSTRAINT_CHECK, SET_WITH ("weight", "-0.5"), SET_WITH ("weight", "0") },
  { "rpe 11", SQLITE_CONSTRAINT_CHECK, SET_WITH ("rpe", "11"), SET_WITH ("rpe", "10") },
  { "rpe 0", SQLITE_CONSTRAINT_CHECK, SET_WITH ("rpe", "0"), SET_WITH ("rpe", "1") },
  { "duplicate set_number in one exercise", SQLITE_CONSTRAINT_UNIQUE,
    "INSERT INTO exercise_set (exercise_id, set_number) VALUES ({E1}, 1)",
    "INSERT INTO exercise_set (exercise_id, set_number) VALUES ({E2}, 1)" },
  /* activity_metric */
  { "metric with both values", SQLITE_CONSTRAINT_CHECK, METRIC_WITH ("5, 'five'"), METRIC_WITH ("5, NULL") },
  { "metric with neither value", SQLITE_CONSTRAINT_CHECK, METRIC_WITH ("NULL, NULL"), METRIC_WITH ("NULL, 'five'") },
  { "metric negative value", SQLITE_CONSTRAINT_CHECK, METRIC_WITH ("-1, NULL"), METRIC_WITH ("0, NULL") },
  /* session_media */
  { "media on session and exercise", SQLITE_CONSTRAINT_CHECK, MEDIA_WITH ("{S2}, {E1}, 'image'"), MEDIA_WITH ("NULL, {E1}, 'image'") },
  { "media on neither", SQLITE_CONSTRAINT_CHECK, MEDIA_WITH ("NULL, NULL, 'image'"), MEDIA_WITH ("{S2}, NULL, 'image'") },
  { "media_type gif", SQLITE_CONSTRAINT_CHECK, MEDIA_WITH ("{S2}, NULL, 'gif'"), MEDIA_WITH ("{S2}, NULL, 'video'") },
  { "media tags not JSON", SQLITE_CONSTRAINT_CHECK, MEDIA_TAGS ("'[\"a\",'"), MEDIA_TAGS ("'[\"a\",\"b\"]'") },
  { "media tags not an array", SQLITE_CONSTRAINT_CHECK, MEDIA_TAGS ("'{\"a\":1}'"), MEDIA_TAGS ("'[]'") },
  { "media tags a JSON string", SQLITE_CONSTRAINT_CHECK, MEDIA_TAGS ("'\"a\"'"), MEDIA_TAGS ("'[\"a\"]'") },
  /* user_relationship */
  { "user following themself", SQLITE_CONSTRAINT_CHECK,
    "INSERT INTO user_relationship (follower_id, following_id) VALUES ({U1}, {U1})",
    "INSERT INTO user_relationship (follower_id, following_id) VALUES ({U1}, {U2})" },
  { "duplicate follow", SQLITE_CONSTRAINT_UNIQUE,
    "INSERT INTO user_relationship (follower_id, following_id) VALUES ({U2}, {U1})",
    "INSERT INTO user_relationship (follower_id, following_id) VALUES ({U3}, {U1})" },
  /* activity_subtype */
  { "subtype difficulty expert", SQLITE_CONSTRAINT_CHECK,
    SUBTYPE_WITH ("Test Lift", "difficulty_level", "'expert'"),
    SUBTYPE_WITH ("Test Lift", "difficulty_level", "'advanced'") },
  { "subtype muscle_groups not JSON", SQLITE_CONSTRAINT_CHECK,
    SUBTYPE_WITH ("Test Lift", "muscle_groups", "'[quads'"),
    SUBTYPE_WITH ("Test Lift", "muscle_groups", "'[\"quads\"]'") },
  { "subtype muscle_groups not an array", SQLITE_CONSTRAINT_CHECK,
    SUBTYPE_WITH ("Test Lift", "muscle_groups", "'{\"q\":1}'"),
    SUBTYPE_WITH ("Test Lift", "muscle_groups", "'[\"quads\",\"glutes\"]'") },
  { "subtype equipment_needed not JSON", SQLITE_CONSTRAINT_CHECK,
    SUBTYPE_WITH ("Test Lift", "equipment_needed", "'barbell'"),
    SUBTYPE_WITH ("Test Lift", "equipment_needed", "'[\"barbell\"]'") },
  { "subtype equipment_needed a number", SQLITE_CONSTRAINT_CHECK,
    SUBTYPE_WITH ("Test Lift", "equipment_needed", "'42'"),
    SUBTYPE_WITH ("Test Lift", "equipment_needed", "'[42]'") },
  { "duplicate subtype name in a type", SQLITE_CONSTRAINT_UNIQUE,
    SUBTYPE_WITH ("Squat", "description", "'again'"),
    SUBTYPE_WITH ("Squat Variant", "description", "'again'") },
  /* workout_program */
  { "program difficulty expert", SQLITE_CONSTRAINT_CHECK,
    PROGRAM_WITH ("difficulty_level", "'expert'"), PROGRAM_WITH ("difficulty_level", "'beginner'") },
  { "program tags not JSON", SQLITE_CONSTRAINT_CHECK,
    PROGRAM_WITH ("tags", "'strength'"), PROGRAM_WITH ("tags", "'[\"strength\"]'") },
  { "program tags not an array", SQLITE_CONSTRAINT_CHECK,
    PROGRAM_WITH ("tags", "'{\"a\":\"b\"}'"), PROGRAM_WITH ("tags", "'[\"a\",\"b\"]'") },
  { "program duration 0 weeks", SQLITE_CONSTRAINT_CHECK,
    PROGRAM_WITH ("duration_weeks", "0"), PROGRAM_WITH ("duration_weeks", "1") },
  /* achievement_type */
  { "criteria_json invalid", SQLITE_CONSTRAINT_CHECK,
    ACHIEVEMENT_WITH ("criteria_json", "'{sessions: 1'"),
    ACHIEVEMENT_WITH ("criteria_json", "'{\"sessions\": 1}'") },
  { "rarity mythic", SQLITE_CONSTRAINT_CHECK,
    ACHIEVEMENT_WITH ("rarity", "'mythic'"), ACHIEVEMENT_WITH ("rarity", "'legendary'") },
  /* session_share */
  { "visibility secret", SQLITE_CONSTRAINT_CHECK,
    "INSERT INTO session_share (session_id, shared_by_user_id, visibility) VALUES ({S1}, {U1}, 'secret')",
    "INSERT INTO session_share (session_id, shared_by_user_id, visibility) VALUES ({S1}, {U1}, 'private')" },
  /* app_user */
  { "measurement_preference metric-ish", SQLITE_CONSTRAINT_CHECK,
    USER_WITH ("measurement_preference", "'metric-ish'"), USER_WITH ("measurement_preference", "'imperial'") },
  { "username ab", SQLITE_CONSTRAINT_CHECK,
    "INSERT INTO app_user (username, email) VALUES ('ab', 'ab@example.com')",
    "INSERT INTO app_user (username, email) VALUES ('abc', 'ab@example.com')" },
  { "duplicate username", SQLITE_CONSTRAINT_UNIQUE,
    "INSERT INTO app_user (username, email) VALUES ('alice', 'alice2@example.com')",
    "INSERT INTO app_user (username, email) VALUES ('alice2', 'alice2@example.com')" },
  { "duplicate email", SQLITE_CONSTRAINT_UNIQUE,
    "INSERT INTO app_user (username, email) VALUES ('alice2', 'alice@example.com')",
    "INSERT INTO app_user (username, email) VALUES ('alice2', 'alice2@example.com')" },
  /* personal_record */
  { "duplicate personal record", SQLITE_CONSTRAINT_UNIQUE,
    "INSERT INTO personal_record (user_id, activity_subtype_id, record_type, record_value, session_id)"
    " VALUES ({U1}, {SQ}, '1rm', 130, {S2})",
    "INSERT INTO personal_record (user_id, activity_subtype_id, record_type, record_value, session_id)"
    " VALUES ({U1}, {SQ}, 'max_weight', 130, {S2})" },
  { "record_type best", SQLITE_CONSTRAINT_CHECK,
    "INSERT INTO personal_record (user_id, activity_subtype_id, record_type, record_value, session_id)"
    " VALUES ({U1}, {BP}, 'best', 80, {S2})",
    "INSERT INTO personal_record (user_id, activity_subtype_id, record_type, record_value, session_id)"
    " VALUES ({U1}, {BP}, 'max_reps', 80, {S2})" },
  /* user_achievement, session_like */
  { "duplicate user_achievement", SQLITE_CONSTRAINT_UNIQUE,
    "INSERT INTO user_achievement (user_id, achievement_type_id) VALUES ({U1}, {AT})",
    "INSERT INTO user_achievement (user_id, achievement_type_id) VALUES ({U2}, {AT})" },
  { "duplicate like", SQLITE_CONSTRAINT_UNIQUE,
    "INSERT INTO session_like (session_id, user_id) VALUES ({S1}, {U2})",
    "INSERT INTO session_like (session_id, user_id) VALUES ({S1}, {U3})" },
  /* foreign keys */
  { "session of a missing user", SQLITE_CONSTRAINT_FOREIGNKEY,
    "INSERT INTO activity_session (user_id, activity_type_id, started_at) VALUES ({NOUSER}, {RUN}, 1)",
    "INSERT INTO activity_session (user_id, activity_type_id, started_at) VALUES ({U2}, {RUN}, 1)" },
  { "session of a missing activity type", SQLITE_CONSTRAINT_FOREIGNKEY,
    "INSERT INTO activity_session (user_id, activity_type_id, started_at) VALUES ({U1}, {NOTYPE}, 1)",
    "INSERT INTO activity_session (user_id, activity_type_id, started_at) VALUES ({U1}, {WT}, 1)" },
  { "exercise of a missing session", SQLITE_CONSTRAINT_FOREIGNKEY,
    "INSERT INTO activity_exercise (session_id, exercise_order) VALUES (-1, 1)",
    "INSERT INTO activity_exercise (session_id, exercise_order) VALUES ({S1}, 1)" },
  { "session without a start", SQLITE_CONSTRAINT_NOTNULL,
    "INSERT INTO activity_session (user_id, activity_type_id) VALUES ({U1}, {RUN})",
    "INSERT INTO activity_session (user_id, activity_type_id, started_at) VALUES ({U1}, {RUN}, 0)" },
  /* dates */
  { "goal start 2024-02-30", SQLITE_CONSTRAINT_CHECK, GOAL_START ("'2024-02-30'"), GOAL_START ("'2024-02-29'") },
  { "goal start tomorrow", SQLITE_CONSTRAINT_CHECK, GOAL_START ("'tomorrow'"), GOAL_START ("'2024-03-01'") },
  { "goal start with a time", SQLITE_CONSTRAINT_CHECK, GOAL_START ("'2024-03-01 10:00'"), GOAL_START ("'2024-03-01'") },
  { "goal target 2023-02-29", SQLITE_CONSTRAINT_CHECK,
    "INSERT INTO user_goal (user_id, goal_type_id, title, start_date, target_date)"
    " VALUES ({U1}, {GT}, 'g', '2023-01-01', '2023-02-29')",
    "INSERT INTO user_goal (user_id, goal_type_id, title, start_date, target_date)"
    " VALUES ({U1}, {GT}, 'g', '2023-01-01', '2023-02-28')" },
  { "enrolment start 2024-04-31", SQLITE_CONSTRAINT_CHECK,
    "INSERT INTO user_program_enrollment (user_id, program_id, start_date) VALUES ({U1}, {P1}, '2024-04-31')",
    "INSERT INTO user_program_enrollment (user_id, program_id, start_date) VALUES ({U1}, {P1}, '2024-04-30')" },
  { "streak last day 2024-06-31", SQLITE_CONSTRAINT_CHECK,
    "INSERT INTO user_streak (user_id, activity_type_id, last_activity_date) VALUES ({U2}, {RUN}, '2024-06-31')",
    "INSERT INTO user_streak (user_id, activity_type_id, last_activity_date) VALUES ({U2}, {RUN}, '2024-06-30')" },
  { "goal frequency 22 a week", SQLITE_CONSTRAINT_CHECK,
    "INSERT INTO user_goal (user_id, goal_type_id, title, start_date, frequency_per_week)"
    " VALUES ({U1}, {GT}, 'g', '2024-01-01', 22)",
    "INSERT INTO user_goal (user_id, goal_type_id, title, start_date, frequency_per_week)"
    " VALUES ({U1}, {GT}, 'g', '2024-01-01', 21)" },
  { "enrolment start 2023-13-01", SQLITE_CONSTRAINT_CHECK,
    "INSERT INTO user_program_enrollment (user_id, program_id, start_date) VALUES ({U1}, {P1}, '2023-13-01')",
    "INSERT INTO user_program_enrollment (user_id, program_id, start_date) VALUES ({U1}, {P1}, '2023-12-01')" },
  /* user_streak */
  { "two overall streaks for one user", SQLITE_CONSTRAINT_UNIQUE,
    "INSERT INTO user_streak (user_id, activity_type_id) VALUES ({U1}, NULL)",
    "INSERT INTO user_streak (user_id, activity_type_id) VALUES ({U2}, NULL)" },
  { "duplicate streak for one type", SQLITE_CONSTRAINT_UNIQUE,
    "INSERT INTO user_streak (user_id, activity_type_id) VALUES ({U1}, {RUN})",
    "INSERT INTO user_streak (user_id, activity_type_id) VALUES ({U1}, {WT})" },
};

/* Runs one case inside a savepoint that is rolled back, so cases stay
 * independent. A failing case is reported and marks the test failed, and
 * the other cases still run, so one run lists every missing constraint. */
static void
run_case (Fixture              *fx,
          const ConstraintCase *c)
{
  sqlite3 *db = fx->f.db;
  int rc;

  at_test_exec (db, "SAVEPOINT constraint_case");

  if (c->bad != NULL)
    {
      g_autofree char *bad = expand (fx, c->bad);

      rc = at_test_try_exec (db, bad);
      if ((rc & 0xff) != SQLITE_CONSTRAINT)
        {
          g_test_message ("FAILED case “%s”: the database accepted a bad row"
                          " (expected SQLITE_CONSTRAINT, got %d): %s", c->name, rc, bad);
          g_test_fail ();
        }
      else if (rc != c->expected)
        {
          g_test_message ("FAILED case “%s”: expected extended code %d, got %d (%s)",
                          c->name, c->expected, rc, sqlite3_errmsg (db));
          g_test_fail ();
        }
    }

  /* The good row runs on the same state the bad one met. */
  at_test_exec (db, "ROLLBACK TO constraint_case");
  {
    g_autofree char *good = expand (fx, c->good);

    rc = at_test_try_exec (db, good);
    if (rc != SQLITE_OK)
      {
        g_test_message ("FAILED case “%s”: the good row failed (%d: %s): %s",
                        c->name, rc, sqlite3_errmsg (db), good);
        g_test_fail ();
      }
  }

  at_test_exec (db, "ROLLBACK TO constraint_case; RELEASE constraint_case");
}

static void
test_constraints_table (void)
{
  Fixture fx;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fixture_setup (&fx);
  g_assert_cmpint (at_test_query_int (fx.f.db, "PRAGMA foreign_keys"), ==, 1);
  before = at_test_dump_all (fx.f.db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u: %s", i, cases[i].name);
      run_case (&fx, &cases[i]);
    }

  /* Every case was rolled back. */
  after = at_test_dump_all (fx.f.db);
  g_assert_cmpstr (before, ==, after);
  fixture_teardown (&fx);
}

static void
test_constraints_emails (void)
{
  Fixture fx;

  fixture_setup (&fx);
  for (guint i = 0; i < G_N_ELEMENTS (at_test_bad_emails); i++)
    {
      g_autofree char *bad = at_test_sql_printf ("INSERT INTO app_user (username, email) VALUES ('mail%u', %Q)",
                                              i, at_test_bad_emails[i]);
      g_autofree char *good = at_test_sql_printf ("INSERT INTO app_user (username, email) VALUES ('mail%u', 'mail%u@example.org')",
                                               i, i);
      ConstraintCase c = { at_test_bad_emails[i], SQLITE_CONSTRAINT_CHECK, bad, good };

      run_case (&fx, &c);
    }
  for (guint i = 0; i < G_N_ELEMENTS (at_test_good_emails); i++)
    {
      g_autofree char *good = at_test_sql_printf ("INSERT INTO app_user (username, email) VALUES ('good%u', %Q)",
                                               i, at_test_good_emails[i]);
      ConstraintCase c = { at_test_good_emails[i], 0, NULL, good };

      run_case (&fx, &c);
    }
  fixture_teardown (&fx);
}

/* The schema's index names. */
static const char * const schema_indexes[] = {
  "idx_user_email", "idx_user_active", "idx_activity_type_category", "idx_subtype_type",
  "idx_subtype_search", "idx_unit_type", "idx_session_user_date", "idx_session_type_date",
  "idx_session_subtype", "idx_session_templates", "idx_session_search", "idx_session_date_trunc",
  "idx_exercise_session", "idx_exercise_subtype", "idx_set_exercise", "idx_set_weight",
  "idx_set_reps", "idx_metric_session", "idx_metric_name_value", "idx_template_activity",
  "idx_media_session", "idx_media_exercise", "idx_progress_photos", "idx_media_tags",
  "idx_user_goals", "idx_goal_type", "idx_milestone_goal", "idx_user_prs", "idx_pr_achieved",
  "idx_pr_subtype", "idx_body_metrics", "idx_programs_public", "idx_program_creator",
  "idx_program_search", "idx_program_sessions", "idx_template_exercises", "idx_user_enrollments",
  "idx_program_enrollments", "idx_user_achievements", "idx_user_streaks", "idx_streak_activity",
  "idx_followers", "idx_following", "idx_session_shares", "idx_shared_session",
  "idx_session_comments", "idx_user_comments", "idx_session_likes", "idx_user_likes",
  "idx_user_stats_user",
};

/* Indexes deliberately replaced, and what replaces each. */
typedef struct
{
  const char *index;
  const char *table;     /* a UNIQUE index on these columns replaces it, or */
  const char *columns;
  const char *object;    /* this table or index replaces it */
} Replaced;

static const Replaced replaced[] = {
  { "idx_set_exercise", "exercise_set", "exercise_id,set_number", NULL },
  { "idx_user_prs", "personal_record", "user_id,activity_subtype_id,record_type", NULL },
  { "idx_following", "user_relationship", "follower_id,following_id", NULL },
  { "idx_session_likes", "session_like", "session_id,user_id", NULL },
  { "idx_session_search", NULL, NULL, "session_fts" },
  { "idx_program_search", NULL, NULL, "program_fts" },
  { "idx_subtype_search", NULL, NULL, "exercise_fts" },
  { "idx_media_tags", NULL, NULL, NULL },  /* tags are read with json_each() */
  { "idx_session_date_trunc", NULL, NULL, "idx_session_local_date" },
  /* The materialized view is a table here, whose PRIMARY KEY is the unique
   * index on user_id. */
  { "idx_user_stats_user", "user_statistics", "user_id", NULL },
};

static gboolean
has_unique_index (sqlite3    *db,
                  const char *table,
                  const char *columns)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT count(*) FROM pragma_index_list('%s') l"
    " WHERE l.\"unique\" = 1 AND (SELECT group_concat(name, ',') FROM"
    "   (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = '%s'", table, columns);
  g_autofree char *pk = g_strdup_printf (
    "SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('%s')"
    " WHERE pk > 0 ORDER BY pk)", table);
  g_autofree char *pk_columns = at_test_query_text (db, "%s", pk);

  return at_test_query_int (db, "%s", sql) > 0 || g_strcmp0 (pk_columns, columns) == 0;
}

static void
test_constraints_schema_objects (void)
{
  AtTestFixture f;

  at_test_fixture_open (&f);

  g_assert_cmpuint (G_N_ELEMENTS (at_test_schema_tables), ==, 28);
  for (guint i = 0; i < G_N_ELEMENTS (at_test_schema_tables); i++)
    {
      gint64 n = at_test_query_int (f.db,
                                    "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                                    " AND name = '%s'", at_test_schema_tables[i]);
      if (n != 1)
        g_error ("table %s is missing", at_test_schema_tables[i]);
      /* STRICT, as the storage rules say. */
      g_assert_cmpint (at_test_query_int (f.db,
                                          "SELECT strict FROM pragma_table_list"
                                          " WHERE name = '%s'", at_test_schema_tables[i]), ==, 1);
    }
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(*) FROM sqlite_schema"
                                            " WHERE type = 'table' AND name = 'user_statistics'"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (schema_indexes); i++)
    {
      const Replaced *r = NULL;
      gint64 exists;

      for (guint j = 0; j < G_N_ELEMENTS (replaced); j++)
        if (g_str_equal (replaced[j].index, schema_indexes[i]))
          r = &replaced[j];

      exists = at_test_query_int (f.db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                                        " AND name = '%s'", schema_indexes[i]);
      if (r == NULL)
        {
          if (exists != 1)
            g_error ("index %s of the schema is missing", schema_indexes[i]);
          continue;
        }

      /* A replaced index is not there, and its replacement is. */
      g_assert_cmpint (exists, ==, 0);
      if (r->table != NULL && !has_unique_index (f.db, r->table, r->columns))
        g_error ("%s: no UNIQUE (%s) on %s replaces it", r->index, r->columns, r->table);
      if (r->object != NULL &&
          at_test_query_int (f.db, "SELECT count(*) FROM sqlite_schema WHERE name = '%s'",
                             r->object) != 1)
        g_error ("%s: its replacement %s is missing", r->index, r->object);
    }

  /* The explicit list of replaced indexes. */
  g_assert_cmpuint (G_N_ELEMENTS (replaced), ==, 10);

  at_test_fixture_close (&f);
}

/* Builds one user's full graph of rows with raw SQL; returns the user id. */
static gint64
make_user_graph (AtTestFixture *f,
                 const char    *name,
                 gint64         other_user_id)
{
  sqlite3 *db = f->db;
  g_autofree char *sql = NULL;
  gint64 user_id, session_id, exercise_id, goal_id, program_id, other_session_id;

  sql = at_test_sql_printf ("INSERT INTO app_user (username, email) VALUES (%Q, '%q@example.com')",
                         name, name);
  at_test_exec (db, sql);
  user_id = sqlite3_last_insert_rowid (db);

  g_free (sql);
  sql = g_strdup_printf (
    "INSERT INTO activity_session (user_id, activity_type_id, started_at, session_name)"
    " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 1000, '%s session')",
    user_id, f->cat.weight_training_id, name);
  at_test_exec (db, sql);
  session_id = sqlite3_last_insert_rowid (db);

  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO activity_exercise (session_id, activity_subtype_id, exercise_order)"
                         " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 1)",
                         session_id, f->cat.squat_id);
  at_test_exec (db, sql);
  exercise_id = sqlite3_last_insert_rowid (db);

  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO user_goal (user_id, goal_type_id, title, start_date)"
                         " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'goal', '2024-01-01')",
                         user_id, f->cat.goal_type_id);
  at_test_exec (db, sql);
  goal_id = sqlite3_last_insert_rowid (db);

  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO workout_program (creator_id, name, is_public)"
                         " VALUES (%" G_GINT64_FORMAT ", '%s program', 1)", user_id, name);
  at_test_exec (db, sql);
  program_id = sqlite3_last_insert_rowid (db);

  other_session_id = other_user_id > 0
    ? at_test_query_int (db, "SELECT min(id) FROM activity_session WHERE user_id = %" G_GINT64_FORMAT,
                         other_user_id)
    : session_id;

#define I64 "%" G_GINT64_FORMAT
  g_free (sql);
  sql = g_strdup_printf (
    "INSERT INTO exercise_set (exercise_id, set_number, reps, weight, weight_unit_id)"
    "  VALUES (" I64 ", 1, 5, 100, " I64 ");"
    "INSERT INTO activity_metric (session_id, metric_name, metric_value_numeric)"
    "  VALUES (" I64 ", 'distance', 5);"
    "INSERT INTO session_media (session_id, media_type, media_url) VALUES (" I64 ", 'image', 'a.jpg');"
    "INSERT INTO session_media (exercise_id, media_type, media_url) VALUES (" I64 ", 'video', 'b.mp4');"
    "INSERT INTO goal_milestone (goal_id, title) VALUES (" I64 ", 'half way');"
    "INSERT INTO personal_record (user_id, activity_subtype_id, record_type, record_value,"
    "  session_id, exercise_id) VALUES (" I64 ", " I64 ", '1rm', 120, " I64 ", " I64 ");"
    "INSERT INTO user_body_metric (user_id, metric_type_id, value, unit_id)"
    "  VALUES (" I64 ", " I64 ", 80, " I64 ");"
    "INSERT INTO program_session_template (program_id, week_number, day_number, activity_type_id)"
    "  VALUES (" I64 ", 1, 1, " I64 ");"
    "INSERT INTO user_program_enrollment (user_id, program_id, start_date)"
    "  VALUES (" I64 ", " I64 ", '2024-01-01');"
    "INSERT INTO user_achievement (user_id, achievement_type_id, related_session_id)"
    "  VALUES (" I64 ", " I64 ", " I64 ");"
    "INSERT INTO user_streak (user_id) VALUES (" I64 ");"
    "INSERT INTO session_share (session_id, shared_by_user_id, visibility)"
    "  VALUES (" I64 ", " I64 ", 'public');"
    "INSERT INTO session_comment (session_id, user_id, comment_text) VALUES (" I64 ", " I64 ", 'nice');"
    "INSERT INTO session_like (session_id, user_id) VALUES (" I64 ", " I64 ")"
    "  ON CONFLICT DO NOTHING;"
    "INSERT INTO session_comment (session_id, user_id, comment_text) VALUES (" I64 ", " I64 ", 'mine');"
    "INSERT INTO session_like (session_id, user_id) VALUES (" I64 ", " I64 ")"
    "  ON CONFLICT DO NOTHING;",
    exercise_id, f->cat.kg_id,
    session_id, session_id, exercise_id, goal_id,
    user_id, f->cat.squat_id, session_id, exercise_id,
    user_id, f->cat.body_metric_type_id, f->cat.kg_id,
    program_id, f->cat.weight_training_id,
    user_id, program_id,
    user_id, f->cat.achievement_type_id, session_id,
    user_id,
    session_id, user_id,
    other_session_id, user_id,
    other_session_id, user_id,
    session_id, user_id,
    session_id, user_id);
#undef I64
  at_test_exec (db, sql);

  return user_id;
}

/* How to count the rows that belong to one user ({ID}) or one session. */
typedef struct
{
  const char *table;
  const char *where;
} Owned;

#define SESSIONS_OF_USER "(SELECT id FROM activity_session WHERE user_id = {ID})"
#define EXERCISES_OF_USER \
  "(SELECT id FROM activity_exercise WHERE session_id IN " SESSIONS_OF_USER ")"

static const Owned user_rows[] = {
  { "activity_session", "user_id = {ID}" },
  { "activity_exercise", "session_id IN " SESSIONS_OF_USER },
  { "exercise_set", "exercise_id IN " EXERCISES_OF_USER },
  { "activity_metric", "session_id IN " SESSIONS_OF_USER },
  { "session_media", "session_id IN " SESSIONS_OF_USER " OR exercise_id IN " EXERCISES_OF_USER },
  { "user_goal", "user_id = {ID}" },
  { "goal_milestone", "goal_id IN (SELECT id FROM user_goal WHERE user_id = {ID})" },
  { "personal_record", "user_id = {ID}" },
  { "user_body_metric", "user_id = {ID}" },
  { "user_program_enrollment", "user_id = {ID}" },
  { "user_achievement", "user_id = {ID}" },
  { "user_streak", "user_id = {ID}" },
  { "user_relationship", "follower_id = {ID} OR following_id = {ID}" },
  { "session_share", "shared_by_user_id = {ID} OR session_id IN " SESSIONS_OF_USER },
  { "session_comment", "user_id = {ID} OR session_id IN " SESSIONS_OF_USER },
  { "session_like", "user_id = {ID} OR session_id IN " SESSIONS_OF_USER },
  { "user_statistics", "user_id = {ID}" },
  { "app_user", "id = {ID}" },
};

#define EXERCISES_OF_SESSION "(SELECT id FROM activity_exercise WHERE session_id = {ID})"

static const Owned session_rows[] = {
  { "activity_session", "id = {ID}" },
  { "activity_exercise", "session_id = {ID}" },
  { "exercise_set", "exercise_id IN " EXERCISES_OF_SESSION },
  { "activity_metric", "session_id = {ID}" },
  { "session_media", "session_id = {ID} OR exercise_id IN " EXERCISES_OF_SESSION },
  { "session_share", "session_id = {ID}" },
  { "session_comment", "session_id = {ID}" },
  { "session_like", "session_id = {ID}" },
  { "personal_record", "session_id = {ID}" },
};

static gint64
count_owned (sqlite3     *db,
             const Owned *owned,
             gint64       id)
{
  g_autoptr(GString) where = g_string_new (owned->where);
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_string_replace (where, "{ID}", value, 0);
  return at_test_query_int (db, "SELECT count(*) FROM %s WHERE %s", owned->table, where->str);
}

static gint64
count_all (sqlite3    *db,
           const char *table)
{
  return at_test_query_int (db, "SELECT count(*) FROM %s", table);
}

/* Deletes with `delete_sql` and checks that exactly the owned rows went. */
static void
check_cascade (sqlite3     *db,
               const Owned *owned,
               guint        n_owned,
               gint64       id,
               const char  *delete_sql)
{
  gint64 owned_before[32], total_before[32];

  g_assert_cmpuint (n_owned, <=, G_N_ELEMENTS (owned_before));
  for (guint i = 0; i < n_owned; i++)
    {
      owned_before[i] = count_owned (db, &owned[i], id);
      total_before[i] = count_all (db, owned[i].table);
      if (owned_before[i] == 0)
        g_error ("the test made no %s row to cascade", owned[i].table);
      /* Another owner's rows are there too, so the cascade must pick. */
      g_assert_cmpint (total_before[i], >, owned_before[i]);
    }

  at_test_exec (db, delete_sql);

  for (guint i = 0; i < n_owned; i++)
    {
      gint64 total_after = count_all (db, owned[i].table);

      if (total_after != total_before[i] - owned_before[i])
        g_error ("%s: %" G_GINT64_FORMAT " rows before, %" G_GINT64_FORMAT " owned, %"
                 G_GINT64_FORMAT " after", owned[i].table, total_before[i], owned_before[i],
                 total_after);
    }
  g_assert_cmpint (at_test_query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_constraints_cascade_user (void)
{
  AtTestFixture f;
  gint64 x, y, z;
  g_autofree char *sql = NULL;

  at_test_fixture_open (&f);
  x = make_user_graph (&f, "xavier", 0);
  y = make_user_graph (&f, "yvonne", x);
  /* xavier likes and comments yvonne's session too, and they follow each other */
  sql = g_strdup_printf ("INSERT INTO session_like (session_id, user_id)"
                         "  SELECT min(id), %1$" G_GINT64_FORMAT " FROM activity_session WHERE user_id = %2$" G_GINT64_FORMAT ";"
                         "INSERT INTO session_comment (session_id, user_id, comment_text)"
                         "  SELECT min(id), %1$" G_GINT64_FORMAT ", 'hi' FROM activity_session WHERE user_id = %2$" G_GINT64_FORMAT ";"
                         "INSERT INTO user_relationship (follower_id, following_id) VALUES (%1$" G_GINT64_FORMAT ", %2$" G_GINT64_FORMAT ");"
                         "INSERT INTO user_relationship (follower_id, following_id) VALUES (%2$" G_GINT64_FORMAT ", %1$" G_GINT64_FORMAT ");",
                         x, y);
  at_test_exec (f.db, sql);

  /* …and a third user's relationship with yvonne, which must stay. */
  z = make_user_graph (&f, "zoe", y);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO user_relationship (follower_id, following_id) VALUES (%"
                         G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", z, y);
  at_test_exec (f.db, sql);

  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM app_user WHERE id = %" G_GINT64_FORMAT, x);
  check_cascade (f.db, user_rows, G_N_ELEMENTS (user_rows), x, sql);

  /* The programs xavier made stay, without a creator (SET NULL). */
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(*) FROM workout_program"
                                            " WHERE name = 'xavier program' AND creator_id IS NULL"), ==, 1);
  /* yvonne's own rows are all still there. */
  for (guint i = 0; i < G_N_ELEMENTS (user_rows); i++)
    if (!g_str_equal (user_rows[i].table, "user_relationship"))
      g_assert_cmpint (count_owned (f.db, &user_rows[i], y), >, 0);

  at_test_fixture_close (&f);
}

static void
test_constraints_cascade_session (void)
{
  AtTestFixture f;
  gint64 x, y, session_id;
  g_autofree char *sql = NULL;

  at_test_fixture_open (&f);
  x = make_user_graph (&f, "xavier", 0);
  y = make_user_graph (&f, "yvonne", x);
  session_id = at_test_query_int (f.db, "SELECT min(id) FROM activity_session WHERE user_id = %"
                                  G_GINT64_FORMAT, x);
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(*) FROM user_achievement"
                                            " WHERE related_session_id = %" G_GINT64_FORMAT,
                                      session_id), ==, 1);

  sql = g_strdup_printf ("DELETE FROM activity_session WHERE id = %" G_GINT64_FORMAT, session_id);
  check_cascade (f.db, session_rows, G_N_ELEMENTS (session_rows), session_id, sql);

  /* The achievement stays, without its session (SET NULL); the user stays. */
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(*) FROM user_achievement"
                                            " WHERE user_id = %" G_GINT64_FORMAT
                                            " AND related_session_id IS NULL", x), ==, 1);
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(*) FROM app_user WHERE id IN (%"
                                      G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", x, y), ==, 2);
  at_test_fixture_close (&f);
}

typedef struct
{
  const char *table;
  const char *column;
  const char *on_delete;
} ForeignKeyAction;

/* What a delete of the referenced row does, by the storage rules: owned
 * children CASCADE, catalogue references RESTRICT, optional SET NULL. */
static const ForeignKeyAction fk_actions[] = {
  { "activity_session", "user_id", "CASCADE" },
  { "activity_session", "activity_type_id", "RESTRICT" },
  { "activity_session", "parent_session_id", "SET NULL" },
  { "activity_exercise", "session_id", "CASCADE" },
  { "activity_exercise", "activity_subtype_id", "RESTRICT" },
  { "exercise_set", "exercise_id", "CASCADE" },
  { "exercise_set", "weight_unit_id", "RESTRICT" },
  { "activity_metric", "session_id", "CASCADE" },
  { "session_media", "session_id", "CASCADE" },
  { "session_media", "exercise_id", "CASCADE" },
  { "user_goal", "goal_type_id", "RESTRICT" },
  { "goal_milestone", "goal_id", "CASCADE" },
  { "personal_record", "session_id", "CASCADE" },
  { "personal_record", "exercise_id", "SET NULL" },
  { "personal_record", "activity_subtype_id", "RESTRICT" },
  { "user_body_metric", "metric_type_id", "RESTRICT" },
  { "workout_program", "creator_id", "SET NULL" },
  { "user_achievement", "achievement_type_id", "RESTRICT" },
  { "user_achievement", "related_session_id", "SET NULL" },
  { "session_like", "session_id", "CASCADE" },
  { "session_like", "user_id", "CASCADE" },
  { "activity_type", "category_id", "RESTRICT" },
};

static void
test_constraints_restrict (void)
{
  AtTestFixture f;
  g_autofree char *sql = NULL;
  struct { const char *what; const char *sql; } in_use[] = {
    { "activity type", "DELETE FROM activity_type WHERE name = 'Weight Training'" },
    { "category", "DELETE FROM activity_category WHERE name = 'Physical'" },
    { "exercise", "DELETE FROM activity_subtype WHERE id = (SELECT id FROM activity_subtype WHERE name = 'Squat')" },
    { "unit", "DELETE FROM unit WHERE name = 'kilograms'" },
    { "goal type", "DELETE FROM goal_type WHERE name = 'frequency'" },
    { "body metric type", "DELETE FROM body_metric_type WHERE name = 'weight'" },
    { "achievement type", "DELETE FROM achievement_type WHERE name = 'Getting Going'" },
  };
  gint64 streak_user;

  at_test_fixture_open (&f);
  make_user_graph (&f, "xavier", 0);

  for (guint i = 0; i < G_N_ELEMENTS (fk_actions); i++)
    {
      g_autofree char *action = at_test_query_text (f.db,
                                                    "SELECT on_delete FROM pragma_foreign_key_list('%s')"
                                                    " WHERE \"from\" = '%s'",
                                                    fk_actions[i].table, fk_actions[i].column);
      if (g_strcmp0 (action, fk_actions[i].on_delete) != 0)
        g_error ("%s.%s: ON DELETE %s, expected %s", fk_actions[i].table, fk_actions[i].column,
                 action, fk_actions[i].on_delete);
    }

  for (guint i = 0; i < G_N_ELEMENTS (in_use); i++)
    {
      int rc = at_test_try_exec (f.db, in_use[i].sql);

      /* SQLite reports a RESTRICT action as SQLITE_CONSTRAINT_TRIGGER. */
      if ((rc & 0xff) != SQLITE_CONSTRAINT || strstr (sqlite3_errmsg (f.db), "FOREIGN KEY") == NULL)
        g_error ("deleting a %s in use: expected a foreign key constraint error, got %d (%s)",
                 in_use[i].what, rc, sqlite3_errmsg (f.db));
    }

  /* The matching good row: a catalogue row nobody uses can go. */
  at_test_exec (f.db, "INSERT INTO activity_type (name) VALUES ('Unused Test Type')");
  g_assert_cmpint (at_test_try_exec (f.db, "DELETE FROM activity_type WHERE name = 'Unused Test Type'"),
                   ==, SQLITE_OK);

  /* A catalogue type referenced only by a user's streak is in use too: deleting
   * it must not silently delete the user's streak. */
  at_test_exec (f.db, "INSERT INTO activity_type (name) VALUES ('Streak Only Type');"
                      "INSERT INTO app_user (username, email) VALUES ('streaker', 'streaker@example.com')");
  streak_user = at_test_query_int (f.db, "SELECT id FROM app_user WHERE username = 'streaker'");
  sql = g_strdup_printf ("INSERT INTO user_streak (user_id, activity_type_id, current_streak_days)"
                         " SELECT %" G_GINT64_FORMAT ", id, 12 FROM activity_type"
                         " WHERE name = 'Streak Only Type'", streak_user);
  at_test_exec (f.db, sql);
  {
    int rc = at_test_try_exec (f.db, "DELETE FROM activity_type WHERE name = 'Streak Only Type'");
    gint64 streaks = at_test_query_int (f.db, "SELECT count(*) FROM user_streak WHERE user_id = %"
                                        G_GINT64_FORMAT, streak_user);

    if ((rc & 0xff) != SQLITE_CONSTRAINT || streaks != 1)
      g_test_fail_printf ("user_streak.activity_type_id: deleting a catalogue type in use by a streak gave %d"
               " and left %" G_GINT64_FORMAT " streak rows (expected RESTRICT: constraint error,"
               " 1 row)", rc, streaks);
  }

  at_test_fixture_close (&f);
}

static void
test_constraints_set_null (void)
{
  AtTestFixture f;
  gint64 x, template_id, child_id, exercise_id, pr_id;
  g_autofree char *sql = NULL;

  at_test_fixture_open (&f);
  x = make_user_graph (&f, "xavier", 0);

  sql = g_strdup_printf ("INSERT INTO activity_session (user_id, activity_type_id, started_at, is_template,"
                         " template_name) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 500, 1, 'Leg day')",
                         x, f.cat.weight_training_id);
  at_test_exec (f.db, sql);
  template_id = sqlite3_last_insert_rowid (f.db);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO activity_session (user_id, activity_type_id, started_at,"
                         " parent_session_id) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                         ", 600, %" G_GINT64_FORMAT ")", x, f.cat.weight_training_id, template_id);
  at_test_exec (f.db, sql);
  child_id = sqlite3_last_insert_rowid (f.db);

  /* A session cannot be its own template. */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE activity_session SET parent_session_id = id WHERE id = %"
                         G_GINT64_FORMAT, child_id);
  g_assert_cmpint (at_test_try_exec (f.db, sql), ==, SQLITE_CONSTRAINT_CHECK);

  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM activity_session WHERE id = %" G_GINT64_FORMAT, template_id);
  at_test_exec (f.db, sql);
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(*) FROM activity_session WHERE id = %"
                                      G_GINT64_FORMAT " AND parent_session_id IS NULL", child_id), ==, 1);

  /* Deleting an exercise keeps its personal record, without the exercise. */
  pr_id = at_test_query_int (f.db, "SELECT id FROM personal_record WHERE user_id = %" G_GINT64_FORMAT, x);
  exercise_id = at_test_query_int (f.db, "SELECT exercise_id FROM personal_record WHERE id = %"
                                   G_GINT64_FORMAT, pr_id);
  g_assert_cmpint (exercise_id, >, 0);
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM activity_exercise WHERE id = %" G_GINT64_FORMAT, exercise_id);
  at_test_exec (f.db, sql);
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(*) FROM personal_record WHERE id = %"
                                      G_GINT64_FORMAT " AND exercise_id IS NULL", pr_id), ==, 1);
  /* …while the exercise's own sets and media went with it. */
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(*) FROM exercise_set WHERE exercise_id = %"
                                      G_GINT64_FORMAT, exercise_id), ==, 0);
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(*) FROM session_media WHERE exercise_id = %"
                                      G_GINT64_FORMAT, exercise_id), ==, 0);

  at_test_fixture_close (&f);
}

static void
test_constraints_generated (void)
{
  AtTestFixture f;
  gint64 user_id, session_id;
  g_autofree char *sql = NULL;
  const struct { gint64 seconds; gint64 minutes; } durations[] = {
    { 0, 0 }, { 29, 0 }, { 30, 1 }, { 89, 1 }, { 90, 2 }, { 3599, 60 }, { 3600, 60 },
    { 5400, 90 }, { 86399, 1440 },
  };
  const struct {
    int y, mo, d, h, mi;
    gint64 offset;
    const char *local_date;
  } dates[] = {
    { 2024, 3, 10, 23, 30, 3600, "2024-03-11" },
    { 2024, 3, 10, 23, 30, 0, "2024-03-10" },
    { 2024, 3, 10, 23, 30, 1800, "2024-03-11" },
    { 2024, 3, 10, 23, 30, 1799, "2024-03-10" },
    { 2024, 3, 11, 0, 30, -3600, "2024-03-10" },
    { 2024, 3, 11, 0, 30, 0, "2024-03-11" },
    { 2024, 1, 1, 2, 0, -36000, "2023-12-31" },
    { 2023, 12, 31, 13, 0, 50400, "2024-01-01" },
    { 2024, 2, 28, 20, 0, 18000, "2024-02-29" },
  };

  at_test_fixture_open (&f);
  at_test_exec (f.db, "INSERT INTO app_user (username, email) VALUES ('gen', 'gen@example.com')");
  user_id = sqlite3_last_insert_rowid (f.db);

  for (guint i = 0; i < G_N_ELEMENTS (durations); i++)
    {
      gint64 start = 1700000000 + i * 100000;

      g_free (sql);
      sql = g_strdup_printf ("INSERT INTO activity_session (user_id, activity_type_id, started_at, ended_at)"
                             " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                             ", %" G_GINT64_FORMAT ")", user_id, f.cat.running_id, start,
                             start + durations[i].seconds);
      at_test_exec (f.db, sql);
      session_id = sqlite3_last_insert_rowid (f.db);
      g_assert_cmpint (at_test_query_int (f.db, "SELECT duration_minutes FROM activity_session"
                                          " WHERE id = %" G_GINT64_FORMAT, session_id),
                       ==, durations[i].minutes);
      g_assert_cmpint (at_test_query_int (f.db, "SELECT duration_minutes IS NULL FROM activity_session"
                                          " WHERE id = %" G_GINT64_FORMAT, session_id), ==, 0);
    }

  /* NULL ended → NULL duration; it follows ended_at when that changes. */
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO activity_session (user_id, activity_type_id, started_at)"
                         " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 1000)",
                         user_id, f.cat.running_id);
  at_test_exec (f.db, sql);
  session_id = sqlite3_last_insert_rowid (f.db);
  g_assert_cmpint (at_test_query_int (f.db, "SELECT duration_minutes IS NULL FROM activity_session"
                                      " WHERE id = %" G_GINT64_FORMAT, session_id), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (durations); i++)
    {
      g_free (sql);
      sql = g_strdup_printf ("UPDATE activity_session SET ended_at = started_at + %" G_GINT64_FORMAT
                             " WHERE id = %" G_GINT64_FORMAT, durations[i].seconds, session_id);
      at_test_exec (f.db, sql);
      g_assert_cmpint (at_test_query_int (f.db, "SELECT duration_minutes FROM activity_session"
                                          " WHERE id = %" G_GINT64_FORMAT, session_id),
                       ==, durations[i].minutes);
    }
  g_free (sql);
  sql = g_strdup_printf ("UPDATE activity_session SET ended_at = NULL WHERE id = %" G_GINT64_FORMAT,
                         session_id);
  at_test_exec (f.db, sql);
  g_assert_cmpint (at_test_query_int (f.db, "SELECT duration_minutes IS NULL FROM activity_session"
                                      " WHERE id = %" G_GINT64_FORMAT, session_id), ==, 1);
  /* A generated column cannot be written. */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE activity_session SET duration_minutes = 5 WHERE id = %" G_GINT64_FORMAT,
                         session_id);
  g_assert_cmpint (at_test_try_exec (f.db, sql), !=, SQLITE_OK);

  /* local_date follows utc_offset_seconds. */
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      gint64 start = at_test_utc (dates[i].y, dates[i].mo, dates[i].d, dates[i].h, dates[i].mi, 0);
      g_autofree char *local = NULL;
      g_autofree char *expected = at_test_local_date (start, dates[i].offset);

      g_assert_cmpstr (expected, ==, dates[i].local_date);
      g_free (sql);
      sql = g_strdup_printf ("INSERT INTO activity_session (user_id, activity_type_id, started_at,"
                             " utc_offset_seconds) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                             ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", user_id,
                             f.cat.running_id, start, dates[i].offset);
      at_test_exec (f.db, sql);
      session_id = sqlite3_last_insert_rowid (f.db);
      local = at_test_query_text (f.db, "SELECT local_date FROM activity_session WHERE id = %"
                                  G_GINT64_FORMAT, session_id);
      g_assert_cmpstr (local, ==, dates[i].local_date);
    }

  /* …and is recomputed when the offset changes: 2024-03-10 23:30 UTC. */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE activity_session SET utc_offset_seconds = 0 WHERE id = %"
                         G_GINT64_FORMAT "; UPDATE activity_session SET started_at = %"
                         G_GINT64_FORMAT ", utc_offset_seconds = 3600 WHERE id = %" G_GINT64_FORMAT,
                         session_id, at_test_utc (2024, 3, 10, 23, 30, 0), session_id);
  at_test_exec (f.db, sql);
  {
    g_autofree char *local = at_test_query_text (f.db, "SELECT local_date FROM activity_session"
                                                 " WHERE id = %" G_GINT64_FORMAT, session_id);
    g_assert_cmpstr (local, ==, "2024-03-11");
  }
  g_free (sql);
  sql = g_strdup_printf ("UPDATE activity_session SET utc_offset_seconds = 0 WHERE id = %"
                         G_GINT64_FORMAT, session_id);
  at_test_exec (f.db, sql);
  {
    g_autofree char *local = at_test_query_text (f.db, "SELECT local_date FROM activity_session"
                                                 " WHERE id = %" G_GINT64_FORMAT, session_id);
    g_assert_cmpstr (local, ==, "2024-03-10");
  }

  at_test_fixture_close (&f);
}

static void
test_constraints_uuid (void)
{
  AtTestFixture f;
  g_autofree char *sql = NULL;
  gint64 user_id;

  at_test_fixture_open (&f);
  at_test_exec (f.db, "INSERT INTO app_user (username, email) VALUES ('uuid', 'uuid@example.com')");
  user_id = sqlite3_last_insert_rowid (f.db);

  sql = g_strdup_printf ("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)"
                         " INSERT INTO activity_session (user_id, activity_type_id, started_at)"
                         " SELECT %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", i FROM n",
                         user_id, f.cat.running_id);
  at_test_exec (f.db, "BEGIN");
  at_test_exec (f.db, sql);
  at_test_exec (f.db, "COMMIT");

  /* The default is 16 bytes of a version 4 uuid: byte 6 is 0x4X and
   * byte 8 is 0x8X to 0xBX, in every row. */
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(*) FROM (SELECT uuid FROM activity_session"
                                            " UNION ALL SELECT uuid FROM app_user)"
                                            " WHERE typeof (uuid) = 'blob' AND length (uuid) = 16"
                                            "   AND substr (hex (uuid), 13, 1) = '4'"
                                            "   AND substr (hex (uuid), 17, 1) IN ('8', '9', 'A', 'B')"),
                   ==, 1001);
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(DISTINCT uuid) FROM activity_session"), ==, 1000);

  /* The random parts are random: the variant nibble takes all four values,
   * the version byte's low nibble all sixteen, across 1000 rows. */
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(DISTINCT substr (hex (uuid), 17, 1))"
                                            " FROM activity_session"), ==, 4);
  g_assert_cmpint (at_test_query_int (f.db, "SELECT count(DISTINCT substr (hex (uuid), 14, 1))"
                                            " FROM activity_session"), ==, 16);

  /* Text, or bytes of another length, are refused. */
  g_assert_cmpint (at_test_try_exec (f.db, "UPDATE app_user SET uuid = '0b7e2e1c-4f5e-4a8b-9c1d-2e3f4a5b6c7d'"),
                   ==, SQLITE_CONSTRAINT_DATATYPE);
  g_assert_cmpint (at_test_try_exec (f.db, "UPDATE app_user SET uuid = randomblob (15)"),
                   ==, SQLITE_CONSTRAINT_CHECK);

  at_test_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  at_test_keep_going (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/constraints/rejected-rows", test_constraints_table);
  g_test_add_func ("/core/constraints/emails", test_constraints_emails);
  g_test_add_func ("/core/constraints/tables-and-indexes", test_constraints_schema_objects);
  g_test_add_func ("/core/constraints/cascade-user", test_constraints_cascade_user);
  g_test_add_func ("/core/constraints/cascade-session", test_constraints_cascade_session);
  g_test_add_func ("/core/constraints/restrict", test_constraints_restrict);
  g_test_add_func ("/core/constraints/set-null", test_constraints_set_null);
  g_test_add_func ("/core/constraints/generated-columns", test_constraints_generated);
  g_test_add_func ("/core/constraints/uuid", test_constraints_uuid);

  return g_test_run ();
}
