-- 重点人群: the kinds of key group are data (admins add and edit them); each carries its own
-- fields, a sensitivity class that decides who may see its records, and applies to people.
CREATE TABLE group_types (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL,
  category TEXT NOT NULL,
  sensitivity TEXT NOT NULL,
  fields TEXT NOT NULL,
  active INTEGER NOT NULL,
  sort_order INTEGER NOT NULL,
  updated_at BIGINT NOT NULL
);

-- A person's membership of a key group. Its details are encrypted; residence, birth date and name
-- are copied from the person, so that "this group, this age, this street, by name" is read from
-- one index of the current memberships without visiting the people it does not show.
CREATE TABLE person_groups (
  id {{id_pk}},
  person_id BIGINT NOT NULL REFERENCES people (id),
  type_code TEXT NOT NULL REFERENCES group_types (code),
  residence_code {{code}} NOT NULL,
  birth_date TEXT,
  name TEXT NOT NULL,
  concern_level TEXT NOT NULL,
  verification TEXT NOT NULL,
  verified_by BIGINT,
  verified_at BIGINT,
  details_enc TEXT,
  started_on TEXT NOT NULL,
  ended_on TEXT,
  end_reason TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX person_groups_current ON person_groups (type_code, residence_code, birth_date, name, person_id)
  WHERE ended_on IS NULL;
CREATE INDEX person_groups_person ON person_groups (person_id);

INSERT INTO group_types VALUES ('elderly_living_alone', '独居老人', 'Elderly living alone', 'elderly', 'normal', '[{"key":"emergency_contact","label":"紧急联系人","type":"text"},{"key":"visit_frequency","label":"走访频次","type":"enum","options":["每周","每半月","每月"]}]', 1, 10, 0);
INSERT INTO group_types VALUES ('empty_nest_elderly', '空巢老人', 'Empty-nest elderly', 'elderly', 'normal', '[{"key":"children_location","label":"子女所在地","type":"text"}]', 1, 20, 0);
INSERT INTO group_types VALUES ('advanced_age', '高龄老人', 'Advanced-age elderly (80+)', 'elderly', 'normal', '[{"key":"allowance","label":"高龄津贴","type":"enum","options":["已享受","未享受"]}]', 1, 30, 0);
INSERT INTO group_types VALUES ('left_behind_elderly', '留守老人', 'Left-behind elderly', 'elderly', 'normal', '[{"key":"supporter","label":"赡养人","type":"text"},{"key":"supporter_location","label":"赡养人外出地","type":"text"}]', 1, 40, 0);
INSERT INTO group_types VALUES ('left_behind_woman', '留守妇女', 'Left-behind woman', 'family', 'normal', '[{"key":"spouse_location","label":"配偶务工地","type":"text"}]', 1, 50, 0);
INSERT INTO group_types VALUES ('left_behind_child', '留守儿童', 'Left-behind child', 'children', 'sensitive', '[{"key":"guardian","label":"监护人","type":"text"},{"key":"guardian_relation","label":"与儿童关系","type":"text"},{"key":"school","label":"就读学校","type":"text"}]', 1, 60, 0);
INSERT INTO group_types VALUES ('disabled', '残疾人', 'Person with a disability', 'disability', 'sensitive', '[{"key":"certificate_number","label":"残疾证号","type":"text"},{"key":"disability_category","label":"残疾类别","type":"enum","options":["视力","听力","言语","肢体","智力","精神","多重"]},{"key":"disability_level","label":"残疾等级","type":"enum","options":["一级","二级","三级","四级"]}]', 1, 70, 0);
INSERT INTO group_types VALUES ('subsistence_allowance', '低保对象', 'Subsistence allowance (低保)', 'assistance', 'sensitive', '[{"key":"certificate_number","label":"低保证号","type":"text"},{"key":"monthly_amount","label":"月保障金额（元）","type":"number"},{"key":"since","label":"纳入时间","type":"date"}]', 1, 80, 0);
INSERT INTO group_types VALUES ('extreme_poverty', '特困人员', 'Extreme poverty support (特困)', 'assistance', 'sensitive', '[{"key":"support_mode","label":"供养方式","type":"enum","options":["集中供养","分散供养"]}]', 1, 90, 0);
INSERT INTO group_types VALUES ('low_income', '低收入家庭', 'Low-income family', 'assistance', 'sensitive', '[{"key":"monthly_income","label":"家庭人均月收入（元）","type":"number"}]', 1, 100, 0);
INSERT INTO group_types VALUES ('special_care', '优抚对象', 'Entitled group (优抚对象)', 'special_care', 'sensitive', '[{"key":"category","label":"优抚类别","type":"enum","options":["伤残军人","烈士遗属","因公牺牲军人遗属","病故军人遗属","在乡复员军人","带病回乡退伍军人"]}]', 1, 110, 0);
INSERT INTO group_types VALUES ('bereaved_parents', '失独家庭', 'Parents who lost their only child', 'family', 'sensitive', '[{"key":"since","label":"认定时间","type":"date"}]', 1, 120, 0);
INSERT INTO group_types VALUES ('veteran', '退役军人', 'Veteran', 'special_care', 'normal', '[{"key":"service_branch","label":"服役部队","type":"text"},{"key":"discharge_year","label":"退役年份","type":"number"}]', 1, 130, 0);
INSERT INTO group_types VALUES ('community_correction', '社区矫正对象', 'Under community correction', 'safety', 'restricted', '[{"key":"correction_type","label":"矫正类别","type":"enum","options":["管制","缓刑","假释","暂予监外执行"]},{"key":"term_end","label":"矫正期满日期","type":"date"}]', 1, 140, 0);
INSERT INTO group_types VALUES ('severe_mental_disorder', '严重精神障碍患者', 'Severe mental disorder', 'health', 'restricted', '[{"key":"risk_level","label":"危险性评估等级","type":"enum","options":["0级","1级","2级","3级","4级","5级"]},{"key":"guardian","label":"监护人","type":"text"}]', 1, 150, 0);
INSERT INTO group_types VALUES ('released_prisoner', '刑满释放人员', 'Released from prison', 'safety', 'restricted', '[{"key":"release_date","label":"释放日期","type":"date"}]', 1, 160, 0);
INSERT INTO group_types VALUES ('drug_rehabilitation', '社区戒毒社区康复人员', 'Community drug rehabilitation', 'safety', 'restricted', '[{"key":"term_end","label":"期满日期","type":"date"}]', 1, 170, 0);
