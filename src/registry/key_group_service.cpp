#include "registry/key_group_service.hpp"

#include <algorithm>
#include <regex>
#include <set>

#include "core/errors/error.hpp"
#include "registry/change_log.hpp"
#include "registry/key_group_store.hpp"
#include "registry/person_service.hpp"
#include "registry/person_store.hpp"
#include "registry/problems.hpp"
#include "registry/vocabulary.hpp"

namespace shequ::registry {
namespace {

bool IsKey(const std::string& text) {
  static const std::regex kKey("[a-z][a-z0-9_]{1,39}");
  return std::regex_match(text, kKey);
}

// Details must name only the kind's fields, each with a value of its type.
void CheckDetails(const GroupType& type, const nlohmann::json& details, Problems& problems) {
  if (!details.is_object()) {
    problems.Add("details", "not_an_object", "details is an object of the kind's fields.",
                 "details 须为对象。");
    return;
  }
  for (const auto& item : details.items()) {
    const auto& key = item.key();
    const auto& value = item.value();
    const auto spec = std::find_if(type.fields.begin(), type.fields.end(),
                                   [&](const nlohmann::json& f) { return f.value("key", "") == key; });
    const auto field = "details." + key;
    if (spec == type.fields.end()) {
      problems.Add(field, "unknown_field", "The kind has no such field.", "该类别没有此字段。");
      continue;
    }
    if (value.is_null()) continue;
    const auto kind = spec->value("type", "text");
    bool ok = true;
    if (kind == "number") ok = value.is_number();
    if (kind == "bool") ok = value.is_boolean();
    if (kind == "text") ok = value.is_string() && value.get<std::string>().size() <= 600;
    if (kind == "date") ok = value.is_string() && IsDate(value.get<std::string>());
    if (kind == "enum") {
      const auto options = spec->value("options", nlohmann::json::array());
      ok = value.is_string() && std::find(options.begin(), options.end(), value) != options.end();
    }
    if (!ok) {
      problems.Add(field, "invalid_value", "The value does not fit the field (" + kind + ").",
                   "“" + spec->value("label", key) + "”的取值无效。");
    }
  }
}

void CheckGroupFields(const GroupFields& fields, Problems& problems) {
  if (fields.concern_level && !ConcernLevels().Has(*fields.concern_level)) {
    problems.Add("concern_level", "unknown_value", "concern_level is general, focus or special.",
                 "关注等级须为 general（一般）、focus（重点）或 special（特别）。");
  }
  if (fields.verification && !Verifications().Has(*fields.verification)) {
    problems.Add("verification", "unknown_value", "verification is pending, verified or rejected.",
                 "核实状态须为 pending、verified 或 rejected。");
  }
  for (const auto& [value, name] :
       {std::pair{&fields.started_on, "started_on"}, std::pair{&fields.ended_on, "ended_on"}}) {
    if (*value && !IsDate(**value))
      problems.Add(name, "invalid_date", "Give the date as YYYY-MM-DD.", "日期格式应为 YYYY-MM-DD。");
  }
}

audit::AuditEntry GroupEntry(const auth::Principal& actor, std::string action, const PersonGroup& group) {
  auto entry = audit::AuditLog::By(actor, std::move(action), "person_group", std::to_string(group.id));
  entry.region_code = group.residence_code;
  entry.detail = {{"person_id", group.person_id}, {"type", group.type_code}};
  return entry;
}

}  // namespace

void CheckFieldSpecs(const nlohmann::json& fields, Problems& problems) {
  if (!fields.is_array()) {
    problems.Add("fields", "not_an_array", "fields is an array.", "fields 须为数组。");
    return;
  }
  std::set<std::string> keys;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const auto& f = fields[i];
    const auto path = "fields[" + std::to_string(i) + "]";
    if (!f.is_object() || !f.contains("key") || !f["key"].is_string() ||
        !IsKey(f["key"].get<std::string>()) || !f.contains("label") || !f["label"].is_string()) {
      problems.Add(path, "invalid_field", "Each field has a key (a-z, 0-9, _) and a label.",
                   "每个字段须有 key 和 label。");
      continue;
    }
    if (!keys.insert(f["key"].get<std::string>()).second) {
      problems.Add(path, "duplicate_key", "Field keys are unique.", "字段 key 不能重复。");
    }
    const auto type = f.value("type", "text");
    if (type != "text" && type != "number" && type != "date" && type != "enum" && type != "bool") {
      problems.Add(path, "invalid_type", "type is text, number, date, enum or bool.", "字段类型无效。");
    }
    if (type == "enum" && (!f.contains("options") || !f["options"].is_array() || f["options"].empty())) {
      problems.Add(path, "missing_options", "An enum field lists its options.", "枚举字段须列出选项。");
    }
  }
}

std::vector<GroupType> KeyGroupService::Types() const {
  return context_.database.Read([](db::Connection& c) { return KeyGroupStore::Types(c); });
}

