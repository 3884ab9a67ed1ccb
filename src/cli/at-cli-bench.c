/* at-cli-bench.c: `bench`, the five queries of shared/bench/WORKLOAD.md and
 * the save of a large session, timed inside the process.
 *
 * Every query is the core call the app makes for that screen. Each runs
 * once untimed (warm), then --runs times with a different user each run,
 * the clock fixed at the newest session. Percentiles are of those runs.
 */

#define G_LOG_DOMAIN "at-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sys/utsname.h>
#include <time.h>

#include "at-cli.h"
#include "at-generate.h"
#include "at-goals.h"
#include "at-store-private.h"

#define Q4_LIMIT      50
#define SAVE_RUNS     30
#define SAVE_EXERCISES 10
#define SAVE_SETS      4

typedef struct
{
  AtStore    *store;
  GArray     *users;        /* gint64 ids */
  gint64      squat;
  gint64      strength;
  gint64      kg;
  guint       runs;
  guint       next_user;
  GRand      *rand;
  guint       word_rank;    /* the Q4 word, 0 for a uniform draw */
  GHashTable *plans;        /* query name → GPtrArray of SQL run, with --plans */
  GPtrArray  *current_sql;  /* where the tracer puts SQL while a query runs */
} Bench;

typedef struct
{
  char   *name;
  guint   runs;
  double  p50;
  double  p95;
  double  max;
} Timing;

/* A query; one that times only part of its work sets *lap_ms. */
typedef gboolean (*QueryFunc) (Bench    *bench,
                               gint64    user_id,
                               double   *lap_ms,
                               GError  **error);

static void
timing_clear (gpointer data)
{
  g_free (((Timing *) data)->name);
}

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint index = (guint) ceil (p * sorted->len) - 1;

  return g_array_index (sorted, double, MIN (index, sorted->len - 1));
}

static Timing
summarize (const char *name,
           GArray     *samples)
{
  g_array_sort (samples, compare_doubles);
  return (Timing) {
    g_strdup (name), samples->len,
    percentile (samples, 0.50), percentile (samples, 0.95),
    g_array_index (samples, double, samples->len - 1),
  };
}

static gint64
next_user (Bench *bench)
{
  gint64 id = g_array_index (bench->users, gint64, bench->next_user % bench->users->len);

  bench->next_user += 7919;  /* a prime stride visits every user, in a scattered order */
  return id;
}

/* --- The queries -------------------------------------------------------- */

static gboolean
run_q1 (Bench    *bench,
        gint64    user_id,
        double   *lap_ms,
        GError  **error)
{
  g_autoptr(GArray) page = at_store_list_session_summaries (bench->store, user_id, NULL, 100, error);

  return page != NULL;
}

/* The next page by keyset; only the second page is timed. */
static gboolean
run_q1_next (Bench    *bench,
             gint64    user_id,
             double   *lap_ms,
             GError  **error)
{
  g_autoptr(GArray) first = at_store_list_session_summaries (bench->store, user_id, NULL, 100, error);
  g_autoptr(GArray) next = NULL;
  double started;

  if (first == NULL || first->len == 0)
    return first != NULL;

  started = now_ms ();
  next = at_store_list_session_summaries (bench->store, user_id,
                                          &g_array_index (first, AtSessionSummary, first->len - 1),
                                          100, error);
  *lap_ms = now_ms () - started;
  return next != NULL;
}

static gboolean
run_q2 (Bench    *bench,
        gint64    user_id,
        double   *lap_ms,
        GError  **error)
{
  AtUserStatistics statistics;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) types = NULL;

  if (!at_store_get_statistics (bench->store, user_id, &statistics, error))
    return FALSE;
  weeks = at_store_get_weekly_totals (bench->store, user_id, 52, error);
  if (weeks == NULL)
    return FALSE;
  types = at_store_get_type_totals (bench->store, user_id, 90, error);
  return types != NULL;
}

