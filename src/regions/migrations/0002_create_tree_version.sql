-- A counter raised by every change to the national tree (import, reclassification), so servers
-- can keep public views of it in memory and know when they are stale.
CREATE TABLE region_tree_version (
  id INTEGER PRIMARY KEY,
  version BIGINT NOT NULL
);
INSERT INTO region_tree_version (id, version) VALUES (1, 0);
