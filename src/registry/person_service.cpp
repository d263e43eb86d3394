#include "registry/person_service.hpp"

#include <algorithm>
#include <set>

#include "core/auth/scope.hpp"
#include "core/db/sql_params.hpp"
#include "core/errors/error.hpp"
#include "regions/region.hpp"
#include "regions/region_store.hpp"
#include "regions/subtree_filter.hpp"
#include "registry/field_checks.hpp"
#include "registry/identifiers.hpp"
#include "registry/key_group_store.hpp"
#include "registry/person_store.hpp"
#include "registry/pinyin.hpp"
#include "registry/vocabulary.hpp"

namespace shequ::registry {
namespace {

constexpr std::string_view kEntity = "person";

std::string Compact(std::string_view date) {
  std::string digits;
  for (char c : date) {
    if (c != '-') digits += c;
  }
  return digits;
}

// A person's closed-list fields may be left empty (unknown), and a PATCH of "" clears them.
void CheckOptionalTerm(const std::optional<std::string>& value, const Vocabulary& vocabulary,
                       Problems& problems, std::optional<std::string>& out) {
  if (value && Trim(*value).empty()) {
    out = "";
    return;
  }
  CheckTerm(value, vocabulary, problems, out);
}

std::string_view IdProblemZh(IdNumberProblem problem) {
  switch (problem) {
    case IdNumberProblem::kLength:
      return "公民身份号码应为 18 位（或旧版 15 位）。";
    case IdNumberProblem::kCharacters:
      return "公民身份号码含有无效字符。";
    case IdNumberProblem::kBirthDate:
      return "公民身份号码中的出生日期无效。";
    case IdNumberProblem::kFutureBirthDate:
      return "公民身份号码中的出生日期晚于今天。";
    case IdNumberProblem::kCheckCharacter:
      return "公民身份号码校验码错误。";
    case IdNumberProblem::kNone:
      break;
  }
  return "";
}

// A residence must be a node of the tree at community level or below, inside the caller's scope.
void CheckResidence(db::Connection& c, const auth::Principal& actor, const std::string& code,
                    std::string_view field) {
  const auto node = regions::RegionStore::Find(c, code);
  if (!node || node->level < static_cast<int>(regions::Level::kCommunity) || node->status != "active") {
    Problems problems;
    problems.Add(field, "unknown_address", "No such community, compound, building, unit or dwelling.",
                 "地址不存在（须为社区及以下的节点）。");
    problems.ThrowIfAny();
  }
  if (!actor.scope.Contains(code)) {
    throw Error(ErrorCode::kScopeViolation, "The address is outside your area.", "该地址不在您的管辖范围内。",
                nlohmann::json::array({FieldDetail(field, "outside_scope")}));
  }
}

void CheckHukouCode(db::Connection& c, const std::optional<std::string>& code) {
  if (!code || code->empty()) return;
  if (!regions::RegionStore::Find(c, *code)) {
    Problems problems;
    problems.Add("hukou_code", "unknown_region", "No such region.", "户籍地区划代码不存在。");
    problems.ThrowIfAny();
  }
}

void ApplySealedIdNumber(Person& person, const Vault& vault, const std::string& number) {
  const auto sealed = vault.SealIdNumber(number);
  person.id_number_cipher = sealed.cipher;
  person.id_number_index = sealed.index;
  person.id_number_mask = sealed.mask;
}

void ApplySealedPhone(Person& person, const Vault& vault, const std::string& phone) {
  const auto sealed = vault.SealPhone(phone);
  person.phone_cipher = sealed.cipher;
  person.phone_index = sealed.index;
  person.phone_mask = sealed.mask;
}

void EnsureUniqueIdNumber(db::Connection& c, const Person& person) {
  if (!person.id_number_index) return;
  const auto holder = PersonStore::FindIdByIdNumberIndex(c, *person.id_number_index);
  if (holder && *holder != person.id) {
    Conflict("id_number", "duplicate", "A person with this ID number is registered already.",
             "该公民身份号码已登记。");
  }
}

audit::AuditEntry Entry(const auth::Principal& actor, std::string action, const Person& person) {
  auto entry = audit::AuditLog::By(actor, std::move(action), "person", std::to_string(person.id));
  entry.region_code = person.residence_code;
  return entry;
}

}  // namespace

bool VisibleTo(const auth::Scope& scope, const Person& person) {
  return scope.Contains(person.residence_code) || (person.hukou_code && scope.Contains(*person.hukou_code));
}

PersonFields CheckPersonFields(const PersonFields& in, const std::string& today, bool creating,
                               Problems& problems) {
  PersonFields out;
  out.expected_version = in.expected_version;
  CheckText(in.name, "name", 50, problems, out.name);
  if ((creating || in.name) && (!out.name || out.name->empty())) {
    problems.Add("name", "required", "Give the person's name.", "请填写姓名。");
  }
  CheckOptionalTerm(in.sex, Sexes(), problems, out.sex);
  if (in.id_number && !Trim(*in.id_number).empty()) {
    const auto id = ParseIdNumber(Trim(*in.id_number), Compact(today));
    if (id.problem != IdNumberProblem::kNone) {
      problems.Add("id_number", ProblemName(id.problem), "The ID number is not valid (GB 11643).",
                   std::string(IdProblemZh(id.problem)));
    } else {
      out.id_number = id.number;
      out.birth_date = id.birth_date;
      const std::string sex(1, id.sex);
      if (out.sex && !out.sex->empty() && *out.sex != sex) {
        problems.Add("sex", "contradicts_id_number", "The sex contradicts the ID number.",
                     "性别与公民身份号码不符。");
      }
      out.sex = sex;
      if (in.birth_date && Trim(*in.birth_date) != id.birth_date) {
        problems.Add("birth_date", "contradicts_id_number", "The birth date contradicts the ID number.",
                     "出生日期与公民身份号码不符。");
      }
    }
  } else {
    if (in.id_number) out.id_number = "";
    if (in.birth_date) {
      out.birth_date = Trim(*in.birth_date);
      if (!out.birth_date->empty() && (!IsDate(*out.birth_date) || *out.birth_date > today)) {
        problems.Add("birth_date", "invalid_date", "Give the birth date as YYYY-MM-DD, not after today.",
                     "出生日期格式应为 YYYY-MM-DD，且不晚于今天。");
      }
    }
  }
  if (in.phone) {
    const auto text = Trim(*in.phone);
    if (text.empty()) {
      out.phone = "";
    } else if (auto phone = NormalisePhone(text)) {
      out.phone = *phone;
    } else {
      problems.Add("phone", "invalid_phone",
                   "Give an 11-digit mobile number or a landline with its area code.",
                   "联系电话应为 11 位手机号码或带区号的固定电话。");
    }
  }
  if (in.ethnicity) {
    auto text = Trim(*in.ethnicity);
    if (!text.empty() && !Ethnicities().Read(text) && Ethnicities().Read(text + "族")) text += "族";
    CheckOptionalTerm(text, Ethnicities(), problems, out.ethnicity);
  }
  CheckText(in.hukou_address, "hukou_address", 100, problems, out.hukou_address);
  for (const auto& [value, field, target] :
       {std::tuple{&in.hukou_code, "hukou_code", &out.hukou_code},
        std::tuple{&in.residence_code, "residence_code", &out.residence_code}}) {
    if (!*value) continue;
    *target = Trim(**value);
    if (!target->value().empty() && !auth::IsRegionCode(target->value())) {
      problems.Add(field, "not_a_code", "Give a region code.", "请填写区划代码。");
    }
  }
  if (creating && (!out.residence_code || out.residence_code->empty())) {
    problems.Add("residence_code", "required", "Give the dwelling (or community) the person lives in.",
                 "请填写居住地（房屋或社区）。");
  }
  CheckOptionalTerm(in.residence_type, ResidenceTypes(), problems, out.residence_type);
  if (out.residence_type && out.residence_type->empty()) out.residence_type.reset();  // always one of them
  CheckOptionalTerm(in.education, EducationLevels(), problems, out.education);
  CheckOptionalTerm(in.political_status, PoliticalStatuses(), problems, out.political_status);
  CheckText(in.employment, "employment", 50, problems, out.employment);
  CheckText(in.photo_ref, "photo_ref", 200, problems, out.photo_ref);
  return out;
}

std::int64_t PersonService::InsertChecked(db::Connection& c, const RegistryContext& context,
                                          const auth::Principal& actor, const PersonFields& f,
                                          const std::string& arrival, const std::string& arrived_on) {
  const auto now = context.clock.NowMillis();
  Person person;
  person.name = f.name.value_or("");
  person.name_initials = PinyinInitials(person.name);
  ApplySealedIdNumber(person, context.vault, f.id_number.value_or(""));
  ApplySealedPhone(person, context.vault, f.phone.value_or(""));
  person.birth_date = f.birth_date && !f.birth_date->empty() ? f.birth_date : std::nullopt;
  person.sex = f.sex.value_or("");
  person.ethnicity = f.ethnicity.value_or("");
  person.hukou_address = f.hukou_address.value_or("");
  person.hukou_code = f.hukou_code && !f.hukou_code->empty() ? f.hukou_code : std::nullopt;
  person.residence_code = f.residence_code.value_or("");
  person.residence_type = f.residence_type && !f.residence_type->empty() ? *f.residence_type : "registered";
  person.employment = f.employment.value_or("");
  person.education = f.education.value_or("");
  person.political_status = f.political_status.value_or("");
  person.photo_ref = f.photo_ref.value_or("");
  person.created_at = now;
  person.updated_at = now;
  EnsureUniqueIdNumber(c, person);
  try {
    person.id = PersonStore::Insert(c, person);
  } catch (const db::DatabaseError& e) {
    // Two writers racing with one ID number: the unique index decides.
    if (e.kind() != db::DatabaseError::Kind::kUniqueViolation) throw;
    Conflict("id_number", "duplicate", "A person with this ID number is registered already.",
             "该公民身份号码已登记。");
  }
  PersonEvent event;
  event.person_id = person.id;
  event.kind = arrival;
  event.occurred_on = arrived_on;
  event.to_code = person.residence_code;
  event.recorded_by = ActorId(actor);
  event.recorded_by_name = actor.username;
  event.recorded_at = now;
  PersonStore::InsertEvent(c, event);
  return person.id;
}

std::string PersonService::Today() const { return ChinaToday(context_.clock); }

PersonView PersonService::Create(const auth::Principal& actor, const NewPerson& request) {
  const auto today = ChinaToday(context_.clock);
  Problems problems;
  const auto fields = CheckPersonFields(request.fields, today, true, problems);
  if (request.arrival != "birth" && request.arrival != "registered" && request.arrival != "move_in") {
    problems.Add("arrival", "unknown_value", "arrival is birth, registered or move_in.",
                 "登记方式须为 birth（出生）、registered（登记）或 move_in（迁入）。");
  }
  const auto arrived_on = request.arrived_on.value_or(today);
  if (!IsDate(arrived_on) || arrived_on > today) {
    problems.Add("arrived_on", "invalid_date", "Give the date as YYYY-MM-DD, not after today.",
                 "日期格式应为 YYYY-MM-DD，且不晚于今天。");
  }
  problems.ThrowIfAny();
  return context_.database.Write([&](db::Connection& c) {
    CheckResidence(c, actor, *fields.residence_code, "residence_code");
    CheckHukouCode(c, fields.hukou_code);
    const auto id = InsertChecked(c, context_, actor, fields, request.arrival, arrived_on);
    auto person = *PersonStore::Find(c, id);
    auto entry = Entry(actor, "people.create", person);
    entry.detail = {
        {"name", person.name}, {"id_number", person.id_number_mask}, {"arrival", request.arrival}};
    context_.audit.Record(c, entry);
    return ViewOf(c, actor, std::move(person));
  });
}

Person PersonService::LoadVisible(db::Connection& c, const auth::Principal& actor, std::int64_t id) const {
  auto person = PersonStore::Find(c, id);
  if (!person || !VisibleTo(actor.scope, *person)) throw Error(ErrorCode::kNotFound);
  return std::move(*person);
}

PersonView PersonService::ViewOf(db::Connection& c, const auth::Principal& actor, Person person) const {
  PersonView view;
  view.residence_address = AddressesOf(c, {person.residence_code})[person.residence_code];
  std::map<std::string, std::string> sensitivity;
  for (const auto& type : KeyGroupStore::Types(c)) sensitivity[type.code] = type.sensitivity;
  for (auto& group : KeyGroupStore::OfPeople(c, {person.id})) {
    if (!context_.MaySee(actor, sensitivity[group.type_code])) continue;
    group.details_cipher.reset();
    view.groups.push_back(std::move(group));
  }
  if (auto link = PersonStore::CurrentHousehold(c, person.id))
    view.household = HouseholdLink{link->first, link->second};
  view.person = std::move(person);
  return view;
}

PersonView PersonService::Get(const auth::Principal& actor, std::int64_t id) const {
  return context_.database.Read(
      [&](db::Connection& c) { return ViewOf(c, actor, LoadVisible(c, actor, id)); });
}

PersonView PersonService::Update(const auth::Principal& actor, std::int64_t id, const PersonFields& patch) {
  if (patch.residence_code) {
    Problems problems;
    problems.Add("residence_code", "use_an_event",
                 "A change of residence is a move: record it at /api/people/{id}/events.",
                 "居住地变更须通过迁入、迁出或居住地变更事件登记。");
    problems.ThrowIfAny();
  }
  const auto today = ChinaToday(context_.clock);
  Problems problems;
  const auto fields = CheckPersonFields(patch, today, false, problems);
  problems.ThrowIfAny();
  return context_.database.Write([&](db::Connection& c) {
    auto person = LoadVisible(c, actor, id);
    const auto version = person.version;
    if (fields.expected_version && *fields.expected_version != version) {
      StaleVersion();
    }
    if (fields.hukou_code) CheckHukouCode(c, fields.hukou_code);
    ChangeSet changes;
    changes.Apply("name", person.name, fields.name);
    person.name_initials = PinyinInitials(person.name);
    // A protected value changes when its blind index does; history keeps the two masks.
    const auto reseal = [&](const std::optional<std::string>& value, std::string_view field,
                            std::string_view context, std::optional<std::string> Person::*index,
                            std::string Person::*mask, auto apply) {
      if (!value) return false;
      const auto new_index =
          value->empty() ? std::nullopt : std::optional(context_.vault.Index(*value, context));
      if (new_index == person.*index) return false;
      const std::string old_mask = person.*mask;
      apply(person, context_.vault, *value);
      changes.Note(field, old_mask, person.*mask);
      return true;
    };
    if (reseal(fields.id_number, "id_number", kIdNumberContext, &Person::id_number_index,
               &Person::id_number_mask, ApplySealedIdNumber)) {
      EnsureUniqueIdNumber(c, person);
    }
    reseal(fields.phone, "phone", kPhoneContext, &Person::phone_index, &Person::phone_mask, ApplySealedPhone);
    if (fields.birth_date) {
      const auto value = fields.birth_date->empty() ? std::nullopt : fields.birth_date;
      changes.Note("birth_date", person.birth_date, value);
      person.birth_date = value;
    }
    changes.Apply("sex", person.sex, fields.sex);
    changes.Apply("ethnicity", person.ethnicity, fields.ethnicity);
    changes.Apply("hukou_address", person.hukou_address, fields.hukou_address);
    if (fields.hukou_code) {
      const auto value = fields.hukou_code->empty() ? std::nullopt : fields.hukou_code;
      changes.Note("hukou_code", person.hukou_code, value);
      person.hukou_code = value;
    }
    changes.Apply("residence_type", person.residence_type, fields.residence_type);
    changes.Apply("employment", person.employment, fields.employment);
    changes.Apply("education", person.education, fields.education);
    changes.Apply("political_status", person.political_status, fields.political_status);
    changes.Apply("photo_ref", person.photo_ref, fields.photo_ref);
    if (changes.empty()) return ViewOf(c, actor, std::move(person));
    const auto now = context_.clock.NowMillis();
    person.version = version + 1;
    person.updated_at = now;
    if (!PersonStore::Update(c, person, version)) {
      StaleVersion();
    }
    PersonStore::SyncGroupCopies(c, person);
    ChangeLog::Write(c, kEntity, std::to_string(id), changes, actor, now);
    auto entry = Entry(actor, "people.update", person);
    entry.detail = changes.AuditDetail();
    context_.audit.Record(c, entry);
    return ViewOf(c, actor, std::move(person));
  });
}

RevealedValues PersonService::Reveal(const auth::Principal& actor, std::int64_t id,
                                     const std::vector<std::string>& fields, const std::string& reason) {
  Problems problems;
  const auto trimmed = Trim(reason);
  if (CharacterCount(trimmed) < 2 || CharacterCount(trimmed) > 200) {
    problems.Add("reason", "required", "State why you need the clear value (2-200 characters).",
                 "请说明查看原因（2-200 个字）。");
  }
  if (fields.empty())
    problems.Add("fields", "required", "Name the fields to reveal.", "请指定要查看的字段。");
  for (const auto& field : fields) {
    if (field != "id_number" && field != "phone") {
      problems.Add("fields", "unknown_field", "Only id_number and phone can be revealed.",
                   "只能查看公民身份号码和联系电话。");
    }
  }
  problems.ThrowIfAny();
  return context_.database.Write([&](db::Connection& c) {
    const auto person = LoadVisible(c, actor, id);
    RevealedValues values;
    for (const auto& field : fields) {
      if (field == "id_number" && person.id_number_cipher) {
        values.id_number = context_.vault.Decrypt(*person.id_number_cipher, kIdNumberContext);
      }
      if (field == "phone" && person.phone_cipher) {
        values.phone = context_.vault.Decrypt(*person.phone_cipher, kPhoneContext);
      }
    }
    // Recorded with the read itself: no clear value leaves without its trace.
    auto entry = Entry(actor, "people.reveal", person);
    entry.detail = {{"fields", fields}, {"reason", trimmed}};
    context_.audit.Record(c, entry);
    return values;
  });
}

PersonEvent PersonService::RecordEvent(const auth::Principal& actor, std::int64_t id,
                                       const NewPersonEvent& request) {
  const auto today = ChinaToday(context_.clock);
  Problems problems;
  const bool needs_place = request.kind == "move_in" || request.kind == "relocate";
  if (request.kind != "move_in" && request.kind != "move_out" && request.kind != "relocate" &&
      request.kind != "death") {
    problems.Add("kind", "unknown_value", "kind is move_in, move_out, relocate or death.",
                 "事件类型须为 move_in（迁入）、move_out（迁出）、relocate（居住地变更）或 death（死亡）。");
  }
  const auto occurred_on = request.occurred_on.value_or(today);
  if (!IsDate(occurred_on) || occurred_on > today) {
    problems.Add("occurred_on", "invalid_date", "Give the date as YYYY-MM-DD, not after today.",
                 "日期格式应为 YYYY-MM-DD，且不晚于今天。");
  }
  if (needs_place && (!request.to_code || request.to_code->empty())) {
    problems.Add("to_code", "required", "Give the new residence.", "请填写新的居住地。");
  }
  if (request.kind == "move_out" && Trim(request.place).empty() && !request.to_code) {
    problems.Add("place", "required", "Say where the person moved to.", "请填写迁往何处。");
  }
  if (CharacterCount(request.place) > 100 || CharacterCount(request.note) > 500) {
    problems.Add("note", "too_long", "Place at most 100 characters, note at most 500.",
                 "去向不超过 100 字，备注不超过 500 字。");
  }
  problems.ThrowIfAny();
  return context_.database.Write([&](db::Connection& c) {
    auto person = LoadVisible(c, actor, id);
    if (person.status == "deceased") {
      Conflict("kind", "deceased", "The person is recorded as deceased.", "此人已登记死亡。");
    }
    if (request.kind == "move_in" && person.status != "moved_out") {
      Conflict("kind", "not_moved_out", "Only someone who moved out can move in again; use relocate.",
               "此人未迁出，居住地变更请使用 relocate。");
    }
    if ((request.kind == "move_out" || request.kind == "relocate") && person.status != "living") {
      Conflict("kind", "not_living_here", "The person has moved out already.", "此人已迁出。");
    }
    if (person.birth_date && occurred_on < *person.birth_date) {
      Problems date;
      date.Add("occurred_on", "before_birth", "The date is before the person's birth.", "日期早于出生日期。");
      date.ThrowIfAny();
    }
    const auto now = context_.clock.NowMillis();
    PersonEvent event;
    event.person_id = id;
    event.kind = request.kind;
    event.occurred_on = occurred_on;
    event.from_code = person.residence_code;
    event.to_code = request.to_code && !request.to_code->empty() ? request.to_code : std::nullopt;
    event.place = Trim(request.place);
    event.note = Trim(request.note);
    event.recorded_by = ActorId(actor);
    event.recorded_by_name = actor.username;
    event.recorded_at = now;

    ChangeSet changes;
    if (needs_place) {
      // A move names a node of the tree; moving someone into another area hands them over to it.
      const auto node = regions::RegionStore::Find(c, *event.to_code);
      if (!node || node->level < static_cast<int>(regions::Level::kCommunity)) {
        Problems place;
        place.Add("to_code", "unknown_address", "No such community, compound, building, unit or dwelling.",
                  "地址不存在（须为社区及以下的节点）。");
        place.ThrowIfAny();
      }
      changes.Apply("residence_code", person.residence_code, event.to_code);
      changes.Apply("status", person.status, std::optional<std::string>("living"));
    } else if (request.kind == "move_out") {
      changes.Apply("status", person.status, std::optional<std::string>("moved_out"));
    } else {
      changes.Apply("status", person.status, std::optional<std::string>("deceased"));
    }
    if (person.status != "living") {
      const auto reason = std::string(PersonEventKinds().Label(request.kind));
      KeyGroupStore::EndAll(c, id, occurred_on, reason, now);
      PersonStore::LeaveHousehold(c, id, occurred_on, reason);
    }
    const auto version = person.version;
    person.version = version + 1;
    person.updated_at = now;
    if (!PersonStore::Update(c, person, version)) {
      StaleVersion();
    }
    PersonStore::SyncGroupCopies(c, person);
    event.id = PersonStore::InsertEvent(c, event);
    ChangeLog::Write(c, kEntity, std::to_string(id), changes, actor, now);
    auto entry = Entry(actor, "people." + request.kind, person);
    entry.detail = changes.AuditDetail();
    entry.detail["occurred_on"] = occurred_on;
    context_.audit.Record(c, entry);
    return event;
  });
}

PersonHistory PersonService::History(const auth::Principal& actor, std::int64_t id) const {
  return context_.database.Read([&](db::Connection& c) {
    LoadVisible(c, actor, id);
    return PersonHistory{PersonStore::Events(c, id), ChangeLog::List(c, kEntity, std::to_string(id), 1000)};
  });
}

namespace {

PersonFilter FilterFor(const RegistryContext& context, db::Connection& c, const auth::Principal& actor,
                       const PersonQuery& query) {
  const auto invalid = [](std::string_view name, std::string en, std::string zh) {
    throw Error(ErrorCode::kInvalidQueryParameter, std::move(en), std::move(zh),
                nlohmann::json::array({FieldDetail(name, "invalid")}));
  };
  PersonFilter filter;
  filter.prefixes = regions::SearchPrefixes(actor.scope, query.region);
  const auto text = Trim(query.text);
  if (!text.empty()) {
    const bool letters = std::all_of(text.begin(), text.end(),
                                     [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)); });
    if (letters) {
      for (char ch : text)
        filter.initials_prefix += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    } else {
      filter.name_part = text;
    }
  }
  const auto today = ChinaToday(context.clock);
  if (!query.id_number.empty()) {
    const auto id = ParseIdNumber(Trim(query.id_number), Compact(today));
    if (id.problem != IdNumberProblem::kNone)
      invalid("id_number", "Not a valid ID number.", "公民身份号码无效。");
    filter.id_number_index = context.vault.Index(id.number, kIdNumberContext);
  }
  if (!query.phone.empty()) {
    const auto phone = NormalisePhone(query.phone);
    if (!phone) invalid("phone", "Not a valid phone number.", "联系电话无效。");
    filter.phone_index = context.vault.Index(*phone, kPhoneContext);
  }
  if (!query.group_type.empty()) {
    const auto type = KeyGroupStore::FindType(c, query.group_type);
    if (!type) invalid("group_type", "No such key group.", "没有该重点人群类别。");
    if (!context.MaySee(actor, type->sensitivity)) {
      throw Error(ErrorCode::kForbidden, "Your role may not see this key group.",
                  "您的角色无权查看该类重点人群。");
    }
    filter.group_type = query.group_type;
  }
  if (query.age_min && (*query.age_min < 0 || *query.age_min > 150))
    invalid("age_min", "Age 0-150.", "年龄范围 0-150。");
  if (query.age_max && (*query.age_max < 0 || *query.age_max > 150))
    invalid("age_max", "Age 0-150.", "年龄范围 0-150。");
  if (query.age_min) filter.born_on_or_before = YearsBefore(today, *query.age_min);
  if (query.age_max) filter.born_after = YearsBefore(today, *query.age_max + 1);
  for (const auto& [value, vocabulary, target] :
       {std::tuple{&query.sex, &Sexes(), &filter.sex},
        std::tuple{&query.residence_type, &ResidenceTypes(), &filter.residence_type},
        std::tuple{&query.status, &PersonStatuses(), &filter.status}}) {
    if (value->empty()) continue;
    const auto code = vocabulary->Read(*value);
    if (!code) invalid(vocabulary->field, "Not an allowed value.", "取值无效。");
    *target = std::string(*code);
  }
  static const std::set<std::string, std::less<>> kSorts = {"name", "birth_date", "updated_at", "id"};
  if (!kSorts.contains(query.sort))
    invalid("sort", "sort is name, birth_date, updated_at or id.", "排序字段无效。");
  filter.sort = query.sort;
  filter.descending = query.descending;
  filter.limit = query.limit;
  filter.offset = query.offset;
  return filter;
}

}  // namespace

