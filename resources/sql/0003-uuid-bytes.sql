-- Migration 3: a uuid is stored as its 16 bytes, not as 36 characters of
-- text.
--
-- PostgreSQL keeps its uuid type in 16 bytes; a text uuid took 37 here, in
-- the row and again in the UNIQUE index, 40 bytes too many for each of a
-- million sessions. The store shows and takes the usual text form
-- (xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx) and turns it into bytes itself;
-- at_uuid_blob(), a function every store connection has, does it here.
-- The default makes the same random version 4 uuid as before, as bytes:
-- byte 6 is 0x40-0x4F (version 4) and byte 8 is 0x80-0xBF (the variant).
--
-- SQLite cannot change a column's type, so each table with a uuid is built
-- again under a new name, filled, and renamed over the old one; its
-- indexes and triggers are made again as they were. The store applies
-- this with foreign keys off and legacy_alter_table on (so the rename
-- leaves the views and triggers that name the table alone), and checks the
-- foreign keys before the commit. Ids do not change, so every reference,
-- the full-text indexes and the statistics stay as they are.

-- app_user
CREATE TABLE app_user_new (
  id                     INTEGER PRIMARY KEY,
  uuid                   BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16) DEFAULT (CAST(
    randomblob(6)
    || substr(X'404142434445464748494A4B4C4D4E4F', 1 + (random() & 15), 1)  -- 0100xxxx: version 4
    || randomblob(1)
    -- 10xxxxxx: the variant
    || substr(X'808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9FA0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF', 1 + (random() & 63), 1)
    || randomblob(7) AS BLOB)),
  username               TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 3 AND 50),
  email                  TEXT NOT NULL UNIQUE CHECK (length(email) <= 255),
  password_hash          TEXT CHECK (password_hash IS NULL OR length(password_hash) <= 255),
  first_name             TEXT CHECK (first_name IS NULL OR length(first_name) <= 100),
  last_name              TEXT CHECK (last_name IS NULL OR length(last_name) <= 100),
  avatar_url             TEXT CHECK (avatar_url IS NULL OR length(avatar_url) <= 500),
  timezone               TEXT DEFAULT 'UTC' CHECK (timezone IS NULL OR length(timezone) <= 50),
  measurement_preference TEXT DEFAULT 'metric' CHECK (measurement_preference IN ('metric', 'imperial')),
  weight_unit_id         INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
  distance_unit_id       INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
  date_format            TEXT DEFAULT 'YYYY-MM-DD' CHECK (date_format IS NULL OR length(date_format) <= 20),
  language               TEXT DEFAULT 'en' CHECK (language IS NULL OR length(language) <= 10),
  is_active              INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
  email_verified         INTEGER DEFAULT 0 CHECK (email_verified IN (0, 1)),
  last_login_at          INTEGER,
  created_at             INTEGER DEFAULT (unixepoch()),
  updated_at             INTEGER DEFAULT (unixepoch()),
  deleted_at             INTEGER,
  -- The schema's pattern '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Z|a-z]{2,}$'
  -- said without regular expressions: one '@', an allowed local part, and a
  -- domain that ends in a dot and two or more letters.
  CHECK (
    instr(email, '@') > 1
    AND substr(email, 1, instr(email, '@') - 1) NOT GLOB '*[^A-Za-z0-9._%+-]*'
    AND substr(email, instr(email, '@') + 1) NOT GLOB '*[^A-Za-z0-9.|-]*'
    AND length(substr(email, instr(email, '@') + 1))
        - length(rtrim(substr(email, instr(email, '@') + 1),
                       'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz|')) >= 2
    AND substr(rtrim(substr(email, instr(email, '@') + 1),
                     'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz|'), -1) = '.'
    AND length(rtrim(substr(email, instr(email, '@') + 1),
                     'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz|')) >= 2
    AND rtrim(substr(email, instr(email, '@') + 1),
              'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz|') NOT GLOB '*[^A-Za-z0-9.-]*'
  )
) STRICT;
INSERT INTO app_user_new (id, uuid, username, email, password_hash, first_name, last_name, avatar_url, timezone, measurement_preference, weight_unit_id, distance_unit_id, date_format, language, is_active, email_verified, last_login_at, created_at, updated_at, deleted_at)
  SELECT id, at_uuid_blob (uuid), username, email, password_hash, first_name, last_name, avatar_url, timezone, measurement_preference, weight_unit_id, distance_unit_id, date_format, language, is_active, email_verified, last_login_at, created_at, updated_at, deleted_at FROM app_user;
DROP TABLE app_user;
ALTER TABLE app_user_new RENAME TO app_user;
CREATE INDEX idx_user_email ON app_user (email) WHERE deleted_at IS NULL;
CREATE INDEX idx_user_active ON app_user (is_active) WHERE is_active = 1;

