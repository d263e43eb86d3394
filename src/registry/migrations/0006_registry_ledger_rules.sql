-- The rules the household service checks, kept by the database as well for two clerks writing at
-- once: a person is a current member of one household at most, and a household has one current
-- head. Left memberships stay as history and are not counted.
CREATE UNIQUE INDEX household_members_current_person ON household_members (person_id)
  WHERE left_on IS NULL;
CREATE UNIQUE INDEX household_members_current_head ON household_members (household_id)
  WHERE left_on IS NULL AND relation = 'head';

-- Lists filter by these.
CREATE INDEX household_ledger_category ON household_ledger (household_id, category, period);
CREATE INDEX vehicles_permit ON vehicles (permit_valid_until);
CREATE INDEX org_units_kind ON org_units (kind, region_code);