GroupType KeyGroupService::CreateType(const auth::Principal& actor, const GroupType& request) {
  Problems problems;
  if (!IsKey(request.code))
    problems.Add("code", "invalid_code", "code is 2-40 of a-z, 0-9, _.",
                 "代码须为 2-40 位小写字母、数字或下划线。");
  if (request.name.empty() || request.name.size() > 100)
    problems.Add("name", "required", "Give the name.", "请填写名称。");
  if (!Sensitivities().Has(request.sensitivity)) {
    problems.Add("sensitivity", "unknown_value", "sensitivity is normal, sensitive or restricted.",
                 "敏感级别无效。");
  }
  CheckFieldSpecs(request.fields, problems);
  problems.ThrowIfAny();
  return context_.database.Write([&](db::Connection& c) {
    if (KeyGroupStore::FindType(c, request.code)) {
      throw Error(ErrorCode::kConflict, "A key group with this code exists.", "该代码的重点人群类别已存在。",
                  nlohmann::json::array({FieldDetail("code", "duplicate")}));
    }
    auto type = request;
    type.updated_at = context_.clock.NowMillis();
    KeyGroupStore::InsertType(c, type);
    auto entry = audit::AuditLog::By(actor, "registry.group_type_create", "group_type", type.code);
    entry.detail = {{"name", type.name}, {"sensitivity", type.sensitivity}};
    context_.audit.Record(c, entry);
    return type;
  });
}

GroupType KeyGroupService::UpdateType(const auth::Principal& actor, const std::string& code,
                                      const GroupTypePatch& patch) {
  Problems problems;
  if (patch.sensitivity && !Sensitivities().Has(*patch.sensitivity)) {
    problems.Add("sensitivity", "unknown_value", "sensitivity is normal, sensitive or restricted.",
                 "敏感级别无效。");
  }
  if (patch.name && (patch.name->empty() || patch.name->size() > 100))
    problems.Add("name", "required", "Give the name.", "请填写名称。");
  if (patch.fields) CheckFieldSpecs(*patch.fields, problems);
  problems.ThrowIfAny();
  return context_.database.Write([&](db::Connection& c) {
    auto type = KeyGroupStore::FindType(c, code);
    if (!type) throw Error(ErrorCode::kNotFound);
    ChangeSet changes;
    changes.Apply("name", type->name, patch.name);
    changes.Apply("name_en", type->name_en, patch.name_en);
    changes.Apply("category", type->category, patch.category);
    changes.Apply("sensitivity", type->sensitivity, patch.sensitivity);
    if (patch.fields && *patch.fields != type->fields) {
      changes.Note("fields", type->fields.dump(), patch.fields->dump());
      type->fields = *patch.fields;
    }
    if (patch.active && *patch.active != type->active) {
      changes.Note("active", type->active ? "true" : "false", *patch.active ? "true" : "false");
      type->active = *patch.active;
    }
    changes.Apply("sort_order", type->sort_order, patch.sort_order);
    if (changes.empty()) return *type;
    const auto now = context_.clock.NowMillis();
    type->updated_at = now;
    KeyGroupStore::UpdateType(c, *type);
    ChangeLog::Write(c, "group_type", code, changes, actor, now);
    auto entry = audit::AuditLog::By(actor, "registry.group_type_update", "group_type", code);
    entry.detail = changes.AuditDetail();
    context_.audit.Record(c, entry);
    return *type;
  });
}

void KeyGroupService::AddChecked(db::Connection& c, const RegistryContext& context, std::int64_t person_id,
                                 const std::string& type_code, const std::string& residence_code,
                                 const std::optional<std::string>& birth_date, const std::string& name,
                                 const std::string& today) {
  PersonGroup group;
  group.person_id = person_id;
  group.type_code = type_code;
  group.residence_code = residence_code;
  group.birth_date = birth_date;
  group.name = name;
  group.started_on = today;
  group.details_cipher = context.vault.Encrypt("{}", kGroupDetailsContext);
  group.created_at = group.updated_at = context.clock.NowMillis();
  KeyGroupStore::Insert(c, group);
}