static gboolean
run_q3 (Bench    *bench,
        gint64    user_id,
        double   *lap_ms,
        GError  **error)
{
  AtExerciseRecords records;

  return at_store_get_exercise_records (bench->store, user_id, bench->squat, &records, error);
}

static gboolean
run_q4 (Bench    *bench,
        gint64    user_id,
        double   *lap_ms,
        GError  **error)
{
  guint rank = bench->word_rank != 0 ? bench->word_rank
                                     : (guint) g_rand_int_range (bench->rand, 1,
                                                                 AT_GENERATE_VOCABULARY_SIZE + 1);
  g_autofree char *word = g_strconcat (at_generate_vocabulary_word (rank), " ", NULL);
  g_autoptr(GListModel) hits = NULL;

  /* The trailing space: a whole word, not a prefix being typed. */
  hits = at_store_search_sessions (bench->store, user_id, word, AT_SEARCH_BY_NEWEST,
                                   AT_SEARCH_FLAGS_NONE, Q4_LIMIT, error);
  return hits != NULL;
}

static gboolean
run_q5 (Bench    *bench,
        gint64    user_id,
        double   *lap_ms,
        GError  **error)
{
  g_autoptr(GListModel) goals = NULL;

  if (!at_store_refresh_goals (bench->store, user_id, error))
    return FALSE;
  goals = at_store_list (bench->store, user_id, AT_TYPE_GOAL, NULL, 0, error);
  return goals != NULL;
}

/* --- Timing ------------------------------------------------------------- */

static int
trace_statement (unsigned  type,
                 void     *data,
                 void     *p,
                 void     *x)
{
  Bench *bench = data;
  const char *sql = sqlite3_sql (p);

  if (bench->current_sql != NULL && sql != NULL &&
      !g_ptr_array_find_with_equal_func (bench->current_sql, sql, g_str_equal, NULL))
    g_ptr_array_add (bench->current_sql, g_strdup (sql));
  return 0;
}

static gboolean
time_query (Bench      *bench,
            const char *name,
            QueryFunc   query,
            GArray     *timings,
            GError    **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  double lap = -1;
  Timing timing;

  /* Warm: one untimed pass, which also records the SQL for --plans. */
  if (bench->plans != NULL)
    {
      bench->current_sql = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (bench->plans, g_strdup (name), bench->current_sql);
    }
  if (!query (bench, next_user (bench), &lap, error))
    return FALSE;
  bench->current_sql = NULL;

  for (guint i = 0; i < bench->runs; i++)
    {
      gint64 user_id = next_user (bench);
      double started = now_ms ();
      double elapsed;

      lap = -1;
      if (!query (bench, user_id, &lap, error))
        return FALSE;
      elapsed = lap >= 0 ? lap : now_ms () - started;
      g_array_append_val (samples, elapsed);
    }

  timing = summarize (name, samples);
  g_array_append_val (timings, timing);
  return TRUE;
}

/* --- Saving ------------------------------------------------------------- */

static AtWorkout *
large_workout (Bench *bench)
{
  g_autoptr(AtSession) session = at_session_new ();
  AtWorkout *workout;
  gint64 now = at_store_get_now (bench->store) + 3600;

  g_object_set (session, "activity-type-id", bench->strength, "session-name", "Benchmark session",
                "started-at", now, "ended-at", now + 5400, NULL);
  workout = at_workout_new (session);

  for (guint i = 0; i < SAVE_EXERCISES; i++)
    {
      g_autoptr(AtActivityExercise) exercise = at_activity_exercise_new ();
      guint index;

      g_object_set (exercise, "activity-subtype-id", i == 0 ? bench->squat : bench->squat + i, NULL);
      index = at_workout_add_exercise (workout, exercise);
      for (guint j = 0; j < SAVE_SETS; j++)
        {
          g_autoptr(AtExerciseSet) set = at_exercise_set_new ();

          g_object_set (set, "reps", (gint64) 5 + j, "weight", 60.0 + 10 * j,
                        "weight-unit-id", bench->kg, "rpe", (gint64) 8, NULL);
          at_workout_add_set (workout, index, set);
        }
    }
  return workout;
}

