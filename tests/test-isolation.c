/* test-isolation.c: the store's row-level security.
 *
 * Two users, A and B, each own one of every kind of row. Acting as one of
 * them, no store call may return or change the other's rows; every refused
 * call is checked to leave the whole database byte for byte as it was.
 */

#include "config.h"

#include <string.h>

#include "at-core.h"
#include "at-store-private.h"
#include "at-test-util.h"

typedef enum
{
  K_USER,
  K_SESSION,
  K_EXERCISE,
  K_SET,
  K_METRIC,
  K_MEDIA_SESSION,
  K_MEDIA_EXERCISE,
  K_GOAL,
  K_MILESTONE,
  K_PR,
  K_BODY_METRIC,
  K_PROGRAM,
  K_PROGRAM_SESSION,
  K_PROGRAM_EXERCISE,
  K_ENROLLMENT,
  K_ACHIEVEMENT,
  K_STREAK,
  K_COMMENT,
  N_KINDS
} Kind;

static const char * const kind_names[N_KINDS] = {
  "user", "session", "exercise", "set", "metric", "media (session)", "media (exercise)",
  "goal", "milestone", "personal record", "body metric", "program (private)",
  "program session template", "program exercise template", "enrolment", "achievement",
  "streak", "comment",
};

static GType
kind_type (Kind kind)
{
  switch (kind)
    {
    case K_USER: return AT_TYPE_USER;
    case K_SESSION: return AT_TYPE_SESSION;
    case K_EXERCISE: return AT_TYPE_ACTIVITY_EXERCISE;
    case K_SET: return AT_TYPE_EXERCISE_SET;
    case K_METRIC: return AT_TYPE_ACTIVITY_METRIC;
    case K_MEDIA_SESSION:
    case K_MEDIA_EXERCISE: return AT_TYPE_SESSION_MEDIA;
    case K_GOAL: return AT_TYPE_GOAL;
    case K_MILESTONE: return AT_TYPE_GOAL_MILESTONE;
    case K_PR: return AT_TYPE_PERSONAL_RECORD;
    case K_BODY_METRIC: return AT_TYPE_BODY_METRIC;
    case K_PROGRAM: return AT_TYPE_PROGRAM;
    case K_PROGRAM_SESSION: return AT_TYPE_PROGRAM_SESSION;
    case K_PROGRAM_EXERCISE: return AT_TYPE_PROGRAM_EXERCISE;
    case K_ENROLLMENT: return AT_TYPE_ENROLLMENT;
    case K_ACHIEVEMENT: return AT_TYPE_USER_ACHIEVEMENT;
    case K_STREAK: return AT_TYPE_STREAK;
    case K_COMMENT: return AT_TYPE_SESSION_COMMENT;
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* A child kind, the column naming its parent and the parent's kind. */
typedef struct
{
  Kind        child;
  const char *column;
  Kind        parent;
} ParentLink;

static const ParentLink parent_links[] = {
  { K_EXERCISE, "session_id", K_SESSION },
  { K_SET, "exercise_id", K_EXERCISE },
  { K_METRIC, "session_id", K_SESSION },
  { K_MEDIA_SESSION, "session_id", K_SESSION },
  { K_MEDIA_EXERCISE, "exercise_id", K_EXERCISE },
  { K_MILESTONE, "goal_id", K_GOAL },
  { K_PROGRAM_SESSION, "program_id", K_PROGRAM },
  { K_PROGRAM_EXERCISE, "session_template_id", K_PROGRAM_SESSION },
  { K_PR, "session_id", K_SESSION },
  { K_COMMENT, "session_id", K_SESSION },
  { K_ENROLLMENT, "program_id", K_PROGRAM },
};

typedef struct
{
  gint64 id[N_KINDS];
  gint64 session2;          /* a second live session */
  gint64 deleted_session;   /* in the bin */
  gint64 deleted_program;   /* in the bin */
  gint64 public_program;
  gint64 public_program_session;
} UserRows;

typedef struct
{
  AtTestFixture f;
  UserRows      a;
  UserRows      b;
} Fixture;

static gint64
insert (Fixture  *fx,
        gint64    user_id,
        gpointer  record)
{
  return at_test_insert (fx->f.store, user_id, record);
}

static gint64
add_session (Fixture    *fx,
             gint64      user_id,
             gint64      started_at,
             const char *name)
{
  return at_test_add_session (fx->f.store, user_id, fx->f.cat.weight_training_id, started_at, name);
}

static gint64
add_program (Fixture    *fx,
             gint64      user_id,
             const char *name,
             gboolean    is_public)
{
  g_autoptr(AtProgram) program = at_program_new ();

  at_record_set_string (AT_RECORD (program), "name", name);
  at_record_set_boolean (AT_RECORD (program), "is_public", is_public);
  at_record_set_string (AT_RECORD (program), "tags", "[\"strength\"]");
  return insert (fx, user_id, program);
}

static gint64
add_program_session (Fixture *fx,
                     gint64   user_id,
                     gint64   program_id)
{
  g_autoptr(AtProgramSession) template = at_program_session_new ();

  at_record_set_int (AT_RECORD (template), "program_id", program_id);
  at_record_set_int (AT_RECORD (template), "week_number", 1);
  at_record_set_int (AT_RECORD (template), "day_number", 1);
  at_record_set_int (AT_RECORD (template), "activity_type_id", fx->f.cat.weight_training_id);
  return insert (fx, user_id, template);
}

static void
build_user (Fixture    *fx,
            const char *name,
            UserRows   *rows)
{
  AtTestCatalogue *cat = &fx->f.cat;
  gint64 user_id = at_test_create_user (fx->f.store, name);
  g_autofree char *session_name = g_strdup_printf ("%s's workout", name);
  g_autoptr(GError) error = NULL;

  rows->id[K_USER] = user_id;
  rows->id[K_SESSION] = add_session (fx, user_id, 100000, session_name);
  rows->session2 = add_session (fx, user_id, 200000, "second");
  rows->deleted_session = add_session (fx, user_id, 300000, "binned");
  g_assert_true (at_store_soft_delete (fx->f.store, user_id, AT_TYPE_SESSION, rows->deleted_session, &error));
  g_assert_no_error (error);

  {
    g_autoptr(AtActivityExercise) exercise = at_activity_exercise_new ();

    at_record_set_int (AT_RECORD (exercise), "session_id", rows->id[K_SESSION]);
    at_record_set_int (AT_RECORD (exercise), "activity_subtype_id", cat->squat_id);
    at_record_set_int (AT_RECORD (exercise), "exercise_order", 1);
    rows->id[K_EXERCISE] = insert (fx, user_id, exercise);
  }
  {
    g_autoptr(AtExerciseSet) set = at_exercise_set_new ();

    at_record_set_int (AT_RECORD (set), "exercise_id", rows->id[K_EXERCISE]);
    at_record_set_int (AT_RECORD (set), "set_number", 1);
    at_record_set_int (AT_RECORD (set), "reps", 5);
    at_record_set_double (AT_RECORD (set), "weight", 100);
    at_record_set_int (AT_RECORD (set), "weight_unit_id", cat->kg_id);
    rows->id[K_SET] = insert (fx, user_id, set);
  }
  {
    g_autoptr(AtActivityMetric) metric = at_activity_metric_new ();

    at_record_set_int (AT_RECORD (metric), "session_id", rows->id[K_SESSION]);
    at_record_set_string (AT_RECORD (metric), "metric_name", "heart_rate");
    at_record_set_double (AT_RECORD (metric), "metric_value_numeric", 140);
    rows->id[K_METRIC] = insert (fx, user_id, metric);
  }
  {
    g_autoptr(AtSessionMedia) media = at_session_media_new ();
    g_autoptr(AtSessionMedia) media2 = at_session_media_new ();

    at_record_set_int (AT_RECORD (media), "session_id", rows->id[K_SESSION]);
    at_record_set_string (AT_RECORD (media), "media_type", "image");
    at_record_set_string (AT_RECORD (media), "media_url", "file:///progress.jpg");
    rows->id[K_MEDIA_SESSION] = insert (fx, user_id, media);
    at_record_set_int (AT_RECORD (media2), "exercise_id", rows->id[K_EXERCISE]);
    at_record_set_string (AT_RECORD (media2), "media_type", "video");
    at_record_set_string (AT_RECORD (media2), "media_url", "file:///form.mp4");
    rows->id[K_MEDIA_EXERCISE] = insert (fx, user_id, media2);
  }
  {
    g_autoptr(AtGoal) goal = at_goal_new ();
    g_autoptr(AtGoalMilestone) milestone = at_goal_milestone_new ();

    at_record_set_int (AT_RECORD (goal), "goal_type_id", cat->goal_type_id);
    at_record_set_string (AT_RECORD (goal), "title", "Train three times a week");
    at_record_set_string (AT_RECORD (goal), "start_date", "2024-01-01");
    rows->id[K_GOAL] = insert (fx, user_id, goal);
    at_record_set_int (AT_RECORD (milestone), "goal_id", rows->id[K_GOAL]);
    at_record_set_string (AT_RECORD (milestone), "title", "First month");
    rows->id[K_MILESTONE] = insert (fx, user_id, milestone);
  }
  {
    g_autoptr(AtBodyMetric) metric = at_body_metric_new ();

    at_record_set_int (AT_RECORD (metric), "metric_type_id", cat->body_metric_type_id);
    at_record_set_double (AT_RECORD (metric), "value", 80.5);
    at_record_set_int (AT_RECORD (metric), "unit_id", cat->kg_id);
    rows->id[K_BODY_METRIC] = insert (fx, user_id, metric);
  }
  rows->id[K_PROGRAM] = add_program (fx, user_id, "Private plan", FALSE);
  rows->id[K_PROGRAM_SESSION] = add_program_session (fx, user_id, rows->id[K_PROGRAM]);
  {
    g_autoptr(AtProgramExercise) exercise = at_program_exercise_new ();

    at_record_set_int (AT_RECORD (exercise), "session_template_id", rows->id[K_PROGRAM_SESSION]);
    at_record_set_int (AT_RECORD (exercise), "activity_subtype_id", cat->squat_id);
    at_record_set_int (AT_RECORD (exercise), "exercise_order", 1);
    rows->id[K_PROGRAM_EXERCISE] = insert (fx, user_id, exercise);
  }
  rows->public_program = add_program (fx, user_id, "Public plan", TRUE);
  rows->public_program_session = add_program_session (fx, user_id, rows->public_program);
  rows->deleted_program = add_program (fx, user_id, "Binned plan", FALSE);
  g_assert_true (at_store_soft_delete (fx->f.store, user_id, AT_TYPE_PROGRAM, rows->deleted_program, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AtEnrollment) enrollment = at_enrollment_new ();

    at_record_set_int (AT_RECORD (enrollment), "program_id", rows->id[K_PROGRAM]);
    at_record_set_string (AT_RECORD (enrollment), "start_date", "2024-02-01");
    rows->id[K_ENROLLMENT] = insert (fx, user_id, enrollment);
  }
  {
    g_autoptr(AtUserAchievement) achievement = at_user_achievement_new ();

    at_record_set_int (AT_RECORD (achievement), "achievement_type_id", cat->achievement_type_id);
    at_record_set_int (AT_RECORD (achievement), "related_session_id", rows->id[K_SESSION]);
    rows->id[K_ACHIEVEMENT] = insert (fx, user_id, achievement);
  }
  /* A streak: the store keeps the user's streaks from the sessions, so one
   * may exist already. */
  rows->id[K_STREAK] = at_test_query_int (fx->f.db, "SELECT min(id) FROM user_streak WHERE user_id = %"
                                          G_GINT64_FORMAT, user_id);
  if (rows->id[K_STREAK] == 0)
    {
      g_autoptr(AtStreak) streak = at_streak_new ();

      at_record_set_int (AT_RECORD (streak), "current_streak_days", 3);
      rows->id[K_STREAK] = insert (fx, user_id, streak);
    }
  {
    g_autoptr(AtSessionComment) comment = at_session_comment_new ();

    at_record_set_int (AT_RECORD (comment), "session_id", rows->id[K_SESSION]);
    at_record_set_string (AT_RECORD (comment), "comment_text", "Felt strong");
    rows->id[K_COMMENT] = insert (fx, user_id, comment);
  }

  /* A personal record: the store may already have found one in the set. */
  rows->id[K_PR] = at_test_query_int (fx->f.db, "SELECT min(id) FROM personal_record WHERE user_id = %"
                                      G_GINT64_FORMAT, user_id);
  if (rows->id[K_PR] == 0)
    {
      g_autoptr(AtPersonalRecord) record = at_personal_record_new ();

      at_record_set_int (AT_RECORD (record), "activity_subtype_id", cat->squat_id);
      at_record_set_string (AT_RECORD (record), "record_type", "max_weight");
      at_record_set_double (AT_RECORD (record), "record_value", 100);
      at_record_set_int (AT_RECORD (record), "session_id", rows->id[K_SESSION]);
      at_record_set_int (AT_RECORD (record), "exercise_id", rows->id[K_EXERCISE]);
      rows->id[K_PR] = insert (fx, user_id, record);
    }

  for (guint k = 0; k < N_KINDS; k++)
    g_assert_cmpint (rows->id[k], >, 0);
}

static void
fixture_setup (Fixture *fx)
{
  at_test_fixture_open (&fx->f);
  build_user (fx, "alice", &fx->a);
  build_user (fx, "bob", &fx->b);
}

static void
fixture_teardown (Fixture *fx)
{
  at_test_fixture_close (&fx->f);
}

typedef struct
{
  const UserRows *actor;
  const UserRows *other;
  const char     *label;
} Pair;

static void
get_pairs (Fixture *fx,
           Pair     pairs[2])
{
  pairs[0] = (Pair) { &fx->a, &fx->b, "alice acting on bob's rows" };
  pairs[1] = (Pair) { &fx->b, &fx->a, "bob acting on alice's rows" };
}

/* Is id one of the other user's rows of this type (private ones only)? */
static gboolean
belongs_to (const UserRows *rows,
            GType           type,
            gint64          id)
{
  for (guint k = 0; k < N_KINDS; k++)
    if (kind_type (k) == type && rows->id[k] == id)
      return TRUE;
  if (type == AT_TYPE_SESSION && (id == rows->session2 || id == rows->deleted_session))
    return TRUE;
  if (type == AT_TYPE_PROGRAM && id == rows->deleted_program)
    return TRUE;
  return FALSE;
}

static gboolean
model_has (GListModel *model,
           gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AtRecord) record = g_list_model_get_item (model, i);

      if (at_record_get_id (record) == id)
        return TRUE;
    }
  return FALSE;
}

