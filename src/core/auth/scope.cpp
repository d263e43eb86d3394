#include "core/auth/scope.hpp"

#include <algorithm>

namespace shequ::auth {

bool IsRegionCode(std::string_view code) {
  return code.size() >= 12 && code.size() <= 32 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view SignificantPrefix(std::string_view code) {
  if (code.size() != 12) return code;  // below a community: the whole code is significant
  // Level boundaries of the 12-digit code: province | city | county | town | village.
  static constexpr std::size_t kBoundaries[] = {9, 6, 4, 2, 0};
  std::size_t end = 12;
  for (auto boundary : kBoundaries) {
    if (code.substr(boundary, end - boundary).find_first_not_of('0') != std::string_view::npos) break;
    end = boundary;
  }
  return code.substr(0, end);
}

Scope Scope::National() {
  Scope scope;
  scope.national_ = true;
  return scope;
}

Scope Scope::Of(std::vector<std::string> codes) {
  Scope scope;
  for (auto& code : codes) {
    if (SignificantPrefix(code).empty()) scope.national_ = true;
  }
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  scope.codes_ = std::move(codes);
  return scope;
}

bool Scope::Contains(std::string_view code) const {
  if (national_) return true;
  if (!IsRegionCode(code)) return false;
  return std::any_of(codes_.begin(), codes_.end(),
                     [&](const std::string& node) { return code.starts_with(SignificantPrefix(node)); });
}

bool Scope::Overlaps(std::string_view code) const {
  if (Contains(code)) return true;
  if (!IsRegionCode(code)) return false;
  const auto prefix = SignificantPrefix(code);
  return std::any_of(codes_.begin(), codes_.end(),
                     [&](const std::string& node) { return node.starts_with(prefix); });
}

bool Scope::Covers(const Scope& other) const {
  if (national_) return true;
  if (other.national_ || other.codes_.empty()) return false;
  return std::all_of(other.codes_.begin(), other.codes_.end(), [&](const auto& c) { return Contains(c); });
}

std::vector<std::string> Scope::Prefixes() const {
  if (national_) return {""};
  std::vector<std::string> prefixes;
  for (const auto& code : codes_) prefixes.emplace_back(SignificantPrefix(code));
  return prefixes;
}

}  // namespace shequ::auth
