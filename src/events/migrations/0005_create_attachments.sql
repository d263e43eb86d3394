-- Photos and documents of an event (现场照片, 处置前后对比): the file is kept on disk under its
-- SHA-256, so a photo sent twice is stored once; this row says whose it is, what it is and which
-- timeline entry carried it.
CREATE TABLE event_attachments (
  id {{id_pk}},
  event_id BIGINT NOT NULL REFERENCES events (id),
  timeline_id BIGINT REFERENCES event_timeline (id),
  sha256 TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  file_name TEXT NOT NULL,
  uploaded_by BIGINT,
  uploaded_by_name TEXT NOT NULL,
  uploaded_at BIGINT NOT NULL
);
CREATE INDEX event_attachments_event ON event_attachments (event_id, id);