-- activity_session
CREATE TABLE activity_session_new (
  id                  INTEGER PRIMARY KEY,
  uuid                BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16) DEFAULT (CAST(
    randomblob(6)
    || substr(X'404142434445464748494A4B4C4D4E4F', 1 + (random() & 15), 1)  -- 0100xxxx: version 4
    || randomblob(1)
    -- 10xxxxxx: the variant
    || substr(X'808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9FA0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF', 1 + (random() & 63), 1)
    || randomblob(7) AS BLOB)),
  user_id             INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  activity_type_id    INTEGER NOT NULL REFERENCES activity_type (id) ON DELETE RESTRICT,
  activity_subtype_id INTEGER REFERENCES activity_subtype (id) ON DELETE SET NULL,
  session_name        TEXT CHECK (session_name IS NULL OR length(session_name) <= 200),
  started_at          INTEGER NOT NULL,
  ended_at            INTEGER,
  -- EXTRACT(EPOCH FROM ended_at - started_at) / 60 stored in an INT column:
  -- PostgreSQL rounds the quotient to the nearest minute, and so do we.
  duration_minutes    INTEGER GENERATED ALWAYS AS (
                        CASE WHEN ended_at IS NOT NULL
                        THEN (ended_at - started_at + 30) / 60
                        ELSE NULL END) STORED,
  -- The start's offset from UTC in the user's timezone at that moment, and
  -- the start day there: what a "day" is for streaks and calendars.
  utc_offset_seconds  INTEGER NOT NULL DEFAULT 0 CHECK (utc_offset_seconds BETWEEN -64800 AND 64800),
  local_date          TEXT GENERATED ALWAYS AS (date(started_at + utc_offset_seconds, 'unixepoch')) STORED,
  location            TEXT CHECK (location IS NULL OR length(location) <= 100),
  weather             TEXT CHECK (weather IS NULL OR length(weather) <= 100),
  mood_before         TEXT CHECK (mood_before IS NULL OR length(mood_before) <= 50),
  mood_after          TEXT CHECK (mood_after IS NULL OR length(mood_after) <= 50),
  energy_level        INTEGER CHECK (energy_level IS NULL OR (energy_level >= 1 AND energy_level <= 10)),
  rating              INTEGER CHECK (rating IS NULL OR (rating >= 1 AND rating <= 10)),
  perceived_exertion  INTEGER CHECK (perceived_exertion IS NULL OR (perceived_exertion >= 1 AND perceived_exertion <= 10)),
  injuries_noted      TEXT,
  notes               TEXT,
  total_volume        REAL,
  estimated_calories  REAL,
  is_personal_record  INTEGER DEFAULT 0 CHECK (is_personal_record IN (0, 1)),
  is_template         INTEGER DEFAULT 0 CHECK (is_template IN (0, 1)),
  template_name       TEXT CHECK (template_name IS NULL OR length(template_name) <= 200),
  parent_session_id   INTEGER REFERENCES activity_session (id) ON DELETE SET NULL,
  created_at          INTEGER DEFAULT (unixepoch()),
  updated_at          INTEGER DEFAULT (unixepoch()),
  deleted_at          INTEGER,
  CHECK (ended_at IS NULL OR ended_at >= started_at),
  CHECK (parent_session_id IS NULL OR parent_session_id <> id)
) STRICT;
INSERT INTO activity_session_new (id, uuid, user_id, activity_type_id, activity_subtype_id, session_name, started_at, ended_at, utc_offset_seconds, location, weather, mood_before, mood_after, energy_level, rating, perceived_exertion, injuries_noted, notes, total_volume, estimated_calories, is_personal_record, is_template, template_name, parent_session_id, created_at, updated_at, deleted_at)
  SELECT id, at_uuid_blob (uuid), user_id, activity_type_id, activity_subtype_id, session_name, started_at, ended_at, utc_offset_seconds, location, weather, mood_before, mood_after, energy_level, rating, perceived_exertion, injuries_noted, notes, total_volume, estimated_calories, is_personal_record, is_template, template_name, parent_session_id, created_at, updated_at, deleted_at FROM activity_session;
