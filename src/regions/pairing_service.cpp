#include "regions/pairing_service.hpp"

#include "core/errors/error.hpp"
#include "regions/pairing_store.hpp"
#include "regions/region.hpp"
#include "regions/region_store.hpp"

namespace shequ::regions {
namespace {

[[noreturn]] void Invalid(std::string_view field, std::string_view problem, std::string en, std::string zh) {
  throw Error(ErrorCode::kFieldInvalid, std::move(en), std::move(zh),
              nlohmann::json::array({FieldDetail(field, problem)}));
}

}  // namespace

Pairing PairingService::Assign(const auth::Principal& actor, const NewPairing& request) {
  Pairing pairing;
  pairing.kind = request.kind;
  pairing.unit_name = request.unit_name;
  pairing.cadre_user_id = request.cadre_user_id;
  pairing.cadre_name = request.cadre_name;
  pairing.region_code = request.region_code;
  const bool household = pairing.kind == "cadre_household";
  if (!household && pairing.kind != "unit_compound") {
    Invalid("kind", "unknown_kind", "Kind must be unit_compound or cadre_household.",
            "类型须为 unit_compound（单位包联小区）或 cadre_household（干部包联户）。");
  }
  if (pairing.unit_name.empty() || pairing.unit_name.size() > 100) {
    Invalid("unit_name", "bad_length", "Name the paired unit (1-100 bytes).",
            "请填写包联单位（1-100 字节）。");
  }
  if (household) {
    if (pairing.cadre_user_id) {
      const auto name = lookup_ ? lookup_(actor, *pairing.cadre_user_id) : std::nullopt;
      if (!name) {
        throw Error(ErrorCode::kFieldInvalid, "No such account in your area.", "您的管辖范围内没有该账号。",
                    nlohmann::json::array({FieldDetail("cadre_user_id", "not_found")}));
      }
      if (pairing.cadre_name.empty()) pairing.cadre_name = *name;
    }
    if (pairing.cadre_name.empty() || pairing.cadre_name.size() > 100) {
      Invalid("cadre_name", "required", "Name the cadre paired with the household.", "请填写包联干部姓名。");
    }
  } else if (!pairing.cadre_name.empty() || pairing.cadre_user_id) {
    Invalid("cadre_name", "not_for_units", "A unit pairing names no cadre.", "单位包联小区无需填写干部。");
  }
  pairing.started_at = clock_.NowMillis();
  return database_.Write([&](db::Connection& c) {
    const auto node = RegionStore::Find(c, pairing.region_code);
    if (!node || !actor.scope.Contains(pairing.region_code)) throw Error(ErrorCode::kNotFound);
    const int wanted = static_cast<int>(household ? Level::kDwelling : Level::kCompound);
    if (node->level != wanted) {
      Invalid("region_code", household ? "not_a_dwelling" : "not_a_compound",
              household ? "A household pairing names a dwelling." : "A unit pairing names a compound.",
              household ? "包联户须对应一处房屋。" : "单位包联须对应一个小区。");
    }
    if (PairingStore::CountActive(c, pairing) > 0) {
      throw Error(ErrorCode::kConflict, "That pairing is in force already.", "该包联关系已存在。");
    }
    pairing.id = PairingStore::Insert(c, pairing);
    auto entry = audit::AuditLog::By(actor, "pairings.assign", "pairing", std::to_string(pairing.id));
    entry.region_code = pairing.region_code;
    entry.detail = {
        {"kind", pairing.kind}, {"unit_name", pairing.unit_name}, {"cadre_name", pairing.cadre_name}};
    audit_.Record(c, entry);
    return pairing;
  });
}

Pairing PairingService::End(const auth::Principal& actor, std::int64_t id, const std::string& reason) {
  if (reason.size() > 500) Invalid("reason", "too_long", "The reason is too long.", "原因过长。");
  return database_.Write([&](db::Connection& c) {
    auto pairing = PairingStore::Find(c, id);
    if (!pairing || !actor.scope.Contains(pairing->region_code)) throw Error(ErrorCode::kNotFound);
    if (pairing->ended_at)
      throw Error(ErrorCode::kConflict, "The pairing has ended already.", "该包联关系已结束。");
    pairing->ended_at = clock_.NowMillis();
    pairing->end_reason = reason;
    PairingStore::End(c, id, *pairing->ended_at, reason);
    auto entry = audit::AuditLog::By(actor, "pairings.end", "pairing", std::to_string(id));
    entry.region_code = pairing->region_code;
    entry.detail = {{"reason", reason}};
    audit_.Record(c, entry);
    return *pairing;
  });
}

std::vector<Pairing> PairingService::ListUnder(const auth::Principal& actor, const std::string& code,
                                               bool with_history) const {
  return database_.Read([&](db::Connection& c) {
    const auto node = RegionStore::Find(c, code);
    if (!node || !actor.scope.Overlaps(code)) throw Error(ErrorCode::kNotFound);
    auto pairings = PairingStore::ListUnder(c, code, with_history);
    std::erase_if(pairings, [&](const Pairing& p) { return !actor.scope.Contains(p.region_code); });
    return pairings;
  });
}

}  // namespace shequ::regions
