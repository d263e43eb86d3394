-- Events (事件): what someone reported, where, of which category, who holds it now (首问负责: the
-- staff member who received it until it is handed over), its state and the due time of its
-- current stage. The reference people quote is the community's code, the day and a sequence:
-- 610921103002-20261122-0007.
CREATE TABLE events (
  id {{id_pk}},
  reference TEXT NOT NULL UNIQUE,
  category_code TEXT NOT NULL REFERENCES event_categories (code),
  region_code {{code}} NOT NULL REFERENCES regions (code),
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  source TEXT NOT NULL,
  reporter_id BIGINT,
  reporter_name TEXT NOT NULL,
  anonymous INTEGER NOT NULL,
  state TEXT NOT NULL,
  level TEXT NOT NULL,
  owner_id BIGINT,
  owner_name TEXT NOT NULL,
  reported_at BIGINT NOT NULL,
  due_at BIGINT,
  version INTEGER NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX events_region_due ON events (region_code, due_at);
CREATE INDEX events_owner_due ON events (owner_id, due_at);
CREATE INDEX events_reporter ON events (reporter_id, reported_at);

-- The last sequence number given in a community on a day, for references.
CREATE TABLE event_sequences (
  community_code TEXT NOT NULL,
  day TEXT NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (community_code, day)
);

-- Every step of an event: who, when, what, with a note.
CREATE TABLE event_timeline (
  id {{id_pk}},
  event_id BIGINT NOT NULL REFERENCES events (id),
  at BIGINT NOT NULL,
  actor_id BIGINT,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT NOT NULL,
  note TEXT NOT NULL
);
CREATE INDEX event_timeline_event ON event_timeline (event_id, id);
