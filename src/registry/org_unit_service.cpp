#include "registry/org_unit_service.hpp"

#include <algorithm>
#include <cctype>

#include "core/db/sql_params.hpp"
#include "core/errors/error.hpp"
#include "regions/subtree_filter.hpp"
#include "registry/field_checks.hpp"
#include "registry/identifiers.hpp"
#include "registry/org_unit_store.hpp"
#include "registry/vocabulary.hpp"

namespace shequ::registry {
namespace {

constexpr std::string_view kEntity = "org_unit";

audit::AuditEntry Entry(const auth::Principal& actor, std::string action, const OrgUnit& unit) {
  auto entry = audit::AuditLog::By(actor, std::move(action), "org_unit", std::to_string(unit.id));
  entry.region_code = unit.region_code;
  return entry;
}

[[noreturn]] void CreditCodeTaken() {
  Conflict("credit_code", "duplicate", "A unit with this credit code is registered already.",
           "该统一社会信用代码已登记。");
}

std::string UpperAscii(std::string text) {
  for (auto& ch : text) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  }
  return text;
}

OrgUnitFilter FilterFor(const auth::Principal& actor, const OrgUnitQuery& query) {
  OrgUnitFilter filter;
  filter.prefixes = regions::SearchPrefixes(actor.scope, query.region);
  filter.name_part = Trim(query.text);
  // A whole credit code finds its unit too; codes are stored upper-case.
  const bool code_like = filter.name_part.size() == 18 &&
                         std::all_of(filter.name_part.begin(), filter.name_part.end(), [](char ch) {
                           return std::isalnum(static_cast<unsigned char>(ch)) != 0;
                         });
  if (code_like) filter.credit_code = UpperAscii(filter.name_part);
  if (!query.kind.empty()) {
    const auto code = OrgUnitKinds().Read(query.kind);
    if (!code) {
      throw Error(ErrorCode::kInvalidQueryParameter, "Not a kind of unit.", "单位类型无效。",
                  nlohmann::json::array({FieldDetail("kind", "invalid")}));
    }
    filter.kind = std::string(*code);
  }
  filter.limit = query.limit;
  filter.offset = query.offset;
  return filter;
}

}  // namespace

OrgUnitFields CheckOrgUnitFields(const OrgUnitFields& in, bool creating, Problems& problems) {
  OrgUnitFields out;
  out.expected_version = in.expected_version;
  CheckText(in.name, "name", 100, problems, out.name);
  if ((creating || in.name) && (!out.name || out.name->empty())) {
    problems.Add("name", "required", "Give the unit's name.", "请填写单位名称。");
  }
  if (in.credit_code) {
    out.credit_code = UpperAscii(Trim(*in.credit_code));
    if (!out.credit_code->empty() && !IsValidCreditCode(*out.credit_code)) {
      problems.Add("credit_code", "invalid_credit_code",
                   "Not a unified social credit code (GB 32100): 18 characters with a check character.",
                   "统一社会信用代码无效（应为 18 位，末位校验码正确）。");
    }
  }
  CheckTerm(in.kind, OrgUnitKinds(), problems, out.kind);
  if (creating && !in.kind) problems.Add("kind", "required", "Give the kind of unit.", "请填写单位类型。");
  CheckText(in.industry, "industry", 50, problems, out.industry);
  if (in.region_code) out.region_code = Trim(*in.region_code);
  if (creating && (!out.region_code || out.region_code->empty())) {
    problems.Add("region_code", "required", "Give where the unit is: a community or a node below.",
                 "请填写单位所在地（社区或其下的节点）。");
  }
  CheckText(in.address, "address", 100, problems, out.address);
  CheckText(in.legal_representative, "legal_representative", 50, problems, out.legal_representative);
  CheckText(in.contact_name, "contact_name", 50, problems, out.contact_name);
  if (in.contact_phone) {
    const auto text = Trim(*in.contact_phone);
    if (text.empty()) {
      out.contact_phone = "";
    } else if (auto phone = NormalisePhone(text)) {
      out.contact_phone = *phone;
    } else {
      problems.Add("contact_phone", "invalid_phone",
                   "Give an 11-digit mobile number or a landline with its area code.",
                   "联系电话应为 11 位手机号码或带区号的固定电话。");
    }
  }
  if (in.employees) {
    if (*in.employees < 0 || *in.employees > 10'000'000) {
      problems.Add("employees", "out_of_range", "Employees: a whole number from 0.",
                   "从业人数应为不小于 0 的整数。");
    }
    out.employees = in.employees;
  }
  return out;
}

