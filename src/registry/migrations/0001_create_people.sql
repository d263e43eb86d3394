-- 实有人口. ID numbers and phones are kept only encrypted (*_enc, key file outside the database),
-- with an HMAC blind index for exact lookup (*_index) and the mask lists show (*_mask).
-- A person is seen by the scope holding their residence (居住地) or their registration (户籍地).
CREATE TABLE people (
  id {{id_pk}},
  name TEXT NOT NULL,
  name_initials TEXT NOT NULL,
  id_number_enc TEXT,
  id_number_index TEXT UNIQUE,
  id_number_mask TEXT NOT NULL,
  birth_date TEXT,
  sex TEXT NOT NULL,
  phone_enc TEXT,
  phone_index TEXT,
  phone_mask TEXT NOT NULL,
  ethnicity TEXT NOT NULL,
  hukou_address TEXT NOT NULL,
  hukou_code {{code}} REFERENCES regions (code),
  residence_code {{code}} NOT NULL REFERENCES regions (code),
  residence_type TEXT NOT NULL,
  employment TEXT NOT NULL,
  education TEXT NOT NULL,
  political_status TEXT NOT NULL,
  photo_ref TEXT NOT NULL,
  status TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX people_residence ON people (residence_code, birth_date);
CREATE INDEX people_hukou ON people (hukou_code);
CREATE INDEX people_birth ON people (birth_date);
CREATE INDEX people_phone ON people (phone_index);
CREATE INDEX people_initials ON people (name_initials);

-- Births, moves and deaths: what happened to a person, dated, never an overwrite.
CREATE TABLE person_events (
  id {{id_pk}},
  person_id BIGINT NOT NULL REFERENCES people (id),
  kind TEXT NOT NULL,
  occurred_on TEXT NOT NULL,
  from_code {{code}},
  to_code {{code}},
  place TEXT NOT NULL,
  note TEXT NOT NULL,
  recorded_by BIGINT,
  recorded_by_name TEXT NOT NULL,
  recorded_at BIGINT NOT NULL
);
CREATE INDEX person_events_person ON person_events (person_id, id);

-- Every field change of every registry record: who, when, old and new (masks for protected
-- fields, never clear values).
CREATE TABLE registry_changes (
  id {{id_pk}},
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  actor_id BIGINT,
  actor_name TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX registry_changes_entity ON registry_changes (entity, entity_id, id);
