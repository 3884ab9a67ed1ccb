/* test-streaks.c: streaks by calendar day in the user's timezone, with
 * expectations computed by hand, and a random history whose incremental
 * streaks must equal a recomputation from scratch. */

#include "config.h"

#include "at-test-util.h"
#include "at-streaks.h"

typedef struct
{
  AtTestFixture base;
  gint64        user;
  gint64        running;
  gint64        weights;
} Fixture;

static gint64
create_user (AtStore    *store,
             const char *username,
             const char *timezone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtUser) user = at_user_new ();
  g_autofree char *email = g_strdup_printf ("%s@example.com", username);

  at_record_set_string (AT_RECORD (user), "username", username);
  at_record_set_string (AT_RECORD (user), "email", email);
  at_record_set_string (AT_RECORD (user), "timezone", timezone);
  g_assert_true (at_store_create_user (store, AT_RECORD (user), &error));
  g_assert_no_error (error);
  return at_record_get_id (AT_RECORD (user));
}

static void
set_user_timezone (Fixture    *f,
                   const char *timezone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtRecord) user = at_store_get (f->base.store, f->user, AT_TYPE_USER, f->user, &error);

  g_assert_no_error (error);
  at_record_set_string (user, "timezone", timezone);
  g_assert_true (at_store_update (f->base.store, f->user, user, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  at_test_fixture_open (&f->base);
  f->user = create_user (f->base.store, "streaker", data != NULL ? data : "UTC");
  f->running = f->base.cat.running_id;
  f->weights = f->base.cat.weight_training_id;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  at_test_fixture_close (&f->base);
}

/* Unix time of a wall-clock time in a timezone. */
static gint64
local_time (const char *timezone,
            int         year,
            int         month,
            int         day,
            int         hour,
            int         minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (timezone);
  g_autoptr(GDateTime) dt = NULL;

  g_assert_nonnull (zone);
  dt = g_date_time_new (zone, year, month, day, hour, minute, 0);
  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

/* Noon UTC on a day of March 2024 (day 1 = 2024-03-01). */
static gint64
march (int day)
{
  return at_test_utc (2024, 3, 1, 12, 0, 0) + (gint64) (day - 1) * 86400;
}

/* A session whose UTC offset the store takes from the user's timezone. */
static gint64
add_session (Fixture *f,
             gint64   type_id,
             gint64   started_at)
{
  g_autoptr(AtSession) session = at_session_new ();

  at_record_set_int (AT_RECORD (session), "activity_type_id", type_id);
  at_record_set_int (AT_RECORD (session), "started_at", started_at);
  at_record_set_int (AT_RECORD (session), "ended_at", started_at + 1800);
  return at_test_insert (f->base.store, f->user, session);
}

static void
soft_delete (Fixture *f,
             gint64   session_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (at_store_soft_delete (f->base.store, f->user, AT_TYPE_SESSION, session_id, &error));
  g_assert_no_error (error);
}

static void
undelete (Fixture *f,
          gint64   session_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (at_store_undelete (f->base.store, f->user, AT_TYPE_SESSION, session_id, &error));
  g_assert_no_error (error);
}

/* The stored row, "current|longest|last" or NULL without one. */
static char *
stored_streak (Fixture *f,
               gint64   type_id)
{
  g_autofree char *condition = type_id != 0
                             ? g_strdup_printf ("activity_type_id = %" G_GINT64_FORMAT, type_id)
                             : g_strdup ("activity_type_id IS NULL");

  return at_test_query_text (f->base.db,
                             "SELECT current_streak_days || '|' || longest_streak_days || '|'"
                             " || last_activity_date FROM user_streak"
                             " WHERE user_id = %" G_GINT64_FORMAT " AND %s", f->user, condition);
}

#define assert_streak(f, type_id, expected) \
  G_STMT_START { \
    g_autofree char *_row = stored_streak ((f), (type_id)); \
    g_assert_cmpstr (_row, ==, (expected)); \
  } G_STMT_END

static gint64
n_streak_rows (Fixture *f)
{
  return at_test_query_int (f->base.db, "SELECT count(*) FROM user_streak WHERE user_id = %"
                            G_GINT64_FORMAT, f->user);
}

/* The current streak at_store_get_streaks() shows for a type (0: overall). */
static gint64
shown_current (Fixture *f,
               gint64   type_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) streaks = at_store_get_streaks (f->base.store, f->user, &error);

  g_assert_no_error (error);
  g_assert_nonnull (streaks);
  for (guint i = 0; i < streaks->len; i++)
    {
      AtStreakInfo *info = &g_array_index (streaks, AtStreakInfo, i);

      if (info->activity_type_id == type_id)
        return info->current_days;
    }
  g_assert_not_reached ();
  return -1;
}

static void
test_same_day (Fixture       *f,
               gconstpointer  data)
{
  g_assert_cmpint (n_streak_rows (f), ==, 0);

  add_session (f, f->running, march (4));
  add_session (f, f->running, march (4) + 3600);
  assert_streak (f, 0, "1|1|2024-03-04");
  assert_streak (f, f->running, "1|1|2024-03-04");
  g_assert_cmpint (n_streak_rows (f), ==, 2);
}

static void
test_gap (Fixture       *f,
          gconstpointer  data)
{
  add_session (f, f->running, march (1));
  add_session (f, f->running, march (2));
  add_session (f, f->running, march (3));
  add_session (f, f->running, march (5));
  /* 1–3 is the longest; the run ending on the last day (5) is 1 long. */
  assert_streak (f, 0, "1|3|2024-03-05");
  add_session (f, f->running, march (6));
  assert_streak (f, 0, "2|3|2024-03-06");
}

static void
test_deleted_day (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtSession) template = at_session_new ();
  gint64 second;

  add_session (f, f->running, march (1));
  second = add_session (f, f->running, march (2));
  assert_streak (f, 0, "2|2|2024-03-02");

  soft_delete (f, second);
  assert_streak (f, 0, "1|1|2024-03-01");
  assert_streak (f, f->running, "1|1|2024-03-01");

  /* A template on day 2 is no activity either. */
  at_record_set_int (AT_RECORD (template), "activity_type_id", f->running);
  at_record_set_int (AT_RECORD (template), "started_at", march (2));
  at_record_set_boolean (AT_RECORD (template), "is_template", TRUE);
  at_record_set_string (AT_RECORD (template), "template_name", "Easy run");
  at_test_insert (f->base.store, f->user, template);
  assert_streak (f, 0, "1|1|2024-03-01");

  /* Deleting the last live session leaves no streak at all. */
  g_assert_true (at_store_delete (f->base.store, f->user, AT_TYPE_SESSION,
                                  at_test_query_int (f->base.db,
                                                     "SELECT id FROM activity_session"
                                                     " WHERE local_date = '2024-03-01'"),
                                  &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_streak_rows (f), ==, 0);
}

static void
test_split_and_join (Fixture       *f,
                     gconstpointer  data)
{
  gint64 ids[6];

  for (int day = 1; day <= 5; day++)
    ids[day] = add_session (f, f->running, march (day));
  assert_streak (f, 0, "5|5|2024-03-05");

  soft_delete (f, ids[3]);
  assert_streak (f, 0, "2|2|2024-03-05");
  assert_streak (f, f->running, "2|2|2024-03-05");

  undelete (f, ids[3]);
  assert_streak (f, 0, "5|5|2024-03-05");

  /* Deleting the last day moves the last day back. */
  soft_delete (f, ids[5]);
  assert_streak (f, 0, "4|4|2024-03-04");
}

static void
test_back_dated (Fixture       *f,
                 gconstpointer  data)
{
  add_session (f, f->running, march (1));
  add_session (f, f->running, march (2));
  add_session (f, f->running, march (4));
  add_session (f, f->running, march (5));
  assert_streak (f, 0, "2|2|2024-03-05");

  add_session (f, f->running, march (3));
  assert_streak (f, 0, "5|5|2024-03-05");

  /* An older entry before a gap changes only the longest run. */
  add_session (f, f->running, march (10));
  add_session (f, f->running, march (9));
  assert_streak (f, 0, "2|5|2024-03-10");
}

static void
test_edit_moves_day (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtRecord) session = NULL;
  gint64 moved;

  add_session (f, f->running, march (1));
  moved = add_session (f, f->running, march (5));
  assert_streak (f, 0, "1|1|2024-03-05");

  session = at_store_get (f->base.store, f->user, AT_TYPE_SESSION, moved, &error);
  g_assert_no_error (error);
  at_record_set_int (session, "started_at", march (2));
  at_record_set_int (session, "ended_at", march (2) + 600);
  g_assert_true (at_store_update (f->base.store, f->user, session, &error));
  g_assert_no_error (error);
  assert_streak (f, 0, "2|2|2024-03-02");

  /* Changing its type moves it between the per-type streaks. */
  at_record_set_int (session, "activity_type_id", f->weights);
  g_assert_true (at_store_update (f->base.store, f->user, session, &error));
  g_assert_no_error (error);
  assert_streak (f, 0, "2|2|2024-03-02");
  assert_streak (f, f->running, "1|1|2024-03-01");
  assert_streak (f, f->weights, "1|1|2024-03-02");
}