DROP TABLE activity_session;
ALTER TABLE activity_session_new RENAME TO activity_session;
CREATE INDEX idx_session_user_date ON activity_session (user_id, started_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX idx_session_type_date ON activity_session (activity_type_id, started_at DESC);
CREATE INDEX idx_session_subtype ON activity_session (user_id, activity_subtype_id, started_at DESC) WHERE activity_subtype_id IS NOT NULL;
CREATE INDEX idx_session_templates ON activity_session (user_id, is_template) WHERE is_template = 1;
CREATE INDEX idx_session_local_date ON activity_session (user_id, local_date);
CREATE INDEX idx_session_parent ON activity_session (parent_session_id) WHERE parent_session_id IS NOT NULL;
CREATE TRIGGER activity_session_statistics_insert AFTER INSERT ON activity_session
WHEN NEW.deleted_at IS NULL AND NEW.is_template = 0
BEGIN
  INSERT INTO session_statistics_delta
    VALUES (1, NEW.user_id, NEW.local_date, NEW.started_at, NEW.duration_minutes, NEW.rating,
            NEW.estimated_calories, NEW.is_personal_record);
END;
CREATE TRIGGER activity_session_statistics_delete AFTER DELETE ON activity_session
WHEN OLD.deleted_at IS NULL AND OLD.is_template = 0
BEGIN
  INSERT INTO session_statistics_delta
    VALUES (-1, OLD.user_id, OLD.local_date, OLD.started_at, OLD.duration_minutes, OLD.rating,
            OLD.estimated_calories, OLD.is_personal_record);
END;
CREATE TRIGGER activity_session_statistics_update
AFTER UPDATE OF user_id, started_at, ended_at, utc_offset_seconds, is_template, deleted_at
ON activity_session
WHEN OLD.user_id IS NOT NEW.user_id OR OLD.started_at IS NOT NEW.started_at
  OR OLD.ended_at IS NOT NEW.ended_at OR OLD.utc_offset_seconds IS NOT NEW.utc_offset_seconds
  OR OLD.is_template IS NOT NEW.is_template OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
  INSERT INTO session_statistics_delta
    SELECT -1, OLD.user_id, OLD.local_date, OLD.started_at, OLD.duration_minutes, OLD.rating,
           OLD.estimated_calories, OLD.is_personal_record
    WHERE OLD.deleted_at IS NULL AND OLD.is_template = 0;
  INSERT INTO session_statistics_delta
    SELECT 1, NEW.user_id, NEW.local_date, NEW.started_at, NEW.duration_minutes, NEW.rating,
           NEW.estimated_calories, NEW.is_personal_record
    WHERE NEW.deleted_at IS NULL AND NEW.is_template = 0;
END;
CREATE TRIGGER activity_session_statistics_adjust
AFTER UPDATE OF rating, estimated_calories, is_personal_record ON activity_session
WHEN NEW.deleted_at IS NULL AND NEW.is_template = 0
  AND OLD.user_id IS NEW.user_id AND OLD.started_at IS NEW.started_at
  AND OLD.ended_at IS NEW.ended_at AND OLD.utc_offset_seconds IS NEW.utc_offset_seconds
  AND OLD.is_template IS NEW.is_template AND OLD.deleted_at IS NEW.deleted_at
  AND (OLD.rating IS NOT NEW.rating OR OLD.estimated_calories IS NOT NEW.estimated_calories
       OR OLD.is_personal_record IS NOT NEW.is_personal_record)
BEGIN
  UPDATE user_statistics SET
    rating_sum = rating_sum - coalesce (OLD.rating, 0) + coalesce (NEW.rating, 0),
    rating_count = rating_count - (OLD.rating IS NOT NULL) + (NEW.rating IS NOT NULL),
    calories_count = calories_count - (OLD.estimated_calories IS NOT NULL)
                     + (NEW.estimated_calories IS NOT NULL),
    total_calories = CASE WHEN calories_count - (OLD.estimated_calories IS NOT NULL)
                                 + (NEW.estimated_calories IS NOT NULL) = 0 THEN NULL
                          ELSE coalesce (total_calories, 0) - coalesce (OLD.estimated_calories, 0)
                               + coalesce (NEW.estimated_calories, 0) END,
    total_prs = total_prs - (OLD.is_personal_record = 1) + (NEW.is_personal_record = 1)
  WHERE user_id = NEW.user_id;
END;
CREATE TRIGGER activity_session_fts_insert AFTER INSERT ON activity_session
WHEN NEW.deleted_at IS NULL
BEGIN
  INSERT OR IGNORE INTO session_fts_queue (id) VALUES (NEW.id);
END;
CREATE TRIGGER activity_session_fts_delete AFTER DELETE ON activity_session
WHEN OLD.deleted_at IS NULL
BEGIN
  INSERT INTO session_fts (session_fts, rowid, owner, session_name, notes, location)
    SELECT 'delete', OLD.id, 'u' || OLD.user_id, OLD.session_name, OLD.notes, OLD.location
    WHERE NOT EXISTS (SELECT 1 FROM session_fts_queue WHERE id = OLD.id);
  DELETE FROM session_fts_queue WHERE id = OLD.id;
END;
CREATE TRIGGER activity_session_fts_update
AFTER UPDATE OF user_id, session_name, notes, location, deleted_at ON activity_session
BEGIN
  INSERT INTO session_fts (session_fts, rowid, owner, session_name, notes, location)
    SELECT 'delete', OLD.id, 'u' || OLD.user_id, OLD.session_name, OLD.notes, OLD.location
    WHERE OLD.deleted_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM session_fts_queue WHERE id = OLD.id);
  DELETE FROM session_fts_queue WHERE id = OLD.id AND NEW.deleted_at IS NOT NULL;
  INSERT OR IGNORE INTO session_fts_queue (id) SELECT NEW.id WHERE NEW.deleted_at IS NULL;
END;

-- session_media
CREATE TABLE session_media_new (
  id                INTEGER PRIMARY KEY,
  uuid              BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16) DEFAULT (CAST(
    randomblob(6)
    || substr(X'404142434445464748494A4B4C4D4E4F', 1 + (random() & 15), 1)  -- 0100xxxx: version 4
    || randomblob(1)
    -- 10xxxxxx: the variant
    || substr(X'808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9FA0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF', 1 + (random() & 63), 1)
    || randomblob(7) AS BLOB)),
  session_id        INTEGER REFERENCES activity_session (id) ON DELETE CASCADE,
  exercise_id       INTEGER REFERENCES activity_exercise (id) ON DELETE CASCADE,
  media_type        TEXT NOT NULL CHECK (media_type IN ('image', 'video', 'audio')),
  media_url         TEXT NOT NULL CHECK (length(media_url) <= 500),
  thumbnail_url     TEXT CHECK (thumbnail_url IS NULL OR length(thumbnail_url) <= 500),
  file_size_bytes   INTEGER CHECK (file_size_bytes IS NULL OR file_size_bytes >= 0),
  duration_seconds  INTEGER CHECK (duration_seconds IS NULL OR duration_seconds >= 0),
  caption           TEXT,
  tags              TEXT CHECK (tags IS NULL OR (json_valid(tags) AND json_type(tags) = 'array')),
  is_progress_photo INTEGER DEFAULT 0 CHECK (is_progress_photo IN (0, 1)),
  is_form_check     INTEGER DEFAULT 0 CHECK (is_form_check IN (0, 1)),
  created_at        INTEGER DEFAULT (unixepoch()),
  CHECK ((session_id IS NOT NULL AND exercise_id IS NULL) OR
         (session_id IS NULL AND exercise_id IS NOT NULL))
) STRICT;
INSERT INTO session_media_new (id, uuid, session_id, exercise_id, media_type, media_url, thumbnail_url, file_size_bytes, duration_seconds, caption, tags, is_progress_photo, is_form_check, created_at)
  SELECT id, at_uuid_blob (uuid), session_id, exercise_id, media_type, media_url, thumbnail_url, file_size_bytes, duration_seconds, caption, tags, is_progress_photo, is_form_check, created_at FROM session_media;
