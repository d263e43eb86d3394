#include "registry/field_checks.hpp"

#include <algorithm>

#include "core/auth/scope.hpp"
#include "core/errors/error.hpp"
#include "regions/region_store.hpp"
#include "registry/person_service.hpp"
#include "registry/person_store.hpp"

namespace shequ::registry {

std::string Trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  const auto end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

std::size_t CharacterCount(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(
      utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void CheckText(const std::optional<std::string>& value, std::string_view field, std::size_t max_characters,
               Problems& problems, std::optional<std::string>& out) {
  if (!value) return;
  out = Trim(*value);
  if (CharacterCount(*out) > max_characters) {
    problems.Add(field, "too_long", "At most " + std::to_string(max_characters) + " characters.",
                 "不能超过 " + std::to_string(max_characters) + " 个字。");
  }
}

void CheckTerm(const std::optional<std::string>& value, const Vocabulary& vocabulary, Problems& problems,
               std::optional<std::string>& out, std::string_view field) {
  if (!value) return;
  const auto text = Trim(*value);
  if (auto code = vocabulary.Read(text)) {
    out = std::string(*code);
    return;
  }
  std::string codes;
  std::string labels;
  for (const auto& term : vocabulary.terms) {
    codes += (codes.empty() ? "" : ", ") + std::string(term.code);
    labels += (labels.empty() ? "" : "、") + std::string(term.label);
  }
  problems.Add(field.empty() ? vocabulary.field : field, "unknown_value",
               "Not one of the allowed values: " + codes + ".", "取值无效，可选：" + labels + "。");
}

void CheckDate(const std::optional<std::string>& value, std::string_view field, Problems& problems,
               std::optional<std::string>& out, const std::optional<std::string>& latest) {
  if (!value) return;
  out = Trim(*value);
  if (!IsDate(*out) || (latest && *out > *latest)) {
    problems.Add(field, "invalid_date",
                 latest ? "Give the date as YYYY-MM-DD, not after today." : "Give the date as YYYY-MM-DD.",
                 latest ? "日期格式应为 YYYY-MM-DD，且不晚于今天。" : "日期格式应为 YYYY-MM-DD。");
  }
}

std::optional<std::string> NormalisePhone(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c == ' ' || c == '-') continue;
    if (c < '0' || c > '9') return std::nullopt;
    digits += c;
  }
  if (digits.size() == 11 && digits[0] == '1' && digits[1] >= '3') return digits;
  if (digits.size() >= 10 && digits.size() <= 12 && digits[0] == '0') return digits;
  return std::nullopt;
}

void Conflict(std::string_view field, std::string_view problem, std::string en, std::string zh) {
  throw Error(ErrorCode::kConflict, std::move(en), std::move(zh),
              nlohmann::json::array({FieldDetail(field, problem)}));
}

void StaleVersion() {
  Conflict("version", "stale", "The record was changed by someone else; reload it.",
           "该记录已被他人修改，请刷新后重试。");
}

regions::Region CheckPlace(db::Connection& c, const auth::Principal& actor, const std::string& code,
                           std::string_view field, PlaceRule rule) {
  Problems problems;
  if (!auth::IsRegionCode(code)) {
    problems.Add(field, "not_a_code", "Give a region code.", "请填写区划代码。");
    problems.ThrowIfAny();
  }
  if (!actor.scope.Contains(code)) {
    throw Error(ErrorCode::kScopeViolation, "The address is outside your area.", "该地址不在您的管辖范围内。",
                nlohmann::json::array({FieldDetail(field, "outside_scope")}));
  }
  auto node = regions::RegionStore::Find(c, code);
  if (!node || node->status != "active") {
    problems.Add(field, "unknown_address", "No such node of the tree.", "地址不存在。");
  } else if (rule == PlaceRule::kDwelling && node->level != static_cast<int>(regions::Level::kDwelling)) {
    problems.Add(field, "wrong_level", "Give a dwelling (a room of a unit), not a larger area.",
                 "须为具体房屋（室），不能是小区、楼栋或单元。");
  } else if (rule == PlaceRule::kCommunityOrBelow &&
             node->level < static_cast<int>(regions::Level::kCommunity)) {
    problems.Add(field, "wrong_level", "Give a community or a node below it (compound … dwelling).",
                 "须为社区（村）或其下的小区、楼栋、单元、房屋。");
  }
  problems.ThrowIfAny();
  return std::move(*node);
}

Person VisiblePerson(db::Connection& c, const auth::Principal& actor, std::int64_t person_id,
                     std::string_view field) {
  auto person = PersonStore::Find(c, person_id);
  if (!person || !VisibleTo(actor.scope, *person)) {
    Problems problems;
    problems.Add(field, "unknown_person", "No such person in your area.", "您的管辖范围内没有此人。");
    problems.ThrowIfAny();
  }
  return std::move(*person);
}

std::optional<std::int64_t> ActorId(const auth::Principal& actor) {
  return actor.user_id > 0 ? std::optional(actor.user_id) : std::nullopt;
}

}  // namespace shequ::registry
