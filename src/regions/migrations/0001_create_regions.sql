-- The region tree, from province down to each dwelling. A node's code extends its parent's code
-- (the 12-digit 统计用区划代码 for levels 1-5, then compound 3 + building 3 + unit 2 + dwelling 4
-- digits), so the code is the node's materialised path: a subtree is a range of codes.
CREATE TABLE regions (
  code {{code}} PRIMARY KEY,
  parent_code {{code}} REFERENCES regions (code),
  level INTEGER NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  short_name TEXT NOT NULL,
  status TEXT NOT NULL,
  valid_from BIGINT NOT NULL,
  valid_to BIGINT,
  source TEXT NOT NULL,
  floor INTEGER,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  polygon TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX regions_parent ON regions (parent_code, code);

-- One row per import of the national tree: what it changed.
CREATE TABLE region_imports (
  id {{id_pk}},
  at BIGINT NOT NULL,
  source TEXT NOT NULL,
  total INTEGER NOT NULL,
  added INTEGER NOT NULL,
  renamed INTEGER NOT NULL,
  retired INTEGER NOT NULL,
  restored INTEGER NOT NULL
);
