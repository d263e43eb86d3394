-- 户: a household at a dwelling, its members with their relation to the head (joined and left
-- dated, never deleted), and its ledger (户情台账) of dated entries for dynamic monitoring.
CREATE TABLE households (
  id {{id_pk}},
  number TEXT NOT NULL,
  kind TEXT NOT NULL,
  dwelling_code {{code}} NOT NULL REFERENCES regions (code),
  head_person_id BIGINT REFERENCES people (id),
  status TEXT NOT NULL,
  note TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX households_dwelling ON households (dwelling_code);

CREATE TABLE household_members (
  id {{id_pk}},
  household_id BIGINT NOT NULL REFERENCES households (id),
  person_id BIGINT NOT NULL REFERENCES people (id),
  relation TEXT NOT NULL,
  joined_on TEXT NOT NULL,
  left_on TEXT,
  left_reason TEXT NOT NULL
);
CREATE INDEX household_members_household ON household_members (household_id, left_on);
CREATE INDEX household_members_person ON household_members (person_id, left_on);

CREATE TABLE household_ledger (
  id {{id_pk}},
  household_id BIGINT NOT NULL REFERENCES households (id),
  person_id BIGINT REFERENCES people (id),
  category TEXT NOT NULL,
  item TEXT NOT NULL,
  amount DOUBLE PRECISION,
  unit TEXT NOT NULL,
  period TEXT NOT NULL,
  entry_date TEXT NOT NULL,
  note TEXT NOT NULL,
  recorded_by BIGINT,
  recorded_by_name TEXT NOT NULL,
  recorded_at BIGINT NOT NULL
);
CREATE INDEX household_ledger_household ON household_ledger (household_id, entry_date);
