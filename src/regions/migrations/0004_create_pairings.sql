-- 包联: departments and units (县直单位) paired with compounds, and their cadres paired with
-- households. A pairing that ends stays, with its dates and reason, as history.
CREATE TABLE pairings (
  id {{id_pk}},
  kind TEXT NOT NULL,
  unit_name TEXT NOT NULL,
  cadre_user_id BIGINT REFERENCES users (id),
  cadre_name TEXT NOT NULL,
  region_code {{code}} NOT NULL REFERENCES regions (code),
  started_at BIGINT NOT NULL,
  ended_at BIGINT,
  end_reason TEXT NOT NULL
);
CREATE INDEX pairings_region ON pairings (region_code, ended_at);
