-- The workflow of an event: who handles it (派遣 hands it to a handler; the dispatcher verifies),
-- the grid it falls in, which stage of its category's time limits runs and since when, when the
-- deadline watch must look at it next (warning before the due time, 黄牌/红牌 after), the 督办 mark,
-- an extension asked for, where a duplicate was merged, and the times and rating the KPIs count.
ALTER TABLE events ADD COLUMN handler_id BIGINT;
ALTER TABLE events ADD COLUMN handler_name TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN dispatcher_id BIGINT;
ALTER TABLE events ADD COLUMN department TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN grid_id BIGINT;
ALTER TABLE events ADD COLUMN stage_index INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN stage_started_at BIGINT;
ALTER TABLE events ADD COLUMN warn_at BIGINT;
ALTER TABLE events ADD COLUMN next_check_at BIGINT;
ALTER TABLE events ADD COLUMN alert_level INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN supervision TEXT NOT NULL DEFAULT 'normal';
ALTER TABLE events ADD COLUMN ever_overdue INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN previous_state TEXT;
ALTER TABLE events ADD COLUMN extension_until BIGINT;
ALTER TABLE events ADD COLUMN extension_by BIGINT;
ALTER TABLE events ADD COLUMN merged_into BIGINT;
ALTER TABLE events ADD COLUMN accepted_at BIGINT;
ALTER TABLE events ADD COLUMN resolved_at BIGINT;
ALTER TABLE events ADD COLUMN finished_at BIGINT;
ALTER TABLE events ADD COLUMN satisfaction TEXT;
ALTER TABLE events ADD COLUMN satisfaction_comment TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN reopen_count INTEGER NOT NULL DEFAULT 0;

-- Open work by holder and due time (my list), the deadline watch's queue, duplicates by
-- category and time, KPIs by report time.
CREATE INDEX events_open_owner_due ON events (owner_id, due_at) WHERE finished_at IS NULL;
CREATE INDEX events_next_check ON events (next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX events_category_reported ON events (category_code, reported_at);
CREATE INDEX events_reported ON events (reported_at);

-- 吹哨报到: a street summons departments to an event; each checks in within the limit and says
-- what it will do.
CREATE TABLE event_summons (
  id {{id_pk}},
  event_id BIGINT NOT NULL REFERENCES events (id),
  department_user_id BIGINT NOT NULL,
  department_name TEXT NOT NULL,
  summoned_by BIGINT,
  summoned_by_name TEXT NOT NULL,
  note TEXT NOT NULL,
  summoned_at BIGINT NOT NULL,
  due_at BIGINT NOT NULL,
  checked_in_at BIGINT,
  response TEXT NOT NULL DEFAULT '',
  alerted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX event_summons_event ON event_summons (event_id, id);
CREATE INDEX event_summons_waiting ON event_summons (due_at) WHERE checked_in_at IS NULL AND alerted = 0;

-- The rules of the deadline watch, edited by administrators: warn when this share of a stage's
-- time has passed; 黄牌 and 红牌 this many minutes after the due time; whether an event nobody
-- has been sent to yet goes one level up when it falls overdue; 吹哨报到's check-in limit.
CREATE TABLE event_settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO event_settings VALUES ('warn_ratio', '0.8');
INSERT INTO event_settings VALUES ('yellow_after_minutes', '0');
INSERT INTO event_settings VALUES ('red_after_minutes', '1440');
INSERT INTO event_settings VALUES ('auto_escalate', 'true');
INSERT INTO event_settings VALUES ('summons_minutes', '30');

-- Files of the timeline entries that carry them.
ALTER TABLE event_timeline ADD COLUMN detail TEXT NOT NULL DEFAULT '';
