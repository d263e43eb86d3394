-- Grids (网格) inside a community: 一级 the whole community, 二级 compounds or buildings, 三级
-- units. A grid covers a set of tree nodes; its members serve it for a period (history kept).
CREATE TABLE grids (
  id {{id_pk}},
  code TEXT NOT NULL UNIQUE,
  community_code {{code}} NOT NULL REFERENCES regions (code),
  parent_id BIGINT REFERENCES grids (id),
  level INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX grids_community ON grids (community_code);

CREATE TABLE grid_nodes (
  grid_id BIGINT NOT NULL REFERENCES grids (id),
  region_code {{code}} NOT NULL REFERENCES regions (code),
  PRIMARY KEY (grid_id, region_code)
);
CREATE INDEX grid_nodes_region ON grid_nodes (region_code);

CREATE TABLE grid_members (
  id {{id_pk}},
  grid_id BIGINT NOT NULL REFERENCES grids (id),
  user_id BIGINT REFERENCES users (id),
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  organisation TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  ended_at BIGINT,
  end_reason TEXT
);
CREATE INDEX grid_members_grid ON grid_members (grid_id, ended_at);
CREATE INDEX grid_members_user ON grid_members (user_id, ended_at);