static void
test_per_type (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 lifts[2];

  add_session (f, f->running, march (1));
  add_session (f, f->running, march (2));
  add_session (f, f->running, march (3));
  lifts[0] = add_session (f, f->weights, march (3) + 7200);
  lifts[1] = add_session (f, f->weights, march (4));

  assert_streak (f, 0, "4|4|2024-03-04");
  assert_streak (f, f->running, "3|3|2024-03-03");
  assert_streak (f, f->weights, "2|2|2024-03-04");
  g_assert_cmpint (n_streak_rows (f), ==, 3);

  /* A type with no live session left loses its row. */
  soft_delete (f, lifts[0]);
  g_assert_true (at_store_delete (f->base.store, f->user, AT_TYPE_SESSION, lifts[1], &error));
  g_assert_no_error (error);
  g_assert_null (stored_streak (f, f->weights));
  assert_streak (f, 0, "3|3|2024-03-03");
  g_assert_cmpint (n_streak_rows (f), ==, 2);
}

/* Paris, then New York: each session keeps the day it had where it was
 * logged, so 23:30 on four evenings in a row is a streak of four, though
 * in UTC the New York evenings fall on the next days. */
static void
test_timezone_change (Fixture       *f,
                      gconstpointer  data)
{
  gint64 ids[4];
  g_autofree char *dates = NULL;

  ids[0] = add_session (f, f->running, local_time ("Europe/Paris", 2024, 3, 4, 23, 30));
  ids[1] = add_session (f, f->running, local_time ("Europe/Paris", 2024, 3, 5, 23, 30));
  set_user_timezone (f, "America/New_York");
  ids[2] = add_session (f, f->running, local_time ("America/New_York", 2024, 3, 6, 23, 30));
  ids[3] = add_session (f, f->running, local_time ("America/New_York", 2024, 3, 7, 23, 30));

  dates = at_test_dump (f->base.db, "SELECT local_date, utc_offset_seconds FROM activity_session"
                                    " ORDER BY started_at");
  g_assert_cmpstr (dates, ==,
                   "2024-03-04|3600|\n2024-03-05|3600|\n"
                   "2024-03-06|-18000|\n2024-03-07|-18000|\n");
  assert_streak (f, 0, "4|4|2024-03-07");

  /* The next day, in New York, the streak is alive but not yet extended. */
  at_store_set_now (f->base.store, local_time ("America/New_York", 2024, 3, 8, 21, 0));
  g_assert_cmpint (shown_current (f, 0), ==, 4);

  /* Deleting the second evening splits the run; bringing it back joins it. */
  soft_delete (f, ids[1]);
  assert_streak (f, 0, "2|2|2024-03-07");
  undelete (f, ids[1]);
  assert_streak (f, 0, "4|4|2024-03-07");
}