PersonGroup KeyGroupService::Add(const auth::Principal& actor, std::int64_t person_id,
                                 const std::string& type_code, const GroupFields& fields) {
  Problems problems;
  CheckGroupFields(fields, problems);
  problems.ThrowIfAny();
  return context_.database.Write([&](db::Connection& c) {
    const auto person = PersonStore::Find(c, person_id);
    if (!person || !VisibleTo(actor.scope, *person)) throw Error(ErrorCode::kNotFound);
    const auto type = KeyGroupStore::FindType(c, type_code);
    Problems found;
    if (!type || !type->active) {
      found.Add("type_code", "unknown_value", "No such key group.", "没有该重点人群类别。");
      found.ThrowIfAny();
    }
    if (!context_.MaySee(actor, type->sensitivity)) {
      throw Error(ErrorCode::kForbidden, "Your role may not keep this key group.",
                  "您的角色无权管理该类重点人群。");
    }
    if (person->status != "living") {
      throw Error(ErrorCode::kConflict, "The person no longer lives here.", "此人已迁出或死亡。");
    }
    if (KeyGroupStore::HasActive(c, person_id, type_code)) {
      throw Error(ErrorCode::kConflict, "The person is in this key group already.",
                  "此人已在该类重点人群中。", nlohmann::json::array({FieldDetail("type_code", "duplicate")}));
    }
    const auto details = fields.details.value_or(nlohmann::json::object());
    CheckDetails(*type, details, found);
    found.ThrowIfAny();
    const auto now = context_.clock.NowMillis();
    PersonGroup group;
    group.person_id = person_id;
    group.type_code = type_code;
    group.residence_code = person->residence_code;
    group.birth_date = person->birth_date;
    group.name = person->name;
    group.concern_level = fields.concern_level.value_or("general");
    group.verification = fields.verification.value_or("pending");
    if (group.verification != "pending") {
      group.verified_by = actor.user_id;
      group.verified_at = now;
    }
    group.details = details;
    group.details_cipher = context_.vault.Encrypt(details.dump(), kGroupDetailsContext);
    group.started_on = fields.started_on.value_or(ChinaToday(context_.clock));
    group.created_at = group.updated_at = now;
    group.id = KeyGroupStore::Insert(c, group);
    ChangeLog::WriteOne(
        c, "person", std::to_string(person_id),
        {"group:" + type_code, std::nullopt, std::string(ConcernLevels().Label(group.concern_level))}, actor,
        now);
    context_.audit.Record(c, GroupEntry(actor, "people.group_add", group));
    return group;
  });
}

PersonGroup KeyGroupService::Update(const auth::Principal& actor, std::int64_t group_id,
                                    const GroupFields& fields) {
  Problems problems;
  CheckGroupFields(fields, problems);
  problems.ThrowIfAny();
  return context_.database.Write([&](db::Connection& c) {
    auto group = KeyGroupStore::Find(c, group_id);
    if (!group) throw Error(ErrorCode::kNotFound);
    const auto person = PersonStore::Find(c, group->person_id);
    const auto type = KeyGroupStore::FindType(c, group->type_code);
    if (!person || !VisibleTo(actor.scope, *person) || !type || !context_.MaySee(actor, type->sensitivity)) {
      throw Error(ErrorCode::kNotFound);
    }
    if (group->ended_on) throw Error(ErrorCode::kConflict, "The membership has ended.", "该记录已结束。");
    const auto now = context_.clock.NowMillis();
    ChangeSet changes;
    changes.Apply("concern_level", group->concern_level, fields.concern_level);
    if (fields.verification && *fields.verification != group->verification) {
      changes.Apply("verification", group->verification, fields.verification);
      group->verified_by = actor.user_id;
      group->verified_at = now;
    }
    changes.Apply("started_on", group->started_on, fields.started_on);
    if (fields.details) {
      Problems found;
      CheckDetails(*type, *fields.details, found);
      found.ThrowIfAny();
      // Sensitive details change without their values reaching the history.
      changes.Note("details", "…", "…(" + std::to_string(fields.details->size()) + ")");
      group->details_cipher = context_.vault.Encrypt(fields.details->dump(), kGroupDetailsContext);
    }
    if (fields.ended_on) {
      changes.Note("ended_on", std::nullopt, *fields.ended_on);
      group->ended_on = fields.ended_on;
      group->end_reason = fields.end_reason.value_or("");
    }
    if (changes.empty()) return *group;
    group->updated_at = now;
    KeyGroupStore::Update(c, *group);
    ChangeLog::Write(c, "person_group", std::to_string(group_id), changes, actor, now);
    auto entry = GroupEntry(actor, "people.group_update", *group);
    entry.detail["changes"] = changes.AuditDetail();
    context_.audit.Record(c, entry);
    group->details_cipher.reset();
    return *group;
  });
}

std::vector<PersonGroup> KeyGroupService::ForPerson(const auth::Principal& actor,
                                                    std::int64_t person_id) const {
  return context_.database.Write([&](db::Connection& c) {
    const auto person = PersonStore::Find(c, person_id);
    if (!person || !VisibleTo(actor.scope, *person)) throw Error(ErrorCode::kNotFound);
    std::map<std::string, std::string> sensitivity;
    for (const auto& type : KeyGroupStore::Types(c)) sensitivity[type.code] = type.sensitivity;
    std::vector<PersonGroup> groups;
    nlohmann::json sensitive_read = nlohmann::json::array();
    for (auto& group : KeyGroupStore::OfPeople(c, {person_id})) {
      const auto& cls = sensitivity[group.type_code];
      if (!context_.MaySee(actor, cls)) continue;
      if (group.details_cipher) {
        group.details =
            nlohmann::json::parse(context_.vault.Decrypt(*group.details_cipher, kGroupDetailsContext));
        group.details_cipher.reset();
      }
      if (cls != "normal") sensitive_read.push_back(group.type_code);
      groups.push_back(std::move(group));
    }
    if (!sensitive_read.empty()) {
      auto entry = audit::AuditLog::By(actor, "people.read_sensitive", "person", std::to_string(person_id));
      entry.region_code = person->residence_code;
      entry.detail = {{"groups", sensitive_read}};
      context_.audit.Record(c, entry);
    }
    return groups;
  });
}

}  // namespace shequ::registry