DROP TABLE session_media;
ALTER TABLE session_media_new RENAME TO session_media;
CREATE INDEX idx_media_session ON session_media (session_id, created_at DESC);
CREATE INDEX idx_media_exercise ON session_media (exercise_id);
CREATE INDEX idx_progress_photos ON session_media (session_id, created_at DESC) WHERE is_progress_photo = 1;

-- user_goal
CREATE TABLE user_goal_new (
  id                  INTEGER PRIMARY KEY,
  uuid                BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16) DEFAULT (CAST(
    randomblob(6)
    || substr(X'404142434445464748494A4B4C4D4E4F', 1 + (random() & 15), 1)  -- 0100xxxx: version 4
    || randomblob(1)
    -- 10xxxxxx: the variant
    || substr(X'808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9FA0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF', 1 + (random() & 63), 1)
    || randomblob(7) AS BLOB)),
  user_id             INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  goal_type_id        INTEGER NOT NULL REFERENCES goal_type (id) ON DELETE RESTRICT,
  activity_type_id    INTEGER REFERENCES activity_type (id) ON DELETE SET NULL,
  activity_subtype_id INTEGER REFERENCES activity_subtype (id) ON DELETE SET NULL,
  -- What a performance goal measures when it is not a 1RM (a metric of the
  -- activity type, e.g. 'distance'), and what a body-composition goal
  -- measures: the schema has neither link.
  metric_name         TEXT CHECK (metric_name IS NULL OR length(metric_name) <= 50),
  body_metric_type_id INTEGER REFERENCES body_metric_type (id) ON DELETE RESTRICT,
  title               TEXT NOT NULL CHECK (length(title) <= 200),
  description         TEXT,
  target_value        REAL,
  target_unit_id      INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
  current_value       REAL,
  start_date          TEXT NOT NULL CHECK (date(start_date, '+0 days') IS start_date),
  target_date         TEXT CHECK (target_date IS NULL OR date(target_date, '+0 days') IS target_date),
  frequency_per_week  INTEGER CHECK (frequency_per_week IS NULL OR frequency_per_week BETWEEN 1 AND 21),
  is_completed        INTEGER DEFAULT 0 CHECK (is_completed IN (0, 1)),
  completed_at        INTEGER,
  is_active           INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
  created_at          INTEGER DEFAULT (unixepoch()),
  updated_at          INTEGER DEFAULT (unixepoch())
) STRICT;
INSERT INTO user_goal_new (id, uuid, user_id, goal_type_id, activity_type_id, activity_subtype_id, metric_name, body_metric_type_id, title, description, target_value, target_unit_id, current_value, start_date, target_date, frequency_per_week, is_completed, completed_at, is_active, created_at, updated_at)
  SELECT id, at_uuid_blob (uuid), user_id, goal_type_id, activity_type_id, activity_subtype_id, metric_name, body_metric_type_id, title, description, target_value, target_unit_id, current_value, start_date, target_date, frequency_per_week, is_completed, completed_at, is_active, created_at, updated_at FROM user_goal;
DROP TABLE user_goal;
ALTER TABLE user_goal_new RENAME TO user_goal;
CREATE INDEX idx_user_goals ON user_goal (user_id, is_active, target_date);
CREATE INDEX idx_goal_type ON user_goal (goal_type_id, is_active);

-- goal_milestone
CREATE TABLE goal_milestone_new (
  id           INTEGER PRIMARY KEY,
  uuid         BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16) DEFAULT (CAST(
    randomblob(6)
    || substr(X'404142434445464748494A4B4C4D4E4F', 1 + (random() & 15), 1)  -- 0100xxxx: version 4
    || randomblob(1)
    -- 10xxxxxx: the variant
    || substr(X'808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9FA0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF', 1 + (random() & 63), 1)
    || randomblob(7) AS BLOB)),
  goal_id      INTEGER NOT NULL REFERENCES user_goal (id) ON DELETE CASCADE,
  title        TEXT NOT NULL CHECK (length(title) <= 200),
  target_value REAL,
  achieved_at  INTEGER,
  is_achieved  INTEGER DEFAULT 0 CHECK (is_achieved IN (0, 1)),
  created_at   INTEGER DEFAULT (unixepoch())
) STRICT;
INSERT INTO goal_milestone_new (id, uuid, goal_id, title, target_value, achieved_at, is_achieved, created_at)
  SELECT id, at_uuid_blob (uuid), goal_id, title, target_value, achieved_at, is_achieved, created_at FROM goal_milestone;