/* 23:50 in Los Angeles is the next day in UTC, and 00:10 in Tokyo the day
 * before: each counts on its local day. */
static void
test_across_midnight (Fixture       *f,
                      gconstpointer  data)
{
  gint64 late = local_time ("America/Los_Angeles", 2024, 3, 4, 23, 50);
  gint64 early = local_time ("America/Los_Angeles", 2024, 3, 6, 0, 10);
  g_autofree char *late_utc = at_test_local_date (late, 0);

  g_assert_cmpstr (late_utc, ==, "2024-03-05");
  add_session (f, f->running, late);
  add_session (f, f->running, early);
  assert_streak (f, 0, "1|1|2024-03-06");

  add_session (f, f->running, local_time ("America/Los_Angeles", 2024, 3, 5, 12, 0));
  assert_streak (f, 0, "3|3|2024-03-06");

  /* Today is the 6th until 23:59 there; on the 8th the run is broken. */
  at_store_set_now (f->base.store, local_time ("America/Los_Angeles", 2024, 3, 7, 23, 59));
  g_assert_cmpint (shown_current (f, 0), ==, 3);
  at_store_set_now (f->base.store, local_time ("America/Los_Angeles", 2024, 3, 8, 0, 1));
  g_assert_cmpint (shown_current (f, 0), ==, 0);

  set_user_timezone (f, "Asia/Tokyo");
  add_session (f, f->weights, local_time ("Asia/Tokyo", 2024, 3, 7, 0, 10));
  assert_streak (f, f->weights, "1|1|2024-03-07");
  assert_streak (f, 0, "4|4|2024-03-07");
  g_assert_cmpint (at_test_query_int (f->base.db,
                                      "SELECT count(*) FROM activity_session"
                                      " WHERE local_date = '2024-03-07' AND started_at < %"
                                      G_GINT64_FORMAT, at_test_utc (2024, 3, 7, 0, 0, 0)),
                   ==, 1);
}