/* Reads ------------------------------------------------------------------ */

static void
test_isolation_get (void)
{
  Fixture fx;
  Pair pairs[2];

  fixture_setup (&fx);
  get_pairs (&fx, pairs);

  for (guint p = 0; p < 2; p++)
    for (guint k = 0; k < N_KINDS; k++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(AtRecord) own = NULL;
        g_autoptr(AtRecord) other = NULL;
        gint64 actor = pairs[p].actor->id[K_USER];

        own = at_store_get (fx.f.store, actor, kind_type (k), pairs[p].actor->id[k], &error);
        g_assert_no_error (error);
        g_assert_nonnull (own);
        g_assert_cmpint (at_record_get_id (own), ==, pairs[p].actor->id[k]);

        other = at_store_get (fx.f.store, actor, kind_type (k), pairs[p].other->id[k], &error);
        if (other != NULL)
          g_error ("%s: at_store_get returned the other's %s", pairs[p].label, kind_names[k]);
        g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND);
      }

  fixture_teardown (&fx);
}

static void
check_list (Fixture        *fx,
            const Pair     *pair,
            GType           type,
            const char     *column,
            gint64          parent_id,
            gboolean        expect_empty)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = at_store_list (fx->f.store, pair->actor->id[K_USER], type, column,
                                              parent_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AtRecord) record = g_list_model_get_item (list, i);
      gint64 id = at_record_get_id (record);

      if (belongs_to (pair->other, type, id))
        g_error ("%s: at_store_list (%s, %s = %" G_GINT64_FORMAT ") returned the other's row %"
                 G_GINT64_FORMAT, pair->label, g_type_name (type), column ? column : "-",
                 parent_id, id);
    }
  if (expect_empty)
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

