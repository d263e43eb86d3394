-- Open311 clients and their API keys. Only the SHA-256 of a key is kept; the key itself is shown
-- once, when it is issued. A key files requests inside its scope (a region code) and reads every
-- event there. Revoked keys stay, as history.
CREATE TABLE open311_api_keys (
  id {{id_pk}},
  name TEXT NOT NULL UNIQUE,
  scope_code {{code}} NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);

-- What a client sent with a request that the event does not hold: the key that filed it and the
-- media URLs (one a line). Contact details (email, phone, device and account ids) are not kept.
CREATE TABLE open311_requests (
  event_id BIGINT PRIMARY KEY REFERENCES events (id),
  api_key_id BIGINT NOT NULL REFERENCES open311_api_keys (id),
  media_url TEXT NOT NULL
);