static void
test_broken_current (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) streaks = NULL;
  AtStreakInfo *info;

  add_session (f, f->running, march (1));
  add_session (f, f->running, march (2));
  add_session (f, f->running, march (3));

  at_store_set_now (f->base.store, march (3));
  g_assert_cmpint (shown_current (f, 0), ==, 3);
  at_store_set_now (f->base.store, march (4) + 11 * 3600);
  g_assert_cmpint (shown_current (f, 0), ==, 3);
  g_assert_cmpint (shown_current (f, f->running), ==, 3);
  at_store_set_now (f->base.store, march (5) - 12 * 3600);  /* 00:00 on the 5th */
  g_assert_cmpint (shown_current (f, 0), ==, 0);

  streaks = at_store_get_streaks (f->base.store, f->user, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (streaks->len, ==, 2);
  info = &g_array_index (streaks, AtStreakInfo, 0);
  g_assert_cmpint (info->activity_type_id, ==, 0);
  g_assert_cmpint (info->current_days, ==, 0);
  g_assert_cmpint (info->longest_days, ==, 3);
  g_assert_cmpstr (info->last_date, ==, "2024-03-03");
  info = &g_array_index (streaks, AtStreakInfo, 1);
  g_assert_cmpint (info->activity_type_id, ==, f->running);

  /* The stored row keeps the run ending on its last day. */
  assert_streak (f, 0, "3|3|2024-03-03");
}