static void
test_isolation_list (void)
{
  Fixture fx;
  Pair pairs[2];

  fixture_setup (&fx);
  get_pairs (&fx, pairs);

  for (guint p = 0; p < 2; p++)
    {
      const Pair *pair = &pairs[p];
      gint64 actor = pair->actor->id[K_USER];

      /* Every type, unfiltered: the own rows are there, the other's not. */
      for (guint k = K_SESSION; k < N_KINDS; k++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GListModel) list = at_store_list (fx.f.store, actor, kind_type (k), NULL, 0, &error);

          g_assert_no_error (error);
          if (!model_has (list, pair->actor->id[k]))
            g_error ("%s: at_store_list misses the own %s", pair->label, kind_names[k]);
          check_list (&fx, pair, kind_type (k), NULL, 0, FALSE);
        }

      /* Filtered by each parent: nothing under the other's parents. */
      for (guint i = 0; i < G_N_ELEMENTS (parent_links); i++)
        {
          const ParentLink *link = &parent_links[i];
          g_autoptr(GError) error = NULL;
          g_autoptr(GListModel) own = at_store_list (fx.f.store, actor, kind_type (link->child),
                                                     link->column, pair->actor->id[link->parent],
                                                     &error);

          g_assert_no_error (error);
          if (!model_has (own, pair->actor->id[link->child]))
            g_error ("%s: at_store_list (%s = own) misses the own %s", pair->label, link->column,
                     kind_names[link->child]);
          check_list (&fx, pair, kind_type (link->child), link->column,
                      pair->other->id[link->parent], TRUE);
        }
      /* The other's second and binned sessions hold nothing for us either. */
      check_list (&fx, pair, AT_TYPE_ACTIVITY_EXERCISE, "session_id", pair->other->session2, TRUE);
      check_list (&fx, pair, AT_TYPE_SESSION, "user_id", pair->other->id[K_USER], TRUE);
      check_list (&fx, pair, AT_TYPE_GOAL, "user_id", pair->other->id[K_USER], TRUE);
    }

  fixture_teardown (&fx);
}