DROP TABLE goal_milestone;
ALTER TABLE goal_milestone_new RENAME TO goal_milestone;
CREATE INDEX idx_milestone_goal ON goal_milestone (goal_id, is_achieved);

-- personal_record
CREATE TABLE personal_record_new (
  id                    INTEGER PRIMARY KEY,
  uuid                  BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16) DEFAULT (CAST(
    randomblob(6)
    || substr(X'404142434445464748494A4B4C4D4E4F', 1 + (random() & 15), 1)  -- 0100xxxx: version 4
    || randomblob(1)
    -- 10xxxxxx: the variant
    || substr(X'808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9FA0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF', 1 + (random() & 63), 1)
    || randomblob(7) AS BLOB)),
  user_id               INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  activity_subtype_id   INTEGER NOT NULL REFERENCES activity_subtype (id) ON DELETE RESTRICT,
  record_type           TEXT NOT NULL CHECK (record_type IN ('1rm', 'max_weight', 'max_reps', 'max_volume')),
  record_value          REAL NOT NULL,
  unit_id               INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
  session_id            INTEGER NOT NULL REFERENCES activity_session (id) ON DELETE CASCADE,
  exercise_id           INTEGER REFERENCES activity_exercise (id) ON DELETE SET NULL,
  previous_record_value REAL,
  achieved_at           INTEGER NOT NULL DEFAULT (unixepoch()),
  notes                 TEXT,
  created_at            INTEGER DEFAULT (unixepoch()),
  UNIQUE (user_id, activity_subtype_id, record_type)
) STRICT;
INSERT INTO personal_record_new (id, uuid, user_id, activity_subtype_id, record_type, record_value, unit_id, session_id, exercise_id, previous_record_value, achieved_at, notes, created_at)
  SELECT id, at_uuid_blob (uuid), user_id, activity_subtype_id, record_type, record_value, unit_id, session_id, exercise_id, previous_record_value, achieved_at, notes, created_at FROM personal_record;
DROP TABLE personal_record;
ALTER TABLE personal_record_new RENAME TO personal_record;
CREATE INDEX idx_pr_achieved ON personal_record (user_id, achieved_at DESC);
CREATE INDEX idx_pr_subtype ON personal_record (activity_subtype_id, record_value DESC);
CREATE INDEX idx_pr_session ON personal_record (session_id);
CREATE INDEX idx_pr_exercise ON personal_record (exercise_id) WHERE exercise_id IS NOT NULL;

-- user_body_metric
CREATE TABLE user_body_metric_new (
  id             INTEGER PRIMARY KEY,
  uuid           BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16) DEFAULT (CAST(
    randomblob(6)
    || substr(X'404142434445464748494A4B4C4D4E4F', 1 + (random() & 15), 1)  -- 0100xxxx: version 4
    || randomblob(1)
    -- 10xxxxxx: the variant
    || substr(X'808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9FA0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF', 1 + (random() & 63), 1)
    || randomblob(7) AS BLOB)),
  user_id        INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  metric_type_id INTEGER NOT NULL REFERENCES body_metric_type (id) ON DELETE RESTRICT,
  value          REAL NOT NULL,
  unit_id        INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
  measured_at    INTEGER NOT NULL DEFAULT (unixepoch()),
  notes          TEXT,
  created_at     INTEGER DEFAULT (unixepoch())
) STRICT;
INSERT INTO user_body_metric_new (id, uuid, user_id, metric_type_id, value, unit_id, measured_at, notes, created_at)
  SELECT id, at_uuid_blob (uuid), user_id, metric_type_id, value, unit_id, measured_at, notes, created_at FROM user_body_metric;
DROP TABLE user_body_metric;
ALTER TABLE user_body_metric_new RENAME TO user_body_metric;
CREATE INDEX idx_body_metrics ON user_body_metric (user_id, metric_type_id, measured_at DESC);

-- workout_program
CREATE TABLE workout_program_new (
  id                INTEGER PRIMARY KEY,
  uuid              BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16) DEFAULT (CAST(
    randomblob(6)
    || substr(X'404142434445464748494A4B4C4D4E4F', 1 + (random() & 15), 1)  -- 0100xxxx: version 4
    || randomblob(1)
    -- 10xxxxxx: the variant
    || substr(X'808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9FA0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF', 1 + (random() & 63), 1)
    || randomblob(7) AS BLOB)),
  creator_id        INTEGER REFERENCES app_user (id) ON DELETE SET NULL,
  name              TEXT NOT NULL CHECK (length(name) <= 200),
  description       TEXT,
  difficulty_level  TEXT CHECK (difficulty_level IN ('beginner', 'intermediate', 'advanced')),
  duration_weeks    INTEGER CHECK (duration_weeks IS NULL OR duration_weeks > 0),
  sessions_per_week INTEGER CHECK (sessions_per_week IS NULL OR sessions_per_week > 0),
  category_id       INTEGER REFERENCES activity_category (id) ON DELETE RESTRICT,
  is_public         INTEGER DEFAULT 0 CHECK (is_public IN (0, 1)),
  is_official       INTEGER DEFAULT 0 CHECK (is_official IN (0, 1)),
  tags              TEXT CHECK (tags IS NULL OR (json_valid(tags) AND json_type(tags) = 'array')),
  thumbnail_url     TEXT CHECK (thumbnail_url IS NULL OR length(thumbnail_url) <= 500),
  created_at        INTEGER DEFAULT (unixepoch()),
  updated_at        INTEGER DEFAULT (unixepoch()),
  deleted_at        INTEGER
) STRICT;
INSERT INTO workout_program_new (id, uuid, creator_id, name, description, difficulty_level, duration_weeks, sessions_per_week, category_id, is_public, is_official, tags, thumbnail_url, created_at, updated_at, deleted_at)
  SELECT id, at_uuid_blob (uuid), creator_id, name, description, difficulty_level, duration_weeks, sessions_per_week, category_id, is_public, is_official, tags, thumbnail_url, created_at, updated_at, deleted_at FROM workout_program;