/* Another user's sessions never reach this user's streaks. */
static void
test_other_user (Fixture       *f,
                 gconstpointer  data)
{
  gint64 other = create_user (f->base.store, "neighbour", "UTC");
  g_autoptr(AtSession) session = at_test_session_new (f->running, march (2), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) streaks = NULL;

  add_session (f, f->running, march (1));
  at_test_insert (f->base.store, other, session);
  assert_streak (f, 0, "1|1|2024-03-01");

  streaks = at_store_get_streaks (f->base.store, other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (streaks->len, ==, 2);
  g_assert_cmpstr (g_array_index (streaks, AtStreakInfo, 0).last_date, ==, "2024-03-02");
}

/* A save that changes no streak writes no streak row. */
static void
test_writes_only_changes (Fixture       *f,
                          gconstpointer  data)
{
  add_session (f, f->running, march (1));
  add_session (f, f->weights, march (2));
  at_test_exec (f->base.db,
                "CREATE TEMP TABLE streak_writes (n INTEGER);"
                "INSERT INTO streak_writes VALUES (0);"
                "CREATE TEMP TRIGGER streak_updated AFTER UPDATE ON main.user_streak"
                " BEGIN UPDATE streak_writes SET n = n + 1; END;"
                "CREATE TEMP TRIGGER streak_inserted AFTER INSERT ON main.user_streak"
                " BEGIN UPDATE streak_writes SET n = n + 1; END;"
                "CREATE TEMP TRIGGER streak_deleted AFTER DELETE ON main.user_streak"
                " BEGIN UPDATE streak_writes SET n = n + 1; END;");

  add_session (f, f->running, march (1) + 3600);
  g_assert_cmpint (at_test_query_int (f->base.db, "SELECT n FROM streak_writes"), ==, 0);

  /* A running session on day 2 changes the running row, not the others. */
  add_session (f, f->running, march (2) + 3600);
  g_assert_cmpint (at_test_query_int (f->base.db, "SELECT n FROM streak_writes"), ==, 1);
}

/* Gaps and islands in SQL: the longest run of a set of days, computed
 * another way than the store does. */
static gint64
longest_by_sql (Fixture *f,
                gint64   type_id)
{
  g_autofree char *condition = type_id != 0
                             ? g_strdup_printf ("AND activity_type_id = %" G_GINT64_FORMAT, type_id)
                             : g_strdup ("");

  return at_test_query_int (f->base.db,
                            "WITH d AS (SELECT DISTINCT julianday (local_date) AS j"
                            "   FROM activity_session WHERE user_id = %" G_GINT64_FORMAT
                            "   AND deleted_at IS NULL AND is_template = 0 %s),"
                            " g AS (SELECT j - row_number () OVER (ORDER BY j) AS island FROM d)"
                            " SELECT coalesce (max (n), 0) FROM"
                            "   (SELECT count (*) AS n FROM g GROUP BY island)",
                            f->user, condition);
}

static void
random_step (Fixture *f,
             GArray  *ids)
{
  g_autoptr(GError) error = NULL;
  int action = g_test_rand_int_range (0, 10);
  gint64 type_id = g_test_rand_bit () ? f->running : f->weights;
  gint64 started_at = march (1) + (gint64) g_test_rand_int_range (0, 30) * 86400 +
                      g_test_rand_int_range (-12 * 3600, 11 * 3600);
  gint64 id;

  if (ids->len == 0 || action < 4)
    {
      id = add_session (f, type_id, started_at);
      g_array_append_val (ids, id);
      return;
    }

  id = g_array_index (ids, gint64, g_test_rand_int_range (0, ids->len));
  if (action < 6)
    {
      g_autoptr(AtRecord) session = NULL;

      if (at_test_query_int (f->base.db, "SELECT deleted_at IS NOT NULL FROM activity_session"
                                         " WHERE id = %" G_GINT64_FORMAT, id))
        return;
      session = at_store_get (f->base.store, f->user, AT_TYPE_SESSION, id, &error);
      g_assert_no_error (error);
      at_record_set_int (session, "started_at", started_at);
      at_record_set_int (session, "ended_at", started_at + 600);
      at_record_set_int (session, "activity_type_id", type_id);
      g_assert_true (at_store_update (f->base.store, f->user, session, &error));
    }
  else if (action < 8)
    {
      at_store_soft_delete (f->base.store, f->user, AT_TYPE_SESSION, id, &error);
      g_clear_error (&error);  /* already in the bin */
    }
  else if (action < 9)
    {
      at_store_undelete (f->base.store, f->user, AT_TYPE_SESSION, id, &error);
      g_clear_error (&error);  /* not in the bin */
    }
  else
    {
      g_assert_true (at_store_delete (f->base.store, f->user, AT_TYPE_SESSION, id, &error));
      for (guint i = 0; i < ids->len; i++)
        {
          if (g_array_index (ids, gint64, i) == id)
            {
              g_array_remove_index_fast (ids, i);
              break;
            }
        }
    }
  g_assert_no_error (error);
}

#define STREAK_ROWS \
  "SELECT coalesce (activity_type_id, 0), current_streak_days, longest_streak_days," \
  " last_activity_date FROM user_streak ORDER BY 1"

static void
test_random_history (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *incremental = NULL;
  g_autofree char *recomputed = NULL;

  for (int i = 0; i < 200; i++)
    {
      random_step (f, ids);

      if (i % 50 == 49)
        {
          g_assert_cmpint (at_test_query_int (f->base.db, "SELECT longest_streak_days FROM user_streak"
                                              " WHERE activity_type_id IS NULL"),
                           ==, longest_by_sql (f, 0));
          g_assert_cmpint (at_test_query_int (f->base.db,
                                              "SELECT longest_streak_days FROM user_streak"
                                              " WHERE activity_type_id = %" G_GINT64_FORMAT,
                                              f->running),
                           ==, longest_by_sql (f, f->running));
          g_assert_cmpint (at_test_query_int (f->base.db,
                                              "SELECT longest_streak_days FROM user_streak"
                                              " WHERE activity_type_id = %" G_GINT64_FORMAT,
                                              f->weights),
                           ==, longest_by_sql (f, f->weights));
        }
    }

  incremental = at_test_dump (f->base.db, STREAK_ROWS);
  g_test_message ("after 200 steps:\n%s", incremental);
  g_assert_cmpstr (incremental, !=, "");

  g_assert_true (at_store_begin (f->base.store, &error));
  g_assert_true (_at_store_exec (f->base.store, "DELETE FROM user_streak", &error));
  g_assert_true (_at_streaks_update (f->base.store, f->user, &error));
  g_assert_true (at_store_commit (f->base.store, &error));
  g_assert_no_error (error);

  recomputed = at_test_dump (f->base.db, STREAK_ROWS);
  g_assert_cmpstr (recomputed, ==, incremental);
}

static void
add_test (const char    *path,
          const char    *timezone,
          void         (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, timezone, fixture_set_up, func, fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  at_test_keep_going (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  add_test ("/core/streaks/same-day", NULL, test_same_day);
  add_test ("/core/streaks/gap", NULL, test_gap);
  add_test ("/core/streaks/deleted-day", NULL, test_deleted_day);
  add_test ("/core/streaks/split-and-join", NULL, test_split_and_join);
  add_test ("/core/streaks/back-dated", NULL, test_back_dated);
  add_test ("/core/streaks/edit-moves-day", NULL, test_edit_moves_day);
  add_test ("/core/streaks/per-type", NULL, test_per_type);
  add_test ("/core/streaks/timezone-change", "Europe/Paris", test_timezone_change);
  add_test ("/core/streaks/across-midnight", "America/Los_Angeles", test_across_midnight);
  add_test ("/core/streaks/broken-current", NULL, test_broken_current);
  add_test ("/core/streaks/other-user", NULL, test_other_user);
  add_test ("/core/streaks/writes-only-changes", NULL, test_writes_only_changes);
  add_test ("/core/streaks/random-history", NULL, test_random_history);

  return g_test_run ();
}