static void
test_isolation_record_lists (void)
{
  Fixture fx;
  Pair pairs[2];

  fixture_setup (&fx);
  get_pairs (&fx, pairs);

  for (guint p = 0; p < 2; p++)
    {
      const Pair *pair = &pairs[p];
      gint64 actor = pair->actor->id[K_USER];
      AtRecordList *sessions = at_record_list_new_sessions (fx.f.store, actor);
      AtRecordList *exercises = at_record_list_new_exercises (fx.f.store, actor, pair->other->id[K_SESSION]);
      AtRecordList *sets = at_record_list_new_sets (fx.f.store, actor, pair->other->id[K_EXERCISE]);
      AtRecordList *own_sets = at_record_list_new_sets (fx.f.store, actor, pair->actor->id[K_EXERCISE]);

      /* Two live sessions of one's own, none of the other's. */
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sessions)), ==, 2);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sessions)); i++)
        {
          g_autoptr(AtRecord) record = g_list_model_get_item (G_LIST_MODEL (sessions), i);

          g_assert_false (belongs_to (pair->other, AT_TYPE_SESSION, at_record_get_id (record)));
          g_assert_true (belongs_to (pair->actor, AT_TYPE_SESSION, at_record_get_id (record)));
        }
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (exercises)), ==, 0);
      g_assert_null (g_list_model_get_item (G_LIST_MODEL (exercises), 0));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sets)), ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (own_sets)), ==, 1);

      g_assert_finalize_object (sessions);
      g_assert_finalize_object (exercises);
      g_assert_finalize_object (sets);
      g_assert_finalize_object (own_sets);
    }

  fixture_teardown (&fx);
}

static void
test_isolation_statistics (void)
{
  Fixture fx;
  Pair pairs[2];

  fixture_setup (&fx);
  get_pairs (&fx, pairs);

  /* bob gets one more session: the counts must not mix. */
  add_session (&fx, fx.b.id[K_USER], 400000, "extra");
  for (guint p = 0; p < 2; p++)
    {
      g_autoptr(GError) error = NULL;
      AtUserStatistics stats;
      gint64 actor = pairs[p].actor->id[K_USER];

      g_assert_true (at_store_get_statistics (fx.f.store, actor, &stats, &error));
      g_assert_no_error (error);
      g_assert_cmpint (stats.total_sessions, ==,
                       at_test_query_int (fx.f.db, "SELECT count(*) FROM activity_session WHERE user_id = %"
                                          G_GINT64_FORMAT " AND deleted_at IS NULL", actor));
    }
  {
    AtUserStatistics stats;

    g_assert_true (at_store_get_statistics (fx.f.store, fx.a.id[K_USER], &stats, NULL));
    g_assert_cmpint (stats.total_sessions, ==, 2);
    g_assert_true (at_store_get_statistics (fx.f.store, fx.b.id[K_USER], &stats, NULL));
    g_assert_cmpint (stats.total_sessions, ==, 3);
  }

  fixture_teardown (&fx);
}

/* Writes ------------------------------------------------------------------ */

#define ASSERT_REFUSED_UNCHANGED(fx, before, ok, error, what, ...)                         \
  G_STMT_START {                                                                           \
    g_autofree char *after_ = at_test_dump_all ((fx)->f.db);                               \
    if ((ok))                                                                              \
      g_error ("%s: " what " was allowed", __VA_ARGS__);                                   \
    g_assert_nonnull ((error));                                                            \
    g_assert_true ((error)->domain == AT_STORE_ERROR);                                     \
    if (g_strcmp0 ((before), after_) != 0)                                                 \
      g_error ("%s: a refused " what " changed the database", __VA_ARGS__);                \
  } G_STMT_END

