-- Migration 4: whether a day is a new day active is asked of the sessions'
-- own index, not of a table that counted sessions per day.
--
-- user_active_day kept, for each user and local day, how many sessions
-- count on it, so that total_days_active stayed exact. The same question
-- ("does another session count on this day?") is one probe of
-- idx_session_local_date (user_id, local_date), which exists anyway; the
-- table cost a write per session and 14 MB on the benchmark workload.
--
-- To ask about the other sessions, the triggers need the session's id, so
-- the view that carries a session's share gains it, and the triggers that
-- read or fill the view are made again.

DROP TRIGGER activity_session_statistics_insert;
DROP TRIGGER activity_session_statistics_delete;
DROP TRIGGER activity_session_statistics_update;
DROP VIEW session_statistics_delta;  -- and its triggers, session_statistics_add and _remove
DROP TABLE user_active_day;

-- Inserting a row into this view applies one session's share (sign +1 or -1).
CREATE VIEW session_statistics_delta AS
  SELECT 0 AS sign, id, user_id, local_date, started_at, duration_minutes, rating,
         estimated_calories, is_personal_record
  FROM activity_session WHERE 0;

-- The triggers below run after the session's row changed: the row already
-- holds its new values (or is gone), so "another session" leaves it out by
-- its id.
CREATE TRIGGER session_statistics_add INSTEAD OF INSERT ON session_statistics_delta
WHEN NEW.sign = 1
BEGIN
  INSERT INTO user_statistics (user_id) VALUES (NEW.user_id) ON CONFLICT (user_id) DO NOTHING;
  UPDATE user_statistics SET
    total_sessions = total_sessions + 1,
    total_days_active = total_days_active + NOT EXISTS (
      SELECT 1 FROM activity_session
      WHERE user_id = NEW.user_id AND local_date = NEW.local_date AND id <> NEW.id
        AND deleted_at IS NULL AND is_template = 0),
    last_activity = max(coalesce(last_activity, NEW.started_at), NEW.started_at),
    total_minutes = CASE WHEN NEW.duration_minutes IS NULL THEN total_minutes
                         ELSE coalesce(total_minutes, 0) + NEW.duration_minutes END,
    minutes_count = minutes_count + (NEW.duration_minutes IS NOT NULL),
    rating_sum = rating_sum + coalesce(NEW.rating, 0),
    rating_count = rating_count + (NEW.rating IS NOT NULL),
    total_calories = CASE WHEN NEW.estimated_calories IS NULL THEN total_calories
                          ELSE coalesce(total_calories, 0) + NEW.estimated_calories END,
    calories_count = calories_count + (NEW.estimated_calories IS NOT NULL),
    total_prs = total_prs + (NEW.is_personal_record = 1)
  WHERE user_id = NEW.user_id;
END;

CREATE TRIGGER session_statistics_remove INSTEAD OF INSERT ON session_statistics_delta
WHEN NEW.sign = -1
BEGIN
  UPDATE user_statistics SET
    total_sessions = total_sessions - 1,
    total_days_active = total_days_active - NOT EXISTS (
      SELECT 1 FROM activity_session
      WHERE user_id = NEW.user_id AND local_date = NEW.local_date AND id <> NEW.id
        AND deleted_at IS NULL AND is_template = 0),
    total_minutes = CASE WHEN NEW.duration_minutes IS NULL THEN total_minutes
                         WHEN minutes_count = 1 THEN NULL
                         ELSE total_minutes - NEW.duration_minutes END,
    minutes_count = minutes_count - (NEW.duration_minutes IS NOT NULL),
    rating_sum = rating_sum - coalesce(NEW.rating, 0),
    rating_count = rating_count - (NEW.rating IS NOT NULL),
    total_calories = CASE WHEN NEW.estimated_calories IS NULL THEN total_calories
                          WHEN calories_count = 1 THEN NULL
                          ELSE total_calories - NEW.estimated_calories END,
    calories_count = calories_count - (NEW.estimated_calories IS NOT NULL),
    total_prs = total_prs - (NEW.is_personal_record = 1)
  WHERE user_id = NEW.user_id;
  UPDATE user_statistics SET
    last_activity = (SELECT max(started_at) FROM activity_session
                     WHERE user_id = NEW.user_id AND deleted_at IS NULL AND is_template = 0)
  WHERE user_id = NEW.user_id AND last_activity = NEW.started_at;
  DELETE FROM user_statistics WHERE user_id = NEW.user_id AND total_sessions = 0;
END;

CREATE TRIGGER activity_session_statistics_insert AFTER INSERT ON activity_session
WHEN NEW.deleted_at IS NULL AND NEW.is_template = 0
BEGIN
  INSERT INTO session_statistics_delta
    VALUES (1, NEW.id, NEW.user_id, NEW.local_date, NEW.started_at, NEW.duration_minutes,
            NEW.rating, NEW.estimated_calories, NEW.is_personal_record);
END;

CREATE TRIGGER activity_session_statistics_delete AFTER DELETE ON activity_session
WHEN OLD.deleted_at IS NULL AND OLD.is_template = 0
BEGIN
  INSERT INTO session_statistics_delta
    VALUES (-1, OLD.id, OLD.user_id, OLD.local_date, OLD.started_at, OLD.duration_minutes,
            OLD.rating, OLD.estimated_calories, OLD.is_personal_record);
END;

-- A change of when, whose or whether a session counts moves its whole share.
CREATE TRIGGER activity_session_statistics_update
AFTER UPDATE OF user_id, started_at, ended_at, utc_offset_seconds, is_template, deleted_at
ON activity_session
WHEN OLD.user_id IS NOT NEW.user_id OR OLD.started_at IS NOT NEW.started_at
  OR OLD.ended_at IS NOT NEW.ended_at OR OLD.utc_offset_seconds IS NOT NEW.utc_offset_seconds
  OR OLD.is_template IS NOT NEW.is_template OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
  INSERT INTO session_statistics_delta
    SELECT -1, OLD.id, OLD.user_id, OLD.local_date, OLD.started_at, OLD.duration_minutes,
           OLD.rating, OLD.estimated_calories, OLD.is_personal_record
    WHERE OLD.deleted_at IS NULL AND OLD.is_template = 0;
  INSERT INTO session_statistics_delta
    SELECT 1, NEW.id, NEW.user_id, NEW.local_date, NEW.started_at, NEW.duration_minutes,
           NEW.rating, NEW.estimated_calories, NEW.is_personal_record
    WHERE NEW.deleted_at IS NULL AND NEW.is_template = 0;
END;