DROP TABLE workout_program;
ALTER TABLE workout_program_new RENAME TO workout_program;
CREATE INDEX idx_programs_public ON workout_program (is_public, is_official) WHERE deleted_at IS NULL;
CREATE INDEX idx_program_creator ON workout_program (creator_id);
CREATE TRIGGER workout_program_fts_insert AFTER INSERT ON workout_program
WHEN NEW.deleted_at IS NULL
BEGIN
  INSERT INTO program_fts (rowid, name, description, tags)
    VALUES (NEW.id, NEW.name, NEW.description, NEW.tags);
END;
CREATE TRIGGER workout_program_fts_delete AFTER DELETE ON workout_program
WHEN OLD.deleted_at IS NULL
BEGIN
  INSERT INTO program_fts (program_fts, rowid, name, description, tags)
    VALUES ('delete', OLD.id, OLD.name, OLD.description, OLD.tags);
END;
CREATE TRIGGER workout_program_fts_update
AFTER UPDATE OF name, description, tags, deleted_at ON workout_program
BEGIN
  INSERT INTO program_fts (program_fts, rowid, name, description, tags)
    SELECT 'delete', OLD.id, OLD.name, OLD.description, OLD.tags WHERE OLD.deleted_at IS NULL;
  INSERT INTO program_fts (rowid, name, description, tags)
    SELECT NEW.id, NEW.name, NEW.description, NEW.tags WHERE NEW.deleted_at IS NULL;
END;

-- program_session_template
CREATE TABLE program_session_template_new (
  id                         INTEGER PRIMARY KEY,
  uuid                       BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16) DEFAULT (CAST(
    randomblob(6)
    || substr(X'404142434445464748494A4B4C4D4E4F', 1 + (random() & 15), 1)  -- 0100xxxx: version 4
    || randomblob(1)
    -- 10xxxxxx: the variant
    || substr(X'808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9FA0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF', 1 + (random() & 63), 1)
    || randomblob(7) AS BLOB)),
  program_id                 INTEGER NOT NULL REFERENCES workout_program (id) ON DELETE CASCADE,
  week_number                INTEGER NOT NULL CHECK (week_number >= 1),
  day_number                 INTEGER NOT NULL CHECK (day_number BETWEEN 1 AND 7),
  session_name               TEXT CHECK (session_name IS NULL OR length(session_name) <= 200),
  description                TEXT,
  activity_type_id           INTEGER NOT NULL REFERENCES activity_type (id) ON DELETE RESTRICT,
  estimated_duration_minutes INTEGER CHECK (estimated_duration_minutes IS NULL OR estimated_duration_minutes >= 0),
  display_order              INTEGER DEFAULT 0,
  created_at                 INTEGER DEFAULT (unixepoch())
) STRICT;
INSERT INTO program_session_template_new (id, uuid, program_id, week_number, day_number, session_name, description, activity_type_id, estimated_duration_minutes, display_order, created_at)
  SELECT id, at_uuid_blob (uuid), program_id, week_number, day_number, session_name, description, activity_type_id, estimated_duration_minutes, display_order, created_at FROM program_session_template;
DROP TABLE program_session_template;
ALTER TABLE program_session_template_new RENAME TO program_session_template;
CREATE INDEX idx_program_sessions ON program_session_template (program_id, week_number, day_number);

-- program_exercise_template
CREATE TABLE program_exercise_template_new (
  id                  INTEGER PRIMARY KEY,
  uuid                BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16) DEFAULT (CAST(
    randomblob(6)
    || substr(X'404142434445464748494A4B4C4D4E4F', 1 + (random() & 15), 1)  -- 0100xxxx: version 4
    || randomblob(1)
    -- 10xxxxxx: the variant
    || substr(X'808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9FA0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF', 1 + (random() & 63), 1)
    || randomblob(7) AS BLOB)),
  session_template_id INTEGER NOT NULL REFERENCES program_session_template (id) ON DELETE CASCADE,
  activity_subtype_id INTEGER REFERENCES activity_subtype (id) ON DELETE RESTRICT,
  exercise_order      INTEGER NOT NULL,
  target_sets         INTEGER CHECK (target_sets IS NULL OR target_sets > 0),
  target_reps         INTEGER CHECK (target_reps IS NULL OR target_reps > 0),
  target_weight_pct   REAL CHECK (target_weight_pct IS NULL OR (target_weight_pct >= 0 AND target_weight_pct < 1000)),
  rest_seconds        INTEGER CHECK (rest_seconds IS NULL OR rest_seconds >= 0),
  notes               TEXT,
  created_at          INTEGER DEFAULT (unixepoch())
) STRICT;
INSERT INTO program_exercise_template_new (id, uuid, session_template_id, activity_subtype_id, exercise_order, target_sets, target_reps, target_weight_pct, rest_seconds, notes, created_at)
  SELECT id, at_uuid_blob (uuid), session_template_id, activity_subtype_id, exercise_order, target_sets, target_reps, target_weight_pct, rest_seconds, notes, created_at FROM program_exercise_template;