static void
test_isolation_writes (void)
{
  Fixture fx;
  Pair pairs[2];

  fixture_setup (&fx);
  get_pairs (&fx, pairs);

  for (guint p = 0; p < 2; p++)
    {
      const Pair *pair = &pairs[p];
      gint64 actor = pair->actor->id[K_USER];
      gint64 other = pair->other->id[K_USER];

      for (guint k = 0; k < N_KINDS; k++)
        {
          GType type = kind_type (k);
          g_autoptr(AtRecord) record = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree char *before = at_test_dump_all (fx.f.db);
          gboolean ok;

          /* Update: the other's row, read as its owner, written back as the actor. */
          record = at_store_get (fx.f.store, other, type, pair->other->id[k], &error);
          g_assert_no_error (error);
          ok = at_store_update (fx.f.store, actor, record, &error);
          ASSERT_REFUSED_UNCHANGED (&fx, before, ok, error, "at_store_update", kind_names[k]);
          g_clear_error (&error);

          /* Delete for good. */
          ok = at_store_delete (fx.f.store, actor, type, pair->other->id[k], &error);
          ASSERT_REFUSED_UNCHANGED (&fx, before, ok, error, "at_store_delete", kind_names[k]);
          g_clear_error (&error);

          /* Soft delete, where the type has a bin. */
          ok = at_store_soft_delete (fx.f.store, actor, type, pair->other->id[k], &error);
          ASSERT_REFUSED_UNCHANGED (&fx, before, ok, error, "at_store_soft_delete", kind_names[k]);
          g_clear_error (&error);
        }

      /* Undelete and purge of the other's binned rows. */
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *before = at_test_dump_all (fx.f.db);
        gint64 purged;
        gboolean ok;

        ok = at_store_undelete (fx.f.store, actor, AT_TYPE_SESSION, pair->other->deleted_session, &error);
        ASSERT_REFUSED_UNCHANGED (&fx, before, ok, error, "at_store_undelete", "session");
        g_clear_error (&error);
        ok = at_store_undelete (fx.f.store, actor, AT_TYPE_PROGRAM, pair->other->deleted_program, &error);
        ASSERT_REFUSED_UNCHANGED (&fx, before, ok, error, "at_store_undelete", "program");
        g_clear_error (&error);

        /* The actor's purge takes the actor's bin only. */
        purged = at_store_purge_deleted (fx.f.store, actor, AT_TYPE_SESSION, &error);
        g_assert_no_error (error);
        g_assert_cmpint (purged, ==, 1);
        purged = at_store_purge_deleted (fx.f.store, actor, AT_TYPE_PROGRAM, &error);
        g_assert_no_error (error);
        g_assert_cmpint (purged, ==, 1);
        /* alice purges first: bob's bin must still hold his rows. */
        g_assert_cmpint (at_test_query_int (fx.f.db, "SELECT count(*) FROM activity_session WHERE id = %"
                                            G_GINT64_FORMAT " AND deleted_at IS NOT NULL",
                                            pair->other->deleted_session), ==, p == 0 ? 1 : 0);
        g_assert_cmpint (at_test_query_int (fx.f.db, "SELECT count(*) FROM workout_program WHERE id = %"
                                            G_GINT64_FORMAT " AND deleted_at IS NOT NULL",
                                            pair->other->deleted_program), ==, p == 0 ? 1 : 0);
        g_assert_cmpint (at_test_query_int (fx.f.db, "SELECT count(*) FROM activity_session WHERE id = %"
                                            G_GINT64_FORMAT, pair->actor->deleted_session), ==, 0);
      }
    }

  /* …and every refused call really reached the rows: the owner can. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (at_store_soft_delete (fx.f.store, fx.b.id[K_USER], AT_TYPE_SESSION,
                                         fx.b.session2, &error));
    g_assert_no_error (error);
    g_assert_true (at_store_delete (fx.f.store, fx.b.id[K_USER], AT_TYPE_GOAL_MILESTONE,
                                    fx.b.id[K_MILESTONE], &error));
    g_assert_no_error (error);
  }

  fixture_teardown (&fx);
}

/* A child row, set up to belong under a parent. */
static AtRecord *
new_child (Fixture *fx,
           Kind     kind,
           gint64   parent_id)
{
  AtRecord *record = g_object_new (kind_type (kind), NULL);

  switch (kind)
    {
    case K_EXERCISE:
      at_record_set_int (record, "session_id", parent_id);
      at_record_set_int (record, "exercise_order", 9);
      break;
    case K_SET:
      at_record_set_int (record, "exercise_id", parent_id);
      at_record_set_int (record, "set_number", 9);
      at_record_set_int (record, "reps", 1);
      break;
    case K_METRIC:
      at_record_set_int (record, "session_id", parent_id);
      at_record_set_string (record, "metric_name", "intruder");
      at_record_set_double (record, "metric_value_numeric", 1);
      break;
    case K_MEDIA_SESSION:
      at_record_set_int (record, "session_id", parent_id);
      at_record_set_string (record, "media_type", "image");
      at_record_set_string (record, "media_url", "file:///intruder.jpg");
      break;
    case K_MEDIA_EXERCISE:
      at_record_set_int (record, "exercise_id", parent_id);
      at_record_set_string (record, "media_type", "image");
      at_record_set_string (record, "media_url", "file:///intruder.jpg");
      break;
    case K_MILESTONE:
      at_record_set_int (record, "goal_id", parent_id);
      at_record_set_string (record, "title", "intruder");
      break;
    case K_PROGRAM_SESSION:
      at_record_set_int (record, "program_id", parent_id);
      at_record_set_int (record, "week_number", 2);
      at_record_set_int (record, "day_number", 2);
      at_record_set_int (record, "activity_type_id", fx->f.cat.running_id);
      break;
    case K_PROGRAM_EXERCISE:
      at_record_set_int (record, "session_template_id", parent_id);
      at_record_set_int (record, "exercise_order", 9);
      break;
    case K_COMMENT:
      at_record_set_int (record, "session_id", parent_id);
      at_record_set_string (record, "comment_text", "intruder");
      break;
    case K_PR:
      at_record_set_int (record, "session_id", parent_id);
      at_record_set_int (record, "activity_subtype_id", fx->f.cat.bench_id);
      at_record_set_string (record, "record_type", "max_reps");
      at_record_set_double (record, "record_value", 99);
      break;
    case K_ENROLLMENT:
      at_record_set_int (record, "program_id", parent_id);
      at_record_set_string (record, "start_date", "2024-05-01");
      break;
    case K_USER:
    case K_SESSION:
    case K_GOAL:
    case K_BODY_METRIC:
    case K_PROGRAM:
    case K_ACHIEVEMENT:
    case K_STREAK:
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
  return record;
}

/* Children under the other's parents: refused with PERMISSION. */
static void
test_isolation_children (void)
{
  Fixture fx;
  Pair pairs[2];
  const Kind children[] = {
    K_EXERCISE, K_SET, K_METRIC, K_MEDIA_SESSION, K_MEDIA_EXERCISE, K_MILESTONE,
    K_PROGRAM_SESSION, K_PROGRAM_EXERCISE,
  };

  fixture_setup (&fx);
  get_pairs (&fx, pairs);

  for (guint p = 0; p < 2; p++)
    {
      const Pair *pair = &pairs[p];
      gint64 actor = pair->actor->id[K_USER];

      for (guint i = 0; i < G_N_ELEMENTS (children); i++)
        {
          Kind kind = children[i];
          const ParentLink *link = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(AtRecord) intruder = NULL;
          g_autoptr(AtRecord) own = NULL;
          g_autofree char *before = at_test_dump_all (fx.f.db);
          gboolean ok;

          for (guint j = 0; j < G_N_ELEMENTS (parent_links); j++)
            if (parent_links[j].child == kind)
              link = &parent_links[j];
          g_assert_nonnull (link);

          /* A new child under the other's parent. */
          intruder = new_child (&fx, kind, pair->other->id[link->parent]);
          ok = at_store_insert (fx.f.store, actor, intruder, &error);
          ASSERT_REFUSED_UNCHANGED (&fx, before, ok, error, "insert under the other's parent",
                                    kind_names[kind]);
          g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_PERMISSION);
          g_clear_error (&error);

          /* An own child moved under the other's parent. */
          own = at_store_get (fx.f.store, actor, kind_type (kind), pair->actor->id[kind], &error);
          g_assert_no_error (error);
          at_record_set_int (own, link->column, pair->other->id[link->parent]);
          if (kind == K_SET)  /* not clashing with the other's set 1 */
            at_record_set_int (own, "set_number", 77);
          ok = at_store_update (fx.f.store, actor, own, &error);
          ASSERT_REFUSED_UNCHANGED (&fx, before, ok, error, "move under the other's parent",
                                    kind_names[kind]);
          g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_PERMISSION);
          g_clear_error (&error);

          /* The same child under one's own parent is accepted (then removed). */
          g_clear_object (&intruder);
          intruder = new_child (&fx, kind, pair->actor->id[link->parent]);
          g_assert_true (at_store_insert (fx.f.store, actor, intruder, &error));
          g_assert_no_error (error);
          g_assert_true (at_store_delete (fx.f.store, actor, kind_type (kind),
                                          at_record_get_id (intruder), &error));
          g_assert_no_error (error);
        }

      /* Under the other's public program: readable, but not writable. */
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(AtRecord) intruder = new_child (&fx, K_PROGRAM_SESSION, pair->other->public_program);
        g_autofree char *before = at_test_dump_all (fx.f.db);
        gboolean ok = at_store_insert (fx.f.store, actor, intruder, &error);

        ASSERT_REFUSED_UNCHANGED (&fx, before, ok, error, "insert under the other's public program",
                                  "program session template");
        g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_PERMISSION);
      }
    }

  fixture_teardown (&fx);
}