OrgUnit OrgUnitService::LoadVisible(db::Connection& c, const auth::Principal& actor, std::int64_t id) const {
  auto unit = OrgUnitStore::Find(c, id);
  if (!unit || !actor.scope.Contains(unit->region_code)) throw Error(ErrorCode::kNotFound);
  return std::move(*unit);
}

OrgUnitView OrgUnitService::ViewOf(db::Connection& c, OrgUnit unit) const {
  auto address = AddressesOf(c, {unit.region_code})[unit.region_code];
  return {std::move(unit), std::move(address)};
}

void OrgUnitService::Apply(db::Connection& c, const auth::Principal& actor, const OrgUnitFields& fields,
                           OrgUnit& unit, ChangeSet& changes) const {
  if (fields.region_code && *fields.region_code != unit.region_code) {
    CheckPlace(c, actor, *fields.region_code, "region_code", PlaceRule::kCommunityOrBelow);
    changes.Apply("region_code", unit.region_code, fields.region_code);
  }
  changes.Apply("name", unit.name, fields.name);
  if (fields.credit_code) {
    const auto value = fields.credit_code->empty() ? std::nullopt : fields.credit_code;
    if (value && value != unit.credit_code) {
      const auto holder = OrgUnitStore::FindIdByCreditCode(c, *value);
      if (holder && *holder != unit.id) CreditCodeTaken();
    }
    changes.Note("credit_code", unit.credit_code, value);
    unit.credit_code = value;
  }
  changes.Apply("kind", unit.kind, fields.kind);
  changes.Apply("industry", unit.industry, fields.industry);
  changes.Apply("address", unit.address, fields.address);
  changes.Apply("legal_representative", unit.legal_representative, fields.legal_representative);
  changes.Apply("contact_name", unit.contact_name, fields.contact_name);
  if (fields.contact_phone) {
    const auto index = fields.contact_phone->empty()
                           ? std::nullopt
                           : std::optional(context_.vault.Index(*fields.contact_phone, kUnitPhoneContext));
    if (index != unit.contact_phone_index) {
      // The history and the audit log see masks only.
      const auto sealed = context_.vault.SealPhone(*fields.contact_phone, kUnitPhoneContext);
      changes.Note("contact_phone", unit.contact_phone_mask, sealed.mask);
      unit.contact_phone_cipher = sealed.cipher;
      unit.contact_phone_index = sealed.index;
      unit.contact_phone_mask = sealed.mask;
    }
  }
  if (fields.employees) {
    changes.Note("employees", ChangeText(unit.employees), ChangeText(fields.employees));
    unit.employees = fields.employees;
  }
}

OrgUnitView OrgUnitService::Create(const auth::Principal& actor, const OrgUnitFields& request) {
  Problems problems;
  const auto fields = CheckOrgUnitFields(request, true, problems);
  problems.ThrowIfAny();
  return context_.database.Write([&](db::Connection& c) {
    const auto now = context_.clock.NowMillis();
    OrgUnit unit;
    ChangeSet changes;
    Apply(c, actor, fields, unit, changes);
    unit.created_at = unit.updated_at = now;
    try {
      unit.id = OrgUnitStore::Insert(c, unit);
    } catch (const db::DatabaseError& e) {
      // Two clerks registering one unit at once: the unique index decides.
      if (e.kind() != db::DatabaseError::Kind::kUniqueViolation) throw;
      CreditCodeTaken();
    }
    ChangeLog::Write(c, kEntity, std::to_string(unit.id), changes, actor, now);
    auto entry = Entry(actor, "registry.unit_create", unit);
    entry.detail = changes.AuditDetail();
    context_.audit.Record(c, entry);
    return ViewOf(c, std::move(unit));
  });
}

