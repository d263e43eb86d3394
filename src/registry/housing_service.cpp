#include "registry/housing_service.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include <fmt/format.h>

#include "core/db/sql_params.hpp"
#include "core/errors/error.hpp"
#include "regions/subtree_filter.hpp"
#include "registry/field_checks.hpp"
#include "registry/housing_store.hpp"
#include "registry/vocabulary.hpp"

namespace shequ::registry {
namespace {

constexpr std::string_view kEntity = "housing";
// Shares are percentages with decimals (33.33); sums are compared with this tolerance.
constexpr double kShareTolerance = 1e-6;

audit::AuditEntry Entry(const auth::Principal& actor, std::string action, const std::string& code) {
  auto entry = audit::AuditLog::By(actor, std::move(action), "housing", code);
  entry.region_code = code;
  return entry;
}

bool HoldsShare(const HousingParty& party) { return party.role == "owner" || party.role == "co_owner"; }

double ShareTotal(const std::vector<HousingParty>& parties) {
  double total = 0;
  for (const auto& party : parties) {
    if (!party.ended_on && HoldsShare(party)) total += party.share_percent.value_or(0);
  }
  return total;
}

// A party in the history: "co_owner 汉阴县住房保障中心 30%".
std::string PartyText(const HousingParty& party) {
  auto text = party.role + " " + party.party_name;
  if (party.share_percent) text += fmt::format(" {}%", *party.share_percent);
  return text;
}

std::string PartyField(std::int64_t party_id) { return "party:" + std::to_string(party_id); }

HousingFilter FilterFor(const auth::Principal& actor, const HousingQuery& query) {
  HousingFilter filter;
  filter.prefixes = regions::SearchPrefixes(actor.scope, query.region);
  for (const auto& [value, vocabulary, target] :
       {std::tuple{&query.use, &HousingUses(), &filter.use},
        std::tuple{&query.ownership, &HousingOwnerships(), &filter.ownership},
        std::tuple{&query.occupancy, &HousingOccupancies(), &filter.occupancy}}) {
    if (value->empty()) continue;
    const auto code = vocabulary->Read(*value);
    if (!code) {
      throw Error(ErrorCode::kInvalidQueryParameter, "Not an allowed value.", "取值无效。",
                  nlohmann::json::array({FieldDetail(vocabulary->field, "invalid")}));
    }
    *target = std::string(*code);
  }
  filter.limit = query.limit;
  filter.offset = query.offset;
  return filter;
}

}  // namespace

HousingFields CheckHousingFields(const HousingFields& in, bool creating, Problems& problems) {
  HousingFields out;
  out.expected_version = in.expected_version;
  if (in.dwelling_code) out.dwelling_code = Trim(*in.dwelling_code);
  if (creating && (!out.dwelling_code || out.dwelling_code->empty())) {
    problems.Add("dwelling_code", "required", "Give the dwelling.", "请填写房屋。");
  }
  if (in.area_m2) {
    if (!std::isfinite(*in.area_m2) || *in.area_m2 <= 0 || *in.area_m2 >= 100000) {
      problems.Add("area_m2", "out_of_range", "Give the floor area in m², more than 0 and below 100000.",
                   "建筑面积应大于 0、小于 100000 平方米。");
    }
    out.area_m2 = in.area_m2;
  }
  CheckTerm(creating && !in.use ? std::optional<std::string>("residential") : in.use, HousingUses(), problems,
            out.use);
  CheckTerm(in.ownership, HousingOwnerships(), problems, out.ownership);
  CheckTerm(in.occupancy, HousingOccupancies(), problems, out.occupancy);
  if (creating && !in.ownership) {
    problems.Add("ownership", "required", "Give the ownership (private, shared …).", "请填写产权性质。");
  }
  if (creating && !in.occupancy) {
    problems.Add("occupancy", "required", "Give the occupancy (owner_occupied, rented, vacant …).",
                 "请填写使用状况（自住、出租、空置等）。");
  }
  CheckText(in.certificate_number, "certificate_number", 50, problems, out.certificate_number);
  CheckText(in.note, "note", 500, problems, out.note);
  return out;
}

Housing HousingService::LoadVisible(db::Connection& c, const auth::Principal& actor,
                                    const std::string& code) const {
  if (!actor.scope.Contains(code)) throw Error(ErrorCode::kNotFound);
  auto housing = HousingStore::Find(c, code);
  if (!housing) throw Error(ErrorCode::kNotFound);
  return std::move(*housing);
}

HousingView HousingService::ViewOf(db::Connection& c, Housing housing) const {
  HousingView view;
  view.address = AddressesOf(c, {housing.dwelling_code})[housing.dwelling_code];
  auto parties = HousingStore::Parties(c, housing.dwelling_code);
  view.share_total = ShareTotal(parties);
  view.shares_complete = std::abs(view.share_total - 100) < kShareTolerance;
  for (auto& party : parties) (party.ended_on ? view.past_parties : view.parties).push_back(std::move(party));
  view.housing = std::move(housing);
  return view;
}

HousingView HousingService::Create(const auth::Principal& actor, const HousingFields& request) {
  Problems problems;
  const auto fields = CheckHousingFields(request, true, problems);
  problems.ThrowIfAny();
  return context_.database.Write([&](db::Connection& c) {
    CheckPlace(c, actor, *fields.dwelling_code, "dwelling_code", PlaceRule::kDwelling);
    const auto exists = [] {
      Conflict("dwelling_code", "duplicate", "The dwelling has a housing record; change it instead.",
               "该房屋已登记，请修改原记录。");
    };
    if (HousingStore::Find(c, *fields.dwelling_code)) exists();
    try {
      InsertChecked(c, context_, actor, fields);
    } catch (const db::DatabaseError& e) {
      // Two clerks registering one dwelling at once: the primary key decides.
      if (e.kind() != db::DatabaseError::Kind::kUniqueViolation) throw;
      exists();
    }
    return ViewOf(c, *HousingStore::Find(c, *fields.dwelling_code));
  });
}

void HousingService::InsertChecked(db::Connection& c, const RegistryContext& context,
                                   const auth::Principal& actor, const HousingFields& fields) {
  const auto now = context.clock.NowMillis();
  Housing housing;
  housing.dwelling_code = *fields.dwelling_code;
  ChangeSet changes;
  changes.Apply("area_m2", housing.area_m2, fields.area_m2);
  changes.Apply("use", housing.use, fields.use);
  changes.Apply("ownership", housing.ownership, fields.ownership);
  changes.Apply("occupancy", housing.occupancy, fields.occupancy);
  changes.Apply("certificate_number", housing.certificate_number, fields.certificate_number);
  changes.Apply("note", housing.note, fields.note);
  housing.created_at = housing.updated_at = now;
  HousingStore::Insert(c, housing);
  ChangeLog::Write(c, kEntity, housing.dwelling_code, changes, actor, now);
  auto entry = Entry(actor, "registry.housing_create", housing.dwelling_code);
  entry.detail = changes.AuditDetail();
  context.audit.Record(c, entry);
}

HousingView HousingService::Get(const auth::Principal& actor, const std::string& code) const {
  return context_.database.Read([&](db::Connection& c) { return ViewOf(c, LoadVisible(c, actor, code)); });
}

HousingView HousingService::Update(const auth::Principal& actor, const std::string& code,
                                   const HousingFields& patch) {
  Problems problems;
  const auto fields = CheckHousingFields(patch, false, problems);
  problems.ThrowIfAny();
  return context_.database.Write([&](db::Connection& c) {
    auto housing = LoadVisible(c, actor, code);
    const auto version = housing.version;
    if (fields.expected_version && *fields.expected_version != version) StaleVersion();
    ChangeSet changes;
    changes.Apply("area_m2", housing.area_m2, fields.area_m2);
    changes.Apply("use", housing.use, fields.use);
    changes.Apply("ownership", housing.ownership, fields.ownership);
    changes.Apply("occupancy", housing.occupancy, fields.occupancy);
    changes.Apply("certificate_number", housing.certificate_number, fields.certificate_number);
    changes.Apply("note", housing.note, fields.note);
    if (changes.empty()) return ViewOf(c, std::move(housing));
    const auto now = context_.clock.NowMillis();
    housing.version = version + 1;
    housing.updated_at = now;
    if (!HousingStore::Update(c, housing, version)) StaleVersion();
    ChangeLog::Write(c, kEntity, code, changes, actor, now);
    auto entry = Entry(actor, "registry.housing_update", code);
    entry.detail = changes.AuditDetail();
    context_.audit.Record(c, entry);
    return ViewOf(c, std::move(housing));
  });
}

HousingView HousingService::AddParty(const auth::Principal& actor, const std::string& code,
                                     const NewHousingParty& request) {
  const auto today = ChinaToday(context_.clock);
  Problems problems;
  std::optional<std::string> role, name, started_on;
  CheckTerm(request.role, HousingPartyRoles(), problems, role);
  CheckText(request.party_name, "party_name", 100, problems, name);
  if (request.person_id && !name->empty()) {
    problems.Add("party_name", "one_of", "Give person_id or party_name, not both.",
                 "人员与名称只能填写其一。");
  }
  if (!request.person_id && name->empty()) {
    problems.Add("party_name", "required", "Give person_id (a registered person) or party_name.",
                 "请选择人员（person_id）或填写名称（party_name）。");
  }
  const bool holds_share = role == "owner" || role == "co_owner";
  if (request.share_percent) {
    if (role && !holds_share) {
      problems.Add("share_percent", "not_an_owner", "Only owners and co-owners hold a share.",
                   "只有产权人和共有人有产权份额。");
    } else if (!std::isfinite(*request.share_percent) || *request.share_percent <= 0 ||
               *request.share_percent > 100) {
      problems.Add("share_percent", "out_of_range", "A share is more than 0 and at most 100 (percent).",
                   "产权份额应大于 0、不超过 100（%）。");
    }
  }
  CheckDate(request.started_on.value_or(today), "started_on", problems, started_on, today);
  problems.ThrowIfAny();
  return context_.database.Write([&](db::Connection& c) {
    auto housing = LoadVisible(c, actor, code);
    HousingParty party;
    party.dwelling_code = code;
    party.role = *role;
    party.party_name = *name;
    if (request.person_id) {
      const auto person = VisiblePerson(c, actor, *request.person_id, "person_id");
      party.person_id = person.id;
      party.party_name = person.name;
    }
    party.share_percent = holds_share ? request.share_percent : std::nullopt;
    party.started_on = *started_on;
    party.created_at = context_.clock.NowMillis();
    if (housing.ownership == "shared" && holds_share && !party.share_percent) {
      Problems share;
      share.Add("share_percent", "required", "Shared ownership (产权共有) names each owner's share.",
                "产权共有须填写每位产权人的份额。");
      share.ThrowIfAny();
    }
    const auto parties = HousingStore::Parties(c, code);
    for (const auto& other : parties) {
      if (other.ended_on || other.role != party.role) continue;
      if (party.person_id ? other.person_id == party.person_id
                          : (!other.person_id && other.party_name == party.party_name)) {
        Conflict(party.person_id ? "person_id" : "party_name", "duplicate",
                 "This party holds this role already.", "该当事人已以此身份登记。");
      }
    }
    if (party.share_percent) {
      const auto total = ShareTotal(parties) + *party.share_percent;
      if (total > 100 + kShareTolerance) {
        throw Error(ErrorCode::kConflict,
                    fmt::format("The owners' shares would total {}%, more than 100%.", total),
                    fmt::format("产权份额合计将达 {}%，超过 100%。请先调整或结束其他产权人的份额。", total),
                    nlohmann::json::array({FieldDetail("share_percent", "shares_exceed_100")}));
      }
    }
    party.id = HousingStore::InsertParty(c, party);
    const auto now = party.created_at;
    ChangeSet changes;
    changes.Note(PartyField(party.id), std::nullopt, PartyText(party));
    ChangeLog::Write(c, kEntity, code, changes, actor, now);
    auto entry = Entry(actor, "registry.housing_party_add", code);
    entry.detail = {
        {"party_id", party.id},
        {"role", party.role},
        {"person_id", party.person_id ? nlohmann::json(*party.person_id) : nlohmann::json(nullptr)},
        {"party_name", party.party_name}};
    if (party.share_percent) entry.detail["share_percent"] = *party.share_percent;
    context_.audit.Record(c, entry);
    return ViewOf(c, std::move(housing));
  });
}

HousingView HousingService::EndParty(const auth::Principal& actor, const std::string& code,
                                     std::int64_t party_id, const std::optional<std::string>& ended_on,
                                     const std::string& reason) {
  const auto today = ChinaToday(context_.clock);
  Problems problems;
  std::optional<std::string> date, why;
  CheckDate(ended_on.value_or(today), "ended_on", problems, date, today);
  CheckText(reason, "reason", 100, problems, why);
  problems.ThrowIfAny();
  return context_.database.Write([&](db::Connection& c) {
    auto housing = LoadVisible(c, actor, code);
    const auto parties = HousingStore::Parties(c, code);
    const auto it = std::find_if(parties.begin(), parties.end(),
                                 [&](const HousingParty& party) { return party.id == party_id; });
    if (it == parties.end()) throw Error(ErrorCode::kNotFound);
    if (it->ended_on) Conflict("id", "ended", "The party has ended already.", "该当事人已结束。");
    if (*date < it->started_on) {
      Problems order;
      order.Add("ended_on", "before_start", "The date is before the party started.",
                "结束日期早于开始日期。");
      order.ThrowIfAny();
    }
    HousingStore::EndParty(c, party_id, *date, *why);
    const auto now = context_.clock.NowMillis();
    ChangeSet changes;
    changes.Note(PartyField(party_id), PartyText(*it), std::nullopt);
    ChangeLog::Write(c, kEntity, code, changes, actor, now);
    auto entry = Entry(actor, "registry.housing_party_end", code);
    entry.detail = {{"party_id", party_id}, {"ended_on", *date}, {"reason", *why}};
    context_.audit.Record(c, entry);
    return ViewOf(c, std::move(housing));
  });
}

std::vector<ChangeRecord> HousingService::History(const auth::Principal& actor,
                                                  const std::string& code) const {
  return context_.database.Read([&](db::Connection& c) {
    LoadVisible(c, actor, code);
    return ChangeLog::List(c, kEntity, code, 1000);
  });
}

HousingPage HousingService::Search(const auth::Principal& actor, const HousingQuery& query) const {
  const auto filter = FilterFor(actor, query);
  return context_.database.Read([&](db::Connection& c) {
    auto page = HousingStore::Search(c, filter);
    std::vector<std::string> codes;
    for (const auto& housing : page.items) codes.push_back(housing.dwelling_code);
    page.addresses = AddressesOf(c, codes);
    return page;
  });
}

void HousingService::ForEach(const auth::Principal& actor, const HousingQuery& query,
                             const ExportVisitor& visit) const {
  const auto filter = FilterFor(actor, query);
  context_.database.Read([&](db::Connection& c) {
    HousingStore::ForEachPage(c, filter, [&](std::vector<Housing>& page) {
      std::vector<std::string> codes;
      for (const auto& housing : page) codes.push_back(housing.dwelling_code);
      auto addresses = AddressesOf(c, codes);
      for (const auto& housing : page) visit(housing, addresses[housing.dwelling_code]);
    });
  });
}

}  // namespace shequ::registry