/* Rows one owns that point at the other's private rows: a comment on, a
 * personal record of, an achievement for or a template link to a session
 * one cannot see, or an enrolment in a private program. */
static void
test_isolation_references (void)
{
  Fixture fx;
  Pair pairs[2];

  fixture_setup (&fx);
  get_pairs (&fx, pairs);

  for (guint p = 0; p < 2; p++)
    {
      const Pair *pair = &pairs[p];
      gint64 actor = pair->actor->id[K_USER];
      struct { const char *what; AtRecord *record; } cases[5];

      cases[0].what = "a comment on the other's unshared session";
      cases[0].record = new_child (&fx, K_COMMENT, pair->other->id[K_SESSION]);
      cases[1].what = "a personal record in the other's session";
      cases[1].record = new_child (&fx, K_PR, pair->other->id[K_SESSION]);
      cases[2].what = "an enrolment in the other's private program";
      cases[2].record = new_child (&fx, K_ENROLLMENT, pair->other->id[K_PROGRAM]);
      cases[3].what = "an achievement for the other's session";
      cases[3].record = g_object_new (AT_TYPE_USER_ACHIEVEMENT, NULL);
      at_record_set_int (cases[3].record, "achievement_type_id", fx.f.cat.achievement_type_id);
      at_record_set_int (cases[3].record, "related_session_id", pair->other->id[K_SESSION]);
      /* (the user already has this achievement type: use a new one) */
      at_test_exec (fx.f.db, "INSERT INTO achievement_type (name) VALUES ('Isolation Test')"
                             " ON CONFLICT (name) DO NOTHING");
      at_record_set_int (cases[3].record, "achievement_type_id",
                         at_test_query_int (fx.f.db, "SELECT id FROM achievement_type"
                                                     " WHERE name = 'Isolation Test'"));
      cases[4].what = "a session made from the other's session";
      cases[4].record = AT_RECORD (at_test_session_new (fx.f.cat.running_id, 5000, "copy"));
      at_record_set_int (cases[4].record, "parent_session_id", pair->other->id[K_SESSION]);

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *before = at_test_dump_all (fx.f.db);
          g_autofree char *after = NULL;
          gboolean ok = at_store_insert (fx.f.store, actor, cases[i].record, &error);

          after = at_test_dump_all (fx.f.db);
          if (ok || g_strcmp0 (before, after) != 0)
            {
              g_test_message ("FAILED %s: %s was stored (expected an AT_STORE_ERROR and"
                              " nothing written)", pair->label, cases[i].what);
              g_test_fail ();
            }
          else
            {
              /* Refused as not the user's to point at (which code is the store's choice). */
              g_assert_nonnull (error);
              g_assert_true (error->domain == AT_STORE_ERROR);
              g_test_message ("%s: %s refused: %s", pair->label, cases[i].what, error->message);
            }
          g_object_unref (cases[i].record);
        }
    }

  fixture_teardown (&fx);
}