/* Saves a 10-exercise, 40-set session for a user and deletes it again;
 * only the save is timed. */
static gboolean
time_saves (Bench    *bench,
            GArray   *samples,
            GError  **error)
{
  for (guint i = 0; i < SAVE_RUNS + 1; i++)
    {
      g_autoptr(AtWorkout) workout = large_workout (bench);
      gint64 user_id = next_user (bench);
      double started = now_ms ();
      double elapsed;

      if (!at_store_save_workout (bench->store, user_id, workout, error))
        return FALSE;
      elapsed = now_ms () - started;
      if (i > 0)
        g_array_append_val (samples, elapsed);

      if (!at_store_delete (bench->store, user_id, AT_TYPE_SESSION,
                            at_record_get_id (AT_RECORD (at_workout_get_session (workout))), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
time_save (Bench    *bench,
           Timing   *full,
           Timing   *no_sync,
           GError  **error)
{
  g_autoptr(GArray) with_sync = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) without_sync = g_array_new (FALSE, FALSE, sizeof (double));

  if (!time_saves (bench, with_sync, error) ||
      !_at_store_exec (bench->store, "PRAGMA synchronous = OFF", error) ||
      !time_saves (bench, without_sync, error) ||
      !_at_store_exec (bench->store, "PRAGMA synchronous = FULL", error))
    return FALSE;

  *full = summarize ("save", with_sync);
  *no_sync = summarize ("save without fsync", without_sync);
  return TRUE;
}

/* --- Setting up and printing -------------------------------------------- */

static gboolean
load_users (Bench    *bench,
            GError  **error)
{
  g_autoptr(AtStatement) stmt = _at_store_prepare (bench->store,
                                                    "SELECT id FROM app_user WHERE deleted_at IS NULL"
                                                    " ORDER BY id", error);

  if (stmt == NULL)
    return FALSE;
  bench->users = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (bench->users, id);
    }
  if (bench->users->len == 0)
    {
      g_set_error (error, AT_CLI_ERROR, AT_CLI_ERROR_FAILED,
                   _("The database has no users: run “activity-tracker-cli generate” first"));
      return FALSE;
    }
  return TRUE;
}

static gint64
query_int (Bench      *bench,
           const char *sql)
{
  g_autoptr(AtStatement) stmt = _at_store_prepare (bench->store, sql, NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static char *
describe_machine (void)
{
  g_autofree char *cpuinfo = NULL;
  g_autofree char *model = NULL;
  struct utsname names;

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    {
      const char *line = strstr (cpuinfo, "model name");
      const char *colon = line != NULL ? strchr (line, ':') : NULL;

      if (colon != NULL)
        model = g_strndup (colon + 2, strcspn (colon + 2, "\n"));
    }
  uname (&names);
  return g_strdup_printf ("%s, %u cores, %s %s", model != NULL ? model : "unknown CPU",
                          g_get_num_processors (), names.sysname, names.release);
}

/* EXPLAIN QUERY PLAN rows give (id, parent, detail): indent by depth. */
static void
print_plan_rows (sqlite3_stmt *stmt)
{
  g_autoptr(GHashTable) depths = g_hash_table_new (g_direct_hash, g_direct_equal);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int id = sqlite3_column_int (stmt, 0);
      int parent = sqlite3_column_int (stmt, 1);
      int depth = GPOINTER_TO_INT (g_hash_table_lookup (depths, GINT_TO_POINTER (parent))) + 1;

      g_hash_table_insert (depths, GINT_TO_POINTER (id), GINT_TO_POINTER (depth));
      g_print ("%*s%s\n", 2 * depth, "", (const char *) sqlite3_column_text (stmt, 3));
    }
}

static void
print_plans (Bench *bench)
{
  g_autoptr(GList) names = g_hash_table_get_keys (bench->plans);

  names = g_list_sort (names, (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    {
      GPtrArray *sql = g_hash_table_lookup (bench->plans, l->data);

      g_print ("\n== %s ==\n", (const char *) l->data);
      for (guint i = 0; i < sql->len; i++)
        {
          g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql->pdata[i], NULL);
          sqlite3_stmt *stmt = NULL;

          if (g_str_has_prefix (sql->pdata[i], "SAVEPOINT") || g_str_has_prefix (sql->pdata[i], "RELEASE") ||
              g_str_has_prefix (sql->pdata[i], "BEGIN") || g_str_has_prefix (sql->pdata[i], "COMMIT"))
            continue;
          g_print ("%s\n", (const char *) sql->pdata[i]);
          if (sqlite3_prepare_v2 (_at_store_get_db (bench->store), explain, -1, &stmt, NULL) != SQLITE_OK)
            continue;
          print_plan_rows (stmt);
          sqlite3_finalize (stmt);
        }
    }
}

static void
print_table (GArray       *timings,
             const Timing *save,
             const Timing *no_sync,
             const char   *machine,
             gint64        users,
             gint64        sessions,
             gint64        bytes)
{
  g_autofree char *size = g_format_size_full (bytes, G_FORMAT_SIZE_IEC_UNITS);

  g_print ("Machine: %s\n", machine);
  g_print ("Data: %" G_GINT64_FORMAT " users, %" G_GINT64_FORMAT " sessions, file %s (%" G_GINT64_FORMAT
           " bytes)\n\n", users, sessions, size, bytes);
  g_print ("%-24s %6s %9s %9s %9s\n", "query", "runs", "p50 ms", "p95 ms", "max ms");
  for (guint i = 0; i < timings->len; i++)
    {
      Timing *t = &g_array_index (timings, Timing, i);

      g_print ("%-24s %6u %9.3f %9.3f %9.3f\n", t->name, t->runs, t->p50, t->p95, t->max);
    }
  g_print ("%-24s %6u %9.3f %9.3f %9.3f\n", save->name, save->runs, save->p50, save->p95, save->max);
  g_print ("%-24s %6u %9.3f %9.3f %9.3f\n", no_sync->name, no_sync->runs, no_sync->p50, no_sync->p95,
           no_sync->max);
  g_print ("\nfsync share of a save (p50): %.0f %%\n",
           save->p50 > 0 ? 100.0 * MAX (0.0, save->p50 - no_sync->p50) / save->p50 : 0.0);
}

static void
add_timing_json (JsonBuilder  *builder,
                 const Timing *t)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "query");
  json_builder_add_string_value (builder, t->name);
  json_builder_set_member_name (builder, "runs");
  json_builder_add_int_value (builder, t->runs);
  json_builder_set_member_name (builder, "p50_ms");
  json_builder_add_double_value (builder, t->p50);
  json_builder_set_member_name (builder, "p95_ms");
  json_builder_add_double_value (builder, t->p95);
  json_builder_set_member_name (builder, "max_ms");
  json_builder_add_double_value (builder, t->max);
  json_builder_end_object (builder);
}

static void
print_json (GArray       *timings,
            const Timing *save,
            const Timing *no_sync,
            const char   *machine,
            gint64        users,
            gint64        sessions,
            gint64        bytes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "machine");
  json_builder_add_string_value (builder, machine);
  json_builder_set_member_name (builder, "users");
  json_builder_add_int_value (builder, users);
  json_builder_set_member_name (builder, "sessions");
  json_builder_add_int_value (builder, sessions);
  json_builder_set_member_name (builder, "queries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < timings->len; i++)
    add_timing_json (builder, &g_array_index (timings, Timing, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "save");
  add_timing_json (builder, save);
  json_builder_set_member_name (builder, "save_without_fsync");
  add_timing_json (builder, no_sync);
  json_builder_set_member_name (builder, "fsync_share");
  json_builder_add_double_value (builder, save->p50 > 0 ? MAX (0.0, save->p50 - no_sync->p50) / save->p50 : 0);
  json_builder_set_member_name (builder, "file_bytes");
  json_builder_add_int_value (builder, bytes);
  json_builder_end_object (builder);
  at_cli_json_print (builder);
}

/* The Q4 sweep: words from the most frequent to the rarest. */
static const guint sweep_ranks[] = { 1, 3, 10, 30, 100, 300, 1000, 2000 };

static gboolean
run_all (Bench    *bench,
         GArray   *timings,
         Timing   *save,
         Timing   *no_sync,
         GError  **error)
{
  if (!time_query (bench, "Q1", run_q1, timings, error) ||
      !time_query (bench, "Q1 next page", run_q1_next, timings, error) ||
      !time_query (bench, "Q2", run_q2, timings, error) ||
      !time_query (bench, "Q3", run_q3, timings, error) ||
      !time_query (bench, "Q4", run_q4, timings, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sweep_ranks); i++)
    {
      g_autofree char *name = g_strdup_printf ("Q4 word rank %u", sweep_ranks[i]);

      bench->word_rank = sweep_ranks[i];
      if (!time_query (bench, name, run_q4, timings, error))
        return FALSE;
    }
  bench->word_rank = 0;

  return time_query (bench, "Q5", run_q5, timings, error) &&
         time_save (bench, save, no_sync, error);
}

gboolean
at_cli_cmd_bench (const AtCliCommand  *command,
                  char               **args,
                  GError             **error)
{
  g_auto(AtCliOptions) options = { 0 };
  g_autoptr(AtStore) store = NULL;
  g_autoptr(GArray) timings = g_array_new (FALSE, TRUE, sizeof (Timing));
  g_autofree char *machine = describe_machine ();
  int runs = 200;
  gboolean plans = FALSE;
  Bench bench = { 0 };
  Timing save = { 0 }, no_sync = { 0 };
  gboolean done;
  GStatBuf buf;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, N_("Timed runs of each query (default 200)"), "N" },
    { "plans", 0, 0, G_OPTION_ARG_NONE, &plans, N_("Print each query’s EXPLAIN QUERY PLAN"), NULL },
    { NULL }
  };

  if (!at_cli_parse (command, args, entries, &options, error))
    return FALSE;
  if (runs < 1)
    {
      g_set_error (error, AT_CLI_ERROR, AT_CLI_ERROR_USAGE, _("--runs must be at least 1"));
      return FALSE;
    }

  store = at_cli_open_store (&options, FALSE, error);
  if (store == NULL)
    return FALSE;

  g_array_set_clear_func (timings, timing_clear);
  bench.store = store;
  bench.runs = runs;
  bench.rand = g_rand_new_with_seed (1);
  if (plans)
    {
      bench.plans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
      sqlite3_trace_v2 (_at_store_get_db (store), SQLITE_TRACE_STMT, trace_statement, &bench);
    }

  at_store_set_now (store, query_int (&bench, "SELECT max (started_at) FROM activity_session"));
  bench.squat = query_int (&bench, "SELECT id FROM activity_subtype WHERE name = 'Squat'");
  bench.strength = query_int (&bench, "SELECT id FROM activity_type WHERE name = 'Weight Training'");
  bench.kg = query_int (&bench, "SELECT id FROM unit WHERE name = 'kilograms'");

  done = load_users (&bench, error) && run_all (&bench, timings, &save, &no_sync, error);
  if (done)
    {
      gint64 users = bench.users->len;
      gint64 sessions = query_int (&bench, "SELECT count(*) FROM activity_session");
      gint64 bytes = g_stat (options.database, &buf) == 0 ? buf.st_size : 0;

      if (options.json)
        print_json (timings, &save, &no_sync, machine, users, sessions, bytes);
      else
        print_table (timings, &save, &no_sync, machine, users, sessions, bytes);
      if (plans)
        print_plans (&bench);
    }

  sqlite3_trace_v2 (_at_store_get_db (store), 0, NULL, NULL);
  g_clear_pointer (&bench.users, g_array_unref);
  g_clear_pointer (&bench.plans, g_hash_table_unref);
  g_rand_free (bench.rand);
  g_free (save.name);
  g_free (no_sync.name);
  return done ? TRUE : at_cli_fail_in (store, error);
}