DROP TABLE program_exercise_template;
ALTER TABLE program_exercise_template_new RENAME TO program_exercise_template;
CREATE INDEX idx_template_exercises ON program_exercise_template (session_template_id, exercise_order);

-- user_program_enrollment
CREATE TABLE user_program_enrollment_new (
  id           INTEGER PRIMARY KEY,
  uuid         BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16) DEFAULT (CAST(
    randomblob(6)
    || substr(X'404142434445464748494A4B4C4D4E4F', 1 + (random() & 15), 1)  -- 0100xxxx: version 4
    || randomblob(1)
    -- 10xxxxxx: the variant
    || substr(X'808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9FA0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF', 1 + (random() & 63), 1)
    || randomblob(7) AS BLOB)),
  user_id      INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  program_id   INTEGER NOT NULL REFERENCES workout_program (id) ON DELETE CASCADE,
  start_date   TEXT NOT NULL CHECK (date(start_date, '+0 days') IS start_date),
  current_week INTEGER DEFAULT 1 CHECK (current_week >= 1),
  current_day  INTEGER DEFAULT 1 CHECK (current_day >= 1),
  is_active    INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
  completed_at INTEGER,
  created_at   INTEGER DEFAULT (unixepoch())
) STRICT;
INSERT INTO user_program_enrollment_new (id, uuid, user_id, program_id, start_date, current_week, current_day, is_active, completed_at, created_at)
  SELECT id, at_uuid_blob (uuid), user_id, program_id, start_date, current_week, current_day, is_active, completed_at, created_at FROM user_program_enrollment;
DROP TABLE user_program_enrollment;
ALTER TABLE user_program_enrollment_new RENAME TO user_program_enrollment;
CREATE INDEX idx_user_enrollments ON user_program_enrollment (user_id, is_active);
CREATE INDEX idx_program_enrollments ON user_program_enrollment (program_id, is_active);

-- user_achievement
CREATE TABLE user_achievement_new (
  id                  INTEGER PRIMARY KEY,
  uuid                BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16) DEFAULT (CAST(
    randomblob(6)
    || substr(X'404142434445464748494A4B4C4D4E4F', 1 + (random() & 15), 1)  -- 0100xxxx: version 4
    || randomblob(1)
    -- 10xxxxxx: the variant
    || substr(X'808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9FA0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF', 1 + (random() & 63), 1)
    || randomblob(7) AS BLOB)),
  user_id             INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  achievement_type_id INTEGER NOT NULL REFERENCES achievement_type (id) ON DELETE RESTRICT,
  earned_at           INTEGER NOT NULL DEFAULT (unixepoch()),
  related_session_id  INTEGER REFERENCES activity_session (id) ON DELETE SET NULL,
  progress_value      REAL,
  created_at          INTEGER DEFAULT (unixepoch()),
  UNIQUE (user_id, achievement_type_id)
) STRICT;
INSERT INTO user_achievement_new (id, uuid, user_id, achievement_type_id, earned_at, related_session_id, progress_value, created_at)
  SELECT id, at_uuid_blob (uuid), user_id, achievement_type_id, earned_at, related_session_id, progress_value, created_at FROM user_achievement;
DROP TABLE user_achievement;
ALTER TABLE user_achievement_new RENAME TO user_achievement;
CREATE INDEX idx_user_achievements ON user_achievement (user_id, earned_at DESC);

-- user_streak
CREATE TABLE user_streak_new (
  id                  INTEGER PRIMARY KEY,
  uuid                BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16) DEFAULT (CAST(
    randomblob(6)
    || substr(X'404142434445464748494A4B4C4D4E4F', 1 + (random() & 15), 1)  -- 0100xxxx: version 4
    || randomblob(1)
    -- 10xxxxxx: the variant
    || substr(X'808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9FA0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF', 1 + (random() & 63), 1)
    || randomblob(7) AS BLOB)),
  user_id             INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  activity_type_id    INTEGER REFERENCES activity_type (id) ON DELETE RESTRICT,
  current_streak_days INTEGER DEFAULT 0 CHECK (current_streak_days >= 0),
  longest_streak_days INTEGER DEFAULT 0 CHECK (longest_streak_days >= 0),
  last_activity_date  TEXT CHECK (last_activity_date IS NULL OR date(last_activity_date, '+0 days') IS last_activity_date),
  created_at          INTEGER DEFAULT (unixepoch()),
  updated_at          INTEGER DEFAULT (unixepoch()),
  UNIQUE (user_id, activity_type_id)
) STRICT;
INSERT INTO user_streak_new (id, uuid, user_id, activity_type_id, current_streak_days, longest_streak_days, last_activity_date, created_at, updated_at)
  SELECT id, at_uuid_blob (uuid), user_id, activity_type_id, current_streak_days, longest_streak_days, last_activity_date, created_at, updated_at FROM user_streak;
