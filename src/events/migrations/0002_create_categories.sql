-- Event categories (大类 / 小类, in the spirit of GB/T 30428's 部件 and 事件 classes): a tree that
-- admins edit. Each category says how long each stage may take — in working minutes, hours or days
-- of the calendar, or in plain minutes and hours for alarms that cannot wait for office hours —
-- which level handles it first, and which department takes it when it leaves the community.
CREATE TABLE event_categories (
  code TEXT PRIMARY KEY,
  parent_code TEXT REFERENCES event_categories (code),
  name TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind TEXT NOT NULL,
  default_level TEXT NOT NULL,
  department TEXT NOT NULL,
  limits TEXT NOT NULL,
  active INTEGER NOT NULL,
  sort_order INTEGER NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX event_categories_parent ON event_categories (parent_code, sort_order);

INSERT INTO event_categories VALUES ('environment', NULL, '环境卫生', 'Environment and sanitation', 'event', 'grid', '', '[]', 1, 10, 0);
INSERT INTO event_categories VALUES ('environment.exposed_garbage', 'environment', '暴露垃圾', 'Exposed garbage', 'event', 'grid', '', '[{"stage":"handle","label":"处置","amount":4,"unit":"working_hours"}]', 1, 20, 0);
INSERT INTO event_categories VALUES ('environment.accumulated_waste', 'environment', '积存垃圾渣土', 'Accumulated waste and spoil', 'event', 'community', '', '[{"stage":"handle","label":"处置","amount":4,"unit":"working_days"}]', 1, 30, 0);
INSERT INTO event_categories VALUES ('environment.dirty_road', 'environment', '道路不洁', 'Dirty road', 'event', 'grid', '', '[{"stage":"handle","label":"处置","amount":5,"unit":"working_hours"}]', 1, 40, 0);
INSERT INTO event_categories VALUES ('environment.dirty_water', 'environment', '水域不洁', 'Dirty waterway', 'event', 'street', '县水利局', '[{"stage":"handle","label":"处置","amount":15,"unit":"working_days"}]', 1, 50, 0);
INSERT INTO event_categories VALUES ('environment.greenery', 'environment', '绿地脏乱、毁绿', 'Neglected or damaged greenery', 'event', 'community', '', '[{"stage":"handle","label":"处置","amount":5,"unit":"working_days"}]', 1, 60, 0);
INSERT INTO event_categories VALUES ('facilities', NULL, '市政设施', 'Public facilities (部件)', 'component', 'community', '', '[]', 1, 70, 0);
INSERT INTO event_categories VALUES ('facilities.manhole', 'facilities', '井盖缺失、破损', 'Missing or broken manhole cover', 'component', 'street', '县住建局', '[{"stage":"accept","label":"受理","amount":1,"unit":"working_hours"},{"stage":"handle","label":"处置","amount":4,"unit":"working_hours"}]', 1, 80, 0);
INSERT INTO event_categories VALUES ('facilities.street_light', 'facilities', '路灯损坏', 'Broken street light', 'component', 'street', '县住建局', '[{"stage":"handle","label":"处置","amount":3,"unit":"working_days"}]', 1, 90, 0);
INSERT INTO event_categories VALUES ('facilities.road_damage', 'facilities', '道路破损', 'Damaged road', 'component', 'street', '县交通运输局', '[{"stage":"handle","label":"处置","amount":5,"unit":"working_days"}]', 1, 100, 0);
INSERT INTO event_categories VALUES ('facilities.fire_equipment', 'facilities', '消防设施损坏', 'Damaged fire equipment', 'component', 'community', '', '[{"stage":"handle","label":"处置","amount":1,"unit":"working_days"}]', 1, 110, 0);
INSERT INTO event_categories VALUES ('safety', NULL, '安全隐患', 'Safety hazards', 'event', 'community', '', '[]', 1, 120, 0);
INSERT INTO event_categories VALUES ('safety.fire_lane', 'safety', '消防通道堵塞', 'Blocked fire lane', 'event', 'grid', '', '[{"stage":"accept","label":"受理","amount":30,"unit":"working_minutes"},{"stage":"handle","label":"处置","amount":2,"unit":"working_hours"}]', 1, 130, 0);
INSERT INTO event_categories VALUES ('safety.gas', 'safety', '燃气泄漏隐患', 'Gas leak hazard', 'event', 'street', '县燃气公司', '[{"stage":"accept","label":"受理","amount":15,"unit":"minutes"},{"stage":"handle","label":"处置","amount":1,"unit":"hours"}]', 1, 140, 0);
INSERT INTO event_categories VALUES ('safety.ebike_charging', 'safety', '电动车违规充电', 'E-bike charging indoors', 'event', 'grid', '', '[{"stage":"handle","label":"处置","amount":4,"unit":"working_hours"}]', 1, 150, 0);
INSERT INTO event_categories VALUES ('safety.dangerous_building', 'safety', '危房、高空坠物隐患', 'Dangerous building or falling objects', 'event', 'street', '县住建局', '[{"stage":"handle","label":"处置","amount":1,"unit":"working_days"}]', 1, 160, 0);
INSERT INTO event_categories VALUES ('disputes', NULL, '矛盾纠纷', 'Disputes (矛盾纠纷)', 'event', 'grid', '', '[]', 1, 170, 0);
INSERT INTO event_categories VALUES ('disputes.neighbour', 'disputes', '邻里纠纷', 'Neighbour dispute', 'event', 'grid', '', '[{"stage":"handle","label":"调处","amount":3,"unit":"working_days"}]', 1, 180, 0);
INSERT INTO event_categories VALUES ('disputes.family', 'disputes', '婚姻家庭纠纷', 'Family dispute', 'event', 'community', '', '[{"stage":"handle","label":"调处","amount":5,"unit":"working_days"}]', 1, 190, 0);
INSERT INTO event_categories VALUES ('disputes.property', 'disputes', '物业纠纷', 'Property-management dispute', 'event', 'community', '', '[{"stage":"handle","label":"调处","amount":5,"unit":"working_days"}]', 1, 200, 0);
INSERT INTO event_categories VALUES ('disputes.wages', 'disputes', '劳资纠纷', 'Wage dispute', 'event', 'department', '县人社局', '[{"stage":"handle","label":"调处","amount":10,"unit":"working_days"}]', 1, 210, 0);
INSERT INTO event_categories VALUES ('order', NULL, '社会治安', 'Public order', 'event', 'community', '', '[]', 1, 220, 0);
INSERT INTO event_categories VALUES ('order.noise', 'order', '噪声扰民', 'Noise nuisance', 'event', 'grid', '', '[{"stage":"handle","label":"处置","amount":1,"unit":"working_days"}]', 1, 230, 0);
INSERT INTO event_categories VALUES ('order.security', 'order', '治安隐患', 'Security hazard', 'event', 'street', '派出所', '[{"stage":"handle","label":"处置","amount":1,"unit":"working_days"}]', 1, 240, 0);
INSERT INTO event_categories VALUES ('construction', NULL, '违法建设', 'Illegal construction', 'event', 'street', '', '[]', 1, 250, 0);
INSERT INTO event_categories VALUES ('construction.illegal_building', 'construction', '私搭乱建', 'Illegal building', 'event', 'street', '县综合执法局', '[{"stage":"stop","label":"停工","amount":4,"unit":"working_hours"},{"stage":"penalty","label":"处罚","amount":7,"unit":"working_days"},{"stage":"demolish","label":"拆除","amount":20,"unit":"working_days"}]', 1, 260, 0);
INSERT INTO event_categories VALUES ('market', NULL, '市容秩序', 'Street order', 'event', 'grid', '', '[]', 1, 270, 0);
INSERT INTO event_categories VALUES ('market.street_vending', 'market', '占道经营', 'Street vending on the road', 'event', 'grid', '', '[{"stage":"handle","label":"处置","amount":4,"unit":"working_hours"}]', 1, 280, 0);
INSERT INTO event_categories VALUES ('market.graffiti', 'market', '乱贴乱画', 'Posters and graffiti', 'event', 'grid', '', '[{"stage":"handle","label":"处置","amount":2,"unit":"working_days"}]', 1, 290, 0);
INSERT INTO event_categories VALUES ('property', NULL, '物业管理', 'Property management', 'event', 'community', '', '[]', 1, 300, 0);
INSERT INTO event_categories VALUES ('property.lift', 'property', '电梯故障', 'Broken lift', 'component', 'community', '', '[{"stage":"handle","label":"处置","amount":1,"unit":"working_days"}]', 1, 310, 0);
INSERT INTO event_categories VALUES ('property.water_supply', 'property', '二次供水故障', 'Water-supply fault', 'component', 'community', '', '[{"stage":"handle","label":"处置","amount":2,"unit":"working_days"}]', 1, 320, 0);
INSERT INTO event_categories VALUES ('services', NULL, '民生服务', 'Services for residents', 'event', 'community', '', '[]', 1, 330, 0);
INSERT INTO event_categories VALUES ('services.help', 'services', '咨询求助', 'Enquiry or request for help', 'event', 'community', '', '[{"stage":"handle","label":"答复","amount":3,"unit":"working_days"}]', 1, 340, 0);
INSERT INTO event_categories VALUES ('services.proxy', 'services', '帮办代办', 'Errand on a resident''s behalf', 'event', 'community', '', '[{"stage":"handle","label":"办结","amount":5,"unit":"working_days"}]', 1, 350, 0);
INSERT INTO event_categories VALUES ('services.complaint', 'services', '建议投诉', 'Suggestion or complaint', 'event', 'community', '', '[{"stage":"handle","label":"办结","amount":13,"unit":"working_days"}]', 1, 360, 0);
INSERT INTO event_categories VALUES ('sensors', NULL, '智能感知告警', 'Sensor alarms', 'event', 'grid', '', '[]', 1, 370, 0);
INSERT INTO event_categories VALUES ('sensors.smoke', 'sensors', '烟感报警', 'Smoke alarm', 'event', 'grid', '', '[{"stage":"accept","label":"响应","amount":5,"unit":"minutes"},{"stage":"handle","label":"处置","amount":1,"unit":"hours"}]', 1, 380, 0);
INSERT INTO event_categories VALUES ('sensors.gas', 'sensors', '燃气报警', 'Gas alarm', 'event', 'grid', '县燃气公司', '[{"stage":"accept","label":"响应","amount":5,"unit":"minutes"},{"stage":"handle","label":"处置","amount":1,"unit":"hours"}]', 1, 390, 0);
INSERT INTO event_categories VALUES ('sensors.fire_lane', 'sensors', '消防通道占用告警', 'Fire-lane obstruction alarm', 'event', 'grid', '', '[{"stage":"accept","label":"响应","amount":15,"unit":"minutes"},{"stage":"handle","label":"处置","amount":2,"unit":"hours"}]', 1, 400, 0);
INSERT INTO event_categories VALUES ('sensors.doorbell', 'sensors', '爱心门铃告警', 'Love doorbell alarm', 'event', 'grid', '', '[{"stage":"accept","label":"响应","amount":15,"unit":"minutes"},{"stage":"handle","label":"上门","amount":4,"unit":"hours"}]', 1, 410, 0);
