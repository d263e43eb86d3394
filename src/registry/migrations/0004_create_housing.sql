-- 实有房屋: what a community knows of a dwelling of the tree, and who owns, shares or rents it.
-- Shared ownership (产权共有) lists each owner with a share, the government's included.
CREATE TABLE housing (
  dwelling_code {{code}} PRIMARY KEY REFERENCES regions (code),
  area_m2 DOUBLE PRECISION,
  use TEXT NOT NULL,
  ownership TEXT NOT NULL,
  occupancy TEXT NOT NULL,
  certificate_number TEXT NOT NULL,
  note TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE housing_parties (
  id {{id_pk}},
  dwelling_code {{code}} NOT NULL REFERENCES housing (dwelling_code),
  role TEXT NOT NULL,
  person_id BIGINT REFERENCES people (id),
  party_name TEXT NOT NULL,
  share_percent DOUBLE PRECISION,
  started_on TEXT NOT NULL,
  ended_on TEXT,
  end_reason TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX housing_parties_dwelling ON housing_parties (dwelling_code, ended_on);
CREATE INDEX housing_parties_person ON housing_parties (person_id);
