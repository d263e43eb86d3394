-- Who did what to which object, when, from where, and whether it worked (等保 2.0 §8.1.4 安全审计).
CREATE TABLE audit_log (
  id {{id_pk}},
  at BIGINT NOT NULL,
  actor_id BIGINT,
  actor_name TEXT NOT NULL,
  actor_role TEXT,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT,
  region_code TEXT,
  result TEXT NOT NULL,
  ip TEXT,
  detail TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_name, at);
CREATE INDEX audit_log_action ON audit_log (action, at);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);
