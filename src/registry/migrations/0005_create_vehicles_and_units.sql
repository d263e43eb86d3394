-- 实有车辆: plates in the GA 36 form, owner and the dwelling they are kept at, parking permit.
CREATE TABLE vehicles (
  id {{id_pk}},
  plate TEXT NOT NULL UNIQUE,
  plate_kind TEXT NOT NULL,
  vehicle_type TEXT NOT NULL,
  brand TEXT NOT NULL,
  color TEXT NOT NULL,
  owner_person_id BIGINT REFERENCES people (id),
  owner_name TEXT NOT NULL,
  region_code {{code}} NOT NULL REFERENCES regions (code),
  permit_number TEXT NOT NULL,
  permit_valid_until TEXT,
  status TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX vehicles_region ON vehicles (region_code);
CREATE INDEX vehicles_owner ON vehicles (owner_person_id);

-- 实有单位: enterprises, shops, social organisations and offices located in the tree.
CREATE TABLE org_units (
  id {{id_pk}},
  name TEXT NOT NULL,
  credit_code TEXT UNIQUE,
  kind TEXT NOT NULL,
  industry TEXT NOT NULL,
  region_code {{code}} NOT NULL REFERENCES regions (code),
  address TEXT NOT NULL,
  legal_representative TEXT NOT NULL,
  contact_name TEXT NOT NULL,
  contact_phone_enc TEXT,
  contact_phone_index TEXT,
  contact_phone_mask TEXT NOT NULL,
  employees INTEGER,
  status TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX org_units_region ON org_units (region_code);