PersonPage PersonService::Search(const auth::Principal& actor, const PersonQuery& query) const {
  return context_.database.Read([&](db::Connection& c) {
    auto page = PersonStore::Search(c, FilterFor(context_, c, actor, query), true);
    std::vector<std::string> codes;
    std::vector<std::int64_t> ids;
    for (const auto& person : page.items) {
      codes.push_back(person.residence_code);
      ids.push_back(person.id);
    }
    page.addresses = AddressesOf(c, codes);
    std::map<std::string, std::string> sensitivity;
    for (const auto& type : KeyGroupStore::Types(c)) sensitivity[type.code] = type.sensitivity;
    for (const auto& group : KeyGroupStore::OfPeople(c, ids)) {
      if (group.ended_on || !context_.MaySee(actor, sensitivity[group.type_code])) continue;
      page.current_groups[group.person_id].push_back(group.type_code);
    }
    return page;
  });
}

void PersonService::ForEach(const auth::Principal& actor, const PersonQuery& query,
                            const ExportVisitor& visit) const {
  context_.database.Read([&](db::Connection& c) {
    const auto filter = FilterFor(context_, c, actor, query);
    std::map<std::string, std::string> sensitivity;
    for (const auto& type : KeyGroupStore::Types(c)) sensitivity[type.code] = type.sensitivity;
    std::map<std::string, std::string> addresses;
    std::vector<Person> batch;
    // People come in batches so that addresses and groups are read a thousand at a time.
    const auto flush = [&] {
      std::vector<std::int64_t> ids;
      std::vector<std::string> missing;
      for (const auto& person : batch) {
        ids.push_back(person.id);
        if (!addresses.contains(person.residence_code)) missing.push_back(person.residence_code);
      }
      for (auto& [code, address] : AddressesOf(c, missing)) addresses[code] = std::move(address);
      std::map<std::int64_t, std::vector<std::string>> groups;
      for (const auto& group : KeyGroupStore::OfPeople(c, ids)) {
        if (!group.ended_on && context_.MaySee(actor, sensitivity[group.type_code])) {
          groups[group.person_id].push_back(group.type_code);
        }
      }
      static const std::vector<std::string> kNone;
      for (const auto& person : batch) {
        const auto it = groups.find(person.id);
        visit(person, addresses[person.residence_code], it == groups.end() ? kNone : it->second);
      }
      batch.clear();
      if (addresses.size() > 100'000) addresses.clear();
    };
    PersonStore::ForEach(c, filter, [&](const Person& person) {
      batch.push_back(person);
      if (batch.size() == 1000) flush();
    });
    flush();
  });
}

}  // namespace shequ::registry