static void
test_isolation_social (void)
{
  Fixture fx;
  Pair pairs[2];

  fixture_setup (&fx);
  get_pairs (&fx, pairs);

  for (guint p = 0; p < 2; p++)
    {
      const Pair *pair = &pairs[p];
      gint64 actor = pair->actor->id[K_USER];
      gint64 session = pair->other->id[K_SESSION];
      g_autoptr(GError) error = NULL;
      g_autofree char *before = at_test_dump_all (fx.f.db);
      gint64 share_id;
      gint64 likes;
      gboolean ok;

      share_id = at_store_share_session (fx.f.store, actor, session, "public", "mine now", &error);
      ASSERT_REFUSED_UNCHANGED (&fx, before, share_id != 0, error, "sharing the other's session",
                                pair->label);
      g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);

      ok = at_store_like_session (fx.f.store, actor, session, &error);
      ASSERT_REFUSED_UNCHANGED (&fx, before, ok, error, "liking an unshared session", pair->label);
      g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);

      likes = at_store_count_likes (fx.f.store, actor, session, &error);
      g_assert_cmpint (likes, ==, -1);
      g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);

      /* Shared with friends: still hidden until the actor follows. */
      g_assert_cmpint (at_store_share_session (fx.f.store, pair->other->id[K_USER], session,
                                               "friends", NULL, &error), >, 0);
      g_assert_no_error (error);
      g_assert_false (at_store_like_session (fx.f.store, actor, session, &error));
      g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);
      g_assert_true (at_store_follow (fx.f.store, actor, pair->other->id[K_USER], &error));
      g_assert_no_error (error);
      g_assert_true (at_store_like_session (fx.f.store, actor, session, &error));
      g_assert_no_error (error);
      g_assert_cmpint (at_store_count_likes (fx.f.store, actor, session, &error), ==, 1);
      g_assert_cmpint (at_store_count_likes (fx.f.store, pair->other->id[K_USER], session, &error), ==, 1);

      /* The second session, shared publicly, is visible without following. */
      g_assert_true (at_store_unfollow (fx.f.store, actor, pair->other->id[K_USER], &error));
      g_assert_false (at_store_like_session (fx.f.store, actor, pair->other->session2, &error));
      g_clear_error (&error);
      g_assert_cmpint (at_store_share_session (fx.f.store, pair->other->id[K_USER],
                                               pair->other->session2, "public", NULL, &error), >, 0);
      g_assert_true (at_store_like_session (fx.f.store, actor, pair->other->session2, &error));
      g_assert_no_error (error);

      /* A private share shows nothing; a binned session is never visible. */
      g_assert_cmpint (at_store_share_session (fx.f.store, pair->other->id[K_USER],
                                               pair->other->deleted_session, "public", NULL, &error),
                       ==, 0);
      g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);
      g_assert_cmpint (at_store_count_likes (fx.f.store, actor, pair->other->deleted_session, &error),
                       ==, -1);
      g_clear_error (&error);

      /* Following is only ever done as oneself: the other's list is unchanged. */
      {
        g_autoptr(GArray) following = at_store_list_following (fx.f.store, pair->other->id[K_USER], &error);

        g_assert_no_error (error);
        g_assert_cmpuint (following->len, ==, 0);
      }
    }

  fixture_teardown (&fx);
}

static void
test_isolation_public_program (void)
{
  Fixture fx;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtRecord) program = NULL;
  g_autoptr(AtRecord) template = NULL;
  g_autoptr(GListModel) programs = NULL;
  g_autoptr(GListModel) templates = NULL;
  g_autofree char *before = NULL;
  gint64 alice, bob;
  gboolean ok;

  fixture_setup (&fx);
  alice = fx.a.id[K_USER];
  bob = fx.b.id[K_USER];

  /* Readable by alice … */
  program = at_store_get (fx.f.store, alice, AT_TYPE_PROGRAM, fx.b.public_program, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (at_record_get_string (program, "name"), ==, "Public plan");
  template = at_store_get (fx.f.store, alice, AT_TYPE_PROGRAM_SESSION, fx.b.public_program_session, &error);
  g_assert_no_error (error);
  programs = at_store_list (fx.f.store, alice, AT_TYPE_PROGRAM, NULL, 0, &error);
  g_assert_true (model_has (programs, fx.b.public_program));
  g_assert_false (model_has (programs, fx.b.id[K_PROGRAM]));
  templates = at_store_list (fx.f.store, alice, AT_TYPE_PROGRAM_SESSION, "program_id",
                             fx.b.public_program, &error);
  g_assert_cmpuint (g_list_model_get_n_items (templates), ==, 1);

  /* … but not writable. */
  before = at_test_dump_all (fx.f.db);
  at_record_set_string (program, "name", "Hijacked");
  ok = at_store_update (fx.f.store, alice, program, &error);
  ASSERT_REFUSED_UNCHANGED (&fx, before, ok, error, "updating", "the other's public program");
  g_clear_error (&error);
  ok = at_store_soft_delete (fx.f.store, alice, AT_TYPE_PROGRAM, fx.b.public_program, &error);
  ASSERT_REFUSED_UNCHANGED (&fx, before, ok, error, "binning", "the other's public program");
  g_clear_error (&error);
  ok = at_store_delete (fx.f.store, alice, AT_TYPE_PROGRAM, fx.b.public_program, &error);
  ASSERT_REFUSED_UNCHANGED (&fx, before, ok, error, "deleting", "the other's public program");
  g_clear_error (&error);
  at_record_set_int (template, "week_number", 3);
  ok = at_store_update (fx.f.store, alice, template, &error);
  ASSERT_REFUSED_UNCHANGED (&fx, before, ok, error, "updating", "the other's public template");
  g_clear_error (&error);
  ok = at_store_delete (fx.f.store, alice, AT_TYPE_PROGRAM_SESSION, fx.b.public_program_session, &error);
  ASSERT_REFUSED_UNCHANGED (&fx, before, ok, error, "deleting", "the other's public template");
  g_clear_error (&error);

  /* Its owner can. */
  g_assert_true (at_store_update (fx.f.store, bob, template, &error));
  g_assert_no_error (error);

  fixture_teardown (&fx);
}

