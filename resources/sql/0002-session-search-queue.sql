-- Sessions reach the full-text index at the commit, all of a transaction's
-- at once.
--
-- FTS5 writes the words it holds in memory out as a new segment whenever a
-- statement of the transaction opens or closes a savepoint, and every
-- insert into activity_session does, for its triggers. Written from the
-- insert trigger, each session became a segment of its own, later merged:
-- a ninth of the work of saving a session. Now the trigger only queues the
-- session's id, and the store's commit indexes the queued sessions with one
-- statement (at_store_commit), so a transaction writes one segment. Outside
-- a transaction of the store the queue is empty: what plain SQL from
-- elsewhere leaves in it is indexed when the store next opens the file,
-- and at_store_check reports it until then.
--
-- A queued session is not in session_fts yet, so the triggers that take
-- a session out of the index take it out of the queue instead.

CREATE TABLE session_fts_queue (
  id INTEGER PRIMARY KEY
) STRICT;

DROP TRIGGER activity_session_fts_insert;
DROP TRIGGER activity_session_fts_delete;
DROP TRIGGER activity_session_fts_update;

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
