#include "registry/household_service.hpp"

#include <cmath>

#include "core/db/sql_params.hpp"
#include "core/errors/error.hpp"
#include "regions/subtree_filter.hpp"
#include "registry/field_checks.hpp"
#include "registry/household_store.hpp"
#include "registry/person_service.hpp"
#include "registry/person_store.hpp"
#include "registry/vocabulary.hpp"

namespace shequ::registry {
namespace {

constexpr std::string_view kEntity = "household";

audit::AuditEntry Entry(const auth::Principal& actor, std::string action, const Household& household) {
  auto entry = audit::AuditLog::By(actor, std::move(action), "household", std::to_string(household.id));
  entry.region_code = household.dwelling_code;
  return entry;
}

// A membership in the history: the field names the person, the values are relations.
std::string MemberField(std::int64_t person_id) { return "member:" + std::to_string(person_id); }

std::optional<std::string> IdText(const std::optional<std::int64_t>& id) { return ChangeText(id); }

// 2026, 2026-10, 2026-Q3 or 2026-H1.
bool IsPeriod(std::string_view text) {
  const auto digits = [](std::string_view part) {
    return !part.empty() && part.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (text.size() < 4 || !digits(text.substr(0, 4))) return false;
  if (text.size() == 4) return true;
  if (text.size() != 7 || text[4] != '-') return false;
  const auto rest = text.substr(5);
  if (rest[0] == 'Q') return rest[1] >= '1' && rest[1] <= '4';
  if (rest[0] == 'H') return rest[1] == '1' || rest[1] == '2';
  if (!digits(rest)) return false;
  const int month = (rest[0] - '0') * 10 + (rest[1] - '0');
  return month >= 1 && month <= 12;
}

const HouseholdMember* CurrentMember(const std::vector<HouseholdMember>& members, std::int64_t person_id) {
  for (const auto& member : members) {
    if (!member.left_on && member.person_id == person_id) return &member;
  }
  return nullptr;
}

const HouseholdMember* CurrentHead(const std::vector<HouseholdMember>& members) {
  for (const auto& member : members) {
    if (!member.left_on && member.relation == "head") return &member;
  }
  return nullptr;
}

// A person who may join a household: visible, living, and in no household now.
Person JoiningPerson(db::Connection& c, const auth::Principal& actor, std::int64_t person_id,
                     std::string_view field, std::int64_t household_id) {
  auto person = PersonStore::Find(c, person_id);
  if (const auto problem = JoiningProblem(c, actor, person, field, household_id)) {
    if (problem->code == "unknown_person") {
      Problems problems;
      problems.Add(field, problem->code, problem->message, problem->message_zh);
      problems.ThrowIfAny();
    }
    Conflict(field, problem->code, problem->message, problem->message_zh);
  }
  return std::move(*person);
}

HouseholdFilter FilterFor(const auth::Principal& actor, const HouseholdQuery& query) {
  HouseholdFilter filter;
  filter.prefixes = regions::SearchPrefixes(actor.scope, query.region);
  filter.text = Trim(query.text);
  if (!query.kind.empty()) {
    const auto code = HouseholdKinds().Read(query.kind);
    if (!code) {
      throw Error(ErrorCode::kInvalidQueryParameter, "kind is family or collective.", "户类型无效。",
                  nlohmann::json::array({FieldDetail("kind", "invalid")}));
    }
    filter.kind = std::string(*code);
  }
  filter.limit = query.limit;
  filter.offset = query.offset;
  return filter;
}

std::int64_t InsertMember(db::Connection& c, const HouseholdMember& member, std::string_view field) {
  try {
    return HouseholdStore::InsertMember(c, member);
  } catch (const db::DatabaseError& e) {
    // Two clerks adding at once: the unique indexes of current memberships decide.
    if (e.kind() != db::DatabaseError::Kind::kUniqueViolation) throw;
    Conflict(field, "in_another_household", "The person joined a household meanwhile, or it has a head.",
             "此人已加入其他户，或本户已有户主。");
  }
}

// Saves a household whose version was `version`, one version on.
void Save(db::Connection& c, Household& household, std::int64_t version, std::int64_t now) {
  household.version = version + 1;
  household.updated_at = now;
  if (!HouseholdStore::Update(c, household, version)) StaleVersion();
}

}  // namespace

std::optional<Problem> JoiningProblem(db::Connection& c, const auth::Principal& actor,
                                      const std::optional<Person>& person, std::string_view field,
                                      std::int64_t household_id) {
  const auto problem = [&](std::string code, std::string en, std::string zh) {
    return Problem{std::string(field), std::move(code), std::move(en), std::move(zh)};
  };
  if (!person || !VisibleTo(actor.scope, *person)) {
    return problem("unknown_person", "No such person in your area.", "您的管辖范围内没有此人。");
  }
  if (person->status != "living") {
    return problem("not_living", "The person has moved out or died.", "此人已迁出或死亡。");
  }
  if (const auto current = HouseholdStore::CurrentHouseholdOf(c, person->id)) {
    if (*current == household_id) {
      return problem("already_member", "The person is a member of this household already.",
                     "此人已是本户成员。");
    }
    return problem("in_another_household",
                   "The person belongs to another household; they must leave it first (分户 or 迁出).",
                   "此人已属于其他户，须先办理分户或迁出。");
  }
  return std::nullopt;
}

HouseholdFields CheckHouseholdFields(const HouseholdFields& in, const std::string& today, bool creating,
                                     Problems& problems) {
  HouseholdFields out;
  out.expected_version = in.expected_version;
  out.head_person_id = in.head_person_id;
  CheckText(in.number, "number", 30, problems, out.number);
  CheckTerm(creating && !in.kind ? std::optional<std::string>("family") : in.kind, HouseholdKinds(), problems,
            out.kind);
  CheckText(in.note, "note", 500, problems, out.note);
  if (in.dwelling_code) out.dwelling_code = Trim(*in.dwelling_code);
  if (creating && (!out.dwelling_code || out.dwelling_code->empty())) {
    problems.Add("dwelling_code", "required", "Give the dwelling the household lives at.",
                 "请填写户所在的房屋。");
  }
  CheckDate(in.joined_on, "joined_on", problems, out.joined_on, today);
  if (in.former_head_relation) {
    CheckTerm(in.former_head_relation, HouseholdRelations(), problems, out.former_head_relation,
              "former_head_relation");
    if (out.former_head_relation == "head") {
      problems.Add("former_head_relation", "head", "The former head takes another relation.",
                   "原户主须改为其他关系。");
    }
  }
  return out;
}

std::string HouseholdService::Today() const { return ChinaToday(context_.clock); }

Household HouseholdService::LoadVisible(db::Connection& c, const auth::Principal& actor,
                                        std::int64_t id) const {
  auto household = HouseholdStore::Find(c, id);
  if (!household || !actor.scope.Contains(household->dwelling_code)) throw Error(ErrorCode::kNotFound);
  return std::move(*household);
}

HouseholdView HouseholdService::ViewOf(db::Connection& c, Household household) const {
  HouseholdView view;
  view.dwelling_address = AddressesOf(c, {household.dwelling_code})[household.dwelling_code];
  auto members = HouseholdStore::Members(c, household.id);
  // A death or a move recorded on the person ends the membership; the head is who is head now.
  const auto* head = CurrentHead(members);
  household.head_person_id = head ? std::optional(head->person_id) : std::nullopt;
  for (auto& member : members)
    (member.left_on ? view.past_members : view.members).push_back(std::move(member));
  view.household = std::move(household);
  return view;
}

HouseholdView HouseholdService::Create(const auth::Principal& actor, const HouseholdFields& request) {
  const auto today = Today();
  Problems problems;
  const auto fields = CheckHouseholdFields(request, today, true, problems);
  problems.ThrowIfAny();
  return context_.database.Write([&](db::Connection& c) {
    CheckPlace(c, actor, *fields.dwelling_code, "dwelling_code", PlaceRule::kDwelling);
    std::vector<NewHouseholdMember> members;
    if (fields.head_person_id) {
      const auto head = JoiningPerson(c, actor, *fields.head_person_id, "head_person_id", 0);
      const auto joined_on = fields.joined_on.value_or(today);
      if (head.birth_date && joined_on < *head.birth_date) {
        Problems date;
        date.Add("joined_on", "before_birth", "The date is before the person's birth.", "日期早于出生日期。");
        date.ThrowIfAny();
      }
      members.push_back({.person_id = head.id, .relation = "head", .joined_on = joined_on});
    }
    const auto id = InsertChecked(c, context_, actor, fields, members);
    return ViewOf(c, *HouseholdStore::Find(c, id));
  });
}

std::int64_t HouseholdService::InsertChecked(db::Connection& c, const RegistryContext& context,
                                             const auth::Principal& actor, const HouseholdFields& fields,
                                             const std::vector<NewHouseholdMember>& members) {
  const auto now = context.clock.NowMillis();
  const auto today = ChinaToday(context.clock);
  Household household;
  ChangeSet changes;
  changes.Apply("number", household.number, fields.number);
  changes.Apply("kind", household.kind, fields.kind);
  changes.Apply("dwelling_code", household.dwelling_code, fields.dwelling_code);
  changes.Apply("note", household.note, fields.note);
  for (const auto& member : members) {
    if (member.relation == "head") household.head_person_id = member.person_id;
  }
  household.created_at = household.updated_at = now;
  household.id = HouseholdStore::Insert(c, household);
  for (const auto& member : members) {
    const bool head = member.relation == "head";
    InsertMember(c,
                 {.household_id = household.id,
                  .person_id = member.person_id,
                  .relation = member.relation,
                  .joined_on = member.joined_on.value_or(today)},
                 head ? "head_person_id" : "person_id");
    if (head) changes.Note("head_person_id", std::nullopt, IdText(member.person_id));
    changes.Note(MemberField(member.person_id), std::nullopt, member.relation);
  }
  ChangeLog::Write(c, kEntity, std::to_string(household.id), changes, actor, now);
  auto entry = Entry(actor, "registry.household_create", household);
  entry.detail = changes.AuditDetail();
  context.audit.Record(c, entry);
  return household.id;
}

HouseholdView HouseholdService::Get(const auth::Principal& actor, std::int64_t id) const {
  return context_.database.Read([&](db::Connection& c) { return ViewOf(c, LoadVisible(c, actor, id)); });
}

HouseholdView HouseholdService::Update(const auth::Principal& actor, std::int64_t id,
                                       const HouseholdFields& patch) {
  Problems problems;
  const auto fields = CheckHouseholdFields(patch, Today(), false, problems);
  problems.ThrowIfAny();
  return context_.database.Write([&](db::Connection& c) {
    auto household = LoadVisible(c, actor, id);
    const auto version = household.version;
    if (fields.expected_version && *fields.expected_version != version) StaleVersion();
    ChangeSet changes;
    changes.Apply("number", household.number, fields.number);
    changes.Apply("kind", household.kind, fields.kind);
    changes.Apply("note", household.note, fields.note);
    const auto members = HouseholdStore::Members(c, id);
    const auto* head = CurrentHead(members);
    if (fields.head_person_id && (!head || head->person_id != *fields.head_person_id)) {
      const auto* next = CurrentMember(members, *fields.head_person_id);
      if (next == nullptr) {
        Problems member;
        member.Add("head_person_id", "not_a_member",
                   "The new head must be a current member; add them to the household first.",
                   "新户主须为本户现有成员，请先将其加入本户。");
        member.ThrowIfAny();
      }
      // The old head steps aside first: one current head at a time, by a unique index.
      if (head != nullptr) {
        const auto relation = fields.former_head_relation.value_or("other_relative");
        HouseholdStore::SetRelation(c, head->id, relation);
        changes.Note(MemberField(head->person_id), "head", relation);
      }
      HouseholdStore::SetRelation(c, next->id, "head");
      changes.Note(MemberField(next->person_id), next->relation, "head");
      changes.Note("head_person_id", head ? IdText(head->person_id) : std::nullopt, IdText(next->person_id));
      household.head_person_id = next->person_id;
    }
    if (changes.empty()) return ViewOf(c, std::move(household));
    const auto now = context_.clock.NowMillis();
    Save(c, household, version, now);
    ChangeLog::Write(c, kEntity, std::to_string(id), changes, actor, now);
    auto entry = Entry(actor, "registry.household_update", household);
    entry.detail = changes.AuditDetail();
    context_.audit.Record(c, entry);
    return ViewOf(c, std::move(household));
  });
}

HouseholdView HouseholdService::AddMember(const auth::Principal& actor, std::int64_t id,
                                          const NewHouseholdMember& request) {
  const auto today = Today();
  Problems problems;
  std::optional<std::string> relation;
  CheckTerm(request.relation, HouseholdRelations(), problems, relation);
  std::optional<std::string> joined_on;
  CheckDate(request.joined_on.value_or(today), "joined_on", problems, joined_on, today);
  problems.ThrowIfAny();
  return context_.database.Write([&](db::Connection& c) {
    auto household = LoadVisible(c, actor, id);
    const auto version = household.version;
    const auto person = JoiningPerson(c, actor, request.person_id, "person_id", id);
    if (person.birth_date && *joined_on < *person.birth_date) {
      Problems date;
      date.Add("joined_on", "before_birth", "The date is before the person's birth.", "日期早于出生日期。");
      date.ThrowIfAny();
    }
    const auto members = HouseholdStore::Members(c, id);
    ChangeSet changes;
    if (*relation == "head") {
      if (CurrentHead(members) != nullptr) {
        Conflict("relation", "head_exists",
                 "The household has a head; change the head with PATCH /api/households/{id}.",
                 "本户已有户主；更换户主请修改户信息。");
      }
      changes.Note("head_person_id", IdText(household.head_person_id), IdText(person.id));
      household.head_person_id = person.id;
    }
    InsertMember(c,
                 {.household_id = id, .person_id = person.id, .relation = *relation, .joined_on = *joined_on},
                 "person_id");
    changes.Note(MemberField(person.id), std::nullopt, *relation);
    const auto now = context_.clock.NowMillis();
    Save(c, household, version, now);
    ChangeLog::Write(c, kEntity, std::to_string(id), changes, actor, now);
    auto entry = Entry(actor, "registry.household_member_add", household);
    entry.detail = {{"person_id", person.id}, {"relation", *relation}, {"joined_on", *joined_on}};
    context_.audit.Record(c, entry);
    return ViewOf(c, std::move(household));
  });
}

HouseholdView HouseholdService::RemoveMember(const auth::Principal& actor, std::int64_t id,
                                             std::int64_t person_id,
                                             const std::optional<std::string>& left_on,
                                             const std::string& reason) {
  const auto today = Today();
  Problems problems;
  std::optional<std::string> date;
  CheckDate(left_on.value_or(today), "left_on", problems, date, today);
  std::optional<std::string> why;
  CheckText(reason, "reason", 100, problems, why);
  problems.ThrowIfAny();
  return context_.database.Write([&](db::Connection& c) {
    auto household = LoadVisible(c, actor, id);
    const auto version = household.version;
    const auto members = HouseholdStore::Members(c, id);
    const auto* member = CurrentMember(members, person_id);
    if (member == nullptr) throw Error(ErrorCode::kNotFound);
    if (*date < member->joined_on) {
      Problems order;
      order.Add("left_on", "before_joining", "The date is before the person joined.", "日期早于入户日期。");
      order.ThrowIfAny();
    }
    HouseholdStore::EndMember(c, member->id, *date, *why);
    ChangeSet changes;
    changes.Note(MemberField(person_id), member->relation, std::nullopt);
    if (member->relation == "head") {
      // The household goes without a head until another member is named one.
      changes.Note("head_person_id", IdText(person_id), std::nullopt);
      household.head_person_id.reset();
    }
    const auto now = context_.clock.NowMillis();
    Save(c, household, version, now);
    ChangeLog::Write(c, kEntity, std::to_string(id), changes, actor, now);
    auto entry = Entry(actor, "registry.household_member_leave", household);
    entry.detail = {{"person_id", person_id}, {"left_on", *date}, {"reason", *why}};
    context_.audit.Record(c, entry);
    return ViewOf(c, std::move(household));
  });
}

LedgerEntry HouseholdService::AddLedgerEntry(const auth::Principal& actor, std::int64_t id,
                                             const NewLedgerEntry& request) {
  const auto today = Today();
  Problems problems;
  std::optional<std::string> category, item, unit, note, entry_date;
  CheckTerm(request.category, LedgerCategories(), problems, category);
  CheckText(request.item, "item", 100, problems, item);
  if (!item || item->empty()) problems.Add("item", "required", "Say what is recorded.", "请填写事项。");
  CheckText(request.unit, "unit", 10, problems, unit);
  CheckText(request.note, "note", 500, problems, note);
  CheckDate(request.entry_date.value_or(today), "entry_date", problems, entry_date, today);
  if (request.amount && (!std::isfinite(*request.amount) || std::abs(*request.amount) >= 1e12)) {
    problems.Add("amount", "out_of_range", "Give an amount below a trillion.", "金额超出范围。");
  }
  if (request.amount && unit->empty()) {
    problems.Add("unit", "required", "Say what the amount counts (元, 亩, 人 …).",
                 "请填写数量单位（元、亩、人等）。");
  }
  auto period = Trim(request.period);
  if (period.empty() && entry_date && IsDate(*entry_date)) period = entry_date->substr(0, 4);
  if (!IsPeriod(period)) {
    problems.Add("period", "invalid_period", "Give the period as 2026, 2026-10, 2026-Q3 or 2026-H1.",
                 "期间格式应为 2026、2026-10、2026-Q3 或 2026-H1。");
  }
  problems.ThrowIfAny();
  return context_.database.Write([&](db::Connection& c) {
    const auto household = LoadVisible(c, actor, id);
    LedgerEntry entry;
    if (request.person_id) {
      const auto members = HouseholdStore::Members(c, id);
      const auto* member = CurrentMember(members, *request.person_id);
      if (member == nullptr) {
        Problems who;
        who.Add("person_id", "not_a_member", "The person is not a current member of the household.",
                "此人不是本户现有成员。");
        who.ThrowIfAny();
      }
      entry.person_id = member->person_id;
      entry.person_name = member->name;
    }
    entry.household_id = id;
    entry.category = *category;
    entry.item = *item;
    entry.amount = request.amount;
    entry.unit = *unit;
    entry.period = period;
    entry.entry_date = *entry_date;
    entry.note = *note;
    entry.recorded_by = ActorId(actor);
    entry.recorded_by_name = actor.username;
    entry.recorded_at = context_.clock.NowMillis();
    entry.id = HouseholdStore::InsertLedgerEntry(c, entry);
    ChangeLog::WriteOne(
        c, kEntity, std::to_string(id),
        {"ledger:" + std::to_string(entry.id), std::nullopt, entry.category + " " + entry.item}, actor,
        entry.recorded_at);
    auto audit_entry = Entry(actor, "registry.household_ledger_add", household);
    audit_entry.detail = {
        {"entry_id", entry.id}, {"category", entry.category}, {"item", entry.item}, {"period", entry.period}};
    if (entry.amount) audit_entry.detail["amount"] = *entry.amount;
    context_.audit.Record(c, audit_entry);
    return entry;
  });
}

std::vector<LedgerEntry> HouseholdService::Ledger(const auth::Principal& actor, std::int64_t id,
                                                  const LedgerQuery& query) const {
  LedgerQuery filter;
  if (!query.category.empty()) {
    const auto code = LedgerCategories().Read(query.category);
    if (!code) {
      throw Error(ErrorCode::kInvalidQueryParameter, "Not a ledger category.", "台账类别无效。",
                  nlohmann::json::array({FieldDetail("category", "invalid")}));
    }
    filter.category = std::string(*code);
  }
  filter.period = Trim(query.period);
  if (!filter.period.empty() && !IsPeriod(filter.period)) {
    throw Error(ErrorCode::kInvalidQueryParameter, "period is 2026, 2026-10, 2026-Q3 or 2026-H1.",
                "期间格式应为 2026、2026-10、2026-Q3 或 2026-H1。",
                nlohmann::json::array({FieldDetail("period", "invalid")}));
  }
  return context_.database.Read([&](db::Connection& c) {
    LoadVisible(c, actor, id);
    return HouseholdStore::Ledger(c, id, filter);
  });
}

std::vector<ChangeRecord> HouseholdService::History(const auth::Principal& actor, std::int64_t id) const {
  return context_.database.Read([&](db::Connection& c) {
    LoadVisible(c, actor, id);
    return ChangeLog::List(c, kEntity, std::to_string(id), 1000);
  });
}

HouseholdPage HouseholdService::Search(const auth::Principal& actor, const HouseholdQuery& query) const {
  const auto filter = FilterFor(actor, query);
  return context_.database.Read([&](db::Connection& c) {
    auto page = HouseholdStore::Search(c, filter);
    std::vector<std::string> codes;
    for (const auto& row : page.items) codes.push_back(row.household.dwelling_code);
    page.addresses = AddressesOf(c, codes);
    return page;
  });
}

void HouseholdService::ForEach(const auth::Principal& actor, const HouseholdQuery& query,
                               const ExportVisitor& visit) const {
  const auto filter = FilterFor(actor, query);
  context_.database.Read([&](db::Connection& c) {
    HouseholdStore::ForEachPage(c, filter, [&](std::vector<HouseholdRow>& page) {
      std::vector<std::string> codes;
      for (const auto& row : page) codes.push_back(row.household.dwelling_code);
      auto addresses = AddressesOf(c, codes);
      for (const auto& row : page) visit(row, addresses[row.household.dwelling_code]);
    });
  });
}

}  // namespace shequ::registry