OrgUnitView OrgUnitService::Get(const auth::Principal& actor, std::int64_t id) const {
  return context_.database.Read([&](db::Connection& c) { return ViewOf(c, LoadVisible(c, actor, id)); });
}

OrgUnitView OrgUnitService::Update(const auth::Principal& actor, std::int64_t id,
                                   const OrgUnitFields& patch) {
  Problems problems;
  const auto fields = CheckOrgUnitFields(patch, false, problems);
  problems.ThrowIfAny();
  return context_.database.Write([&](db::Connection& c) {
    auto unit = LoadVisible(c, actor, id);
    const auto version = unit.version;
    if (fields.expected_version && *fields.expected_version != version) StaleVersion();
    ChangeSet changes;
    Apply(c, actor, fields, unit, changes);
    if (changes.empty()) return ViewOf(c, std::move(unit));
    const auto now = context_.clock.NowMillis();
    unit.version = version + 1;
    unit.updated_at = now;
    try {
      if (!OrgUnitStore::Update(c, unit, version)) StaleVersion();
    } catch (const db::DatabaseError& e) {
      if (e.kind() != db::DatabaseError::Kind::kUniqueViolation) throw;
      CreditCodeTaken();
    }
    ChangeLog::Write(c, kEntity, std::to_string(id), changes, actor, now);
    auto entry = Entry(actor, "registry.unit_update", unit);
    entry.detail = changes.AuditDetail();
    context_.audit.Record(c, entry);
    return ViewOf(c, std::move(unit));
  });
}

std::optional<std::string> OrgUnitService::RevealPhone(const auth::Principal& actor, std::int64_t id,
                                                       const std::string& reason) {
  const auto trimmed = Trim(reason);
  if (CharacterCount(trimmed) < 2 || CharacterCount(trimmed) > 200) {
    Problems problems;
    problems.Add("reason", "required", "State why you need the clear value (2-200 characters).",
                 "请说明查看原因（2-200 个字）。");
    problems.ThrowIfAny();
  }
  return context_.database.Write([&](db::Connection& c) {
    const auto unit = LoadVisible(c, actor, id);
    std::optional<std::string> phone;
    if (unit.contact_phone_cipher)
      phone = context_.vault.Decrypt(*unit.contact_phone_cipher, kUnitPhoneContext);
    // Recorded with the read itself: no clear value leaves without its trace.
    auto entry = Entry(actor, "registry.unit_reveal", unit);
    entry.detail = {{"fields", nlohmann::json::array({"contact_phone"})}, {"reason", trimmed}};
    context_.audit.Record(c, entry);
    return phone;
  });
}

std::vector<ChangeRecord> OrgUnitService::History(const auth::Principal& actor, std::int64_t id) const {
  return context_.database.Read([&](db::Connection& c) {
    LoadVisible(c, actor, id);
    return ChangeLog::List(c, kEntity, std::to_string(id), 1000);
  });
}

OrgUnitPage OrgUnitService::Search(const auth::Principal& actor, const OrgUnitQuery& query) const {
  const auto filter = FilterFor(actor, query);
  return context_.database.Read([&](db::Connection& c) {
    auto page = OrgUnitStore::Search(c, filter);
    std::vector<std::string> codes;
    for (const auto& unit : page.items) codes.push_back(unit.region_code);
    page.addresses = AddressesOf(c, codes);
    return page;
  });
}

void OrgUnitService::ForEach(const auth::Principal& actor, const OrgUnitQuery& query,
                             const ExportVisitor& visit) const {
  const auto filter = FilterFor(actor, query);
  context_.database.Read([&](db::Connection& c) {
    OrgUnitStore::ForEachPage(c, filter, [&](std::vector<OrgUnit>& page) {
      std::vector<std::string> codes;
      for (auto& unit : page) {
        codes.push_back(unit.region_code);
        // Nothing sealed leaves through an export, not even as ciphertext.
        unit.contact_phone_cipher.reset();
        unit.contact_phone_index.reset();
      }
      auto addresses = AddressesOf(c, codes);
      for (const auto& unit : page) visit(unit, addresses[unit.region_code]);
    });
  });
}

}  // namespace shequ::registry