typedef struct
{
  GType       type;
  const char *name_column;
  const char *name;
} CatalogueRow;

static void
test_isolation_catalogue (void)
{
  Fixture fx;
  const CatalogueRow rows[] = {
    { AT_TYPE_UNIT, "name", "kilograms" },
    { AT_TYPE_ACTIVITY_CATEGORY, "name", "Physical" },
    { AT_TYPE_ACTIVITY_TYPE, "name", "Running" },
    { AT_TYPE_ACTIVITY_SUBTYPE, "name", "Squat" },
    { AT_TYPE_GOAL_TYPE, "name", "frequency" },
    { AT_TYPE_BODY_METRIC_TYPE, "name", "weight" },
    { AT_TYPE_ACHIEVEMENT_TYPE, "name", "Getting Going" },
  };
  fixture_setup (&fx);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    for (guint who = 0; who < 2; who++)
      {
        gint64 actor = who == 0 ? fx.a.id[K_USER] : fx.b.id[K_USER];
        g_autoptr(GTypeClass) klass = g_type_class_ref (rows[i].type);
        const char *table = AT_RECORD_CLASS (klass)->table;
        gint64 id = 0;
        g_autoptr(GError) error = NULL;
        g_autoptr(GListModel) list = NULL;
        g_autoptr(AtRecord) record = NULL;
        g_autoptr(AtRecord) fresh = NULL;
        g_autofree char *before = NULL;
        g_autofree char *sql = NULL;
        gboolean ok;

        sql = at_test_sql_printf ("SELECT id FROM %s WHERE %s = %Q", table, rows[i].name_column,
                                  rows[i].name);
        id = at_test_query_int (fx.f.db, "%s", sql);
        g_assert_cmpint (id, >, 0);

        /* Readable by both. */
        list = at_store_list (fx.f.store, actor, rows[i].type, NULL, 0, &error);
        g_assert_no_error (error);
        g_assert_true (model_has (list, id));
        record = at_store_get (fx.f.store, actor, rows[i].type, id, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (at_record_get_string (record, rows[i].name_column), ==, rows[i].name);

        /* Writable by neither. */
        before = at_test_dump_all (fx.f.db);
        at_record_set_string (record, rows[i].name_column, "Renamed");
        ok = at_store_update (fx.f.store, actor, record, &error);
        ASSERT_REFUSED_UNCHANGED (&fx, before, ok, error, "updating", table);
        g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_PERMISSION);
        g_clear_error (&error);

        ok = at_store_delete (fx.f.store, actor, rows[i].type, id, &error);
        ASSERT_REFUSED_UNCHANGED (&fx, before, ok, error, "deleting", table);
        g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_PERMISSION);
        g_clear_error (&error);

        ok = at_store_soft_delete (fx.f.store, actor, rows[i].type, id, &error);
        ASSERT_REFUSED_UNCHANGED (&fx, before, ok, error, "binning", table);
        g_clear_error (&error);

        fresh = g_object_new (rows[i].type, NULL);
        at_record_set_string (fresh, rows[i].name_column, "Brand New Entry");
        ok = at_store_insert (fx.f.store, actor, fresh, &error);
        ASSERT_REFUSED_UNCHANGED (&fx, before, ok, error, "inserting", table);
        g_assert_error (error, AT_STORE_ERROR, AT_STORE_ERROR_PERMISSION);
        g_clear_error (&error);

        g_assert_cmpint (at_store_purge_deleted (fx.f.store, actor, rows[i].type, &error), ==, -1);
        g_assert_nonnull (error);
      }

  fixture_teardown (&fx);
}

int
main (int   argc,
      char *argv[])
{
  at_test_keep_going (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/isolation/get", test_isolation_get);
  g_test_add_func ("/core/isolation/list", test_isolation_list);
  g_test_add_func ("/core/isolation/record-lists", test_isolation_record_lists);
  g_test_add_func ("/core/isolation/statistics", test_isolation_statistics);
  g_test_add_func ("/core/isolation/writes", test_isolation_writes);
  g_test_add_func ("/core/isolation/children", test_isolation_children);
  g_test_add_func ("/core/isolation/references", test_isolation_references);
  g_test_add_func ("/core/isolation/social", test_isolation_social);
  g_test_add_func ("/core/isolation/public-program", test_isolation_public_program);
  g_test_add_func ("/core/isolation/catalogue", test_isolation_catalogue);

  return g_test_run ();
}