DROP TABLE user_streak;
ALTER TABLE user_streak_new RENAME TO user_streak;
CREATE UNIQUE INDEX idx_streak_overall ON user_streak (user_id) WHERE activity_type_id IS NULL;
CREATE INDEX idx_user_streaks ON user_streak (user_id, current_streak_days DESC);
CREATE INDEX idx_streak_activity ON user_streak (activity_type_id);

-- user_relationship
CREATE TABLE user_relationship_new (
  id           INTEGER PRIMARY KEY,
  uuid         BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16) DEFAULT (CAST(
    randomblob(6)
    || substr(X'404142434445464748494A4B4C4D4E4F', 1 + (random() & 15), 1)  -- 0100xxxx: version 4
    || randomblob(1)
    -- 10xxxxxx: the variant
    || substr(X'808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9FA0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF', 1 + (random() & 63), 1)
    || randomblob(7) AS BLOB)),
  follower_id  INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  following_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at   INTEGER DEFAULT (unixepoch()),
  UNIQUE (follower_id, following_id),
  CHECK (follower_id <> following_id)
) STRICT;
INSERT INTO user_relationship_new (id, uuid, follower_id, following_id, created_at)
  SELECT id, at_uuid_blob (uuid), follower_id, following_id, created_at FROM user_relationship;
DROP TABLE user_relationship;
ALTER TABLE user_relationship_new RENAME TO user_relationship;
CREATE INDEX idx_followers ON user_relationship (following_id);

-- session_share
CREATE TABLE session_share_new (
  id                INTEGER PRIMARY KEY,
  uuid              BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16) DEFAULT (CAST(
    randomblob(6)
    || substr(X'404142434445464748494A4B4C4D4E4F', 1 + (random() & 15), 1)  -- 0100xxxx: version 4
    || randomblob(1)
    -- 10xxxxxx: the variant
    || substr(X'808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9FA0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF', 1 + (random() & 63), 1)
    || randomblob(7) AS BLOB)),
  session_id        INTEGER NOT NULL REFERENCES activity_session (id) ON DELETE CASCADE,
  shared_by_user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  visibility        TEXT DEFAULT 'friends' CHECK (visibility IN ('public', 'friends', 'private')),
  share_message     TEXT,
  created_at        INTEGER DEFAULT (unixepoch())
) STRICT;
INSERT INTO session_share_new (id, uuid, session_id, shared_by_user_id, visibility, share_message, created_at)
  SELECT id, at_uuid_blob (uuid), session_id, shared_by_user_id, visibility, share_message, created_at FROM session_share;
DROP TABLE session_share;
ALTER TABLE session_share_new RENAME TO session_share;
CREATE INDEX idx_session_shares ON session_share (shared_by_user_id, visibility, created_at DESC);
CREATE INDEX idx_shared_session ON session_share (session_id);

-- session_comment
CREATE TABLE session_comment_new (
  id           INTEGER PRIMARY KEY,
  uuid         BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16) DEFAULT (CAST(
    randomblob(6)
    || substr(X'404142434445464748494A4B4C4D4E4F', 1 + (random() & 15), 1)  -- 0100xxxx: version 4
    || randomblob(1)
    -- 10xxxxxx: the variant
    || substr(X'808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9FA0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF', 1 + (random() & 63), 1)
    || randomblob(7) AS BLOB)),
  session_id   INTEGER NOT NULL REFERENCES activity_session (id) ON DELETE CASCADE,
  user_id      INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  comment_text TEXT NOT NULL CHECK (length(comment_text) > 0),
  created_at   INTEGER DEFAULT (unixepoch()),
  updated_at   INTEGER DEFAULT (unixepoch()),
  deleted_at   INTEGER
) STRICT;
INSERT INTO session_comment_new (id, uuid, session_id, user_id, comment_text, created_at, updated_at, deleted_at)
  SELECT id, at_uuid_blob (uuid), session_id, user_id, comment_text, created_at, updated_at, deleted_at FROM session_comment;
DROP TABLE session_comment;
ALTER TABLE session_comment_new RENAME TO session_comment;
CREATE INDEX idx_session_comments ON session_comment (session_id, created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX idx_user_comments ON session_comment (user_id, created_at DESC);

-- session_like
CREATE TABLE session_like_new (
  id         INTEGER PRIMARY KEY,
  uuid       BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16) DEFAULT (CAST(
    randomblob(6)
    || substr(X'404142434445464748494A4B4C4D4E4F', 1 + (random() & 15), 1)  -- 0100xxxx: version 4
    || randomblob(1)
    -- 10xxxxxx: the variant
    || substr(X'808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9FA0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF', 1 + (random() & 63), 1)
    || randomblob(7) AS BLOB)),
  session_id INTEGER NOT NULL REFERENCES activity_session (id) ON DELETE CASCADE,
  user_id    INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at INTEGER DEFAULT (unixepoch()),
  UNIQUE (session_id, user_id)
) STRICT;
INSERT INTO session_like_new (id, uuid, session_id, user_id, created_at)
  SELECT id, at_uuid_blob (uuid), session_id, user_id, created_at FROM session_like;
DROP TABLE session_like;
ALTER TABLE session_like_new RENAME TO session_like;
CREATE INDEX idx_user_likes ON session_like (user_id, created_at DESC);
